package io.prockit.examples.bench;

import io.prockit.Command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The C {@code posix_spawn} loop ({@code bench/spawn_loop.c}), compiled with gcc into a temporary
 * directory on first use. Absent when gcc is absent or the compilation fails; {@link #reason()} says why.
 */
final class CLoop implements AutoCloseable {
    private final Path dir;
    private final Path binary;
    private final String reason;

    private CLoop(Path dir, Path binary, String reason) {
        this.dir = dir;
        this.binary = binary;
        this.reason = reason;
    }

    static CLoop compile() {
        Path gcc = Helpers.which("gcc");
        if (gcc == null) {
            return new CLoop(null, null, "gcc not found on PATH: the C posix_spawn loop is skipped");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("prockit-bench-");
            Path src = dir.resolve("spawn_loop.c");
            try (InputStream in = CLoop.class.getResourceAsStream("/bench/spawn_loop.c")) {
                if (in == null) {
                    throw new IOException("resource /bench/spawn_loop.c is missing");
                }
                Files.copy(in, src);
            }
            Path bin = dir.resolve("spawn_loop");
            Helpers.run(Command.of(gcc.toString(), "-O2", "-o", bin.toString(), src.toString()), Duration.ofSeconds(60));
            return new CLoop(dir, bin, null);
        } catch (IOException e) {
            Helpers.deleteTree(dir);
            return new CLoop(null, null, "compiling the C loop failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Helpers.deleteTree(dir);
            return new CLoop(null, null, "interrupted while compiling the C loop");
        }
    }

    boolean available() {
        return binary != null;
    }

    String reason() {
        return reason;
    }

    /** @return microseconds of each of {@code n} spawn+wait of {@code program}, as the C loop measured them */
    List<Double> spawn(int n, String program) throws IOException, InterruptedException {
        Helpers.Result r = Helpers.run(Command.of(binary.toString(), "spawn", Integer.toString(n), program),
                Duration.ofSeconds(30 + n / 50));
        List<Double> out = new ArrayList<>(n);
        for (String line : r.lines()) {
            if (!line.isBlank()) {
                out.add(Double.parseDouble(line.trim()));
            }
        }
        return out;
    }

    /** {@link #concurrent} holds nothing per child. */
    static final int HOLD_NOTHING = 0;
    /** {@link #concurrent} holds the parent's ends of three pipes per child. */
    static final int HOLD_PIPES = 1;
    /** {@link #concurrent} holds a pidfd per child (no pipes), as prockit does to watch each child. */
    static final int HOLD_PIDFD = 2;

    /**
     * Starts {@code k} children of sleep at once, holding what {@code hold} says per child, kills and
     * reaps them.
     *
     * @param hold {@link #HOLD_NOTHING}, {@link #HOLD_PIPES} or {@link #HOLD_PIDFD}
     * @return {start-all microseconds, reaped count}
     */
    double[] concurrent(int k, int hold, int sleepSeconds) throws IOException, InterruptedException {
        Helpers.Result r = Helpers.run(Command.of(binary.toString(), "concurrent", Integer.toString(k), Integer.toString(hold),
                Integer.toString(sleepSeconds)), Duration.ofSeconds(sleepSeconds + 60L));
        double start = -1;
        double reaped = -1;
        for (String line : r.lines()) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].equals("start_us")) {
                start = Double.parseDouble(f[1]);
            } else if (f.length == 2 && f[0].equals("reaped")) {
                reaped = Double.parseDouble(f[1]);
            }
        }
        if (start < 0 || reaped < 0) {
            throw new IOException("unexpected output of the C loop: " + r.stdout());
        }
        return new double[] {start, reaped};
    }

    @Override
    public void close() {
        Helpers.deleteTree(dir);
    }
}
