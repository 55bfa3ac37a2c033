package io.prockit.windows.spawn;

import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search order on a real temporary directory tree. Extensions are created lower-case, as the
 * search appends them: on Windows the file system ignores case anyway.
 */
class ProgramSearchTest {
    @TempDir
    Path tmp;

    Path app;
    Path sys;
    Path win;
    Path p1;
    Path p2;
    Path cwd;
    List<Path> probed;

    @BeforeEach
    void dirs() throws IOException {
        app = Files.createDirectories(tmp.resolve("app"));
        sys = Files.createDirectories(tmp.resolve("System32"));
        win = Files.createDirectories(tmp.resolve("Windows"));
        p1 = Files.createDirectories(tmp.resolve("p1"));
        p2 = Files.createDirectories(tmp.resolve("p 2"));
        cwd = Files.createDirectories(tmp.resolve("cwd"));
        probed = new ArrayList<>();
    }

    private ProgramSearch.Context ctx(Map<String, String> env) {
        return new ProgramSearch.Context(app, List.of(sys, win), env, cwd, p -> {
            probed.add(p);
            return Files.isRegularFile(p);
        });
    }

    private Map<String, String> path(Path... dirs) {
        Map<String, String> env = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        for (Path d : dirs) {
            sb.append(d).append(';');
        }
        env.put("Path", sb.toString());
        return env;
    }

    private static Path touch(Path p) throws IOException {
        Files.writeString(p, "");
        return p;
    }

    @Test
    void neverSearchesTheCurrentDirectoryImplicitly() throws IOException {
        touch(cwd.resolve("tool.exe"));
        assertEquals(Optional.empty(), ProgramSearch.find("tool", true, ctx(path(p1))));
        assertTrue(probed.stream().noneMatch(p -> p.startsWith(cwd)), probed::toString);
    }

