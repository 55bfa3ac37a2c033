package io.prockit.windows;

import io.prockit.Os;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POSIX-only functions are absent on Windows: the backend offers no POSIX capability (checked on every OS:
 * the backend object loads no native code for it), and {@code Os} turns that into an exception naming the
 * function and Windows (checked on Windows, where this backend is the one selected).
 */
class WindowsUnsupportedTest {
    private final WindowsBackend b = new WindowsBackend();

    private static void refused(String function, Executable call) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call);
        assertEquals(function + " is not available on Windows", e.getMessage());
    }

    @Test
    void offersNoPosixCapabilityAndTheWindowsOne() {
        assertTrue(b.posix().isEmpty());
        assertTrue(b.windows().isPresent());
        assertTrue(b.currentProcess() != null);
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void posixOnlyFunctionsNameThemselvesAndWindows() {
        refused("os.getuid", Os::getuid);
        refused("os.geteuid", Os::geteuid);
        refused("os.getgroups", Os::getgroups);
        refused("os.setsid", Os::setsid);
        refused("os.getpgid", () -> Os.getpgid(0));
        refused("os.killpg", () -> Os.killpg(5, 9));
        refused("os.nice", () -> Os.nice(1));
        refused("os.getpriority", () -> Os.getpriority(0, 0));
        refused("os.uname", Os::uname);
        refused("os.getloadavg", Os::getloadavg);
        refused("os.sysconf", () -> Os.sysconf(30));
        refused("os.sysconf", () -> Os.sysconf("SC_PAGESIZE"));
        refused("os.confstr", () -> Os.confstr("CS_PATH"));
        refused("os.wait4", () -> Os.wait4(1, 0));
        refused("os.openpty", Os::openpty);
        refused("os.sched_getaffinity", () -> Os.schedGetaffinity(0));
        refused("os.sched_setaffinity", () -> Os.schedSetaffinity(0, Set.of(0)));
        refused("os.getresuid", Os::getresuid);
        refused("os.pidfd_open", () -> Os.pidfdOpen(1, 0));
        refused("os.posix_spawn", () -> Os.posixSpawn("x", List.of("x"), Map.of()));
        refused("os.ctermid", Os::ctermid);
        refused("os.spawnvp", () -> Os.spawnvp(Os.P_WAIT, "cmd", List.of("cmd")));
    }
}
