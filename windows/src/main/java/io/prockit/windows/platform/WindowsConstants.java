package io.prockit.windows.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of Python's {@code os} constants that exist on Windows. */
public final class WindowsConstants {
    public static final Map<String, Integer> ALL;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        // <process.h> of the Microsoft C runtime, _spawn modes
        // (https://learn.microsoft.com/en-us/cpp/c-runtime-library/spawn-wspawn-functions):
        m.put("P_WAIT", 0);
        m.put("P_NOWAIT", 1);
        m.put("P_OVERLAY", 2);
        m.put("P_NOWAITO", 3);
        m.put("P_DETACH", 4);
        // No EX_*: the Microsoft C runtime has no <sysexits.h>, and CPython defines os.EX_* only from it
        // ("Availability: Unix"), so Python on Windows has none.
        // No WNOHANG, WUNTRACED, WCONTINUED: Python has none on Windows.
        ALL = Collections.unmodifiableMap(m);
    }

    private WindowsConstants() {
    }
}
