package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.concurrent.CompletableFuture;
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
}
