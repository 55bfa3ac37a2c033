package io.prockit.posix;

import io.prockit.testing.TestChild;
import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spawning real processes: exit codes, signals, pipes, environment, directory, argv0, PATH, exec failures. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SpawnTest {

    @Test
    void everyExitCodeRoundTrips() throws Exception {
        for (int code = 0; code <= 255; code++) {
            ExitStatus s = Command.of("/bin/sh", "-c", "exit " + code).status();
            assertEquals(ExitStatus.exited(code), s, "exit " + code);
            assertEquals(code, s.code().getAsInt());
            assertEquals(code == 0, s.success());
            assertEquals("exit status: " + code, s.toString());
        }
    }

    @Test
    void exitCodesThroughPythonFace() {
        assertEquals(0, Os.spawnlp(Os.P_WAIT, "sh", "sh", "-c", "exit 0"));
        assertEquals(3, Os.spawnlp(Os.P_WAIT, "sh", "sh", "-c", "exit 3"));
        assertEquals(255, Os.spawnv(Os.P_WAIT, "/bin/sh", List.of("sh", "-c", "exit 255")));
        assertEquals(-Signal.SIGKILL.number(), Os.spawnv(Os.P_WAIT, "/bin/sh", List.of("sh", "-c", "kill -KILL $$")));
        assertEquals(7 << 8, Os.system("exit 7"));
        assertEquals(7, Os.waitstatusToExitcode(Os.system("exit 7")));
    }

    @Test
    void terminateDecodesAsSigterm() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            assertTrue(c.terminate());
            ExitStatus s = c.waitFor();
            assertEquals(ExitStatus.signaled(Signal.SIGTERM, false), s);
            assertEquals(Signal.SIGTERM, s.signal().orElseThrow());
            assertTrue(s.code().isEmpty());
            assertEquals(-Signal.SIGTERM.number(), s.toExitcode());
            long raw = c.waitStatus().orElseThrow();
            assertTrue(Os.WIFSIGNALED(raw));
            assertEquals(Signal.SIGTERM.number(), Os.WTERMSIG(raw));
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void killDecodesAsSigkill() throws Exception {
        Child c = Command.of("sleep", "60").spawn();
        try {
            assertTrue(c.kill());
            assertEquals(Signal.SIGKILL, c.waitFor().signal().orElseThrow());
            assertEquals("signal: 9 (SIGKILL)", c.waitFor().toString());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void selfInflictedSignalsDecode() throws Exception {
        for (Signal sig : List.of(Signal.SIGSEGV, Signal.SIGABRT, Signal.SIGTERM, Signal.SIGUSR1, Signal.SIGHUP)) {
            Child c = Command.of("/bin/sh", "-c", "kill -" + sig.name().substring(3) + " $$").spawn();
            try {
                ExitStatus s = c.waitFor();
                assertEquals(sig, s.signal().orElseThrow(), s.toString());
                long raw = c.waitStatus().orElseThrow();
                assertEquals(sig.number(), Os.WTERMSIG(raw));
                boolean core = Os.WCOREDUMP(raw);
                assertEquals(ExitStatus.signaled(sig, core), s);
                assertEquals(core, s.toString().endsWith("(core dumped)"), s.toString());
            } finally {
                Children.reap(c);
            }
        }
    }

    @Test
    void stopAndContinueAreSeenWithWuntracedAndWcontinued() {
        int pid = Os.spawnvp(Os.P_NOWAIT, "sleep", List.of("sleep", "60"));
        boolean reaped = false;
        try {
            Os.kill(pid, Signal.SIGSTOP.number());
            var stopped = Os.waitpid(pid, Os.WUNTRACED);
            assertEquals(pid, stopped.pid());
            assertTrue(Os.WIFSTOPPED(stopped.status()), Long.toHexString(stopped.status()));
            assertEquals(Signal.SIGSTOP.number(), Os.WSTOPSIG(stopped.status()));
            assertFalse(Os.WIFEXITED(stopped.status()));
            assertFalse(Os.WIFSIGNALED(stopped.status()));

            var none = Os.waitpid(pid, Os.WNOHANG | Os.WUNTRACED);
            assertEquals(0, none.pid(), "the stop report was consumed");

            Os.kill(pid, Signal.SIGCONT.number());
            var continued = Os.waitpid(pid, Os.WCONTINUED);
            assertEquals(pid, continued.pid());
            assertTrue(Os.WIFCONTINUED(continued.status()), Long.toHexString(continued.status()));
            assertFalse(Os.WIFSTOPPED(continued.status()));

            Os.kill(pid, Signal.SIGKILL.number());
            var dead = Os.waitpid(pid, 0);
            reaped = true;
            assertEquals(pid, dead.pid());
            assertTrue(Os.WIFSIGNALED(dead.status()));
            assertEquals(Signal.SIGKILL.number(), Os.WTERMSIG(dead.status()));
            assertEquals(-Signal.SIGKILL.number(), Os.waitstatusToExitcode(dead.status()));
            OsException again = assertThrows(OsException.class, () -> Os.waitpid(pid, 0));
            assertEquals(ErrorKind.NO_CHILD, again.kind());
        } finally {
            if (!reaped) {
                Os.kill(pid, Signal.SIGKILL.number());
                Os.waitpid(pid, 0);
            }
        }
    }

    @Test
    void tenMegabytesRoundTripThroughCat() throws Exception {
        byte[] data = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(data);
        Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        try {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream in = c.stdin()) {
                    for (int off = 0; off < data.length; off += 100_000) {
                        in.write(data, off, Math.min(100_000, data.length - off));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            c.stdout().transferTo(got);
            writer.join();
            assertEquals(ExitStatus.exited(0), c.waitFor());
            assertEquals(data.length, got.size());
            assertArrayEquals(data, got.toByteArray());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void stderrMergesIntoStdout() throws Exception {
        Output o = Command.of("/bin/sh", "-c", "echo out; echo err >&2; echo out2")
                .stdout(Stdio.pipe()).stderr(Stdio.toStdout()).output();
        assertEquals("out\nerr\nout2\n", o.stdoutText());
        assertEquals(0, o.stderr().length);
    }

    @Test
    void separateStderrPipe() throws Exception {
        Output o = Command.of("/bin/sh", "-c", "echo out; echo err >&2; exit 4").output();
        assertEquals("out\n", o.stdoutText());
        assertEquals("err\n", o.stderrText());
        assertEquals(ExitStatus.exited(4), o.status());
    }

    @Test
    void environmentReplacedExactly() throws Exception {
        String out = Procs.run(Command.of("/usr/bin/env").environment(Map.of("A", "1", "B_X", "two words")));
        assertEquals(Set.of("A=1", "B_X=two words"), Set.copyOf(Arrays.asList(out.split("\\R"))));
    }

    @Test
    void environmentClearedThenPut() throws Exception {
        assertEquals("ONLY=x\n", Procs.run(Command.of("/usr/bin/env").envClear().env("ONLY", "x")));
        assertEquals("", Procs.run(Command.of("/usr/bin/env").envClear()));
    }

    @Test
    void environmentPutAddsToInherited() throws Exception {
        String out = Procs.run(Command.of("/usr/bin/env").env("PROCKIT_TEST_VAR", "v=1"));
        List<String> lines = Arrays.asList(out.split("\\R"));
        assertTrue(lines.contains("PROCKIT_TEST_VAR=v=1"), out);
        assertTrue(lines.contains("PATH=" + System.getenv("PATH")), out);
    }

    @Test
    void environmentRemoveDropsInherited() throws Exception {
        String out = Procs.run(Command.of("/usr/bin/env").envRemove("PATH").env("KEEP", "1"));
        List<String> lines = Arrays.asList(out.split("\\R"));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("PATH=")), out);
        assertTrue(lines.contains("KEEP=1"), out);
        assertTrue(lines.contains("HOME=" + System.getenv("HOME")) || System.getenv("HOME") == null, out);
    }

    @Test
    void javaChildSeesEnvironmentAndStdin() throws Exception {
        Child c = TestChild.command("env:PROCKIT_J", "echo:ready", "cat", "exit:5")
                .env("PROCKIT_J", "java-side").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        try {
            try (OutputStream in = c.stdin()) {
                in.write("piped\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(List.of("java-side", "ready", "piped"), Children.lines(Children.readAll(c.stdout())));
            assertEquals(ExitStatus.exited(5), c.waitFor());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void workingDirectory(@TempDir Path dir) throws Exception {
        Path real = dir.toRealPath();
        assertEquals(real + "\n", Procs.run(Command.of(Procs.program("pwd"), "-P").directory(dir)));
        assertEquals(Path.of("").toAbsolutePath().toRealPath() + "\n", Procs.run(Command.of(Procs.program("pwd"), "-P")));
    }

    @Test
    void relativeProgramResolvesAgainstChildDirectory(@TempDir Path dir) throws Exception {
        script(dir.resolve("here.sh"), "#!/bin/sh\necho here\n", "rwxr-xr-x");
        assertEquals("here\n", Procs.run(Command.of("./here.sh").directory(dir)));
    }

    @Test
    void argv0IsWhatTheChildSees(@TempDir Path dir) throws Exception {
        // Read through the process table (/proc on Linux, KERN_PROCARGS2 on macOS) once the child says it
        // runs: posix_spawn may return before the kernel has set the new argv up (a vfork parent resumes
        // when the child drops the old address space), so a read right after the spawn can see none.
        String script = "echo ready; sleep 30; exit 0";
        Child c = Command.of("/bin/sh", "-c", script).argv0("frobnicator").stdout(Stdio.pipe()).spawn();
        try {
            assertEquals('r', c.stdout().read());
            assertEquals(List.of("frobnicator", "-c", script), io.prockit.ProcessTable.of(c.pid()).cmdline());
        } finally {
            Children.reap(c);
        }
        Path marker = dir.resolve("started");
        String touch = ": > \"$0\"; sleep 30; exit 0";
        int pid = Os.spawnv(Os.P_NOWAIT, "/bin/sh", List.of("my-shell", "-c", touch, marker.toString()));
        try {
            for (int i = 0; i < 2000 && !Files.exists(marker); i++) {
                Thread.sleep(10); // bounded: 20 s for a shell to start
            }
            assertTrue(Files.exists(marker), "the shell started");
            assertEquals(List.of("my-shell", "-c", touch, marker.toString()), io.prockit.ProcessTable.of(pid).cmdline());
        } finally {
            Os.kill(pid, Signal.SIGKILL.number());
            Os.waitpid(pid, 0);
        }
    }

    @Test
    void pathSearchUsesTheChildsPath(@TempDir Path dir) throws Exception {
        // With an argument the probe exits with it and prints nothing (P_WAIT children share our stdout).
        script(dir.resolve("prockit-probe"), "#!/bin/sh\n[ -n \"$1\" ] && exit \"$1\"\necho found \"$0\"\n", "rwxr-xr-x");
        String found = Procs.run(Command.of("prockit-probe").environment(Map.of("PATH", "/nonexistent:" + dir)));
        assertEquals("found " + dir.resolve("prockit-probe") + "\n", found);
        assertEquals(42, Os.spawnvpe(Os.P_WAIT, "prockit-probe", List.of("prockit-probe", "42"),
                Map.of("PATH", dir.toString())));
    }

    @Test
    void pathSearchIgnoresTheParentsPathWhenReplaced(@TempDir Path dir) {
        // "sh" is on the parent's PATH but not on the child's.
        OsException e = assertThrows(OsException.class,
                () -> Command.of("sh", "-c", "exit 0").environment(Map.of("PATH", dir.toString())).spawn());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("\"sh\""), e.getMessage());
    }

    @Test
    void pathSearchNeverSearchesTheCurrentDirectoryImplicitly(@TempDir Path dir) throws Exception {
        script(dir.resolve("prockit-cwd-probe"), "#!/bin/sh\necho cwd\n", "rwxr-xr-x");
        Set<Long> before = Procs.childPids();
        for (String path : List.of("/nonexistent", "", ":", "::", "/nonexistent::")) {
            OsException e = assertThrows(OsException.class,
                    () -> Command.of("prockit-cwd-probe").directory(dir).environment(Map.of("PATH", path)).spawn(),
                    "PATH=" + path);
            assertEquals(ErrorKind.NOT_FOUND, e.kind(), "PATH=" + path);
        }
        assertEquals(before, Procs.childPids());
        // ... but it is searched when PATH names it; empty entries around it are skipped.
        assertEquals("cwd\n", Procs.run(Command.of("prockit-cwd-probe").directory(dir)
                .environment(Map.of("PATH", "::.:"))));
        assertEquals("cwd\n", Procs.run(Command.of("prockit-cwd-probe")
                .environment(Map.of("PATH", ":/nonexistent::" + dir + ":"))));
    }

    @Test
    void pathSearchSkipsNonExecutableAndReportsPermissionDenied(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        script(a.resolve("prockit-two"), "#!/bin/sh\necho a\n", "rw-r--r--");
        script(b.resolve("prockit-two"), "#!/bin/sh\necho b\n", "rwxr-xr-x");
        assertEquals("b\n", Procs.run(Command.of("prockit-two").environment(Map.of("PATH", a + ":" + b))));
        OsException e = assertThrows(OsException.class,
                () -> Command.of("prockit-two").environment(Map.of("PATH", a.toString())).spawn());
        assertEquals(ErrorKind.PERMISSION_DENIED, e.kind());
    }

    // ---- exec failures: an OsException in the parent naming the program, and no child --------------

    @Test
    void missingProgramIsNotFound() {
        assertExecFails(Command.of("prockit-no-such-program-4711"), ErrorKind.NOT_FOUND, "prockit-no-such-program-4711");
        assertExecFails(Command.of("/nonexistent/prockit-x"), ErrorKind.NOT_FOUND, "/nonexistent/prockit-x");
        OsException e = assertThrows(OsException.class,
                () -> Os.spawnvp(Os.P_WAIT, "prockit-no-such-program-4711", List.of("x")));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("posix_spawnp", e.operation());
        assertEquals(2, e.errno());
    }

    @Test
    void notExecutableIsPermissionDenied(@TempDir Path dir) throws Exception {
        Path f = script(dir.resolve("plain.sh"), "#!/bin/sh\nexit 0\n", "rw-r--r--");
        assertExecFails(Command.of(f.toString()), ErrorKind.PERMISSION_DENIED, f.toString());
    }

    @Test
    void directoryIsPermissionDenied(@TempDir Path dir) {
        assertExecFails(Command.of(dir.toString()), ErrorKind.PERMISSION_DENIED, dir.toString());
    }

    @Test
    void notAnExecutableFormatIsInvalidArgument(@TempDir Path dir) throws Exception {
        Path f = script(dir.resolve("text"), "just some text\n", "rwxr-xr-x");
        OsException e = assertExecFails(Command.of(f.toString()), ErrorKind.INVALID_ARGUMENT, f.toString());
        assertEquals(8, e.errno()); // ENOEXEC on Linux and macOS
    }

    @Test
    void badInterpreterIsNotFound(@TempDir Path dir) throws Exception {
        Path f = script(dir.resolve("badinterp"), "#!/nonexistent/interpreter\n", "rwxr-xr-x");
        assertExecFails(Command.of(f.toString()), ErrorKind.NOT_FOUND, f.toString());
    }

    @Test
    void pathThroughAFileIsNotFound() {
        assertExecFails(Command.of("/etc/passwd/x"), ErrorKind.NOT_FOUND, "/etc/passwd/x");
    }

    @Test
    void missingWorkingDirectoryFails(@TempDir Path dir) {
        Path missing = dir.resolve("gone");
        Set<Long> before = Procs.childPids();
        OsException e = assertThrows(OsException.class, () -> Command.of(Procs.program("true")).directory(missing).spawn());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals(before, Procs.childPids());
    }

    private static OsException assertExecFails(Command cmd, ErrorKind kind, String named) {
        // The backend opens its epoll descriptor on the first spawn of the JVM: count after that.
        try {
            Command.of(Procs.program("true")).status();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Set<Long> before = Procs.childPids();
        java.util.Map<Integer, String> fds = Procs.prockitKindFds();
        OsException e = assertThrows(OsException.class, cmd::spawn, cmd.toString());
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertEquals(named, e.subject());
        assertTrue(e.operation().startsWith("posix_spawn"), e.operation());
        assertEquals(before, Procs.childPids(), "no child is left behind by a failed exec");
        assertEquals(java.util.Map.of(), Procs.newKindFds(fds), "no pipe or pidfd is left behind by a failed exec");
        return e;
    }

    static Path script(Path p, String text, String perms) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return p;
    }
}
