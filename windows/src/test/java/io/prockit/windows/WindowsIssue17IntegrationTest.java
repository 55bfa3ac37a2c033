package io.prockit.windows;

import com.sun.jna.platform.win32.WinNT;
import io.prockit.testing.TestChild;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Output;
import io.prockit.ProcessTable;
import io.prockit.PtyOptions;
import io.prockit.Stdio;
import io.prockit.windows.jna.JOBOBJECT_EXTENDED_LIMIT_INFORMATION;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.process.WindowsChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's Windows behaviours on a real Windows (the CI matrix's {@code windows-latest}; never run on
 * Linux): a JVM child's {@code terminate()}, an exit code of 259 in the process table, the command line
 * through {@code ProcessCommandLineInformation}, the last output of a ConPTY child, {@code detach()} out of a
 * kill-on-close job. Every test ends what it started.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsIssue17IntegrationTest {

    private static List<String> testChild(String... verbs) {
        return TestChild.argv(verbs);
    }

    private static String firstLine(Child c) throws Exception {
        return new BufferedReader(new InputStreamReader(c.stdout(), StandardCharsets.UTF_8)).readLine();
    }

    @Test
    void terminateEndsAJavaChildInItsOwnGroupAtOnceWithoutAThreadDump() throws Exception {
        try (Child c = Command.of(testChild("ready", "sleep:60000")).newProcessGroup().stdin(Stdio.discard())
                .stdout(Stdio.pipe()).stderr(Stdio.toStdout()).spawn()) {
            assertEquals("ready", firstLine(c)); // the JVM is up: a CTRL_BREAK now would print a thread dump
            long start = System.nanoTime();
            assertTrue(c.terminate());
            Optional<ExitStatus> s = c.waitFor(WindowsChild.TERMINATE_GRACE.minusSeconds(2));
            assertTrue(s.isPresent(), "ended well before the CTRL_BREAK grace (" + WindowsChild.TERMINATE_GRACE + ")");
            assertEquals(ExitStatus.exited(1), s.get());
            String rest = new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(rest.contains("Full thread dump"), rest);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(WindowsChild.TERMINATE_GRACE) < 0);
        }
    }

    @Test
    void aProcessThatExitedWith259IsNotListedAsRunning() throws Exception {
        try (Child c = Command.of(testChild("exit:259")).stdout(Stdio.discard()).spawn()) {
            assertEquals(ExitStatus.exited(259), c.waitFor());
            // Our Child keeps its handle until closed, so the pid is still this (ended) process.
            // The listing leaves out ended processes; with exit code 259 (STILL_ACTIVE's value) only the wait
            // tells that it ended.
            assertEquals(Optional.empty(), ProcessTable.find(c.pid()), "an ended process is not listed");
            assertFalse(ProcessTable.exists(c.pid()));
        }
    }

    @Test
    void theCommandLineIsReadWithTheLimitedRight() throws Exception {
        try (Child c = Command.of(testChild("ready", "sleep:60000")).stdin(Stdio.discard()).stdout(Stdio.pipe()).spawn()) {
            assertEquals("ready", firstLine(c));
            List<String> argv = ProcessTable.of(c.pid()).cmdline();
            assertEquals(List.of("ready", "sleep:60000"), argv.subList(argv.size() - 2, argv.size()), argv.toString());
            assertTrue(argv.contains(TestChild.class.getName()), argv.toString());
            assertFalse(ProcessTable.self().cmdline().isEmpty());
            c.kill();
            c.waitFor();
        }
    }

    @Test
    void theLastOutputOfAPseudoConsoleChildIsRead() throws Exception {
        Output out = Command.of("cmd.exe", "/d", "/c", "for /L %i in (1,1,400) do @echo line %i")
                .pty(new PtyOptions(25, 120)).output();
        assertTrue(out.status().success(), out.status().toString());
        String text = out.stdoutText();
        assertTrue(text.contains("line 400"), "the child's last line survived ClosePseudoConsole: ..."
                + text.substring(Math.max(0, text.length() - 300)));
    }

    @Test
    void aDetachedChildLeavesAKillOnCloseJobThatAllowsBreakaway() throws Exception {
        OptionalInt ours = Win32.ownJobLimitFlags();
        assumeTrue(ours.isEmpty() || (ours.getAsInt() & (WinConstants.JOB_OBJECT_LIMIT_BREAKAWAY_OK
                | WinConstants.JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK)) != 0,
                "this JVM's own job forbids breakaway, so no descendant can leave it");
        WinNT.HANDLE job = Win32.EXT.CreateJobObjectW(null, null);
        assertTrue(Win32.isValid(job));
        int grandchild = -1;
        try {
            JOBOBJECT_EXTENDED_LIMIT_INFORMATION info = new JOBOBJECT_EXTENDED_LIMIT_INFORMATION();
            info.BasicLimitInformation.LimitFlags = WinConstants.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
                    | WinConstants.JOB_OBJECT_LIMIT_BREAKAWAY_OK;
            info.write();
            assertTrue(Win32.EXT.SetInformationJobObject(job, WinConstants.JobObjectExtendedLimitInformation, info,
                    info.size()));
            // The helper JVM (like a JVM under a service wrapper) waits for a line, so it is in the job first.
            try (Child helper = Command.of(testChild("detach-after-line:60000"))
                    .windowsOptions(io.prockit.WindowsOptions.defaults().withKillOnJobClose(false))
                    .stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn()) {
                WinNT.HANDLE h = Win32.K32.OpenProcess(WinNT.PROCESS_SET_QUOTA | WinNT.PROCESS_TERMINATE,
                        false, helper.pid());
                assertTrue(Win32.isValid(h));
                try {
                    assertTrue(Win32.EXT.AssignProcessToJobObject(job, h), "error " + com.sun.jna.Native.getLastError());
                } finally {
                    Win32.close(h);
                }
                helper.stdin().write("go\n".getBytes(StandardCharsets.UTF_8));
                helper.stdin().flush();
                grandchild = Integer.parseInt(firstLine(helper).trim());
                Win32.close(job); // kill on close: the helper ends
                job = null;
                helper.waitFor();
                assertTrue(ProcessTable.find(grandchild).map(p -> p.isRunning()).orElse(false),
                        "the detached child broke away from the job and outlived it");
            }
        } finally {
            Win32.close(job);
            if (grandchild > 0) {
                int g = grandchild;
                ProcessTable.find(g).ifPresent(p -> p.kill());
            }
        }
    }

    @Test
    void anInheritingChildWithANewConsoleWritesThereNotIntoTheParentsStdout() throws Exception {
        // The helper JVM's stdout is our pipe. Its cmd child inherits every stream: on the helper's console it
        // writes into that pipe (Windows hands a console child its parent's standard handles); with
        // CREATE_NEW_CONSOLE it writes into its own console, since no STARTF_USESTDHANDLES forces the pipe on it.
        Output same = Command.of(testChild("echo-through-cmd:0:marker-same-console")).output();
        assertTrue(same.stdoutText().contains("marker-same-console"), same.stdoutText());
        Output own = Command.of(testChild("echo-through-cmd:0x10:marker-own-console")).output();
        assertTrue(own.stdoutText().contains("done"), own.stdoutText() + own.stderrText());
        assertFalse(own.stdoutText().contains("marker-own-console"), own.stdoutText());
    }
}
