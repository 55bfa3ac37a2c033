package io.prockit.posix.jna;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LibraryPath}: ld.so.conf parsing on fixture files, and the live list against libc's directory. */
class LibraryPathTest {

    @Test
    void ldSoConfFollowsIncludesInSortedOrderAndSkipsComments(@TempDir Path etc) throws Exception {
        Files.createDirectories(etc.resolve("ld.so.conf.d"));
        Files.writeString(etc.resolve("ld.so.conf"), """
                # top
                /opt/first
                include ld.so.conf.d/*.conf
                include /nonexistent/*.conf
                /opt/last   # trailing comment
                """);
        Files.writeString(etc.resolve("ld.so.conf.d/b.conf"), "/opt/b\n");
        Files.writeString(etc.resolve("ld.so.conf.d/a.conf"), "# a\n/opt/a\n/opt/a2=libc6\n");
        Files.writeString(etc.resolve("ld.so.conf.d/ignored.txt"), "/opt/not-a-conf\n");
        assertEquals(List.of("/opt/first", "/opt/a", "/opt/a2", "/opt/b", "/opt/last"),
                LibraryPath.ldSoConf(etc.resolve("ld.so.conf"), 0));
    }

    @Test
    void includeTakesSeveralPatternsSeparatedByAnyWhitespace(@TempDir Path etc) throws Exception {
        Files.createDirectories(etc.resolve("d1"));
        Files.createDirectories(etc.resolve("d2"));
        Files.writeString(etc.resolve("d1/x.conf"), "/opt/x,/opt/ignored-after-comma\n");
        Files.writeString(etc.resolve("d1/.hidden.conf"), "/opt/hidden\n");
        Files.writeString(etc.resolve("d2/y1.conf"), "\t/opt/y1:more\n");
        Files.writeString(etc.resolve("ld.so.conf"), "include\td1/*.conf \t d2/y?.conf\n");
        assertEquals(List.of("/opt/x", "/opt/y1"), LibraryPath.ldSoConf(etc.resolve("ld.so.conf"), 0));
    }

    @Test
    void globMatchesStarAndQuestionMarkLikeGlob3() {
        assertTrue(LibraryPath.matches("*.conf", 0, "a.conf", 0));
        assertFalse(LibraryPath.matches("*.conf", 0, ".conf.conf", 0), "a leading dot needs a literal dot");
        assertTrue(LibraryPath.matches(".*", 0, ".hidden", 0));
        assertTrue(LibraryPath.matches("*", 0, "", 0));
        assertTrue(LibraryPath.matches("a*b*c", 0, "axxbyyc", 0));
        assertTrue(LibraryPath.matches("a*b*c", 0, "abc", 0));
        assertFalse(LibraryPath.matches("a*b*c", 0, "axxbyy", 0));
        assertTrue(LibraryPath.matches("x?.conf", 0, "x1.conf", 0));
        assertFalse(LibraryPath.matches("x?.conf", 0, "x.conf", 0));
        assertFalse(LibraryPath.matches("*.conf", 0, "a.conf~", 0));
        assertEquals(List.of("a", "b", "c"), LibraryPath.words(" a\tb \n c "));
        assertEquals(List.of(), LibraryPath.words(" \t "));
        assertEquals("/opt/a", LibraryPath.firstWord("/opt/a=libc6"));
        assertEquals("/opt/a", LibraryPath.firstWord("/opt/a"));
    }

    @Test
    void anIncludeLoopEnds(@TempDir Path etc) throws Exception {
        Files.writeString(etc.resolve("ld.so.conf"), "/opt/x\ninclude ld.so.conf\n");
        List<String> dirs = LibraryPath.ldSoConf(etc.resolve("ld.so.conf"), 0);
        assertTrue(dirs.size() > 1 && dirs.stream().allMatch("/opt/x"::equals), dirs.toString());
    }

    @Test
    void aMissingFileGivesNothing(@TempDir Path etc) {
        assertEquals(List.of(), LibraryPath.ldSoConf(etc.resolve("absent.conf"), 0));
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the Linux library path (ld.so.conf, the loaded glibc)
    void theLiveListHoldsOnlyDirectoriesAndTheDirectoryOfTheLoadedLibc() throws Exception {
        List<String> dirs = Arrays.asList(LibraryPath.linux().split(File.pathSeparator));
        for (String d : dirs) {
            assertTrue(new File(d).isDirectory(), d);
        }
        String libcDir = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.substring(slash).matches(".*/libc[.-][^/]*so.*")) {
                String file = line.substring(slash);
                libcDir = Path.of(file).getParent().toString();
                break;
            }
        }
        if (libcDir != null) {
            String real = Path.of(libcDir).toRealPath().toString();
            boolean listed = false;
            for (String d : dirs) {
                listed |= Path.of(d).toRealPath().toString().equals(real);
            }
            assertTrue(listed, "libc's directory " + libcDir + " not in " + dirs);
        }
    }
}
