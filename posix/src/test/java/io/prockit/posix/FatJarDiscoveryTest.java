package io.prockit.posix;

import io.prockit.Command;
import io.prockit.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fat jar whose {@code META-INF/services/io.prockit.spi.ProcessBackend} was overwritten by another module's
 * (the shade plugin without {@code ServicesResourceTransformer}) names only the Windows backend; on Linux or
 * macOS the POSIX backend must still be found, by its known class name.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FatJarDiscoveryTest {
    private static final String SERVICES = "META-INF/services/io.prockit.spi.ProcessBackend";

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Copies a classes directory or a jar into the fat jar, leaving out services files and module-info. */
    private static void copy(Path from, JarOutputStream jar, java.util.Set<String> seen) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = from.relativize(f).toString().replace('\\', '/');
                    put(jar, seen, name, Files.readAllBytes(f));
                }
            }
        } else {
            try (JarFile jf = new JarFile(from.toFile())) {
                for (JarEntry e : java.util.Collections.list(jf.entries())) {
                    if (!e.isDirectory()) {
                        put(jar, seen, e.getName(), jf.getInputStream(e).readAllBytes());
                    }
                }
            }
        }
    }

    private static void put(JarOutputStream jar, java.util.Set<String> seen, String name, byte[] bytes)
            throws IOException {
        if (name.startsWith("META-INF/services/") || name.endsWith("module-info.class")
                || name.startsWith("META-INF/MANIFEST") || !seen.add(name)) {
            return;
        }
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
    }

    @Test
    void thePosixBackendIsFoundWhenTheServicesFileNamesOnlyWindows(@TempDir Path dir) throws Exception {
        Path fat = dir.resolve("fat.jar");
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(fat))) {
            copy(location(Command.class), jar, seen);              // core
            copy(location(PosixBackend.class), jar, seen);         // posix
            copy(location(BackendProbe.class), jar, seen);         // this test's probe
            copy(location(com.sun.jna.Native.class), jar, seen);
            copy(location(org.slf4j.LoggerFactory.class), jar, seen);
            jar.putNextEntry(new JarEntry(SERVICES));
            jar.write("io.prockit.windows.WindowsBackend\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Output o = Command.of(javaBin.toString(), "-cp", fat.toString(), BackendProbe.class.getName())
                .timeout(java.time.Duration.ofMinutes(2)).output();
        String out = o.stdoutText() + o.stderrText();
        assertEquals(0, o.status().toExitcode(), out);
        List<String> lines = o.stdoutText().lines().toList();
        assertEquals(List.of("backend=posix", "echo=ok"), lines, out);
    }

    @Test
    void withoutAnyBackendTheErrorNamesWhatWasFoundAndWhere(@TempDir Path dir) throws Exception {
        Path thin = dir.resolve("thin.jar");
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(thin))) {
            copy(location(Command.class), jar, seen);
            jar.putNextEntry(new JarEntry("io/prockit/posix/BackendProbe.class"));
            try (var in = BackendProbe.class.getResourceAsStream("BackendProbe.class")) {
                jar.write(in.readAllBytes());
            }
            jar.closeEntry();
            copy(location(org.slf4j.LoggerFactory.class), jar, seen);
            jar.putNextEntry(new JarEntry(SERVICES));
            jar.write("io.prockit.windows.WindowsBackend\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Output o = Command.of(javaBin.toString(), "-cp", thin.toString(), BackendProbe.class.getName())
                .timeout(java.time.Duration.ofMinutes(2)).output();
        String line = o.stdoutText().strip();
        assertTrue(line.startsWith("error=no prockit backend supports os.name="), line + o.stderrText());
        assertTrue(line.contains("io.prockit.windows.WindowsBackend"), "names the class the services file lists: " + line);
        assertTrue(line.contains(thin.toUri().toString()) || line.contains(thin.toString()), "names where: " + line);
        assertTrue(line.contains("ServicesResourceTransformer"), "says how to fix a fat jar: " + line);
    }
}
