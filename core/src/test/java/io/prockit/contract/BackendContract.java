package io.prockit.contract;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.WaitResult;
import io.prockit.testing.Children;
import io.prockit.testing.TestChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every backend keeps, written against the public API only ({@link Command}, {@link Child},
 * {@link Os}, {@link ExitStatus}, {@link OsException}): spawn, stdio, environment, working directory, wait,
 * signals, exit status and errors. A backend module runs it by extending this class in its tests, with the
 * {@code @EnabledOnOs} of its platforms:
 *
 * <pre>{@code
 * @EnabledOnOs({OS.LINUX, OS.MAC})
 * class PosixContractTest extends BackendContract {
 *     protected ExitStatus afterKill() { return ExitStatus.signaled(Signal.SIGKILL, false); }
 *     ...
 * }
 * }</pre>
 *
 * <p>The child is {@link TestChild}, a plain Java main started with this JVM's {@code java} binary, so
 * the same test runs unchanged on Linux, macOS and Windows. Nothing here reads {@code /proc}, names a path
 * under {@code /bin}, or splits output on {@code "\n"} alone. Every test ends the children it starts and
 * signals only those.
 *
 * <p>What differs between platforms is asked of the subclass: what a forced kill leaves as the exit status,
 * which signal number ends a process unconditionally, and what Python's {@code waitstatus_to_exitcode}
 * makes of it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public abstract class BackendContract {
    /** Generous bound on any single wait: a slow CI machine starting a JVM still fits. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    /** @return the status {@link Child#kill()} leaves: SIGKILL on POSIX, exit code 1 on Windows */
    protected abstract ExitStatus afterKill();

    /** @return a signal number {@link Os#kill} ends any process with: SIGKILL on POSIX; any value on Windows */
    protected abstract int forcefulSignal();

    /**
     * @param signo the signal {@link Os#kill} sent
     * @return Python's {@code waitstatus_to_exitcode} of the status {@link Os#waitpid} then reports:
     *         {@code -signo} on POSIX, {@code signo} (the exit code {@code TerminateProcess} set) on Windows
     */
    protected abstract int exitcodeAfterOsKill(int signo);

    // ---- helpers ---------------------------------------------------------------------------------------

    /** @return a command running {@link TestChild} with these actions */
    protected static Command child(String... actions) {
        return TestChild.command(actions);
    }

    private static List<String> lines(String text) {
        return Children.lines(text);
    }

    private static List<String> lines(byte[] bytes) {
        return Children.lines(new String(bytes, StandardCharsets.UTF_8));
    }

    private static ExitStatus await(Child c) throws InterruptedException {
        return Children.await(c);
    }

    /** Ends a child the test started (kill is refused quietly once it is reaped) and releases its pipes. */
    private static void end(Child c) {
        Children.reap(c);
    }

    private static BufferedReader reader(Child c) {
        return Children.reader(c);
    }

    private static void expectReady(BufferedReader r) throws IOException {
        assertEquals("ready", r.readLine());
    }

    /** @return a variable the parent has that a child can do without, or empty */
    private static Optional<String> harmlessInheritedVariable() {
        Set<String> needed = Set.of("PATH", "SYSTEMROOT", "WINDIR", "TEMP", "TMP", "COMSPEC", "JAVA_HOME", "HOME",
                "USERPROFILE", "TMPDIR", "LANG", "LC_ALL", "LC_CTYPE", "PATHEXT", "SYSTEMDRIVE", "PROGRAMDATA");
        return System.getenv().keySet().stream()
                .filter(n -> !needed.contains(n.toUpperCase(java.util.Locale.ROOT)))
                .filter(n -> !n.startsWith("LD_") && !n.startsWith("DYLD_") && !n.startsWith("JAVA_")
                        && !n.startsWith("JDK_") && !n.startsWith("_JAVA") && !n.startsWith("=")
                        && n.chars().allMatch(ch -> ch < 128))
                .sorted().findFirst();
    }

    // ---- spawn and exit status -------------------------------------------------------------------------

    @Test
    void spawnReportsTheChildsOwnPid() throws Exception {
        Child c = child("pid").stdout(Stdio.pipe()).spawn();
        try {
            List<String> out = lines(c.stdout().readAllBytes());
            assertEquals(List.of(Integer.toString(c.pid())), out);
            assertEquals(ExitStatus.exited(0), await(c));
        } finally {
            end(c);
        }
    }

    @Test
    void exitCodesArriveWhole() throws Exception {
        for (int code : new int[] {0, 7, 255}) {
            ExitStatus s = child("exit:" + code).status();
            assertEquals(ExitStatus.exited(code), s);
            assertEquals(code == 0, s.success());
            assertEquals(code, s.code().orElseThrow());
            assertEquals(code, s.toExitcode());
            assertEquals("exit status: " + code, s.toString());
        }
    }

    @Test
    void argumentsArriveExactlyAsGiven() throws Exception {
        List<String> args = List.of("plain", "two words", "", "\"quoted\"", "back\\slash\\", "trailing\\\\",
                "a\"b c\"d", "tab\there", "%PATH%", "$HOME", "semi;colon&amp", "-flag=value", "\"", "\\\"");
        // No "*": Windows' java launcher expands wildcards in unquoted arguments itself (not a backend matter).
        List<String> actions = new ArrayList<>();
        actions.add("args");
        actions.addAll(args);
        Output o = child(actions.toArray(new String[0])).output();
        assertEquals(ExitStatus.exited(0), o.status(), o.stderrText());
        List<String> expected = new ArrayList<>();
        for (String a : args) {
            expected.add("[" + a + "]");
        }
        assertEquals(expected, lines(o.stdout()));
    }

    @Test
    void osSpawnvWaitReturnsTheExitCode() {
        Command c = child("exit:3");
        assertEquals(3, Os.spawnv(Os.P_WAIT, c.program(), c.argv()));
    }

    @Test
    void osWaitpidReportsANowaitChildsStatus() {
        Command c = child("exit:5");
        int pid = Os.spawnv(Os.P_NOWAIT, c.program(), c.argv());
        WaitResult r = Os.waitpid(pid, 0);
        assertEquals(pid, r.pid());
        assertEquals(5, Os.waitstatusToExitcode(r.status()));
    }

    @Test
    void getpidAndGetppidAreThisProcesssOwn() {
        assertEquals(ProcessHandle.current().pid(), Os.getpid());
        ProcessHandle.current().parent().ifPresent(p -> assertEquals(p.pid(), Os.getppid()));
    }

    // ---- stdio -----------------------------------------------------------------------------------------

    @Test
    void stdoutAndStderrAreSeparatePipes() throws Exception {
        Output o = child("echo:to out", "err:to err", "echo:more out").output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(List.of("to out", "more out"), lines(o.stdout()));
        assertEquals(List.of("to err"), lines(o.stderr()));
    }

    @Test
    void stderrCanJoinStdoutInOrder() throws Exception {
        Output o = child("echo:one", "err:two", "echo:three").stderr(Stdio.toStdout()).output();
        assertEquals(List.of("one", "two", "three"), lines(o.stdout()));
        assertEquals(0, o.stderr().length);
    }

    @Test
    void stdinIsAPipeAndBytesArriveUnchanged() throws Exception {
        byte[] data = new byte[300_000]; // more than any pipe buffer: the parent must read while it writes
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >> 8));
        }
        data[0] = 0;
        data[1] = '\r';
        data[2] = '\n';
        data[3] = (byte) 0xff;
        Child c = child("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        try {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream in = c.stdin()) {
                    in.write(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            c.stdout().transferTo(got);
            writer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertArrayEquals(data, got.toByteArray());
            assertEquals(ExitStatus.exited(0), await(c));
        } finally {
            end(c);
        }
    }

    @Test
    void muchOutputOnBothStreamsAtOnceDoesNotDeadlock() throws Exception {
        int n = 1_000_000;
        Output o = child("spew:" + n).output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(n, o.stdout().length);
        assertEquals(n, o.stderr().length);
    }

    @Test
    void stdioGoesToAndComesFromFiles() throws Exception {
        Path out = tmp.resolve("out.txt");
        assertEquals(ExitStatus.exited(0), child("echo:first").stdout(Stdio.to(out)).status());
        assertEquals(ExitStatus.exited(0), child("echo:second").stdout(Stdio.appendTo(out)).status());
        assertEquals(List.of("first", "second"), lines(Files.readString(out, StandardCharsets.UTF_8)));

        Path in = tmp.resolve("in.bin");
        byte[] data = "line 1\r\nline 2\n\u0000end".getBytes(StandardCharsets.UTF_8);
        Files.write(in, data);
        Output o = child("cat").stdin(Stdio.from(in)).output();
        assertArrayEquals(data, o.stdout());
    }

    @Test
    void discardedStdoutIsEmptyAndTheChildStillRuns() throws Exception {
        Output o = child("echo:lost", "err:kept").stdout(Stdio.discard()).output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(0, o.stdout().length);
        assertEquals(List.of("kept"), lines(o.stderr()));
    }

    // ---- environment and working directory -----------------------------------------------------------

    @Test
    void aVariableIsAddedChangedAndRemovedForTheChildOnly() throws Exception {
        Output o = child("env:PROCKIT_CONTRACT_A", "env:PROCKIT_CONTRACT_B")
                .env("PROCKIT_CONTRACT_A", "value with spaces = and more")
                .env("PROCKIT_CONTRACT_B", "gone").envRemove("PROCKIT_CONTRACT_B").output();
        assertEquals(List.of("value with spaces = and more", "<unset>"), lines(o.stdout()));
        assertEquals(null, System.getenv("PROCKIT_CONTRACT_A"), "the parent's environment is unchanged");
    }

    @Test
    void anInheritedVariableIsInheritedOrRemoved() throws Exception {
        Optional<String> name = harmlessInheritedVariable();
        assumeTrue(name.isPresent(), "the parent has no variable a child can do without");
        String n = name.get();
        assertEquals(List.of(System.getenv(n)), lines(child("env:" + n).output().stdout()));
        assertEquals(List.of("<unset>"), lines(child("env:" + n).envRemove(n).output().stdout()));
    }

    @Test
    void theEnvironmentCanBeReplacedWhole() throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PROCKIT_ONLY", "1");
        // Windows programs need SystemRoot to start at all; it is part of any environment given there.
        String systemRoot = System.getenv("SystemRoot");
        if (systemRoot != null) {
            env.put("SystemRoot", systemRoot);
        }
        Optional<String> inherited = harmlessInheritedVariable();
        List<String> actions = new ArrayList<>(List.of("env:PROCKIT_ONLY"));
        inherited.ifPresent(n -> actions.add("env:" + n));
        Output o = child(actions.toArray(new String[0])).environment(env).output();
        assertEquals(ExitStatus.exited(0), o.status(), o.stderrText());
        List<String> expected = new ArrayList<>(List.of("1"));
        inherited.ifPresent(n -> expected.add("<unset>"));
        assertEquals(expected, lines(o.stdout()));
    }

    @Test
    void aChildSeesTheLiveEnvironmentOsPutenvChanged() throws Exception {
        String name = "PROCKIT_CONTRACT_LIVE";
        Os.putenv(name, "live value");
        try {
            assertEquals("live value", Os.getenv(name));
            assertEquals(List.of("live value"), lines(child("env:" + name).output().stdout()));
        } finally {
            Os.unsetenv(name);
        }
        assertEquals(null, Os.getenv(name));
        assertEquals(List.of("<unset>"), lines(child("env:" + name).output().stdout()));
    }

    @Test
    void theChildRunsInTheDirectoryAsked() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("work dir"));
        Output o = child("cwd").directory(dir).output();
        assertEquals(ExitStatus.exited(0), o.status(), o.stderrText());
        List<String> out = lines(o.stdout());
        assertEquals(1, out.size(), out.toString());
        assertEquals(dir.toRealPath(), Path.of(out.get(0)).toRealPath());
    }

    // ---- wait and signals ------------------------------------------------------------------------------

    @Test
    void aRunningChildIsNotReportedUntilItEnds() throws Exception {
        Child c = child("ready", "sleep:600000").stdout(Stdio.pipe()).spawn();
        try {
            expectReady(reader(c));
            assertEquals(Optional.empty(), c.waitFor(Duration.ofMillis(50)));
            assertEquals(Optional.empty(), c.waitFor(Duration.ZERO));
            assertEquals(Optional.empty(), c.tryWait());
            assertFalse(c.hasExited());
            assertFalse(c.onExit().isDone());

            assertTrue(c.kill(), "the first kill reaches the running child");
            ExitStatus s = await(c);
            assertEquals(afterKill(), s);
            assertFalse(s.success());
            assertEquals(s, c.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(Optional.of(s), c.tryWait());
            assertTrue(c.hasExited());
            assertFalse(c.kill(), "a reaped child is never signalled again");
        } finally {
            end(c);
        }
    }

    @Test
    void terminateEndsTheChild() throws Exception {
        Child c = child("ready", "sleep:600000").stdout(Stdio.pipe()).spawn();
        try {
            expectReady(reader(c));
            assertTrue(c.terminate());
            assertFalse(await(c).success());
        } finally {
            end(c);
        }
    }

    @Test
    void osKillEndsAChildAndWaitpidReportsIt() throws Exception {
        Command cmd = child("sleep:600000");
        int pid = Os.spawnv(Os.P_NOWAIT, cmd.program(), cmd.argv());
        boolean collected = false;
        try {
            int signo = forcefulSignal();
            Os.kill(pid, signo);
            WaitResult r = Os.waitpid(pid, 0);
            collected = true;
            assertEquals(pid, r.pid());
            assertEquals(exitcodeAfterOsKill(signo), Os.waitstatusToExitcode(r.status()));
        } finally {
            if (!collected) {
                Os.kill(pid, forcefulSignal());
                Os.waitpid(pid, 0);
            }
        }
    }

    @Test
    void childSignalSendsTheNamedSignal() throws Exception {
        Child c = child("ready", "sleep:600000").stdout(Stdio.pipe()).spawn();
        try {
            expectReady(reader(c));
            assertTrue(c.signal(Signal.SIGTERM));
            assertFalse(await(c).success());
        } finally {
            end(c);
        }
    }

    // ---- descriptors and pipelines (issue 15) -------------------------------------------------------------

    @Test
    void osPipeCarriesBytesUnchangedAndItsEndsAreNotInheritable() {
        int[] p = Os.pipe();
        try {
            assertFalse(Os.getInheritable(p[0]), "PEP 446: a new pipe is not inheritable");
            assertFalse(Os.getInheritable(p[1]));
            assertTrue(Os.getBlocking(p[0]));
            assertFalse(Os.isatty(p[0]), "a pipe is not a terminal");
            byte[] data = {0, '\r', '\n', (byte) 0xff, 26, 'x'}; // NUL, CR LF, 0xff, Ctrl-Z: binary, no translation
            assertEquals(data.length, Os.write(p[1], data));
            assertArrayEquals(Arrays.copyOf(data, 2), Os.read(p[0], 2));
            assertArrayEquals(Arrays.copyOfRange(data, 2, data.length), Os.read(p[0], 100));
            Os.setInheritable(p[1], true);
            assertTrue(Os.getInheritable(p[1]));
            Os.setInheritable(p[1], false);
            assertFalse(Os.getInheritable(p[1]));
            Os.setBlocking(p[0], false);
            assertFalse(Os.getBlocking(p[0]));
            OsException empty = assertThrows(OsException.class, () -> Os.read(p[0], 1));
            assertEquals(ErrorKind.RESOURCE_EXHAUSTED, empty.kind(), empty.getMessage()); // EAGAIN
            assertEquals("read", empty.operation());
            Os.setBlocking(p[0], true);
            assertTrue(Os.getBlocking(p[0]));
        } finally {
            Os.close(p[0]);
            Os.close(p[1]);
        }
    }

    @Test
    void dupIsNotInheritableAndDup2IsUnlessAsked() {
        int[] p = Os.pipe();
        int d = Os.dup(p[1]);
        int target = Os.dup(p[1]); // a number of our own to dup2 onto
        try {
            assertFalse(Os.getInheritable(d));
            assertEquals(target, Os.dup2(p[1], target));
            assertTrue(Os.getInheritable(target), "dup2 is inheritable by default, as in Python");
            assertEquals(target, Os.dup2(p[1], target, false));
            assertFalse(Os.getInheritable(target));
            Os.write(d, new byte[] {1});
            Os.write(target, new byte[] {2});
            Os.write(p[1], new byte[] {3});
            assertArrayEquals(new byte[] {1, 2, 3}, Os.read(p[0], 10), "three descriptors, one pipe");
        } finally {
            Os.close(d);
            Os.close(target);
            Os.close(p[1]);
        }
        try {
            assertArrayEquals(new byte[0], Os.read(p[0], 10), "end of file once every write end is closed");
        } finally {
            Os.close(p[0]);
        }
    }

    @Test
    void aDescriptorThatIsNotOpenIsAnOsExceptionNamingIt() {
        int fd = 4000; // not open here (within the Windows C runtime's 8192, above most POSIX soft limits)
        for (OsException e : List.of(assertThrows(OsException.class, () -> Os.read(fd, 1)),
                assertThrows(OsException.class, () -> Os.write(fd, new byte[1])),
                assertThrows(OsException.class, () -> Os.getInheritable(fd)),
                assertThrows(OsException.class, () -> Os.dup(fd)),
                assertThrows(OsException.class, () -> Os.close(fd)))) {
            assertEquals(9, e.errno(), e.getMessage()); // EBADF is 9 in glibc, macOS and the Windows C runtime
            assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("4000"), e.getMessage());
        }
        Os.closerange(fd, fd + 10); // errors ignored, as Python's
        assertThrows(IllegalArgumentException.class, () -> Os.read(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Os.dup2(0, -1));
    }

    @Test
    void aPipeEndPassesToAChildWithStdioFd() throws Exception {
        int[] p = Os.pipe();
        Child c;
        try {
            c = child("echo:through the pipe", "err:to the pipe too").stdout(Stdio.fd(p[1])).stderr(Stdio.fd(p[1]))
                    .spawn();
        } finally {
            Os.close(p[1]); // the parent's copy: the child's end is the only writer left
        }
        try {
            byte[] got;
            try (java.io.InputStream in = Os.fdopenInput(p[0])) {
                got = in.readAllBytes(); // ends when the child exits: no copy of the write end stayed open
            }
            assertEquals(List.of("through the pipe", "to the pipe too"), lines(got));
            assertEquals(ExitStatus.exited(0), await(c));
        } finally {
            end(c);
        }
    }

    @Test
    void aPipelineWiresEachStdoutToTheNextStdin() throws Exception {
        Output o = io.prockit.Pipeline.of(child("echo:one", "echo:two"), child("cat"), child("cat")).output();
        assertEquals(ExitStatus.exited(0), o.status(), o.stderrText());
        assertEquals(List.of("one", "two"), lines(o.stdout()));

        io.prockit.Pipeline failing = io.prockit.Pipeline.of(child("echo:x"), child("exit:3"), child("cat"));
        List<ExitStatus> statuses = failing.statuses();
        assertEquals(3, statuses.size());
        assertEquals(ExitStatus.exited(3), statuses.get(1));
        assertEquals(ExitStatus.exited(0), statuses.get(2), "the last member saw the end of its input");
        assertEquals(ExitStatus.exited(3), failing.status(), "pipefail: the last member that failed");
    }

    // ---- errors ----------------------------------------------------------------------------------------

    @Test
    void aMissingProgramIsNotFoundNamingIt() {
        String program = "prockit-contract-no-such-program";
        OsException e = assertThrows(OsException.class, () -> Command.of(program, "x").spawn());
        assertEquals(ErrorKind.NOT_FOUND, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(program), e.getMessage());
    }

    @Test
    void aMissingWorkingDirectoryIsAnOsExceptionInTheParent() {
        Path missing = tmp.resolve("no such dir");
        OsException e = assertThrows(OsException.class, () -> child("exit:0").directory(missing).spawn());
        assertTrue(e.errno() != 0, e.getMessage());
    }

    @Test
    void waitpidOfAProcessThatIsNoChildIsNoChild() {
        OsException e = assertThrows(OsException.class, () -> Os.waitpid(Os.getpid(), 0));
        assertEquals(ErrorKind.NO_CHILD, e.kind(), e.getMessage());
    }

    private static final int REFUSED_PID_GROUP = 0;
    private static final int REFUSED_PID_ALL = -1;

    @Test
    void badInputIsRefusedBeforeAnySystemCall() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Command.of("java", "nul\0inside").spawn());
        assertThrows(IllegalArgumentException.class, () -> Command.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> child("exit:0").env("A=B", "x").spawn());
        // C's kill(2) reads 0 as "my group" and -1 as "everyone": both must be refused. Should the refusal ever
        // break, the signal sent is one that harms nothing on POSIX (SIGCONT only resumes stopped processes).
        int harmless = Signal.SIGCONT.isSupported() ? Signal.SIGCONT.number() : Signal.SIGTERM.number();
        assertThrows(IllegalArgumentException.class, () -> Os.kill(REFUSED_PID_GROUP, harmless));
        assertThrows(IllegalArgumentException.class, () -> Os.kill(REFUSED_PID_ALL, harmless));
        assertThrows(IllegalArgumentException.class, () -> Os.spawnv(Os.P_WAIT, "x", List.of()));
        Child c = child("exit:0").spawn();
        try {
            assertThrows(IllegalArgumentException.class, () -> c.waitFor(Duration.ofMillis(-1)));
            await(c);
        } finally {
            end(c);
        }
    }
}
