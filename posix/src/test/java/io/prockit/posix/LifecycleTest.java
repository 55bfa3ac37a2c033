package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting, reaping and leaks (Linux: pidfds and epoll; macOS: the kqueue reaper). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LifecycleTest {

    @Test
    void twoThousandSpawnsLeaveNoZombieFdOrThread() throws Exception {
        Procs.run(Command.of(Procs.program("true"))); // the reaper and its epoll fd exist from here on
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        java.util.Map<Integer, String> fdsBefore = Procs.prockitKindFds();
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Child c = Command.of("/bin/sh", "-c", "echo $$").stdout(Stdio.pipe()).spawn();
            try {
                String out = new String(c.stdout().readAllBytes(), StandardCharsets.US_ASCII).trim();
                assertEquals(Integer.toString(c.pid()), out);
                assertEquals(ExitStatus.exited(0), c.waitFor());
                pids.add(c.pid());
            } finally {
                Children.reap(c);
            }
        }
        for (int pid : pids) {
            assertNull(Procs.stateIfOurs(pid), "pid " + pid + " is still our child (zombie?)");
        }
        assertEquals(java.util.Map.of(), Procs.newKindFds(fdsBefore),
                "pipes, pidfds and epoll sets back to baseline (none added; before: " + fdsBefore + ")");
        Set<String> newThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.isAlive())
                .map(Thread::getName).collect(Collectors.toSet());
        assertTrue(newThreads.isEmpty(), "new threads: " + newThreads);
        assertTrue(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("prockit-reaper"))
                .count() <= 1, "one reaper thread at most");
    }

    @Test
    void waitForTimesOutThenKillReaps() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            assertEquals(Optional.empty(), c.waitFor(Duration.ofMillis(50)));
            assertEquals(Optional.empty(), c.waitFor(Duration.ZERO));
            assertEquals(Optional.empty(), c.tryWait());
            assertFalse(c.hasExited());
            assertEquals(Optional.empty(), c.waitStatus());
            assertEquals(Optional.empty(), c.resourceUsage());
            assertTrue(c.kill());
            ExitStatus s = c.waitFor(ChronoUnit.FOREVER.getDuration()).orElseThrow();
            assertEquals(ExitStatus.signaled(Signal.SIGKILL, false), s);
            assertEquals(Optional.of(s), c.tryWait());
            assertEquals(Optional.of(s), c.waitFor(Duration.ZERO));
            assertTrue(c.hasExited());
            assertTrue(c.resourceUsage().isPresent());
            assertNull(Procs.stateIfOurs(c.pid()));
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void onExitAgreesWithWaitForAcrossThreads() throws Exception {
        Child c = Command.of("/bin/sh", "-c", "read x; exit 42").stdin(Stdio.pipe()).spawn();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExitStatus>> waits = new ArrayList<>();
            List<CompletableFuture<ExitStatus>> callbacks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waits.add(pool.submit(() -> c.waitFor()));
                callbacks.add(c.onExit().thenApplyAsync(s -> s, pool));
                callbacks.add(c.onExit());
            }
            c.stdin().write("go\n".getBytes(StandardCharsets.US_ASCII));
            c.stdin().flush();
            ExitStatus expected = ExitStatus.exited(42);
            assertEquals(expected, c.waitFor());
            for (Future<ExitStatus> w : waits) {
                assertEquals(expected, w.get());
            }
            for (CompletableFuture<ExitStatus> f : callbacks) {
                assertEquals(expected, f.get());
            }
            assertEquals(expected, c.onExit().get(), "onExit after the end completes at once");
            assertEquals(42 << 8, c.waitStatus().orElseThrow());
        } finally {
            pool.shutdownNow();
            Children.reap(c);
        }
    }

    @Test
    void concurrentKillWaitAndOnExitAgree() throws Exception {
        for (int round = 0; round < 20; round++) {
            Child c = Command.of("sleep", "60").spawn();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<ExitStatus>> seen = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    seen.add(pool.submit(() -> c.waitFor()));
                    seen.add(pool.submit(() -> {
                        c.kill();
                        return c.onExit().get();
                    }));
                }
                Set<ExitStatus> all = new HashSet<>();
                for (Future<ExitStatus> f : seen) {
                    all.add(f.get());
                }
                assertEquals(Set.of(ExitStatus.signaled(Signal.SIGKILL, false)), all);
            } finally {
                pool.shutdownNow();
                Children.reap(c);
            }
        }
    }

    @Test
    void signalAfterReapingReturnsFalse() throws Exception {
        Child c = Command.of(Procs.program("true")).spawn();
        try {
            assertEquals(ExitStatus.exited(0), c.waitFor());
            assertFalse(c.signal(Signal.SIGTERM));
            assertFalse(c.terminate());
            assertFalse(c.kill());
            assertFalse(c.signal(Signal.SIGKILL));
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void osKillOfAReapedButUncollectedChildIsNoSuchProcess() throws Exception {
        // Os.spawn* P_NOWAIT children stay known until Os.waitpid collects them; once prockit's reaper
        // has reaped one, its number may be reused, so Os.kill must not reach kill(2) with it.
        int pid = Os.spawnl(Os.P_NOWAIT, "/bin/sh", "sh", "-c", "exit 6");
        try {
            while (Procs.stateIfOurs(pid) != null) {
                Thread.onSpinWait(); // until the reaper has reaped it (no timing asserted)
            }
            OsException e = assertThrows(OsException.class, () -> Os.kill(pid, Signal.SIGTERM.number()));
            assertEquals(ErrorKind.NO_SUCH_PROCESS, e.kind());
            assertTrue(e.getMessage().contains(Integer.toString(pid)), e.getMessage());
        } finally {
            var r = Os.waitpid(pid, 0);
            assertEquals(6, Os.WEXITSTATUS(r.status()));
        }
    }

    @Test
    void signalZeroProbesALiveChild() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            Os.kill(c.pid(), 0);
            Os.kill(c.pid(), Signal.SIGTERM.number());
            assertEquals(ExitStatus.signaled(Signal.SIGTERM, false), c.waitFor());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void waitpidOnANonChildIsNoChild() {
        OsException e = assertThrows(OsException.class, () -> Os.waitpid(1, 0));
        assertEquals(ErrorKind.NO_CHILD, e.kind());
        assertEquals("waitpid", e.operation());
        assertEquals("1", e.subject());
        e = assertThrows(OsException.class, () -> Os.waitpid(Os.getppid(), Os.WNOHANG));
        assertEquals(ErrorKind.NO_CHILD, e.kind());
    }

    @Test
    void waitpidOnAReapedChildIsNoChild() throws Exception {
        Child c = Command.of(Procs.program("true")).spawn();
        c.waitFor();
        OsException e = assertThrows(OsException.class, () -> Os.waitpid(c.pid(), 0));
        assertEquals(ErrorKind.NO_CHILD, e.kind());
    }

    @Test
    void killOfAMissingProcessIsNoSuchProcess() throws Exception {
        // A freed pid may be reused at any time; only a pid above pid_max is certain not to exist.
        // macOS: PID_MAX is 99999 (bsd/sys/proc_internal.h), so 99999 + 1 never exists there.
        int pidMax = !Procs.LINUX ? 99_999 // os-scan: the /proc read below is the Linux branch
                : Integer.parseInt(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/kernel/pid_max")).get(0).trim()); // os-scan: Linux branch
        OsException e = assertThrows(OsException.class, () -> Os.kill(pidMax + 1, 0));
        assertEquals(ErrorKind.NO_SUCH_PROCESS, e.kind());
        assertTrue(e.getMessage().contains(Integer.toString(pidMax + 1)), e.getMessage());
    }

    @Test
    void waitAnyReturnsEveryNowaitChild() {
        Procs.drainUncollected();
        Map<Integer, Long> expected = new HashMap<>();
        List<Integer> pids = new ArrayList<>();
        try {
            for (int code = 0; code < 3; code++) {
                int pid = Os.spawnl(Os.P_NOWAIT, "/bin/sh", "sh", "-c", "exit " + code);
                pids.add(pid);
                expected.put(pid, (long) code << 8);
            }
            Map<Integer, Long> got = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                var r = Os.waitpid(-1, 0);
                got.put(r.pid(), r.status());
            }
            assertEquals(expected, got);
            assertEquals(Set.of(0L, 256L, 512L), Set.copyOf(got.values()));
            if (Procs.childPids().isEmpty()) {
                OsException e = assertThrows(OsException.class, () -> Os.waitpid(-1, Os.WNOHANG));
                assertEquals(ErrorKind.NO_CHILD, e.kind());
            }
            pids.clear();
        } finally {
            for (int pid : pids) {
                try {
                    Os.waitpid(pid, 0);
                } catch (OsException alreadyReaped) {
                    // reaped by the loop above
                }
            }
        }
    }

    @Test
    void jdkChildrenKeepTheirExitCodesWhileProckitSpawns() throws Exception {
        List<Process> jdk = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                jdk.add(new ProcessBuilder("/bin/sh", "-c", "read x; exit " + (10 + i)).start());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<ExitStatus>> ours = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int code = i % 7;
                    ours.add(pool.submit(() -> Command.of("/bin/sh", "-c", "exit " + code).status()));
                    if (i == 100) {
                        for (Process p : jdk) {
                            p.getOutputStream().write('\n');
                            p.getOutputStream().close();
                        }
                    }
                }
                for (int i = 0; i < ours.size(); i++) {
                    assertEquals(ExitStatus.exited(i % 7), ours.get(i).get());
                }
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < jdk.size(); i++) {
                assertEquals(10 + i, jdk.get(i).waitFor(), "JDK child " + i);
            }
        } finally {
            for (Process p : jdk) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    @Test
    void closeReleasesPipesWithoutKilling() throws Exception {
        java.util.Map<Integer, String> before = Procs.prockitKindFds();
        // The child waits for its stdin to end: only the close can let it go on, and it then exits 9 itself.
        Child c = Command.of("/bin/sh", "-c", "read x; exit 9").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        try {
            java.util.Map<Integer, String> pipes = Procs.newKindFds(before);
            pipes.values().removeIf(t -> !(t.startsWith("pipe:") || t.startsWith("darwin:fifo")));
            assertEquals(2, pipes.size(), "the parent's ends of stdin and stdout: " + pipes);
            c.close();
            java.util.Map<Integer, String> left = Procs.prockitKindFds();
            pipes.forEach((fd, target) -> assertFalse(target.equals(left.get(fd)),
                    "fd " + fd + " (" + target + ") is still open after close()"));
            assertEquals(ExitStatus.exited(9), c.waitFor(), "the close ended stdin; the child was not killed");
        } finally {
            Children.reap(c);
        }
    }
}
