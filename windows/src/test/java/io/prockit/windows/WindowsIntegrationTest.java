package io.prockit.windows;

import io.prockit.testing.Children;
import io.prockit.testing.TestChild;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import io.prockit.Stdio;
import io.prockit.WaitResult;
import io.prockit.WindowsOptions;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import io.prockit.spi.Termination;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real processes on Windows. Not run on Linux; GitHub Actions' windows-latest job runs them. The
 * child is {@link TestChild} in a fresh JVM, or cmd.exe where the shell is the point. Every test
 * ends what it started.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsIntegrationTest {
    private final WindowsBackend backend = new WindowsBackend();
    private final List<ChildHandle> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() {
        for (ChildHandle c : started) {
            try {
                c.signalTree(9);
                c.closeStreams();
                c.termination().get(10, TimeUnit.SECONDS);
                c.collected();
            } catch (Exception e) {
                // already gone
            }
        }
    }

    private ChildHandle spawn(List<String> childArgs, Stdio in, Stdio out, Stdio err, Integer group,
                              WindowsOptions w, EnvironmentSpec env) {
        List<String> argv = TestChild.argv(childArgs.toArray(String[]::new));
        SpawnRequest r = new SpawnRequest(argv.get(0), argv, false, env, null, in, out, err, Map.of(), group,
                false, false, null, w);
        ChildHandle c = backend.spawn(r);
        started.add(c);
        return c;
    }

    private ChildHandle spawn(String... childArgs) {
        return spawn(List.of(childArgs), Stdio.discard(), Stdio.pipe(), Stdio.pipe(), null, WindowsOptions.defaults(),
                EnvironmentSpec.inherit());
    }

    private static Termination await(ChildHandle c) throws Exception {
        return c.termination().get(60, TimeUnit.SECONDS);
    }

    @Test
    void argumentsArriveExactlyAsGiven() throws Exception {
        List<String> tricky = List.of("plain", "with space", "", "quote\"inside", "back\\slash\\", "\\\\server\\share\\",
                "tab\there", "ünïcödé €", "%PATH%", "a&b|c<d>e^f", "\"", "\\\"");
        List<String> args = new ArrayList<>(List.of("args"));
        args.addAll(tricky);
        ChildHandle c = spawn(args.toArray(String[]::new));
        String out = Children.readAll(c.stdout());
        assertEquals(0, await(c).status().code().orElseThrow());
        StringBuilder expected = new StringBuilder();
        for (String t : tricky) {
            expected.append('[').append(t).append("]\n");
        }
        assertEquals(expected.toString(), out.replace("\r\n", "\n"));
    }

    @Test
    void exitCodesAreFull32BitValues() throws Exception {
        for (long code : new long[] {0, 3, 255, 256, 259, 0xC0000005L, 0xFFFFFFFFL}) {
            ChildHandle c = spawn("exit:" + code);
            Termination t = await(c);
            assertEquals(ExitStatus.exited((int) code), t.status(), "exit " + code);
            assertEquals(code << 8, t.waitStatus());
            assertTrue(t.rusage().ruUtime() >= 0);
            assertTrue(t.rusage().maxResidentBytes() > 0);
        }
    }

    @Test
    void stdinPipeAndBrokenPipeAtEof() throws Exception {
        ChildHandle c = spawn(List.of("cat"), Stdio.pipe(), Stdio.pipe(), Stdio.discard(), null,
                WindowsOptions.defaults(), EnvironmentSpec.inherit());
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Thread writer = new Thread(() -> {
            try (var in = c.stdin()) {
                in.write(data);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        byte[] back = c.stdout().readAllBytes();
        writer.join();
        assertEquals(data.length, back.length);
        assertTrue(java.util.Arrays.equals(data, back));
        assertEquals(-1, c.stdout().read());
        assertEquals(0, await(c).status().code().orElseThrow());
    }

    @Test
    void stderrIntoStdoutAndFiles() throws Exception {
        ChildHandle c = spawn(List.of("print:OUT", "eprint:ERR"), Stdio.discard(), Stdio.pipe(), Stdio.toStdout(), null,
                WindowsOptions.defaults(), EnvironmentSpec.inherit());
        assertEquals("OUTERR", Children.readAll(c.stdout()));
        await(c);
        Path f = tmp.resolve("out.txt");
        await(spawn(List.of("print:1", "eprint:e"), Stdio.discard(), Stdio.to(f), Stdio.discard(), null,
                WindowsOptions.defaults(), EnvironmentSpec.inherit()));
        await(spawn(List.of("print:2", "eprint:e"), Stdio.discard(), Stdio.appendTo(f), Stdio.discard(), null,
                WindowsOptions.defaults(), EnvironmentSpec.inherit()));
        assertEquals("12", Files.readString(f));
        await(spawn(List.of("print:3", "eprint:e"), Stdio.discard(), Stdio.to(f), Stdio.discard(), null,
                WindowsOptions.defaults(), EnvironmentSpec.inherit()));
        assertEquals("3", Files.readString(f));
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "from file");
        ChildHandle cat = spawn(List.of("cat"), Stdio.from(in), Stdio.pipe(), Stdio.discard(), null,
                WindowsOptions.defaults(), EnvironmentSpec.inherit());
        assertEquals("from file", Children.readAll(cat.stdout()));
        await(cat);
    }

    @Test
    void environmentIsReplacedCaseInsensitively() throws Exception {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("PROCKIT_X", "1");
        changes.put("prockit_x", "2");
        ChildHandle c = spawn(List.of("env:PROCKIT_X"), Stdio.discard(), Stdio.pipe(), Stdio.discard(), null,
                WindowsOptions.defaults(), new EnvironmentSpec(false, changes));
        assertEquals(List.of("2"), Children.lines(Children.readAll(c.stdout())));
        await(c);
    }

    @Test
    void timeoutThenTerminateWithExitCode() throws Exception {
        ChildHandle c = spawn("sleep:60000");
        assertThrows(java.util.concurrent.TimeoutException.class, () -> c.termination().get(300, TimeUnit.MILLISECONDS));
        assertTrue(c.signal(15));
        Termination t = await(c);
        assertEquals(ExitStatus.exited(15), t.status());
        assertFalse(c.signal(15), "never signalled after reaping");
    }

    @Test
    void osKillAndWaitpidByPid() throws Exception {
        ChildHandle c = spawn("sleep:60000");
        backend.kill(c.pid(), 7);
        WaitResult r = backend.waitpid(c.pid(), 0);
        assertEquals(c.pid(), r.pid());
        assertEquals(7L << 8, r.status());
        OsException e = assertThrows(OsException.class, () -> backend.waitpid(c.pid(), 0));
        assertEquals(ErrorKind.NO_CHILD, e.kind());
    }

    @Test
    void jobObjectKillsTheWholeTree() throws Exception {
        ChildHandle c = spawn("tree:60000");
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(c.stdout())).readLine();
        long grandchild = Long.parseLong(line.trim());
        assertTrue(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(c.signalTree(9));
        assertEquals(9, await(c).status().code().orElseThrow());
        ProcessHandle g = ProcessHandle.of(grandchild).orElse(null);
        if (g != null) {
            g.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void descendantsAreKilledWithoutAJobToo() throws Exception {
        ChildHandle c = spawn(List.of("tree:60000"), Stdio.discard(), Stdio.pipe(), Stdio.discard(), null,
                WindowsOptions.defaults().withKillOnJobClose(false), EnvironmentSpec.inherit());
        long grandchild = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(c.stdout()))
                .readLine().trim());
        assertTrue(c.signalTree(9));
        await(c);
        ProcessHandle g = ProcessHandle.of(grandchild).orElse(null);
        if (g != null) {
            g.onExit().get(60, TimeUnit.SECONDS); // bounded: a grandchild the kill missed fails the test, never hangs it
        }
    }

    /**
     * A pipe whose write end is inheritable in the parent: a child that inherited it would keep
     * the pipe open, so the read would block until the child ends. With the handle list the child
     * inherits only its stdio, and the read ends at once.
     */
    @Test
    void childInheritsOnlyItsStdioHandles() throws Exception {
        WinBase.SECURITY_ATTRIBUTES sa = new WinBase.SECURITY_ATTRIBUTES();
        sa.bInheritHandle = true;
        WinNT.HANDLEByReference r = new WinNT.HANDLEByReference();
        WinNT.HANDLEByReference w = new WinNT.HANDLEByReference();
        assertTrue(Kernel32.INSTANCE.CreatePipe(r, w, sa, 0));
        try {
            ChildHandle c = spawn("sleep:20000");
            Kernel32.INSTANCE.CloseHandle(w.getValue());
            long t0 = System.nanoTime();
            IntByReference n = new IntByReference();
            boolean ok = Kernel32.INSTANCE.ReadFile(r.getValue(), new byte[1], 1, n, null);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertFalse(ok);
            assertEquals(WinConstants.ERROR_BROKEN_PIPE, Native.getLastError());
            assertTrue(ms < 5000, "read ended after " + ms + " ms, while the child lives");
            assertTrue(c.kill()); // not CTRL_BREAK: this child shares the JVM's group, which refuses it
        } finally {
            Kernel32.INSTANCE.CloseHandle(r.getValue());
        }
    }

    @Test
    void ctrlBreakReachesANewProcessGroup() throws Exception {
        // GenerateConsoleCtrlEvent needs a console attached to this process (GetConsoleCP fails without one):
        // the machine's assumption is declared here, before anything runs, so a failing signal is a failure.
        assumeTrue(Kernel32.INSTANCE.GetConsoleCP() != 0, "this test JVM has no console to send CTRL_BREAK through");
        // -Xrs: no JVM console handler (the default one exits with STATUS_CONTROL_C_EXIT)
        List<String> argv = TestChild.argv(List.of("-Xrs"), "ready", "sleep:60000");
        ChildHandle c = backend.spawn(new SpawnRequest(argv.get(0), argv, false, EnvironmentSpec.inherit(), null,
                Stdio.discard(), Stdio.pipe(), Stdio.discard(), Map.of(), 0, false, false, null,
                WindowsOptions.defaults()));
        started.add(c);
        // The JVM is up once it says so; no fixed pause.
        assertEquals("ready", new java.io.BufferedReader(new java.io.InputStreamReader(c.stdout(),
                java.nio.charset.StandardCharsets.UTF_8)).readLine());
        c.signal(WinConstants.CTRL_BREAK_EVENT);
        assertEquals(0xC000013A, await(c).status().code().orElseThrow());
    }

    @Test
    void ctrlEventToAChildInTheJvmsGroupIsRefused() throws Exception {
        ChildHandle c = spawn("sleep:60000");
        assertThrows(UnsupportedOperationException.class, () -> c.signal(WinConstants.CTRL_BREAK_EVENT));
    }

    @Test
    void batchArgumentsCannotInjectCommands() throws Exception {
        Path bat = tmp.resolve("echo args.bat");
        Files.writeString(bat, "@echo off\r\necho [%~1]\r\n");
        Path marker = tmp.resolve("pwned.txt");
        String evil = "\" & echo x > \"" + marker + "\" & rem ";
        Output o = Command.of(bat.toString(), evil).searchPath(false).output();
        assertEquals(0, o.status().code().orElseThrow());
        assertFalse(Files.exists(marker), "injection ran: " + o.stdoutText());
        Output pct = Command.of(bat.toString(), "%PATH%").searchPath(false).output();
        assertEquals("[%PATH%]", pct.stdoutText().strip());
        assertThrows(IllegalArgumentException.class, () -> Command.of(bat.toString(), "a\nb").searchPath(false).spawn());
    }

    @Test
    void shellAndSearchThroughTheCoreApi() throws Exception {
        Output o = Command.shell("echo \"a b\"& echo c").output();
        assertEquals("\"a b\"\r\nc", o.stdoutText().strip());
        Output searched = Command.of("cmd", "/c", "exit 5").output();
        assertEquals(5, searched.status().code().orElseThrow());
        assertEquals(3L, Os.system("exit 3"));
    }

    @Test
    void missingProgramIsNotFoundNamingIt() {
        OsException e = assertThrows(OsException.class, () -> Command.of("no-such-program-prockit").spawn());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("CreateProcessW(\"no-such-program-prockit\"): The system cannot find the file specified (errno 2)",
                e.getMessage());
        OsException dir = assertThrows(OsException.class, () -> Command.of("cmd", "/c", "exit").directory(
                tmp.resolve("missing")).spawn());
        assertEquals(ErrorKind.NOT_FOUND, dir.kind());
    }

    @Test
    void pidsAndManyChildren() throws Exception {
        assertEquals(ProcessHandle.current().pid(), backend.getpid());
        assertEquals(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L).intValue(), backend.getppid());
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            children.add(Command.of("cmd", "/c", "exit " + i).stdout(Stdio.discard()).spawn());
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(i, children.get(i).waitFor(Duration.ofSeconds(60)).orElseThrow().code().orElseThrow());
        }
        long waiters = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("prockit-windows-waiter")).count();
        assertTrue(waiters <= 2, "waiter threads: " + waiters);
    }
}
