package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Stdio;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races between prockit's own children and {@code Os.waitpid(-1)} / {@code Os.waitAny()}: a freshly spawned child
 * is registered before anything else can wait for it, so a wait for "any child" never takes it; a foreign child
 * that another reaper (the JDK's) takes between the look and the reap is retried, never reported as NO_CHILD
 * while children are pending. Short variants run in the normal suite; the long ones carry the "stress" tag.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WaitEngineRaceTest {

    @Test
    void waitAnyNeverTakesAFreshChildShort() throws Exception {
        spawnWhileWaitingForAny(2_000);
    }

    @Test
    @Tag("stress")
    void waitAnyNeverTakesAFreshChild() throws Exception {
        spawnWhileWaitingForAny(30_000);
    }

    @Test
    void foreignRacesAreRetriedShort() throws Exception {
        foreignRaces(2_000);
    }

    @Test
    @Tag("stress")
    void foreignRacesAreRetried() throws Exception {
        foreignRaces(30_000);
    }

    /**
     * Threads spawn {@code true} and wait for it; two more threads call {@code Os.waitpid(-1, WNOHANG)} and
     * {@code Os.waitAny()} all the while. Every spawner must get its own child's status.
     */
    private static void spawnWhileWaitingForAny(long millis) throws Exception {
        Procs.drainUncollected();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger spawned = new AtomicInteger();
        AtomicInteger reported = new AtomicInteger();
        ConcurrentLinkedQueue<String> stolen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    Child c;
                    try {
                        c = Command.of("true").spawn();
                    } catch (Throwable e) {
                        unexpected.add(e);
                        return;
                    }
                    spawned.incrementAndGet();
                    try {
                        ExitStatus s = c.waitFor();
                        if (!s.equals(ExitStatus.exited(0))) {
                            stolen.add(c.pid() + ": " + s);
                        }
                    } catch (IllegalStateException e) {
                        stolen.add(c.pid() + ": " + e + " / " + e.getCause());
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
            }, "spawner-" + i));
        }
        threads.add(new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (Os.waitpid(-1, Os.WNOHANG).pid() != 0) {
                        reported.incrementAndGet();
                    }
                } catch (OsException e) {
                    if (e.kind() != ErrorKind.NO_CHILD) {
                        unexpected.add(e);
                    }
                }
            }
        }, "waitpid-any"));
        threads.add(new Thread(() -> {
            while (!stop.get()) {
                try {
                    Os.waitAny();
                    reported.incrementAndGet();
                } catch (OsException e) {
                    if (e.kind() != ErrorKind.NO_CHILD) {
                        unexpected.add(e);
                    }
                }
            }
        }, "wait-any"));
        threads.forEach(Thread::start);
        Thread.sleep(millis);
        stop.set(true);
        // The waitAny thread may be blocked on the last children: let it see one more, then it sees the flag.
        Child last = Command.of("true").spawn();
        for (Thread t : threads) {
            t.join(60_000);
            assertTrue(!t.isAlive(), t.getName() + " still running");
        }
        Children.reap(last);
        Procs.drainUncollected();
        System.out.printf("waitAnyNeverTakesAFreshChild: %d spawned, %d also reported by waitpid(-1)/waitAny, %d stolen%n",
                spawned.get(), reported.get(), stolen.size());
        assertTrue(unexpected.isEmpty(), "unexpected: " + unexpected);
        assertEquals(List.of(), List.copyOf(stolen).subList(0, Math.min(20, stolen.size())),
                stolen.size() + " of " + spawned.get() + " children were taken from their owner");
    }

    /**
     * The JDK spawns and reaps its own children in a loop while a prockit child is pending; two more threads call
     * {@code Os.waitpid(-1, WNOHANG)} and {@code Os.waitAny()}, which see the JDK's children and race the JDK to
     * reap them. They must never report NO_CHILD: prockit's child is still there.
     */
    private static void foreignRaces(long millis) throws Exception {
        Procs.drainUncollected();
        Child pending = Command.of("sh", "-c", "read x").stdin(Stdio.pipe()).spawn();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    try {
                        new ProcessBuilder("true").start().waitFor();
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                }
            }, "jdk-spawner-" + i));
        }
        threads.add(new Thread(() -> {
            while (!stop.get()) {
                try {
                    calls.incrementAndGet();
                    int pid = Os.waitpid(-1, Os.WNOHANG).pid();
                    if (pid == pending.pid()) {
                        failures.add(new AssertionError("the pending child was reported as ended"));
                    }
                } catch (OsException e) {
                    failures.add(e);
                }
            }
        }, "waitpid-any"));
        Thread blocking = new Thread(() -> {
            while (!stop.get()) {
                try {
                    calls.incrementAndGet();
                    int pid = Os.waitAny().pid();
                    if (pid == pending.pid() && !stop.get()) {
                        failures.add(new AssertionError("the pending child was reported as ended"));
                    }
                } catch (OsException e) {
                    failures.add(e);
                }
            }
        }, "wait-any");
        try {
            threads.forEach(Thread::start);
            blocking.start();
            Thread.sleep(millis);
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
            pending.stdin().close(); // ends the pending child, which also ends a waitAny blocked on it
            blocking.join(60_000);
            Children.reap(pending);
        }
        assertTrue(!blocking.isAlive(), "waitAny still blocked");
        System.out.printf("foreignRacesAreRetried: %d waitpid(-1, WNOHANG) calls, %d failures%n", calls.get(),
                failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.peek());
    }
}
