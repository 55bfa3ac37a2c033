package io.prockit.posix.hardening;

import io.prockit.testing.TestChild;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import io.prockit.posix.spawn.PathSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, security: no shell unless asked, PATH entries handled as PathSearch documents, and an
 * environment that is exactly the one asked for.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SecurityTest {

    private static String stdout(Command c) throws InterruptedException {
        Output out = c.output();
        assertTrue(out.status().success(), c + ": " + out.status() + " " + out.stderrText());
        return out.stdoutText();
    }

    @Test
    void noShellIsInvolvedUnlessAskedFor() throws Exception {
        String[] hostile = {"$HOME;ls", "`id`", "$(id)", "a|b", "*", "x > /tmp/prockit-should-not-exist", "'q'", "\\n"};
        for (String arg : hostile) {
            assertEquals(arg + "\n", stdout(Command.of("echo", arg)), "literal " + arg);
        }
        assertEquals("$HOME;ls\n", stdout(Command.of(io.prockit.posix.Procs.program("echo"), "$HOME;ls")));
        assertEquals(0, Os.spawnlp(Os.P_WAIT, "test", "test", "$HOME;ls", "=", "$HOME;ls"),
                "Os.spawn* pass arguments through untouched too");
        assertTrue(Files.notExists(Path.of("/tmp/prockit-should-not-exist")));
        // ... and a shell only when asked: then it expands, and ";" separates commands.
        assertEquals("a|b\n", stdout(Command.shell("echo 'a|b'")));
        assertEquals("x y\n", stdout(Command.shell("echo \"$PROCKIT_X\";").env("PROCKIT_X", "x y")));
    }

    @Test
    void aRelativePathEntryIsResolvedAgainstTheChildsDirectory(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("work/bin"));
        script(bin.resolve("prockit-rel"), "echo from-child-dir");
        // The parent's working directory (the build's) has no bin/prockit-rel; the child's does.
        assertEquals("from-child-dir\n", stdout(Command.of("prockit-rel").directory(dir.resolve("work"))
                .environment(Map.of("PATH", "bin"))));
        OsException e = assertThrows(OsException.class,
                () -> Command.of("prockit-rel").environment(Map.of("PATH", "bin")).spawn(),
                "without the directory, the relative entry points at the parent's directory, where nothing is");
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("prockit-rel"), e.getMessage());
    }

    @Test
    void anEmptyPathEntryDoesNotMeanTheCurrentDirectory(@TempDir Path dir) throws Exception {
        script(dir.resolve("prockit-empty"), "echo hijacked");
        for (String path : List.of("", ":", "::", ":/nonexistent", "/nonexistent:")) {
            OsException e = assertThrows(OsException.class, () -> Command.of("prockit-empty").directory(dir)
                    .environment(Map.of("PATH", path)).spawn(), "PATH=\"" + path + "\"");
            assertEquals(ErrorKind.NOT_FOUND, e.kind(), "PATH=\"" + path + "\"");
        }
    }

    @Test
    void aWorldWritableDirectoryOnPathIsSearchedAsGiven(@TempDir Path dir) throws Exception {
        // PATH is the caller's trust decision, as for execvp: prockit neither skips nor warns about a
        // world-writable entry (docs/HARDENING.md). An earlier planted program wins; an absolute program
        // path or a PATH of root-owned directories is the defence.
        Path planted = Files.createDirectories(dir.resolve("tmpdir"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        script(planted.resolve("prockit-ww"), "echo planted");
        Path trusted = Files.createDirectories(dir.resolve("trusted"));
        script(trusted.resolve("prockit-ww"), "echo trusted");
        assertEquals("planted\n", stdout(Command.of("prockit-ww").environment(Map.of("PATH", planted + ":" + trusted))));
        assertEquals("trusted\n", stdout(Command.of("prockit-ww").environment(Map.of("PATH", trusted + ":" + planted))));
        assertEquals("trusted\n", stdout(Command.of(trusted.resolve("prockit-ww").toString())
                .environment(Map.of("PATH", planted.toString()))), "an absolute program path ignores PATH");
    }

    @Test
    void aReplacedEnvironmentInheritsNothingFromTheParent() throws Exception {
        // The middle JVM carries loader variables in its own environment; the grandchild must see none.
        Output out = TestChild.command("run-with-env:A=1", "/usr/bin/env")
                .env("LD_PRELOAD", "/nonexistent/prockit-preload.so")
                .env("LD_LIBRARY_PATH", "/nonexistent/prockit-lib")
                .env("PROCKIT_STRAY", "1")
                .output();
        assertTrue(out.status().success(), out.status() + " " + out.stderrText());
        assertEquals("A=1\n", out.stdoutText(), "env saw exactly A=1 and the loader printed nothing");
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
