package io.prockit.posix;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Compiles and runs a small C program with the system's gcc; tests that need it are skipped without it. */
final class Gcc {
    private Gcc() {
    }

    /** Skips the calling test (with a message) when no gcc is on the PATH. */
    static void assumeAvailable() {
        boolean found = false;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "gcc"))) {
                    found = true;
                }
            }
        }
        Assumptions.assumeTrue(found, "gcc is not on the PATH: the C cross-check is skipped");
    }

    /**
     * @param dir    a scratch directory
     * @param source the C program
     * @return the program's stdout
     */
    static String compileAndRun(Path dir, String source) throws IOException, InterruptedException {
        assumeAvailable();
        Path c = dir.resolve("check.c");
        Path exe = dir.resolve("check");
        Files.writeString(c, source);
        run(List.of("gcc", "-std=gnu11", "-O0", "-o", exe.toString(), c.toString()), dir);
        return run(List.of(exe.toString()), dir);
    }

    private static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        // The JDK's ProcessBuilder on purpose: these checks must not depend on the code under test.
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        String text = new String(out, StandardCharsets.UTF_8);
        if (code != 0) {
            throw new AssertionError(cmd.get(0) + " failed with exit code " + code + ":\n" + text);
        }
        return text;
    }
}
