package io.prockit.windows.spawn;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small rules under {@link ProgramSearch}: what counts as a directory part or an extension, which names
 * are tried, how PATHEXT and PATH entries are read. Pure string and path logic: runs on every OS.
 */
class ProgramSearchRulesTest {

    @Test
    void directoryParts() {
        assertTrue(ProgramSearch.hasDirectoryPart("a\\b"));
        assertTrue(ProgramSearch.hasDirectoryPart("a/b"));
        assertTrue(ProgramSearch.hasDirectoryPart("C:"), "a drive alone");
        assertTrue(ProgramSearch.hasDirectoryPart("C:x.exe"), "drive-relative");
        assertFalse(ProgramSearch.hasDirectoryPart("C"));
        assertFalse(ProgramSearch.hasDirectoryPart("ab"));
        assertFalse(ProgramSearch.hasDirectoryPart("a:b".substring(1)), "a colon first is no drive");
        assertFalse(ProgramSearch.hasDirectoryPart("git.exe"));
        assertFalse(ProgramSearch.hasDirectoryPart(""));
    }

    @Test
    void extensions() {
        assertTrue(ProgramSearch.hasExtension("a.b"));
        assertTrue(ProgramSearch.hasExtension("git.exe"));
        assertTrue(ProgramSearch.hasExtension("x.y.z"));
        assertFalse(ProgramSearch.hasExtension(".exe"), "a leading dot is a name, not an extension");
        assertFalse(ProgramSearch.hasExtension("ab."), "a trailing dot has no extension");
        assertFalse(ProgramSearch.hasExtension("a."));
        assertFalse(ProgramSearch.hasExtension("abc"));
        assertFalse(ProgramSearch.hasExtension(""));
    }

    @Test
    void candidatesTryEachExtensionInOrderThenTheBareName() {
        assertEquals(List.of("tool.com", "tool.exe", "tool"), ProgramSearch.candidates("tool", List.of(".COM", ".EXE")));
        assertEquals(List.of("tool.exe"), ProgramSearch.candidates("tool.exe", List.of(".COM", ".EXE")));
        assertEquals(List.of("tool"), ProgramSearch.candidates("tool", List.of()));
    }

    @Test
    void pathextKeepsDottedEntriesOnceInOrder() {
        assertEquals(ProgramSearch.DEFAULT_PATHEXT, ProgramSearch.pathExt(Map.of()));
        Map<String, String> env = Map.of("PathExt", ".EXE;;BAT; .CMD ;.EXE;.;.PY");
        assertEquals(List.of(".EXE", ".CMD", ".PY"), ProgramSearch.pathExt(env));
        assertEquals(ProgramSearch.DEFAULT_PATHEXT, ProgramSearch.pathExt(Map.of("PATHEXT", ";.;BAT")),
                "nothing usable: the default");
        assertEquals(List.of(".X"), ProgramSearch.pathExt(Map.of("PATHEXT", ".X")));
    }

    @Test
    void lookupPrefersTheExactNameThenIgnoresCase() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Path", "b");
        env.put("PATH", "a");
        assertEquals("a", ProgramSearch.lookup(env, "PATH"));
        assertEquals("b", ProgramSearch.lookup(Map.of("Path", "b"), "PATH"));
        assertNull(ProgramSearch.lookup(Map.of("PATHX", "c"), "PATH"));
        assertNull(ProgramSearch.lookup(Map.of(), "PATH"));
    }

    @Test
    void pathEntriesThatAreNotAbsoluteAreNeverSearched() {
        Path sys = Path.of("/sys32");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", String.join(";", "\"C:\\Quoted Dir\"", "\"\"", "\"", "rel", ".", "C:rel", "C:/fwd",
                "D:\\back", "\\\\server\\share", "/abs", "  ", "", "x:"));
        List<Path> dirs = ProgramSearch.searchDirectories(new ProgramSearch.Context(null, List.of(sys), env,
                Path.of("/cwd"), p -> false));
        assertEquals(List.of(sys, Path.of("C:\\Quoted Dir"), Path.of("C:/fwd"), Path.of("D:\\back"),
                Path.of("\\\\server\\share"), Path.of("/abs")), dirs);
    }

    @Test
    void theApplicationDirectoryComesFirstWhenKnown() {
        Path app = Path.of("/app");
        Path sys = Path.of("/sys32");
        List<Path> dirs = ProgramSearch.searchDirectories(new ProgramSearch.Context(app, List.of(sys),
                Map.of("PATH", "/p"), Path.of("/cwd"), p -> false));
        assertEquals(List.of(app, sys, Path.of("/p")), dirs);
        assertEquals(List.of(sys), ProgramSearch.searchDirectories(new ProgramSearch.Context(null, List.of(sys),
                Map.of(), Path.of("/cwd"), p -> false)), "no PATH: the system directories only");
    }
}
