package io.prockit.windows.spawn;

import io.prockit.spi.EnvironmentSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The environment block {@code CreateProcessW} takes with {@code CREATE_UNICODE_ENVIRONMENT}:
 * {@code NAME=value} strings in UTF-16LE, each NUL-terminated, sorted by name, and one more NUL at
 * the end.
 *
 * <pre>{@code
 * Map<String, String> env = EnvironmentBlock.apply(spec, parentEnvironment);  // names case-insensitive
 * byte[] block = EnvironmentBlock.encode(env);                                 // sorted, UTF-16LE, \0\0
 * Map<String, String> back = EnvironmentBlock.decode(block);
 * }</pre>
 *
 * <p>Names are compared as Windows compares them: each UTF-16 unit upper-cased, then ordinal
 * ({@link #NAME_ORDER}), so {@code Path} and {@code PATH} are one variable and the block is in the
 * order the system expects. A name may not be empty or hold {@code =} or NUL, except the
 * per-drive current directory entries the system keeps at the front of the block, whose names
 * start with {@code =} ({@code =C:=C:\work}); values may not hold NUL. An empty environment is
 * encoded as two NULs.
 *
 * <p>Platform notes: pure Java, tested on every OS. Windows' own upper-case table is close to but
 * not exactly {@link Character#toUpperCase(char)} for a few rare characters; names are normally
 * ASCII.
 */
public final class EnvironmentBlock {

    /** Windows' order of environment names: upper-cased UTF-16 units compared by value. */
    public static final Comparator<String> NAME_ORDER = EnvironmentBlock::compareNames;

    private EnvironmentBlock() {
    }

    /**
     * @return an empty mutable map whose keys are compared as Windows compares environment names
     */
    public static Map<String, String> newMap() {
        return new TreeMap<>(NAME_ORDER);
    }

    /**
     * Applies a spawn's environment changes to the parent's environment with Windows' name rules:
     * setting {@code path} replaces {@code Path} (the new spelling is kept), removing {@code PATH}
     * removes {@code Path}.
     *
     * @param spec   the requested environment
     * @param parent the parent's environment (ignored when the spec starts empty)
     * @return the child's environment, sorted in {@link #NAME_ORDER}
     */
    public static Map<String, String> apply(EnvironmentSpec spec, Map<String, String> parent) {
        Map<String, String> env = newMap();
        if (!spec.clear()) {
            for (Map.Entry<String, String> e : parent.entrySet()) {
                env.remove(e.getKey());
                env.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : spec.changes().entrySet()) {
            env.remove(e.getKey());
            if (e.getValue() != null) {
                env.put(e.getKey(), e.getValue());
            }
        }
        return env;
    }

    /**
     * Encodes an environment as a block, sorted by {@link #NAME_ORDER}.
     *
     * @param env the variables
     * @return the UTF-16LE block, double NUL terminated
     * @throws IllegalArgumentException for an empty name, a name holding {@code =} (other than a
     *                                  leading one) or NUL, a value holding NUL, or two names that are
     *                                  equal ignoring case
     */
    public static byte[] encode(Map<String, String> env) {
        TreeMap<String, String> sorted = new TreeMap<>(NAME_ORDER);
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = checkName(e.getKey());
            String value = Objects.requireNonNull(e.getValue(), () -> "value of environment variable " + name);
            CommandLine.checkNoNul("value of environment variable " + name, value);
            if (sorted.put(name, value) != null) {
                throw new IllegalArgumentException("environment variable names differ only in case, which Windows "
                        + "treats as one variable: \"" + name + "\"");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\0');
        }
        if (sorted.isEmpty()) {
            sb.append('\0');
        }
        sb.append('\0');
        // Unit by unit rather than through a charset: Windows strings are sequences of UTF-16 units
        // and may hold unpaired surrogates, which a charset encoder would replace.
        byte[] out = new byte[sb.length() * 2];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(sb.toString());
        return out;
    }

    /**
     * Decodes a block, as {@code GetEnvironmentStringsW} returns it, up to its terminating empty
     * string (or the end of the array).
     *
     * @param block UTF-16LE bytes
     * @return the variables in block order; names compared as Windows does
     */
    public static Map<String, String> decode(byte[] block) {
        ByteBuffer buf = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        char[] chars = new char[block.length / 2];
        buf.asCharBuffer().get(chars);
        return decode(chars, chars.length);
    }

    /**
     * Decodes a block given as UTF-16 units.
     *
     * @param block  the units
     * @param length how many of them to look at
     * @return the variables; names compared as Windows does
     */
    public static Map<String, String> decode(char[] block, int length) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        while (i < length && block[i] != '\0') {
            int start = i;
            while (i < length && block[i] != '\0') {
                i++;
            }
            String entry = new String(block, start, i - start);
            // The name ends at the first '=' after its first character: "=C:=C:\x" is name "=C:".
            int eq = entry.indexOf('=', 1);
            if (eq > 0) {
                env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            }
            i++;
        }
        Map<String, String> result = newMap();
        result.putAll(env);
        return result;
    }

    /**
     * Checks a name for the block.
     *
     * @param name the name
     * @return name
     */
    static String checkName(String name) {
        Objects.requireNonNull(name, "environment variable name");
        CommandLine.checkNoNul("environment variable name", name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("environment variable name is empty");
        }
        int eq = name.indexOf('=', 1);
        if (eq > 0 || name.equals("=")) {
            throw new IllegalArgumentException("environment variable name contains '=': \"" + name + "\"");
        }
        return name;
    }

    private static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = Character.toUpperCase(a.charAt(i));
            char y = Character.toUpperCase(b.charAt(i));
            if (x != y) {
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
