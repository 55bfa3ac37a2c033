package io.prockit.examples;

import io.prockit.Command;
import io.prockit.Output;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The POSIX launcher {@code src/main/bin/prockit} (the build copies it to {@code target/bin}): its dispatch on
 * the name it was called by and its choice of JVM options, with a stand-in {@code java} that prints the
 * arguments it was given (the jar itself is built after the tests).
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // the POSIX shell launcher; bin/prockit.cmd is the Windows one
class LauncherTest {

    private static List<String> launch(Path dir, String javaVersion, String linkName, String... args)
            throws Exception {
        Path home = dir.resolve("jdk-" + javaVersion);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        java.toFile().setExecutable(true);
        Path jar = dir.resolve("prockit-examples.jar");
        if (!Files.exists(jar)) {
            Files.createFile(jar);
        }
        Path script = Path.of("src/main/bin/prockit").toAbsolutePath();
        Path links = Files.createDirectories(dir.resolve("links-" + javaVersion));
        Path link = links.resolve(linkName);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, script);
        Command c = Command.of("/bin/sh", link.toString()).args(args)
                .env("JAVA_HOME", home.toString()).env("PROCKIT_JAR", jar.toString())
                .env("XDG_CACHE_HOME", dir.resolve("cache").toString()).envRemove("PROCKIT_JAVA_OPTS")
                .stdin(Stdio.discard());
        Output o = c.output();
        assertEquals(0, o.status().code().orElse(-1), o.stderrText());
        return o.stdoutText().lines().toList();
    }

    @Test
    void aLinkNamedAfterAToolRunsThatTool(@TempDir Path dir) throws Exception {
        List<String> argv = launch(dir, "17.0.15", "pgrep", "-f", "a b");
        int jar = argv.indexOf("-jar");
        assertTrue(jar >= 0, argv.toString());
        assertEquals(List.of(dir.resolve("prockit-examples.jar").toString(), "pgrep", "-f", "a b"),
                argv.subList(jar + 1, argv.size()), "the tool's name, then its arguments unchanged");
        argv = launch(dir, "17.0.15", "prockit", "ps", "-ef");
        assertEquals(List.of("ps", "-ef"), argv.subList(argv.indexOf("-jar") + 2, argv.size()),
                "called as prockit: the first argument names the command");
    }

    @Test
    void anAppCdsArchiveOnJdk19AndNewerOnly(@TempDir Path dir) throws Exception {
        List<String> old = launch(dir, "17.0.15", "prockit", "help");
        assertFalse(old.contains("-XX:+AutoCreateSharedArchive"), "JDK 17 has no auto-archive: " + old);
        List<String> recent = launch(dir, "25", "prockit", "help");
        assertTrue(recent.contains("-XX:+AutoCreateSharedArchive"), recent.toString());
        assertTrue(recent.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=" + dir.resolve("cache")
                .resolve("prockit"))), recent.toString());
    }
}
