package io.prockit.windows;

import io.prockit.testing.Children;
import io.prockit.testing.TestChild;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.PtyOptions;
import io.prockit.Stdio;
import io.prockit.TimesResult;
import io.prockit.WindowsOptions;
import io.prockit.windows.jna.Kernel32Ext;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python's os on the running Windows process, startfile, priority classes and ConPTY, through {@link Os} and
 * {@link Command}. Windows only (GitHub Actions windows-latest). Every child is waited for or killed.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsOsIntegrationTest {

    @TempDir
    Path tmp;

    private final List<Child> started = new ArrayList<>();

    private Child track(Child c) {
        started.add(c);
        return c;
    }

    /** Ends whatever a failed test left running (each child's whole tree). */
    @AfterEach
    void endChildren() throws Exception {
        for (Child c : started) {
            if (!c.hasExited()) {
                c.killTree();
                c.waitFor();
            }
            c.close();
        }
    }

    private static Command testChild(String... verbs) {
        return TestChild.command(verbs);
    }

    /** @return a TestChild running {@code first} followed by {@code rest} (an exec verb and the argv it runs) */
    private static Command testChild(String first, List<String> rest) {
        List<String> verbs = new ArrayList<>(List.of(first));
        verbs.addAll(rest);
        return TestChild.command(verbs.toArray(String[]::new));
    }

    /** @return the child's stdout without its line end */
    private String run(Command c) throws Exception {
        try (Child child = track(c.stdout(Stdio.pipe()).stderr(Stdio.discard()).spawn())) {
            String out = Children.readAll(child.stdout());
            child.waitFor();
            return out.strip();
        }
    }

    @Test
    void getloginIsTheUserGetUserNameReports() {
        assertTrue(Os.getlogin().equalsIgnoreCase(System.getProperty("user.name")), Os.getlogin());
    }

    @Test
    void cpuCountCountsEveryActiveProcessor() {
        int n = Os.cpuCount();
        assertTrue(n >= Runtime.getRuntime().availableProcessors(), "cpu_count " + n);
        assertEquals(n, Os.processCpuCount());
    }

    @Test
    void putenvReachesTheLiveEnvironmentAndChildren() throws Exception {
        String name = "PROCKIT_WIN_ENV_" + ProcessHandle.current().pid();
        try {
            assertNull(Os.getenv(name));
            Os.putenv(name, "värde 1");
            assertEquals("värde 1", Os.getenv(name));
            assertEquals("värde 1", Os.getenv(name.toLowerCase()), "names are case-insensitive");
            assertEquals("värde 1", Os.environ().get(name));
            assertEquals("värde 1", run(testChild("env:" + name)), "inherited environment");
            assertEquals("värde 1", run(testChild("env:" + name).env("PROCKIT_OTHER", "x")), "changed environment");
            Os.putenv(name, "");
            assertEquals("", Os.getenv(name));
            Os.unsetenv(name);
            assertNull(Os.getenv(name));
            assertEquals("<unset>", run(testChild("env:" + name)));
            Os.unsetenv(name); // unsetting an unset variable is fine, as in Python
        } finally {
            Os.unsetenv(name);
        }
    }

    @Test
    void chdirMovesTheProcessAndItsChildren() throws Exception {
        String before = Os.getcwd();
        try {
            Os.chdir(tmp.toString());
            assertEquals(tmp.toRealPath(), Path.of(Os.getcwd()).toRealPath());
            String childCwd = run(Command.shell("cd")).trim();
            assertEquals(tmp.toRealPath(), Path.of(childCwd).toRealPath());
            OsException e = assertThrows(OsException.class, () -> Os.chdir(tmp.resolve("missing").toString()));
            assertEquals(ErrorKind.NOT_FOUND, e.kind());
        } finally {
            Os.chdir(before);
        }
        assertEquals(before, Os.getcwd());
    }

    @Test
    void umaskKeepsTheCRuntimesOwnerBits() {
        int original = Os.umask(0200);
        try {
            assertEquals(0200, Os.umask(0600));
            assertEquals(0600, Os.umask(0022), "only the owner bits exist on Windows");
        } finally {
            Os.umask(original);
        }
    }

    @Test
    void strerrorIsTheCRuntimesText() {
        assertEquals("No such file or directory", Os.strerror(2));
        assertEquals("Permission denied", Os.strerror(13));
        assertEquals("Unknown error", Os.strerror(100000));
    }

    @Test
    void timesReportOnlyUserAndSystem() {
        long spin = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spin += i ^ (spin >>> 3);
        }
        TimesResult t = Os.times();
        assertTrue(t.user() + t.system() > 0, "spin " + spin);
        assertEquals(0, t.childrenUser());
        assertEquals(0, t.childrenSystem());
        assertEquals(0, t.elapsed());
    }

    @Test
    void exitAbortAndExecEndTheChildAsPythonDocuments() throws Exception {
        try (Child c = track(testChild("print:before", "os-exit:7").stdout(Stdio.pipe()).spawn())) {
            assertEquals("before", Children.readAll(c.stdout()));
            assertEquals(7, c.waitFor().code().orElseThrow());
        }
        try (Child c = track(testChild("os-abort").spawn())) {
            assertEquals(3, c.waitFor().code().orElseThrow());
        }
        for (String how : new String[] {"exec:execv", "exec:overlay"}) {
            try (Child c = track(testChild(how, TestChild.argv("print:OUT", "eprint:ERR")).stdout(Stdio.pipe()).stderr(Stdio.pipe()).spawn())) {
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Children.readAll(c.stderr());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertEquals("OUT", Children.readAll(c.stdout()), how + ": the new program writes to the same stdout");
                assertTrue(err.get(120, TimeUnit.SECONDS).endsWith("ERR"), how);
                assertEquals(0, c.waitFor().code().orElseThrow(), how);
            }
            try (Child c = track(testChild(how, TestChild.argv("exit:42")).spawn())) {
                assertEquals(42, c.waitFor().code().orElseThrow(), how + ": the new program's exit code");
            }
        }
    }

    @Test
    void posixOnlyFunctionsThrowNamingWindows() {
        for (Runnable call : new Runnable[] {Os::getuid, Os::setsid, Os::getloadavg, Os::uname,
                () -> Os.spawnvp(Os.P_WAIT, "cmd", List.of("cmd", "/c", "exit")),
                () -> Os.spawnlp(Os.P_WAIT, "cmd", "cmd", "/c", "exit")}) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call::run);
            assertTrue(e.getMessage().endsWith("is not available on Windows"), e.getMessage());
        }
    }

    @Test
    void startfileRunsTheAssociatedProgramWithArgumentsInCwd() throws Exception {
        Path bat = tmp.resolve("prockit-startfile.cmd");
        Path marker = tmp.resolve("marker.txt");
        Files.writeString(bat, "@echo %~1> \"%~dp0marker.tmp\"\r\n@move /y \"%~dp0marker.tmp\" \"%~dp0marker.txt\" >NUL\r\n",
                StandardCharsets.US_ASCII);
        Os.startfile(bat.getFileName().toString(), null, "hello", tmp.toString(), WinConstants.SW_HIDE);
        // The batch file runs on its own and exits; wait for its result (a condition, not a speed check).
        for (int i = 0; i < 1200 && !Files.exists(marker); i++) {
            Thread.sleep(100);
        }
        assertEquals("hello", Files.readString(marker, StandardCharsets.US_ASCII).trim());
    }

    @Test
    void startfileOfAMissingFileIsNotFound() {
        OsException e = assertThrows(OsException.class, () -> Os.startfile(tmp.resolve("missing.txt").toString()));
        assertEquals(ErrorKind.NOT_FOUND, e.kind(), e.getMessage());
        assertEquals("ShellExecuteExW", e.operation());
    }

    @Test
    void priorityClassIsPassedToTheChild() throws Exception {
        for (int pc : new int[] {WinConstants.BELOW_NORMAL_PRIORITY_CLASS, WinConstants.IDLE_PRIORITY_CLASS,
                WinConstants.ABOVE_NORMAL_PRIORITY_CLASS}) {
            try (Child c = track(testChild("sleep:60000").windowsOptions(WindowsOptions.defaults().withPriorityClass(pc))
                    .spawn())) {
                WinNT.HANDLE h = Kernel32.INSTANCE.OpenProcess(WinConstants.PROCESS_QUERY_LIMITED_INFORMATION, false, c.pid());
                try {
                    assertEquals(pc, Kernel32Ext.INSTANCE.GetPriorityClass(h));
                } finally {
                    Kernel32.INSTANCE.CloseHandle(h);
                    c.kill();
                    c.waitFor();
                }
            }
        }
    }

    private static String readAll(Child c) throws Exception {
        // A hang guard only: the output ends once the child has exited and its pseudoconsole is closed.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(120, TimeUnit.SECONDS);
    }

    @Test
    void ptyChildRunsOnAPseudoconsole() throws Exception {
        try (Child c = track(testChild("console").pty(new PtyOptions(25, 90)).spawn())) {
            String out = readAll(c);
            assertTrue(out.contains("console=true"), out);
            assertEquals(0, c.waitFor().code().orElseThrow());
        }
        try (Child c = track(Command.of("cmd.exe", "/d", "/c", "mode con").pty(new PtyOptions(31, 101)).spawn())) {
            String out = readAll(c);
            assertTrue(out.contains("31") && out.contains("101"), out);
            assertEquals(0, c.waitFor().code().orElseThrow());
        }
    }

    @Test
    void ptyTakesInputAndResizes() throws Exception {
        try (Child c = track(Command.of("cmd.exe", "/d", "/q").pty(new PtyOptions(24, 80)).spawn())) {
            c.resizePty(40, 123);
            c.stdin().write("mode con\r\nexit 5\r\n".getBytes(StandardCharsets.US_ASCII));
            c.stdin().flush();
            String out = readAll(c);
            assertTrue(out.contains("123"), out);
            assertEquals(5, c.waitFor().code().orElseThrow());
            c.resizePty(10, 10); // the console is gone: ignored
        }
    }

    @Test
    void resizeWithoutAPtyIsRefused() throws Exception {
        try (Child c = track(testChild("exit:0").spawn())) {
            assertThrows(UnsupportedOperationException.class, () -> c.resizePty(24, 80));
            c.waitFor();
        }
    }
}
