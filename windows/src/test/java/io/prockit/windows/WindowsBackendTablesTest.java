package io.prockit.windows;

import io.prockit.spi.ProcessBackend;
import io.prockit.spi.StatusCodec;
import io.prockit.windows.platform.WindowsStatusCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backend's pure parts; none of these may load native code (they run on Linux). */
class WindowsBackendTablesTest {
    private final WindowsBackend backend = new WindowsBackend();

    @Test
    void identity() {
        assertEquals("windows", backend.name());
        assertEquals("Windows", backend.platformName());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void notSupportedHereAndLoadsNothing() {
        assertFalse(backend.isSupported());
    }

    @Test
    void supportedExactlyWhenOsNameSaysWindows() {
        String saved = System.getProperty("os.name");
        try {
            System.setProperty("os.name", "Windows Server 2022");
            assertTrue(backend.isSupported());
            System.setProperty("os.name", "Linux");
            assertFalse(backend.isSupported());
            System.setProperty("os.name", "Mac OS X");
            assertFalse(backend.isSupported());
        } finally {
            System.setProperty("os.name", saved);
        }
    }

    @Test
    void foundByServiceLoader() {
        boolean found = false;
        for (ProcessBackend b : ServiceLoader.load(ProcessBackend.class)) {
            found |= b instanceof WindowsBackend;
        }
        assertTrue(found, "META-INF/services lists WindowsBackend");
    }

    @Test
    void signalsArePythonsWindowsSet() {
        Map<String, Integer> expected = Map.of("SIGINT", 2, "SIGILL", 4, "SIGFPE", 8, "SIGSEGV", 11, "SIGTERM", 15,
                "SIGBREAK", 21, "SIGABRT", 22, "CTRL_C_EVENT", 0, "CTRL_BREAK_EVENT", 1);
        assertEquals(expected.keySet(), backend.signals().names());
        expected.forEach((name, n) -> {
            assertEquals(n, backend.signals().number(name));
            assertEquals(Optional.of(name), backend.signals().name(n));
        });
        assertThrows(UnsupportedOperationException.class, () -> backend.signals().number("SIGKILL"));
        for (int n : new int[] {3, 5, 6, 7, 9, 10, 12, 13, 14, 16, 17, 19, 20, 23, 64, -1}) {
            assertEquals(Optional.empty(), backend.signals().name(n), "signal " + n);
        }
    }

    @Test
    void statusIsExitCodeShiftedBy8ForEveryCode() {
        StatusCodec c = backend.statusCodec();
        int[] codes = {0, 1, 3, 255, 256, 259, 0x7fffffff, 0x80000000, 0xC0000005, 0xC000013A, -1};
        for (int code : codes) {
            long status = WindowsStatusCodec.encode(code);
            assertEquals((code & 0xffffffffL) << 8, status);
            assertTrue(status >= 0);
            assertTrue(c.ifExited(status));
            assertEquals(code, c.exitStatus(status));
            assertFalse(c.ifSignaled(status));
            assertFalse(c.ifStopped(status));
            assertFalse(c.ifContinued(status));
            assertFalse(c.coreDump(status));
            assertEquals(0, c.termSig(status));
            assertEquals(0, c.stopSig(status));
        }
        assertEquals(0xC000000500L, WindowsStatusCodec.encode(0xC0000005));
        assertEquals(259L << 8, WindowsStatusCodec.encode(259));
        for (long code = 0; code <= 0xfffff; code += 7) {
            assertEquals((int) code, c.exitStatus(WindowsStatusCodec.encode((int) code)));
        }
    }

    @Test
    void statusRangeIsAThirtyTwoBitExitCodeShiftedByEight() {
        StatusCodec c = backend.statusCodec();
        assertTrue(c.inRange(0));
        assertTrue(c.inRange(WindowsStatusCodec.encode(-1)));
        assertTrue(c.inRange(WindowsStatusCodec.encode(0xC0000005)));
        assertFalse(c.inRange(1L << 40), "an exit code beyond UINT_MAX");
        assertFalse(c.inRange(-1));
        assertFalse(c.inRange(Long.MIN_VALUE));
    }

    @Test
    void constantsArePythonsWindowsSet() {
        Map<String, Integer> k = backend.constants();
        assertEquals(0, k.get("P_WAIT"));
        assertEquals(1, k.get("P_NOWAIT"));
        assertEquals(2, k.get("P_OVERLAY"));
        assertEquals(3, k.get("P_NOWAITO"));
        assertEquals(4, k.get("P_DETACH"));
        // CPython on Windows has no os.EX_* (no <sysexits.h> in the Microsoft C runtime).
        for (String sysexit : Set.of("EX_OK", "EX_USAGE", "EX_CONFIG", "EX_NOTFOUND")) {
            assertFalse(k.containsKey(sysexit), sysexit);
        }
        for (String posixOnly : Set.of("WNOHANG", "WUNTRACED", "WCONTINUED", "SCHED_OTHER", "P_PID")) {
            assertFalse(k.containsKey(posixOnly), posixOnly);
        }
        assertEquals(5, k.size());
        assertThrows(UnsupportedOperationException.class, () -> k.put("X", 1));
    }

    @Test
    void shellArgvUsesComspec() {
        List<String> argv = backend.shellArgv("echo hi & dir");
        assertEquals(3, argv.size());
        String comspec = System.getenv("COMSPEC");
        assertEquals(comspec == null || comspec.isBlank() ? "C:\\Windows\\System32\\cmd.exe" : comspec, argv.get(0));
        assertEquals(List.of("/c", "echo hi & dir"), argv.subList(1, 3));
    }

    @Test
    void killpgIsAbsentWithEveryPosixFunction() {
        assertTrue(backend.posix().isEmpty(), "no killpg, ids, groups, ... on Windows");
    }
}
