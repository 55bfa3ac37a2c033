package io.prockit.posix;

import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.linux.LinuxConstants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DarwinConstants} against Apple's header values in {@code darwin/darwin-constants.txt}
 * (copied from the shared ground truth into the test resources). Pure data: runs on every OS.
 */
class DarwinConstantsTest {
    /** Python's own values (CPython Lib/os.py, posixmodule.c), the same on every POSIX system. */
    private static final Set<String> PYTHON_ONLY = Set.of("P_WAIT", "P_NOWAIT", "P_NOWAITO", "P_OVERLAY", "P_DETACH",
            "POSIX_SPAWN_OPEN", "POSIX_SPAWN_CLOSE", "POSIX_SPAWN_DUP2");

    record GroundTruth(Map<String, Long> consts, Map<String, Long> structSizes, Map<String, Long> fieldOffsets) {
    }

    static GroundTruth load() throws IOException {
        Map<String, Long> consts = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (String file : new String[] {"/darwin/darwin-constants.txt", "/darwin/darwin-constants-extra.txt"}) {
        try (InputStream in = DarwinConstantsTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file + " in the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String body = line.contains("  #") ? line.substring(0, line.indexOf("  #")).trim() : line.trim();
                if (body.startsWith("const ")) {
                    String[] kv = body.substring(6).split("=", 2);
                    consts.put(kv[0], parse(kv[1]));
                } else if (body.startsWith("struct ")) {
                    String[] w = body.substring(7).split(" ");
                    sizes.put(w[0], parse(w[1].substring("size=".length())));
                } else if (body.startsWith("field ")) {
                    String[] w = body.substring(6).split(" ");
                    offsets.put(w[0], parse(w[1].substring("offset=".length())));
                }
            }
        }
        }
        return new GroundTruth(consts, sizes, offsets);
    }

    private static long parse(String v) {
        v = v.trim();
        return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
    }

    static Map<String, Integer> fields(Class<?> table) throws IllegalAccessException {
        Map<String, Integer> r = new LinkedHashMap<>();
        for (Field f : table.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                r.put(f.getName(), f.getInt(null));
            }
        }
        return r;
    }

    /** @return the ground-truth value for a layout constant, or null if it is no layout constant */
    static Long layout(String name, GroundTruth g) {
        if (name.startsWith("SIZEOF_")) {
            String t = name.substring(7);
            return g.structSizes().get(t);
        }
        if (name.startsWith("OFFSETOF_siginfo_")) {
            return g.fieldOffsets().get("siginfo_t." + name.substring("OFFSETOF_siginfo_".length()));
        }
        return null;
    }

    @Test
    void everyConstantMatchesApplesHeaders() throws Exception {
        GroundTruth g = load();
        Map<String, Integer> table = fields(DarwinConstants.class);
        List<String> wrong = new ArrayList<>();
        Set<String> notFound = new TreeSet<>();
        int checked = 0;
        for (Map.Entry<String, Integer> e : table.entrySet()) {
            String name = e.getKey();
            long actual = e.getValue();
            Long expected = g.consts().containsKey(name) ? g.consts().get(name) : layout(name, g);
            if (expected == null) {
                notFound.add(name);
                continue;
            }
            checked++;
            if (actual != expected && (actual & 0xffffffffL) != expected) {
                wrong.add(name + ": table " + actual + ", header " + expected);
            }
        }
        assertTrue(wrong.isEmpty(), "values that differ from Apple's headers: " + wrong);
        assertTrue(checked > 150, "checked " + checked);
        // What the ground truth does not cover must be accounted for, name by name.
        Set<String> sysexits = new TreeSet<>();
        for (String n : notFound) {
            if (n.startsWith("EX_")) {
                sysexits.add(n);
            }
        }
        notFound.removeAll(sysexits);
        notFound.removeAll(PYTHON_ONLY);
        assertEquals(Set.of(), notFound, "DarwinConstants fields with no ground truth");
        // <sysexits.h> is the same BSD file on both systems: the Linux values (checked by gcc) must agree.
        Map<String, Integer> linux = fields(LinuxConstants.class);
        for (String n : sysexits) {
            assertEquals(linux.get(n), table.get(n), n);
        }
        assertEquals(16, sysexits.size(), "EX_OK and the fifteen <sysexits.h> codes: " + sysexits);
        for (String n : PYTHON_ONLY) {
            assertEquals(linux.get(n), table.get(n), n + " is Python's value, the same on every POSIX system");
        }
    }

    @Test
    void theValuesThatBiteDifferFromLinux() throws Exception {
        Map<String, Integer> d = fields(DarwinConstants.class);
        Map<String, Integer> l = fields(LinuxConstants.class);
        // README of the ground truth: these are the differences that break code sharing one number.
        assertEquals(0x400, d.get("POSIX_SPAWN_SETSID"));
        assertEquals(0x80, l.get("POSIX_SPAWN_SETSID"));
        assertEquals(17, d.get("SIGSTOP"));
        assertEquals(17, l.get("SIGCHLD"));
        assertEquals(32, d.get("NSIG"));
        assertEquals(16, d.get("WCONTINUED"));
        assertEquals(8, l.get("WCONTINUED"));
    }
}
