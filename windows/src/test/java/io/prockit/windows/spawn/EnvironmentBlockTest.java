package io.prockit.windows.spawn;

import io.prockit.spi.EnvironmentSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentBlockTest {

    private static String text(byte[] block) {
        return new String(block, StandardCharsets.UTF_16LE);
    }

    @Test
    void encodesSortedUtf16leDoubleNulTerminated() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("b", "2");
        env.put("A", "1");
        env.put("_x", "3");
        env.put("Path", "C:\\bin");
        byte[] block = EnvironmentBlock.encode(env);
        assertEquals("A=1\0b=2\0Path=C:\\bin\0_x=3\0\0", text(block));
        assertEquals(0, block.length % 2);
        assertEquals(0, block[block.length - 1]);
        assertEquals(0, block[block.length - 3]);
    }

    @Test
    void sortsByUppercaseOrdinalAsWindows() {
        // '_' (0x5F) sorts after every upper-case letter, '=' (0x3D) and digits before them.
        List<String> names = new ArrayList<>(List.of("_a", "z", "A1", "a", "=C:", "B", "a_", "aB", "Ab", "0"));
        names.sort(EnvironmentBlock.NAME_ORDER);
        assertEquals(List.of("0", "=C:", "a", "A1", "aB", "a_", "B", "z", "_a"),
                names.stream().filter(n -> !n.equals("Ab")).toList());
        assertEquals(0, EnvironmentBlock.NAME_ORDER.compare("Path", "PATH"));
        assertTrue(EnvironmentBlock.NAME_ORDER.compare("PATH", "PATHEXT") < 0);
    }

    @Test
    void emptyEnvironmentIsTwoNuls() {
        assertArrayEquals(new byte[] {0, 0, 0, 0}, EnvironmentBlock.encode(Map.of()));
    }

    @Test
    void keepsDriveEntriesAndEmptyValues() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("X", "");
        env.put("=C:", "C:\\work");
        env.put("=D:", "D:\\");
        assertEquals("=C:=C:\\work\0=D:=D:\\\0X=\0\0", text(EnvironmentBlock.encode(env)));
    }

    @Test
    void refusesBadNamesAndValuesNamingThem() {
        for (String bad : List.of("", "A=B", "=", "=C:=", "A\0B")) {
            Map<String, String> env = Map.of(bad, "v");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvironmentBlock.encode(env));
            assertTrue(e.getMessage().contains("environment variable name"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvironmentBlock.encode(Map.of("K", "a\0b")));
        assertTrue(e.getMessage().contains("K") && e.getMessage().contains("NUL"), e.getMessage());
        Map<String, String> dup = new LinkedHashMap<>();
        dup.put("Path", "1");
        dup.put("PATH", "2");
        assertThrows(IllegalArgumentException.class, () -> EnvironmentBlock.encode(dup));
    }

    @Test
    void applyIsCaseInsensitiveAndKeepsTheNewSpelling() {
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("Path", "C:\\old");
        parent.put("TEMP", "C:\\t");
        parent.put("=C:", "C:\\work");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("PATH", "C:\\new");
        changes.put("temp", null);
        changes.put("NEW", "1");
        Map<String, String> env = EnvironmentBlock.apply(new EnvironmentSpec(false, changes), parent);
        assertEquals(List.of("=C:", "NEW", "PATH"), new ArrayList<>(env.keySet()));
        assertEquals("C:\\new", env.get("path"));
        assertFalse(env.containsKey("TEMP"));
        Map<String, String> cleared = EnvironmentBlock.apply(new EnvironmentSpec(true, Map.of("A", "1")), parent);
        assertEquals(Map.of("A", "1"), new LinkedHashMap<>(cleared));
        Map<String, String> same = EnvironmentBlock.apply(EnvironmentSpec.inherit(), parent);
        assertEquals(3, same.size());
    }

    @Test
    void decodesWhatWindowsReturns() {
        char[] raw = "=C:=C:\\w\0=ExitCode=00000000\0Path=a;b\0X==y\0\0garbage".toCharArray();
        Map<String, String> env = EnvironmentBlock.decode(raw, raw.length);
        assertEquals("C:\\w", env.get("=C:"));
        assertEquals("00000000", env.get("=ExitCode"));
        assertEquals("a;b", env.get("PATH"));
        assertEquals("=y", env.get("X"));
        assertEquals(4, env.size());
    }

    @Test
    void randomEnvironmentsRoundTrip() {
        Random rnd = new Random(7);
        String nameChars = "abcXYZ_019()é";
        String valueChars = "ab =;%\\\"é\u20ac\uD83D\uDE00";
        for (int iter = 0; iter < 2000; iter++) {
            Map<String, String> env = EnvironmentBlock.newMap();
            int n = rnd.nextInt(8);
            for (int k = 0; k < n; k++) {
                StringBuilder name = new StringBuilder();
                int len = 1 + rnd.nextInt(6);
                for (int i = 0; i < len; i++) {
                    name.append(nameChars.charAt(rnd.nextInt(nameChars.length())));
                }
                StringBuilder value = new StringBuilder();
                int vl = rnd.nextInt(8);
                for (int i = 0; i < vl; i++) {
                    value.append(valueChars.charAt(rnd.nextInt(valueChars.length())));
                }
                env.put(name.toString(), value.toString());
            }
            // Handed over in random order (a plain insertion-ordered map): encode must sort it itself.
            List<Map.Entry<String, String>> shuffled = new ArrayList<>(env.entrySet());
            Collections.shuffle(shuffled, rnd);
            Map<String, String> unordered = new LinkedHashMap<>();
            shuffled.forEach(e -> unordered.put(e.getKey(), e.getValue()));
            byte[] block = EnvironmentBlock.encode(unordered);
            Map<String, String> back = EnvironmentBlock.decode(block);
            assertEquals(new ArrayList<>(env.entrySet()), new ArrayList<>(back.entrySet()));
            // The order Windows requires is the order of the block itself, read here without decode(), which
            // would sort again: the names as they stand in the UTF-16LE bytes, entry by entry.
            List<String> inBlock = new ArrayList<>();
            // Unit by unit, as Windows reads it (a charset decoder would mangle the unpaired surrogates).
            String text = java.nio.ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN).asCharBuffer()
                    .toString();
            assertTrue(text.endsWith("\0\0"), "double NUL terminated");
            for (String entry : text.split("\0")) {
                if (!entry.isEmpty()) {
                    inBlock.add(entry.substring(0, entry.indexOf('=', 1)));
                }
            }
            assertEquals(env.size(), inBlock.size());
            List<String> sorted = new ArrayList<>(inBlock);
            Collections.sort(sorted, EnvironmentBlock.NAME_ORDER);
            assertEquals(sorted, inBlock, "the block's entries are in Windows' order");
        }
    }
}
