package io.prockit.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * POSIX-only functions keep throwing on the Windows backend, naming the function and Windows. The backend
 * object loads no native code for these, so this runs on every OS.
 */
class WindowsUnsupportedTest {
    private final WindowsBackend b = new WindowsBackend();

    private static void refused(String function, Executable call) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call);
        assertEquals(function + " is not available on Windows", e.getMessage());
    }

    @Test
    void posixOnlyFunctionsNameThemselvesAndWindows() {
        refused("os.getuid", b::getuid);
        refused("os.geteuid", b::geteuid);
        refused("os.getgroups", b::getgroups);
        refused("os.setsid", b::setsid);
        refused("os.getpgid", () -> b.getpgid(0));
        refused("os.killpg", () -> b.killpg(5, 9));
        refused("os.nice", () -> b.nice(1));
        refused("os.getpriority", () -> b.getpriority(0, 0));
        refused("os.uname", b::uname);
        refused("os.getloadavg", b::getloadavg);
        refused("os.sysconf", () -> b.sysconf(30));
        refused("os.wait4", () -> b.wait4(1, 0));
        refused("os.waitid", () -> b.waitid(0, 1, 4));
        refused("os.openpty", b::openpty);
        refused("os.sched_getaffinity", () -> b.schedGetaffinity(0));
        refused("os.sched_setaffinity", () -> b.schedSetaffinity(0, Set.of(0)));
        refused("os.posix_spawn", () -> b.posixSpawn("x", List.of("x"), Map.of(), null, false));
        refused("os.ctermid", b::ctermid);
    }
}
