package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 6: {@code onExit()} completes off prockit's reaper thread, so a callback that blocks on
 * another child's {@code onExit()} stalls neither that child nor any other.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OnExitAsyncTest {

    @Test
    void aCallbackBlockingOnAnotherChildsOnExitDoesNotFreezeTheReaper() throws Exception {
        Child c1 = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
        Child c2 = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
        Child c3 = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
        try {
            CountDownLatch inCallback = new CountDownLatch(1);
            CompletableFuture<ExitStatus> chained = c1.onExit().thenApply(s -> {
                inCallback.countDown();
                return c2.onExit().join();
            });
            c1.stdin().close(); // c1 ends: its callback now waits for c2
            assertTrue(inCallback.await(20, TimeUnit.SECONDS), "c1's callback never ran");
            c2.stdin().close(); // only now: c2's end must be seen while c1's callback blocks
            c3.stdin().close();
            // Bounded: on a frozen reaper these would never complete.
            assertEquals(ExitStatus.exited(0), chained.get(20, TimeUnit.SECONDS));
            assertEquals(ExitStatus.exited(0), c3.onExit().get(20, TimeUnit.SECONDS));
        } finally {
            // Frees a frozen reaper in the failing case: a waiter reaps c2 itself, which completes the join.
            for (Child c : new Child[] {c1, c2, c3}) {
                Children.reap(c);
            }
        }
    }

    @Test
    void onExitCallbacksNeverRunOnTheReaperThread() throws Exception {
        Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
        try {
            AtomicReference<String> thread = new AtomicReference<>();
            CompletableFuture<Void> f = c.onExit().thenAccept(s -> thread.set(Thread.currentThread().getName()));
            c.stdin().close();
            f.get(20, TimeUnit.SECONDS);
            assertNotNull(thread.get());
            assertFalse(thread.get().startsWith("prockit-reaper"), "callback ran on " + thread.get());
        } finally {
            Children.reap(c);
        }
    }
    /**
     * The completions hop to a bounded pool: 40 children ending together, each callback sleeping, must not get
     * a thread each (a cached pool started one thread per callback here: 40).
     */
    @Test
    void manyChildrenEndingTogetherCompleteOnABoundedNumberOfThreads() throws Exception {
        int n = 40;
        List<Child> children = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Set<String> before = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(java.util.stream.Collectors.toSet());
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
                children.add(c);
                done.add(c.onExit().thenAccept(s -> {
                    threads.add(Thread.currentThread().getName());
                    try {
                        Thread.sleep(20); // a slow callback: a cached pool needs a new thread for the next one
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Child c : children) {
                c.stdin().close();
            }
            CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            int bound = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
            threads.removeAll(before); // threads an earlier test left idle may be reused: only new ones count
            assertTrue(threads.size() <= bound, n + " callbacks started " + threads.size() + " threads (bound "
                    + bound + "): " + threads);
        } finally {
            children.forEach(Children::reap);
        }
    }

    /**
     * A chain longer than the pool: each callback blocks on the next child's {@code onExit()}, all of them at
     * once, and the last child's end must still complete (a fixed pool of that size would deadlock here).
     */
    @Test
    void aChainOfBlockedCallbacksLongerThanThePoolStillCompletes() throws Exception {
        int n = Math.max(12, 4 * Runtime.getRuntime().availableProcessors());
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                children.add(Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn());
            }
            CountDownLatch blocked = new CountDownLatch(n - 1);
            List<CompletableFuture<ExitStatus>> chain = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                Child next = children.get(i + 1);
                chain.add(children.get(i).onExit().thenApply(s -> {
                    blocked.countDown();
                    return next.onExit().join();
                }));
            }
            for (int i = 0; i < n - 1; i++) {
                children.get(i).stdin().close();
            }
            assertTrue(blocked.await(30, TimeUnit.SECONDS), (n - 1 - blocked.getCount()) + " of " + (n - 1)
                    + " callbacks ran while the others blocked");
            children.get(n - 1).stdin().close();
            for (CompletableFuture<ExitStatus> f : chain) {
                assertEquals(ExitStatus.exited(0), f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            children.forEach(Children::reap);
        }
    }
    /**
     * A user's {@code ProcessListener.onExit}, when the exit is the last event (the child closed its pipes
     * first), runs off the reaper: blocking in it must not stop another child's exit from being seen.
     */
    @Test
    void aBlockingListenerOnExitDoesNotFreezeTheReaper() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch entered = new CountDownLatch(1);
        Child other = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
        Child listened = null;
        try {
            listened = Command.of("sh", "-c", "exec >&- 2>&-; read x").stdin(Stdio.pipe())
                    .spawn(new io.prockit.ProcessListener() {
                        @Override
                        public void onExit(ExitStatus status) {
                            thread.set(Thread.currentThread().getName());
                            entered.countDown();
                            try {
                                release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            listened.stdin().close(); // its pipes are already at their end: the exit is the last event
            assertTrue(entered.await(20, TimeUnit.SECONDS), "onExit never ran");
            other.stdin().close();
            assertEquals(ExitStatus.exited(0), other.onExit().get(20, TimeUnit.SECONDS),
                    "another child's exit while a listener's onExit blocks");
            assertFalse(thread.get().startsWith("prockit-reaper"), "onExit ran on " + thread.get());
        } finally {
            release.countDown();
            Children.reap(other);
            if (listened != null) {
                Children.reap(listened);
            }
        }
    }
    /**
     * Callbacks blocked on a monitor (not a future: no spare thread is added for them) must not stop another
     * child's {@code onExit()} from completing: the pool adds a thread when its threads stop making progress.
     */
    @Test
    void callbacksBlockedOnAMonitorDoNotStarveAnotherChildsOnExit() throws Exception {
        Object lock = new Object();
        int blockers = 2 * Math.max(2, Runtime.getRuntime().availableProcessors());
        List<Child> children = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int i = 0; i < blockers + 1; i++) {
                children.add(Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn());
            }
            for (int i = 0; i < blockers; i++) {
                children.get(i).onExit().thenRun(() -> {
                    entered.incrementAndGet();
                    synchronized (lock) {
                        entered.get();
                    }
                });
            }
            Child last = children.get(blockers);
            CompletableFuture<ExitStatus> lastExit = last.onExit();
            synchronized (lock) {
                for (int i = 0; i < blockers; i++) {
                    children.get(i).stdin().close();
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (entered.get() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                last.stdin().close();
                assertEquals(ExitStatus.exited(0), last.waitFor());
                assertEquals(ExitStatus.exited(0), lastExit.get(20, TimeUnit.SECONDS),
                        "onExit() while " + entered.get() + " callbacks wait for a lock this thread holds");
            }
        } finally {
            children.forEach(Children::reap);
        }
    }

    /** A callback that leaves its thread interrupted must not hand the interrupt to the next callback. */
    @Test
    void anInterruptLeftByOneCallbackDoesNotReachTheNext() throws Exception {
        int n = 30;
        List<Child> children = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger startedInterrupted = new java.util.concurrent.atomic.AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                children.add(Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn());
            }
            for (Child c : children) {
                done.add(c.onExit().thenAccept(s -> {
                    if (Thread.currentThread().isInterrupted()) {
                        startedInterrupted.incrementAndGet();
                    }
                    Thread.currentThread().interrupt();
                }));
            }
            for (Child c : children) {
                c.stdin().close();
            }
            CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            assertEquals(0, startedInterrupted.get(), "callbacks that started with the interrupt flag set");
        } finally {
            children.forEach(Children::reap);
        }
    }
}
