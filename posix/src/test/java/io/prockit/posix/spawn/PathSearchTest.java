package io.prockit.posix.spawn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PATH search rules of {@link PathSearch} on files this test creates: which entry wins, which errno a
 * miss reports, how empty and relative entries are read. Pure Java file checks, so it runs wherever POSIX
 * permissions exist.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PathSearchTest {
    @TempDir
    Path tmp;

    private Path file(String dir, String name, String perms) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Path f = Files.writeString(d.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void entriesSkipEmptyOnesAndKeepOrder() {
        assertEquals(List.of("/a", "/b", "c"), PathSearch.entries("/a::/b:c:"));
        assertEquals(List.of("/a"), PathSearch.entries(":/a"));
        assertEquals(List.of(), PathSearch.entries(""));
        assertEquals(List.of(), PathSearch.entries(":::"));
        assertEquals(List.of("x"), PathSearch.entries("x"));
        assertEquals(List.of("/bin", "/usr/bin"), PathSearch.entries(null));
        // The cache must not hand one PATH's split to another.
        assertEquals(List.of("/p", "/q"), PathSearch.entries("/p:/q"));
        assertEquals(List.of("/p"), PathSearch.entries("/p"));
    }

    @Test
    void firstExecutableEntryWins() throws IOException {
        Path first = file("one", "tool", "rwxr-xr-x");
        file("two", "tool", "rwxr-xr-x");
        String path = tmp.resolve("one") + ":" + tmp.resolve("two");
        PathSearch.Found f = PathSearch.search("tool", path, tmp);
        assertEquals(Optional.of(first.toString()), f.path());
        assertFalse(f.sawNonExecutable());
    }

    @Test
    void aNonExecutableFileIsSkippedButRemembered() throws IOException {
        file("one", "tool", "rw-r--r--");
        Path second = file("two", "tool", "rwxr-xr-x");
        String path = tmp.resolve("one") + ":" + tmp.resolve("two");
        PathSearch.Found f = PathSearch.search("tool", path, tmp);
        assertEquals(Optional.of(second.toString()), f.path());
        assertTrue(f.sawNonExecutable(), "the skipped non-executable file is reported with the match");
    }

    @Test
    void onlyNonExecutableMatchesMeanEacces() throws IOException {
        file("one", "tool", "rw-r--r--");
        PathSearch.Found f = PathSearch.search("tool", tmp.resolve("one").toString(), tmp);
        assertTrue(f.path().isEmpty());
        assertTrue(f.sawNonExecutable());
    }

    @Test
    void aDirectoryOfTheNameMeansEacces() throws IOException {
        Files.createDirectories(tmp.resolve("one/tool"));
        PathSearch.Found f = PathSearch.search("tool", tmp.resolve("one").toString(), tmp);
        assertTrue(f.path().isEmpty());
        assertTrue(f.sawNonExecutable());
    }

    @Test
    void nothingFoundMeansEnoent() {
        PathSearch.Found f = PathSearch.search("no-such-tool-" + System.nanoTime(), tmp.toString(), tmp);
        assertTrue(f.path().isEmpty());
        assertFalse(f.sawNonExecutable());
    }

    @Test
    void aTrailingSlashEntryJoinsWithoutDoubling() throws IOException {
        Path t = file("one", "tool", "rwxr-xr-x");
        PathSearch.Found f = PathSearch.search("tool", tmp.resolve("one") + "/", tmp);
        assertEquals(Optional.of(t.toString()), f.path());
    }

    @Test
    void relativeEntriesResolveAgainstTheChildsDirectoryAskedOnce() throws IOException {
        Path t = file("rel", "tool", "rwxr-xr-x");
        AtomicInteger asked = new AtomicInteger();
        PathSearch.Found f = PathSearch.search("tool", "nothere:rel", () -> {
            asked.incrementAndGet();
            return tmp;
        });
        assertEquals(Optional.of(tmp + "/rel/tool"), f.path());
        assertEquals(t.toFile().getCanonicalPath(), new java.io.File(f.path().get()).getCanonicalPath());
        assertEquals(1, asked.get(), "the working directory is looked up once, however many relative entries");
    }

    @Test
    void absoluteEntriesNeverAskForTheDirectory() throws IOException {
        file("one", "tool", "rwxr-xr-x");
        PathSearch.Found f = PathSearch.search("tool", tmp.resolve("one").toString(), () -> {
            throw new AssertionError("asked for the working directory");
        });
        assertTrue(f.path().isPresent());
    }

    @Test
    void theEmptyEntryDoesNotSearchTheCurrentDirectory() throws IOException {
        file("cwd", "tool", "rwxr-xr-x");
        PathSearch.Found f = PathSearch.search("tool", ":", tmp.resolve("cwd"));
        assertTrue(f.path().isEmpty(), "an empty PATH entry must not mean the current directory");
        PathSearch.Found dot = PathSearch.search("tool", ".", tmp.resolve("cwd"));
        assertTrue(dot.path().isPresent(), "'.' names the current directory explicitly");
    }
}