    @Test
    void relativePathEntriesAreSkipped() throws IOException {
        touch(cwd.resolve("tool.exe"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", ".;bin;" + p1);
        assertEquals(Optional.empty(), ProgramSearch.find("tool", true, ctx(env)));
        assertEquals(List.of(app, sys, win, p1), ProgramSearch.searchDirectories(ctx(env)));
    }

    @Test
    void applicationDirThenSystemThenChildPath() throws IOException {
        touch(p1.resolve("tool.exe"));
        assertEquals(Optional.of(p1.resolve("tool.exe")), ProgramSearch.find("tool", true, ctx(path(p1))));
        touch(win.resolve("tool.exe"));
        assertEquals(Optional.of(win.resolve("tool.exe")), ProgramSearch.find("tool", true, ctx(path(p1))));
        touch(sys.resolve("tool.exe"));
        assertEquals(Optional.of(sys.resolve("tool.exe")), ProgramSearch.find("tool", true, ctx(path(p1))));
        touch(app.resolve("tool.exe"));
        assertEquals(Optional.of(app.resolve("tool.exe")), ProgramSearch.find("tool", true, ctx(path(p1))));
    }

    @Test
    void pathEntriesInOrderQuotedAndWithSpaces() throws IOException {
        touch(p2.resolve("x.exe"));
        touch(p1.resolve("x.exe"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", ";\"" + p2 + "\"; ;" + p1);
        assertEquals(Optional.of(p2.resolve("x.exe")), ProgramSearch.find("x", true, ctx(env)));
    }

    @Test
    void pathextOrderDecidesWithinOneDirectory() throws IOException {
        touch(p1.resolve("run.cmd"));
        touch(p1.resolve("run.bat"));
        Map<String, String> env = path(p1);
        assertEquals(Optional.of(p1.resolve("run.bat")), ProgramSearch.find("run", true, ctx(env)));
        env.put("PATHEXT", ".CMD;.BAT");
        assertEquals(Optional.of(p1.resolve("run.cmd")), ProgramSearch.find("run", true, ctx(env)));
        touch(p1.resolve("run.com"));
        env.remove("PATHEXT");
        assertEquals(Optional.of(p1.resolve("run.com")), ProgramSearch.find("run", true, ctx(env)));
    }

    @Test
    void anEarlierDirectoryWinsOverABetterExtension() throws IOException {
        touch(p1.resolve("t.cmd"));
        touch(p2.resolve("t.exe"));
        assertEquals(Optional.of(p1.resolve("t.cmd")), ProgramSearch.find("t", true, ctx(path(p1, p2))));
    }

    @Test
    void namesWithAnExtensionAreTriedAsIs() throws IOException {
        touch(p1.resolve("a.py"));
        touch(p1.resolve("a.py.exe"));
        assertEquals(Optional.of(p1.resolve("a.py")), ProgramSearch.find("a.py", true, ctx(path(p1))));
        assertEquals(List.of("a.py"), ProgramSearch.candidates("a.py", ProgramSearch.DEFAULT_PATHEXT));
        assertEquals(List.of("a.com", "a.exe", "a.bat", "a.cmd", "a"),
                ProgramSearch.candidates("a", ProgramSearch.DEFAULT_PATHEXT));
    }

    @Test
    void bareExtensionlessFileIsTheLastResort() throws IOException {
        touch(p1.resolve("plain"));
        assertEquals(Optional.of(p1.resolve("plain")), ProgramSearch.find("plain", true, ctx(path(p1))));
        touch(p1.resolve("plain.exe"));
        assertEquals(Optional.of(p1.resolve("plain.exe")), ProgramSearch.find("plain", true, ctx(path(p1))));
    }

    @Test
    void pathsAreNotSearched() throws IOException {
        Path sub = Files.createDirectories(cwd.resolve("bin"));
        touch(sub.resolve("tool.exe"));
        touch(p1.resolve("tool.exe"));
        // relative to the parent's current directory, with PATHEXT
        assertEquals(Optional.of(sub.resolve("tool.exe")), ProgramSearch.find("bin/tool", true, ctx(path(p1))));
        // absolute
        assertEquals(Optional.of(p1.resolve("tool.exe")), ProgramSearch.find(p1.resolve("tool").toString(), true,
                ctx(path())));
        // searchPath off: a bare name is a path in the current directory
        touch(cwd.resolve("here.exe"));
        assertEquals(Optional.of(cwd.resolve("here.exe")), ProgramSearch.find("here.exe", false, ctx(path(p1))));
        assertEquals(Optional.empty(), ProgramSearch.find("tool", false, ctx(path(p1))));
    }

    @Test
    void directoryPartDetection() {
        assertTrue(ProgramSearch.hasDirectoryPart("C:x.exe"));
        assertTrue(ProgramSearch.hasDirectoryPart("a\\b"));
        assertTrue(ProgramSearch.hasDirectoryPart("a/b"));
        assertFalse(ProgramSearch.hasDirectoryPart("tool.exe"));
    }

    @Test
    void pathextParsing() {
        assertEquals(ProgramSearch.DEFAULT_PATHEXT, ProgramSearch.pathExt(Map.of()));
        assertEquals(ProgramSearch.DEFAULT_PATHEXT, ProgramSearch.pathExt(Map.of("PATHEXT", " ; x ;")));
        assertEquals(List.of(".EXE", ".PY"), ProgramSearch.pathExt(Map.of("pathext", ".EXE; .PY;.EXE;junk")));
    }

    @Test
    void refusesEmptyAndDirectoryNames() {
        assertThrows(IllegalArgumentException.class, () -> ProgramSearch.find("", true, ctx(path(p1))));
        assertThrows(IllegalArgumentException.class, () -> ProgramSearch.find("dir\\", true, ctx(path(p1))));
    }

    @Test
    void directoriesAreNotPrograms() throws IOException {
        Files.createDirectories(p1.resolve("tool.exe"));
        assertEquals(Optional.empty(), ProgramSearch.find("tool", true, ctx(path(p1))));
    }

    // ---- App Execution Aliases (issue 17) ------------------------------------------------------------------

    /** What the JDK says of an alias: isRegularFile follows the reparse point, fails, and says false. */
    private ProgramSearch.Context aliasCtx(Map<String, String> env, Path alias) {
        java.util.function.Predicate<Path> jdkIsRegularFile = p -> !p.equals(alias) && Files.isRegularFile(p);
        java.util.function.Function<Path, Optional<ProgramSearch.RawAttributes>> raw = p -> p.equals(alias)
                ? Optional.of(new ProgramSearch.RawAttributes(0x20 | WinConstants.FILE_ATTRIBUTE_REPARSE_POINT,
                        WinConstants.IO_REPARSE_TAG_APPEXECLINK))
                : Files.exists(p) ? Optional.of(new ProgramSearch.RawAttributes(0x20, 0)) : Optional.empty();
        return new ProgramSearch.Context(app, List.of(sys, win), env, cwd,
                ProgramSearch.runnableFile(jdkIsRegularFile, raw));
    }

    @Test
    void anAppExecutionAliasIsFoundWhereItIsOnThePath() throws IOException {
        Path alias = touch(p1.resolve("winget.exe")); // zero bytes, as the aliases in WindowsApps are
        Path later = touch(p2.resolve("winget.exe"));
        assertEquals(Optional.of(alias), ProgramSearch.find("winget", true, aliasCtx(path(p1, p2), alias)));
        // With the JDK's answer alone the alias is skipped and a later PATH entry wins: the bug.
        ProgramSearch.Context jdkOnly = new ProgramSearch.Context(app, List.of(sys, win), path(p1, p2), cwd,
                p -> !p.equals(alias) && Files.isRegularFile(p));
        assertEquals(Optional.of(later), ProgramSearch.find("winget", true, jdkOnly));
    }

    @Test
    void otherReparsePointsAndDirectoriesAreNotAliases() {
        int reparse = WinConstants.FILE_ATTRIBUTE_REPARSE_POINT;
        assertTrue(new ProgramSearch.RawAttributes(reparse | 0x20, WinConstants.IO_REPARSE_TAG_APPEXECLINK).isAppExecLink());
        assertFalse(new ProgramSearch.RawAttributes(reparse, 0xA000000C).isAppExecLink(), "a symbolic link");
        assertFalse(new ProgramSearch.RawAttributes(reparse | WinConstants.FILE_ATTRIBUTE_DIRECTORY,
                WinConstants.IO_REPARSE_TAG_APPEXECLINK).isAppExecLink(), "a directory");
        assertFalse(new ProgramSearch.RawAttributes(0x20, WinConstants.IO_REPARSE_TAG_APPEXECLINK).isAppExecLink(),
                "no reparse point: the tag means nothing");
        assertEquals(0x8000001B, WinConstants.IO_REPARSE_TAG_APPEXECLINK);
    }

    /**
     * On a real Windows: the first App Execution Alias in {@code %LOCALAPPDATA%\Microsoft\WindowsApps} that the
     * JDK refuses as a regular file is found and started by name. Skipped where the runner has none.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    void aRealAliasIsFoundAndStarted() throws Exception {
        String local = System.getenv("LOCALAPPDATA");
        org.junit.jupiter.api.Assumptions.assumeTrue(local != null, "no LOCALAPPDATA");
        Path apps = Path.of(local, "Microsoft", "WindowsApps");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(apps), apps + " is absent");
        Optional<Path> alias;
        try (java.util.stream.Stream<Path> s = Files.list(apps)) {
            alias = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".exe"))
                    .filter(p -> !Files.isRegularFile(p))
                    .filter(p -> FileAttributes.of(p).map(ProgramSearch.RawAttributes::isAppExecLink).orElse(false))
                    .sorted().findFirst();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(alias.isPresent(), "no App Execution Alias in " + apps);
        String name = alias.get().getFileName().toString();
        ProgramSearch.Context ctx = new ProgramSearch.Context(null, List.of(), Map.of("PATH", apps.toString()), cwd,
                ProgramSearch.runnableFile(Files::isRegularFile, FileAttributes::of));
        assertEquals(Optional.of(alias.get()), ProgramSearch.find(name.substring(0, name.length() - 4), true, ctx));
        // CreateProcessW runs it: the spawn neither fails to find it nor to start it.
        try (io.prockit.Child c = io.prockit.Command.of(alias.get().toString(), "--version")
                .stdin(io.prockit.Stdio.discard()).stdout(io.prockit.Stdio.discard()).stderr(io.prockit.Stdio.discard())
                .spawn()) {
            if (c.waitFor(java.time.Duration.ofSeconds(60)).isEmpty()) {
                c.kill();
                c.waitFor();
            }
        }
    }
}
