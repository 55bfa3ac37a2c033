package io.prockit.examples.pydocs;

import io.prockit.Os;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Seeds 000/002, Python docs, {@code spawn*()}: "the following calls to {@code spawnlp()} and
 * {@code spawnvpe()} are equivalent".
 *
 * <pre>{@code
 * import os
 * os.spawnlp(os.P_WAIT, 'cp', 'cp', 'index.html', '/dev/null')
 *
 * L = ['cp', 'index.html', '/dev/null']
 * os.spawnvpe(os.P_WAIT, 'cp', L, os.environ)
 * }</pre>
 *
 * <p>The port makes its own {@code index.html} in a temporary directory (and removes it). Java's
 * {@code os.environ} is {@code System.getenv()}.
 */
public final class SpawnCp {
    private SpawnCp() {
    }

    /**
     * Copies a file to {@code /dev/null} twice, once with each call.
     *
     * @param args unused
     * @throws Exception if the temporary file cannot be made
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("prockit-spawn-cp");
        Path index = Files.writeString(dir.resolve("index.html"), "<html></html>\n", StandardCharsets.UTF_8);
        try {
            int a = Os.spawnlp(Os.P_WAIT, "cp", "cp", index.toString(), "/dev/null");
            System.out.println("spawnlp(P_WAIT, 'cp', 'cp', 'index.html', '/dev/null') = " + a);

            List<String> l = List.of("cp", index.toString(), "/dev/null");
            int b = Os.spawnvpe(Os.P_WAIT, "cp", l, System.getenv());
            System.out.println("spawnvpe(P_WAIT, 'cp', L, os.environ) = " + b);

            System.out.println(a == b ? "equivalent: both returned " + a : "different results: " + a + " and " + b);
        } finally {
            Files.deleteIfExists(index);
            Files.deleteIfExists(dir);
        }
    }
}
