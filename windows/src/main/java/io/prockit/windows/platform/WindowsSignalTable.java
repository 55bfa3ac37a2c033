package io.prockit.windows.platform;

import io.prockit.spi.SignalTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Windows' signals, exactly those of Python's {@code signal} module on Windows.
 *
 * <p>Sources: the C runtime's {@code <signal.h>} (Microsoft docs, "signal",
 * https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/signal): SIGINT 2, SIGILL 4,
 * SIGFPE 8, SIGSEGV 11, SIGTERM 15, SIGBREAK 21, SIGABRT 22; and {@code <wincon.h>}
 * (GenerateConsoleCtrlEvent, https://learn.microsoft.com/en-us/windows/console/generateconsolectrlevent):
 * CTRL_C_EVENT 0, CTRL_BREAK_EVENT 1, which CPython's signal module exports as well.
 */
public final class WindowsSignalTable implements SignalTable {
    public static final WindowsSignalTable INSTANCE = new WindowsSignalTable();

    private final Map<String, Integer> byName;
    private final Map<Integer, String> byNumber;

    private WindowsSignalTable() {
        Map<String, Integer> m = new LinkedHashMap<>();
        // <wincon.h>
        m.put("CTRL_C_EVENT", 0);
        m.put("CTRL_BREAK_EVENT", 1);
        // <signal.h> of the Microsoft C runtime
        m.put("SIGINT", 2);
        m.put("SIGILL", 4);
        m.put("SIGFPE", 8);
        m.put("SIGSEGV", 11);
        m.put("SIGTERM", 15);
        m.put("SIGBREAK", 21);
        m.put("SIGABRT", 22);
        byName = Collections.unmodifiableMap(m);
        Map<Integer, String> r = new LinkedHashMap<>();
        m.forEach((k, v) -> r.putIfAbsent(v, k));
        byNumber = Collections.unmodifiableMap(r);
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public int number(String name) {
        Integer n = byName.get(name);
        if (n == null) {
            throw new UnsupportedOperationException(name + " is not available on Windows");
        }
        return n;
    }

    @Override
    public Optional<String> name(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** Python on Windows: any value; non-console-event values become TerminateProcess's exit code. */
    @Override
    public boolean acceptsForKill(int number) {
        return true;
    }
}
