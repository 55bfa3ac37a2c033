package io.prockit.windows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of Python's {@code os} constants that exist on Windows. */
final class WindowsConstants {
    static final Map<String, Integer> ALL;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        // <process.h> of the Microsoft C runtime, _spawn modes
        // (https://learn.microsoft.com/en-us/cpp/c-runtime-library/spawn-wspawn-functions):
        m.put("P_WAIT", 0);
        m.put("P_NOWAIT", 1);
        m.put("P_OVERLAY", 2);
        m.put("P_NOWAITO", 3);
        m.put("P_DETACH", 4);
        // <sysexits.h> (BSD; the values Python's os.EX_* carry): program exit codes.
        m.put("EX_OK", 0);
        m.put("EX_USAGE", 64);
        m.put("EX_DATAERR", 65);
        m.put("EX_NOINPUT", 66);
        m.put("EX_NOUSER", 67);
        m.put("EX_NOHOST", 68);
        m.put("EX_UNAVAILABLE", 69);
        m.put("EX_SOFTWARE", 70);
        m.put("EX_OSERR", 71);
        m.put("EX_OSFILE", 72);
        m.put("EX_CANTCREAT", 73);
        m.put("EX_IOERR", 74);
        m.put("EX_TEMPFAIL", 75);
        m.put("EX_PROTOCOL", 76);
        m.put("EX_NOPERM", 77);
        m.put("EX_CONFIG", 78);
        m.put("EX_NOTFOUND", 79);
        // No WNOHANG, WUNTRACED, WCONTINUED: Python has none on Windows.
        ALL = Collections.unmodifiableMap(m);
    }

    private WindowsConstants() {
    }
}
