package io.prockit.posix;

import io.prockit.Os;
import io.prockit.PosixSpawnAttributes;
import io.prockit.SchedParam;
import io.prockit.spi.ProcessBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the POSIX backend offers as capabilities, and how {@code Os} reports what it does not. */
class CapabilitiesTest {
    private final ProcessBackend b = new PosixBackend();

    private static void refused(String message, Executable call) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void posixIsOfferedAndWindowsIsNot() {
        assertTrue(b.posix().isPresent());
        assertTrue(b.windows().isEmpty());
        String platform = b.platformName();
        refused("os.startfile is not available on " + platform, () -> Os.startfile("x"));
    }

    @Test
    @EnabledOnOs(OS.LINUX) // what only Linux offers; the macOS case is below
    void linuxOffersSavedIdsSchedulerAndPidfds() {
        var posix = b.posix().orElseThrow();
        assertTrue(posix.savedIds().isPresent());
        assertTrue(posix.scheduler().isPresent());
        assertTrue(posix.pidfd().isPresent());
    }

    @Test
    @EnabledOnOs(OS.MAC)
    void macOsLacksSavedIdsSchedulerAndPidfdsAsPythonDoes() {
        var posix = b.posix().orElseThrow();
        assertTrue(posix.savedIds().isEmpty());
        assertTrue(posix.scheduler().isEmpty());
        assertTrue(posix.pidfd().isEmpty());
        refused("os.getresuid is not available on macOS", Os::getresuid);
        refused("os.setresgid is not available on macOS", () -> Os.setresgid(-1, -1, -1));
        refused("os.sched_getaffinity is not available on macOS", () -> Os.schedGetaffinity(0));
        refused("os.sched_getscheduler is not available on macOS", () -> Os.schedGetscheduler(0));
        refused("os.pidfd_open is not available on macOS", () -> Os.pidfdOpen(Os.getpid(), 0));
        refused("os.posix_spawn with scheduler is not available on macOS", () -> Os.posixSpawn("/bin/echo", // os-scan: refused before any spawn, the path is never used
                List.of("echo"), Map.of(), PosixSpawnAttributes.defaults().withScheduler(Os.SCHED_OTHER,
                        new SchedParam(0))));
    }
}
