package io.prockit.posix;

import io.prockit.testing.TestChild;
import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.WaitResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one wait engine behind {@code Child.waitFor} and {@code Os.waitpid/wait3/wait4/waitid/waitAny}: the kernel
 * decides group membership when the wait happens, WNOHANG answers at once, a non-blocking pidfd is honoured, an
 * interrupted wait leaves the child registered.
 *
 * <p>A child leaves its process group through {@code setsid(1)} (util-linux), which calls {@code setsid()} and
 * execs in the same process when the caller is not a group leader (a posix_spawn child is not); where that
 * program is missing (macOS) the TestChild calls {@code Os.setsid()} itself.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WaitEngineTest {
    private static final long BOUND_S = 20;

    @BeforeEach
    void collectOtherTestsChildren() {
        Procs.drainUncollected();
    }

    /**
     * A child that moves itself into a new session (and group), says so, then waits for its stdin to close:
     * {@code setsid(1)} where it is installed (util-linux: fast), else (macOS) the TestChild calling
     * {@code Os.setsid()}.
     */
    private static Child movedChild(int exitCode) throws Exception {
        Command cmd = onPath("setsid") ? Command.of("setsid", "sh", "-c", "echo moved; read x; exit " + exitCode)
                : TestChild.command("setsid", "echo:moved", "readline", "exit:" + exitCode);
        Child c = cmd.stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        BufferedReader r = new BufferedReader(new InputStreamReader(c.stdout(), StandardCharsets.UTF_8));
        assertEquals("moved", r.readLine());
        assertEquals(c.pid(), Os.getpgid(c.pid()), "setsid made the child lead its own group");
        return c;
    }

    private static boolean onPath(String program) {
        try {
            Procs.program(program);
            return true;
        } catch (IllegalStateException absent) {
            return false;
        }
    }

    /** Runs {@code call} on a fresh thread and returns its result and the CPU time it used, in a bounded time. */
    private static <T> T bounded(Supplier<T> call, AtomicLong cpuNanos) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long start = mx.getCurrentThreadCpuTime();
            try {
                f.complete(call.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            } finally {
                cpuNanos.set(mx.getCurrentThreadCpuTime() - start);
            }
        }, "wait-engine-test");
        t.setDaemon(true);
        t.start();
        try {
            return f.get(BOUND_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        } catch (TimeoutException e) {
            fail("the wait did not return within " + BOUND_S + " s (it spins or blocks on the wrong thing)");
            return null;
        }
    }

    @Test
    void waitpidZeroWithNohangAnswersAtOnceWhenTheChildLeftTheGroup() throws Exception {
        Child moved = movedChild(0);
        try {
            for (int i = 0; i < 3; i++) {
                AtomicLong cpu = new AtomicLong();
                Object r = bounded(() -> {
                    try {
                        return Os.waitpid(0, Os.WNOHANG);
                    } catch (OsException e) {
                        return e;
                    }
                }, cpu);
                if (r instanceof WaitResult w) {
                    assertEquals(0, w.pid(), "no child of our group has ended: " + w);
                } else {
                    assertEquals(ErrorKind.NO_CHILD, ((OsException) r).kind(), r.toString());
                }
                assertTrue(cpu.get() < TimeUnit.MILLISECONDS.toNanos(500), "WNOHANG used " + cpu.get() / 1e6 + " ms CPU");
                Object r4 = bounded(() -> {
                    try {
                        return Os.wait4(0, Os.WNOHANG);
                    } catch (OsException e) {
                        return e;
                    }
                }, cpu);
                assertTrue(r4 instanceof OsException || ((io.prockit.Wait4Result) r4).pid() == 0, r4.toString());
                Object ri = bounded(() -> {
                    try {
                        return java.util.Optional.ofNullable(Os.waitid(Os.P_PGID, 0, Os.WEXITED | Os.WNOHANG));
                    } catch (OsException e) {
                        return e;
                    }
                }, cpu);
                assertTrue(ri instanceof OsException || ((java.util.Optional<?>) ri).isEmpty(), ri.toString());
            }
        } finally {
            moved.stdin().close();
            assertEquals(ExitStatus.exited(0), moved.waitFor());
        }
    }

    @Test
    void waitpidZeroDoesNotReturnAChildThatLeftTheGroup() throws Exception {
        Child moved = movedChild(3);
        Child stayed = Command.of("sh", "-c", "read x; exit 4").stdin(Stdio.pipe()).spawn();
        try {
            moved.stdin().close();
            moved.onExit().get(BOUND_S, TimeUnit.SECONDS); // ended and reaped, not yet collected
            CompletableFuture<WaitResult> w = CompletableFuture.supplyAsync(() -> Os.waitpid(0, 0));
            stayed.stdin().close();
            WaitResult r = w.get(BOUND_S, TimeUnit.SECONDS);
            assertEquals(stayed.pid(), r.pid(), "waitpid(0) took pid " + r.pid() + " (moved child " + moved.pid() + ")");
            assertEquals(4, Os.waitstatusToExitcode(r.status()));
            WaitResult m = Os.waitpid(moved.pid(), 0);
            assertEquals(moved.pid(), m.pid());
            assertEquals(3, Os.waitstatusToExitcode(m.status()));
        } finally {
            Children.reap(moved);
            Children.reap(stayed);
        }
    }

    @Test
    void waitpidOfTheNewGroupCollectsTheMovedChild() throws Exception {
        for (int i = 0; i < 10; i++) {
            Child moved = movedChild(5);
            try {
                int pgid = Os.getpgid(moved.pid());
                CompletableFuture<WaitResult> w = CompletableFuture.supplyAsync(() -> Os.waitpid(-pgid, 0));
                moved.stdin().close();
                WaitResult r = w.get(BOUND_S, TimeUnit.SECONDS);
                assertEquals(moved.pid(), r.pid(), "round " + i);
                assertEquals(5, Os.waitstatusToExitcode(r.status()));
            } catch (ExecutionException e) {
                throw new AssertionError("round " + i + ": " + e.getCause(), e.getCause());
            } finally {
                Children.reap(moved);
            }
        }
    }

    /**
     * A wait for any child blocks in the kernel; the reaper must not reap the child it wakes for underneath it
     * (the wait would then sleep on while another child runs). Each round: two children run, the first is told
     * to end, and the blocked wait must return it while the second still runs.
     */
    @Test
    void aBlockedWaitForAnyChildSeesEachExitWhileOthersRun() throws Exception {
        for (int i = 0; i < 20; i++) {
            Child first = Command.of("sh", "-c", "read x; exit 11").stdin(Stdio.pipe()).spawn();
            Child second = Command.of("sh", "-c", "read x; exit 12").stdin(Stdio.pipe()).spawn();
            try {
                CompletableFuture<WaitResult> w = CompletableFuture.supplyAsync(Os::waitAny);
                first.stdin().close();
                WaitResult r = w.get(BOUND_S, TimeUnit.SECONDS);
                assertEquals(first.pid(), r.pid(), "round " + i);
                assertEquals(11, Os.waitstatusToExitcode(r.status()));
                CompletableFuture<WaitResult> g = CompletableFuture.supplyAsync(() -> Os.waitpid(0, 0));
                second.stdin().close();
                WaitResult r2 = g.get(BOUND_S, TimeUnit.SECONDS);
                assertEquals(second.pid(), r2.pid(), "round " + i);
            } finally {
                Children.reap(first);
                Children.reap(second);
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // pidfds
    void waitidOnANonBlockingPidfdFailsWithEagainWhileTheChildRuns() throws Exception {
        Child c = Command.of("sh", "-c", "read x; exit 2").stdin(Stdio.pipe()).spawn();
        int fd = Os.pidfdOpen(c.pid(), Os.PIDFD_NONBLOCK);
        try {
            AtomicLong cpu = new AtomicLong();
            Object r = bounded(() -> {
                try {
                    return Os.waitid(Os.P_PIDFD, fd, Os.WEXITED);
                } catch (OsException e) {
                    return e;
                }
            }, cpu);
            assertTrue(r instanceof OsException, "expected EAGAIN, got " + r);
            OsException e = (OsException) r;
            assertEquals(PosixBackend.table().EAGAIN, e.errno(), e.toString());
            assertEquals("waitid", e.operation());
            c.stdin().close();
            c.onExit().get(BOUND_S, TimeUnit.SECONDS);
            io.prockit.WaitidResult done = Os.waitid(Os.P_PIDFD, fd, Os.WEXITED);
            assertEquals(c.pid(), done.siPid());
            assertEquals(2, done.siStatus());
        } finally {
            Os.close(fd);
            Children.reap(c);
        }
    }

    @Test
    void anInterruptedWaitpidLeavesTheChildRegistered() throws Exception {
        Child c = Command.of("sh", "-c", "read x; exit 1").stdin(Stdio.pipe()).spawn();
        try {
            CompletableFuture<Object> seen = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    seen.complete(Os.waitpid(c.pid(), 0));
                } catch (Throwable e) {
                    seen.complete(e);
                }
            });
            t.start();
            t.interrupt();
            Object r = seen.get(BOUND_S, TimeUnit.SECONDS);
            assertTrue(r instanceof OsException oe && oe.kind() == ErrorKind.INTERRUPTED, String.valueOf(r));
            t.join();
            Os.kill(c.pid(), Signal.of("SIGTERM").number());
            c.onExit().get(BOUND_S, TimeUnit.SECONDS); // reaped by prockit, not yet collected
            WaitResult w = Os.waitpid(c.pid(), 0);
            assertEquals(c.pid(), w.pid());
            assertTrue(Os.WIFSIGNALED(w.status()));
            assertEquals(Signal.of("SIGTERM").number(), Os.WTERMSIG(w.status()));
            OsException gone = assertThrows(OsException.class, () -> Os.kill(c.pid(), Signal.of("SIGTERM").number()));
            assertEquals(ErrorKind.NO_SUCH_PROCESS, gone.kind(), "a reaped child is never signalled");
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void waitpidWithNohangOnAnOwnChildAsksTheKernel() throws Exception {
        Child c = Command.of("sh", "-c", "exit 6").spawn();
        try {
            // Whether or not the reaper got there first, the answer comes within a bounded number of calls and
            // each call answers at once.
            WaitResult r;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
            do {
                r = Os.waitpid(c.pid(), Os.WNOHANG);
                if (r.pid() == 0) {
                    c.onExit().get(BOUND_S, TimeUnit.SECONDS);
                }
            } while (r.pid() == 0 && System.nanoTime() < deadline);
            assertEquals(c.pid(), r.pid());
            assertEquals(6, Os.waitstatusToExitcode(r.status()));
            assertNotEquals(0, r.pid());
        } finally {
            Children.reap(c);
        }
    }
}
