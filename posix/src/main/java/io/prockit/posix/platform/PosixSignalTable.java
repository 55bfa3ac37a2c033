package io.prockit.posix.platform;

import io.prockit.spi.SignalTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Signal names and numbers from the running OS's constant table, plus Linux real-time signals. */
public final class PosixSignalTable implements SignalTable {
    private final Map<String, Integer> byName;
    private final Map<Integer, String> byNumber;

    public PosixSignalTable(PosixConstants c) {
        this(c.all());
    }

    /**
     * @param constants a constant table (name to value): its {@code SIG*} entries are the signals, and
     *                  {@code SIGRTMIN}/{@code SIGRTMAX}, when present, bound the real-time ones
     */
    PosixSignalTable(Map<String, Integer> constants) {
        Map<String, Integer> names = new LinkedHashMap<>();
        Map<Integer, String> numbers = new TreeMap<>();
        for (Map.Entry<String, Integer> e : constants.entrySet()) {
            String n = e.getKey();
            if (n.startsWith("SIG") && !n.startsWith("SIG_") && !n.equals("SIGRTMIN") && !n.equals("SIGRTMAX")) {
                names.put(n, e.getValue());
            }
        }
        // Preferred names where two share a number (SIGIOT = SIGABRT, SIGPOLL = SIGIO).
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            numbers.putIfAbsent(e.getValue(), e.getKey());
        }
        for (String preferred : new String[] {"SIGABRT", "SIGIO", "SIGCHLD"}) {
            Integer v = names.get(preferred);
            if (v != null) {
                numbers.put(v, preferred);
            }
        }
        // Plain loops, no lambda or stream: this runs on a cold JVM's first spawn, where each new lambda
        // shape costs a class spun at run time.
        Integer rtmin = constants.get("SIGRTMIN");
        if (rtmin != null) {
            int min = rtmin;
            int max = constants.getOrDefault("SIGRTMAX", min);
            int highest = 31;
            if (!names.isEmpty()) {
                highest = 0;
                for (int v : names.values()) {
                    highest = Math.max(highest, v);
                }
            }
            for (int s = highest + 1; s < min; s++) {
                // Kernel signals the C library reserves for itself (glibc: 32 and 33).
                names.put("SIG" + s, s);
                numbers.put(s, "SIG" + s);
            }
            for (int s = min; s <= max; s++) {
                String n = s == min ? "SIGRTMIN" : s == max ? "SIGRTMAX" : "SIGRTMIN+" + (s - min);
                names.put(n, s);
                numbers.put(s, n);
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byNumber = Collections.unmodifiableMap(numbers);
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public int number(String name) {
        Integer n = byName.get(name);
        if (n == null) {
            throw new UnsupportedOperationException("signal " + name + " does not exist on this platform");
        }
        return n;
    }

    @Override
    public Optional<String> name(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }
}
