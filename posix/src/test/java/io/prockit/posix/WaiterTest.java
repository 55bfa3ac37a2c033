package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Child.waitFor} racing the reaper thread (Linux: the waiting thread polls a pidfd of its own and reaps
 * the child itself; macOS: the kqueue reaper): one status for every waiter, interrupts still end the wait,
 * callbacks still run.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WaiterTest {

    @Test
    void manyWaitersAndTheCallbackSeeOneStatus() throws Exception {
        Child c = Command.of("/bin/sh", "-c", "sleep 0.3; exit 7").spawn();
        try {
            CompletableFuture<ExitStatus> callback = c.onExit();
            List<Thread> threads = new ArrayList<>();
            List<AtomicReference<Object>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AtomicReference<Object> r = new AtomicReference<>();
                seen.add(r);
                boolean timed = i % 2 == 0;
                Thread t = new Thread(() -> {
                    try {
                        r.set(timed ? c.waitFor(Duration.ofMinutes(5)).orElseThrow() : c.waitFor());
                    } catch (Throwable e) {
                        r.set(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            for (AtomicReference<Object> r : seen) {
                assertEquals(ExitStatus.exited(7), r.get());
            }
            assertEquals(ExitStatus.exited(7), callback.get());
            assertEquals(ExitStatus.exited(7), c.waitFor());
            assertFalse(c.signal(Signal.of("SIGTERM")), "a reaped child is never signalled");
            assertTrue(c.resourceUsage().isPresent());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void anInterruptBeforeTheWaitEndsItAndTheChildIsStillReaped() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, c::waitFor);
            assertFalse(Thread.interrupted(), "the interrupt is consumed by the exception");
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> c.waitFor(Duration.ofMinutes(5)));
            assertFalse(Thread.interrupted());
            assertTrue(c.kill());
            assertEquals(ExitStatus.signaled(Signal.of("SIGKILL"), false), c.waitFor());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void anInterruptWhileBlockedEndsTheWait() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Object> result = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                started.countDown();
                try {
                    result.set(c.waitFor());
                } catch (Throwable e) {
                    result.set(e);
                }
            });
            waiter.start();
            started.await();
            waiter.interrupt();
            waiter.join();
            assertInstanceOf(InterruptedException.class, result.get());
            assertFalse(c.hasExited(), "the child keeps running after the waiter is interrupted");
            assertTrue(c.kill());
            assertEquals(ExitStatus.signaled(Signal.of("SIGKILL"), false), c.waitFor());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void aWaiterThatGivesUpHandsTheChildBackToTheReaper() throws Exception {
        Child c = Command.of("/bin/sh", "-c", "read line; exit 3").stdin(Stdio.pipe()).spawn();
        try {
            // The waiter takes the child out of the reaper's set while it polls, and must put it back.
            assertEquals(Optional.empty(), c.waitFor(Duration.ofMillis(50)));
            c.stdin().close();
            // Nobody waits in waitFor now: only the reaper thread can complete this.
            assertEquals(ExitStatus.exited(3), c.onExit().get(5, TimeUnit.MINUTES));
            assertTrue(c.hasExited());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void aTimedWaitOnARunningChildIsEmptyThenTheStatusComes() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            assertEquals(Optional.empty(), c.waitFor(Duration.ofMillis(120)));
            assertEquals(Optional.empty(), c.waitFor(Duration.ZERO));
            assertFalse(c.hasExited());
            assertTrue(c.terminate());
            assertEquals(Optional.of(ExitStatus.signaled(Signal.of("SIGTERM"), false)),
                    c.waitFor(Duration.ofMinutes(5)));
        } finally {
            Children.reap(c);
        }
    }
}
