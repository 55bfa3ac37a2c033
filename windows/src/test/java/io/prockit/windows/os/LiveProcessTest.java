package io.prockit.windows.os;

import io.prockit.Stdio;
import io.prockit.TimesResult;
import io.prockit.spi.SpawnRequest;
import io.prockit.windows.spawn.EnvironmentBlock;
import io.prockit.windows.spawn.Spawner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure decisions behind Python's os functions on the running Windows process; runs on every OS. */
class LiveProcessTest {

    @Test
    void putenvRefusesWhatTheCRuntimeCannotHoldAndNothingShorter() {
        String name = "PROCKIT";
        LiveProcess.checkPutenv(name, "x".repeat(LiveProcess.MAX_ENV - name.length() - 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiveProcess.checkPutenv(name, "x".repeat(LiveProcess.MAX_ENV - name.length())));
        assertTrue(e.getMessage().contains("PROCKIT") && e.getMessage().contains("32767"), e.getMessage());
        LiveProcess.checkPutenv(name, "");
    }

    @Test
    void driveVariableFollowsTheDriveLetterAndSkipsUncPaths() {
        assertEquals("=C:", LiveProcess.driveVariable("C:\\work\\dir"));
        assertEquals("=D:", LiveProcess.driveVariable("d:\\"));
        assertNull(LiveProcess.driveVariable("\\\\server\\share\\dir"));
        assertNull(LiveProcess.driveVariable("\\\\?\\C:\\long"));
        assertNull(LiveProcess.driveVariable("C"));
    }

    @Test
    void timesKnowOnlyUserAndSystemAsPythonOnWindows() {
        TimesResult t = LiveProcess.times(12_345_678L, 30_000_000L);
        assertEquals(1.2345678, t.user(), 1e-12);
        assertEquals(3.0, t.system(), 1e-12);
        assertEquals(0, t.childrenUser());
        assertEquals(0, t.childrenSystem());
        assertEquals(0, t.elapsed());
    }

    @Test
    void execRunsTheProgramOnTheSameStdioOutsideAnyKillOnCloseJob() {
        SpawnRequest r = LiveProcess.execRequest("prog.exe", List.of("prog", "a b"), null, false);
        assertEquals("prog.exe", r.program());
        assertEquals(List.of("prog", "a b"), r.argv());
        assertFalse(r.searchPath());
        assertTrue(r.environment().isInheritedUnchanged(), "the live environment, with every putenv");
        assertTrue(r.stdin() instanceof Stdio.Inherit && r.stdout() instanceof Stdio.Inherit
                && r.stderr() instanceof Stdio.Inherit);
        assertFalse(r.windows().killOnJobClose(), "what the new program starts must outlive this process");
        assertFalse(Spawner.usesJob(r));
        assertFalse(r.detached());
        assertNull(r.directory(), "the process's current directory");
        assertNull(r.pty());
    }

    @Test
    void execWithAnEnvironmentReplacesItWhole() {
        SpawnRequest r = LiveProcess.execRequest("prog", List.of("prog"), Map.of("A", "1"), true);
        assertTrue(r.searchPath());
        assertTrue(r.environment().clear());
        assertEquals(Map.of("A", "1"), r.environment().changes());
        Map<String, String> child = EnvironmentBlock.apply(r.environment(), Map.of("PATH", "C:\\x", "B", "2"));
        assertEquals(Map.of("A", "1"), Map.copyOf(child));
    }
}
