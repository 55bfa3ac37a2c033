package io.prockit.windows.spawn;

import io.prockit.PosixOptions;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is decided before any system call: refusals, creation flags, the command line to run. */
class SpawnPlanTest {
    private static final String CMD = "C:\\Windows\\System32\\cmd.exe";

    private static SpawnRequest req(Map<Integer, Integer> fds, Integer group, boolean session, boolean detached,
                                    WindowsOptions w, Stdio in, Stdio out, Stdio err) {
        return new SpawnRequest("prog", List.of("prog", "a"), true, EnvironmentSpec.inherit(), null, in, out, err,
                fds, group, session, detached, (PosixOptions) null, w);
    }

    private static SpawnRequest req(Integer group, boolean session, boolean detached, WindowsOptions w) {
        return req(Map.of(), group, session, detached, w, Stdio.inherit(), Stdio.inherit(), Stdio.inherit());
    }

    @Test
    void refusesWhatWindowsCannotDoNamingTheSetting() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Spawner.refuseUnsupported(
                req(Map.of(3, 7), null, false, false, null, Stdio.inherit(), Stdio.inherit(), Stdio.inherit())));
        assertTrue(e.getMessage().contains("file descriptors") && e.getMessage().contains("Windows"), e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> Spawner.refuseUnsupported(req(1234, false, false, null)));
        assertTrue(e.getMessage().contains("process group 1234"), e.getMessage());
        // Stdio.fd passes a C runtime descriptor's handle (Os.pipe's ends: how pipelines are wired): accepted.
        Spawner.refuseUnsupported(req(Map.of(), null, false, false, null, Stdio.fd(5), Stdio.fd(6), Stdio.toStdout()));
        assertThrows(IllegalArgumentException.class, () -> Spawner.refuseUnsupported(
                req(Map.of(), null, false, false, null, Stdio.inherit(), Stdio.toStdout(), Stdio.inherit())));
        Spawner.refuseUnsupported(req(Map.of(), 0, true, true, null, Stdio.pipe(), Stdio.discard(), Stdio.toStdout()));
    }

    @Test
    void defaultFlagsUseAJobAndResumeLater() {
        SpawnRequest r = req(null, false, false, null);
        assertTrue(Spawner.usesJob(r));
        int f = Spawner.creationFlags(r, true);
        assertEquals(WinConstants.CREATE_UNICODE_ENVIRONMENT | WinConstants.EXTENDED_STARTUPINFO_PRESENT
                | WinConstants.CREATE_SUSPENDED, f);
        assertEquals(WinConstants.CREATE_UNICODE_ENVIRONMENT | WinConstants.CREATE_SUSPENDED,
                Spawner.creationFlags(r, false));
    }

    @Test
    void newGroupSessionDetachAndOptions() {
        assertTrue((Spawner.creationFlags(req(0, false, false, null), true) & WinConstants.CREATE_NEW_PROCESS_GROUP) != 0);
        assertTrue((Spawner.creationFlags(req(null, true, false, null), true) & WinConstants.CREATE_NEW_PROCESS_GROUP) != 0);
        assertEquals(0, Spawner.creationFlags(req(null, false, false, null), true) & WinConstants.CREATE_NEW_PROCESS_GROUP);
        SpawnRequest detached = req(null, true, true, null);
        int f = Spawner.creationFlags(detached, true);
        assertTrue((f & WinConstants.DETACHED_PROCESS) != 0);
        assertEquals(0, f & WinConstants.CREATE_SUSPENDED, "a detached child joins no job");
        assertFalse(Spawner.usesJob(detached));
        SpawnRequest noJob = req(null, false, false, WindowsOptions.defaults().withKillOnJobClose(false));
        assertFalse(Spawner.usesJob(noJob));
        assertEquals(0, Spawner.creationFlags(noJob, true) & WinConstants.CREATE_SUSPENDED);
        SpawnRequest extra = req(null, false, false, WindowsOptions.defaults().withCreationFlags(
                WinConstants.CREATE_NO_WINDOW | WinConstants.CREATE_NEW_CONSOLE));
        int g = Spawner.creationFlags(extra, true);
        assertTrue((g & WinConstants.CREATE_NO_WINDOW) != 0 && (g & WinConstants.CREATE_NEW_CONSOLE) != 0);
    }

    @Test
    void ctrlBreakReachesOnlyChildrenOnTheJvmsConsole() {
        assertTrue(Spawner.sharesConsole(req(0, false, false, null)), "own group, our console");
        assertFalse(Spawner.sharesConsole(req(null, true, true, null)), "detached: no console");
        assertFalse(Spawner.sharesConsole(req(0, false, false,
                WindowsOptions.defaults().withCreationFlags(WinConstants.CREATE_NEW_CONSOLE))), "a console of its own");
        assertFalse(Spawner.sharesConsole(req(0, false, false,
                WindowsOptions.defaults().withCreationFlags(WinConstants.CREATE_NO_WINDOW))), "no console");
    }

    @Test
    void planQuotesOrdinaryPrograms() {
        LaunchPlan p = LaunchPlan.of("C:\\bin\\tool.exe", List.of("tool", "a b", "c"), null, CMD);
        assertEquals(new LaunchPlan("C:\\bin\\tool.exe", "tool \"a b\" c", false), p);
    }

    @Test
    void planRunsBatchFilesThroughSystemCmd() {
        LaunchPlan p = LaunchPlan.of("C:\\x\\run.BAT", List.of("run", "a&b"), null, CMD);
        assertEquals(CMD, p.application());
        assertTrue(p.batch());
        assertEquals("cmd.exe /d /e:ON /v:OFF /c \"\"C:\\x\\run.BAT\" \"a&b\"\"", p.commandLine());
        assertThrows(IllegalArgumentException.class, () -> LaunchPlan.of("C:\\x\\run.cmd", List.of("run", "a\nb"), null, CMD));
        // trailing dots and spaces do not hide a batch file
        assertTrue(LaunchPlan.of("C:\\x\\run.bat .", List.of("run"), null, CMD).batch());
        LaunchPlan raw = LaunchPlan.of("C:\\x\\run.cmd", List.of("run"), "/q \"x\"", CMD);
        assertEquals("cmd.exe /d /e:ON /v:OFF /c \"\"C:\\x\\run.cmd\" /q \"x\"\"", raw.commandLine());
    }

    @Test
    void planRawAndShell() {
        assertEquals("x.exe --raw \"a\"b", LaunchPlan.of("C:\\x.exe", List.of("x.exe", "ignored"), "--raw \"a\"b", CMD)
                .commandLine());
        LaunchPlan sh = LaunchPlan.of(CMD, List.of(CMD, "/c", "echo \"a b\" & ver"), null, CMD);
        assertEquals(CMD + " /c \"echo \"a b\" & ver\"", sh.commandLine());
        assertFalse(sh.batch());
        assertTrue(LaunchPlan.isCmdShell("C:\\WINDOWS\\system32\\CMD.EXE", List.of("cmd", "/C", "x")));
        assertFalse(LaunchPlan.isCmdShell(CMD, List.of("cmd", "/c", "x", "y")));
        assertFalse(LaunchPlan.isCmdShell("C:\\tools\\notcmd.exe", List.of("cmd", "/c", "x")));
        assertEquals("cmd \"/k\" x".replace("\"/k\"", "/k"), LaunchPlan.of(CMD, List.of("cmd", "/k", "x"), null, CMD)
                .commandLine());
    }

    @Test
    void fileNameOfWindowsPaths() {
        assertEquals("cmd.exe", LaunchPlan.fileName("C:\\Windows\\System32\\cmd.exe"));
        assertEquals("x", LaunchPlan.fileName("a/b\\x"));
        assertEquals("x", LaunchPlan.fileName("x"));
    }

    @Test
    void directoryIsKept() {
        SpawnRequest r = new SpawnRequest("p", List.of("p"), true, EnvironmentSpec.inherit(), Path.of("d"),
                Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(), null, false, false, null, null);
        assertEquals(WindowsOptions.defaults(), Spawner.options(r));
    }
}
