package io.prockit.examples.bench;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Running helper programs (the C loop, the shell, Python, fresh JVMs) with a time limit each. */
final class Helpers {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });

    private Helpers() {
    }

    /**
     * What a helper printed and how it ended.
     *
     * @param status how it ended
     * @param stdout its standard output
     */
    record Result(ExitStatus status, String stdout) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    /**
     * Runs {@code command} with stdout piped (stderr inherited), killing it after {@code limit}.
     *
     * @throws IOException if it timed out or failed
     */
    static Result run(Command command, Duration limit) throws IOException, InterruptedException {
        try (Child c = command.stdin(Stdio.discard()).stdout(Stdio.pipe()).spawn()) {
            ScheduledFuture<?> killer = TIMER.schedule(c::kill, limit.toMillis(), TimeUnit.MILLISECONDS);
            String out;
            try (InputStream in = c.stdout()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                killer.cancel(false);
            }
            ExitStatus st = c.waitFor();
            if (!st.success()) {
                throw new IOException(command.argv() + " ended with " + st + " (time limit " + limit.toSeconds()
                        + " s)");
            }
            return new Result(st, out);
        }
    }

    /** @return the first directory of PATH holding an executable {@code name}, or null */
    static Path which(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Deletes a directory tree, quietly. */
    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary directory; the OS cleans it eventually
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
