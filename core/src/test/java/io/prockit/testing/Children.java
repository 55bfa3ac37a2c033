package io.prockit.testing;

import io.prockit.Child;
import io.prockit.ExitStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The helpers every module's process tests share, the same on every OS: ending and reaping the children a test
 * started, reading their output, waiting for their ready line, and waiting (bounded) for a pid to go away.
 * Waits are bounded generously ({@link #PATIENCE}) so a slow machine passes and a hang fails instead of
 * stalling the build; nothing here sleeps for a fixed time to let a child "get going".
 */
public final class Children {
    /** The bound on any single wait for a child: a slow CI machine starting a JVM still fits. */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private Children() {
    }

    /**
     * Kills a child the test started (refused quietly once it is reaped), waits for it (bounded) and closes its
     * streams; for finally blocks. Signals only that child.
     *
     * @param c the child, or null
     */
    public static void reap(Child c) {
        if (c == null) {
            return;
        }
        try {
            c.kill();
            c.waitFor(); // untimed: SIGKILL ends it, and a timed wait may start pool threads that tests count
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            c.close();
        }
    }

    /**
     * @param c a child the test started
     * @return its exit status, waited for at most {@link #PATIENCE}
     * @throws AssertionError if it still runs then
     */
    public static ExitStatus await(Child c) throws InterruptedException {
        Optional<ExitStatus> s = c.waitFor(PATIENCE);
        if (s.isEmpty()) {
            throw new AssertionError("child " + c.pid() + " still running after " + PATIENCE);
        }
        return s.get();
    }

    /**
     * Reads a stream to its end as UTF-8 and closes it.
     *
     * @param in a child's output
     * @return the text
     */
    public static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param text process output
     * @return its lines, split on any line end ({@code \R}: {@code \r\n} on Windows); none for empty text
     */
    public static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }

    /**
     * @param c a child with a piped stdout
     * @return a UTF-8 reader of it (keep it: it buffers what it read ahead)
     */
    public static BufferedReader reader(Child c) {
        return new BufferedReader(new InputStreamReader(c.stdout(), StandardCharsets.UTF_8));
    }

    /**
     * Reads lines until {@code expected} (e.g. TestChild's {@code ready}); the child has then done every action
     * before the one that printed it.
     *
     * @param r        the child's stdout ({@link #reader})
     * @param expected the line to wait for
     * @throws AssertionError if the output ends first
     */
    public static void awaitLine(BufferedReader r, String expected) {
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.equals(expected)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the child's output ended before the line " + expected);
    }

    /**
     * A random token for marking a test's own processes in their command lines ({@code sleep 300 TOKEN}): a
     * number, so {@code sleep} accepts it and adds a fraction of a second.
     *
     * @return e.g. {@code 0.0123456789}
     */
    public static String token() {
        StringBuilder sb = new StringBuilder("0.0");
        for (int i = 0; i < 9; i++) {
            sb.append(1 + RANDOM.nextInt(9));
        }
        return sb.toString();
    }

    /**
     * Waits (bounded, 10 s) until no live process has {@code pid}: an orphan re-parented to init is reaped by
     * it quickly. A zombie counts as gone (it runs no more).
     *
     * @param pid a process id
     * @return whether it went away in time
     */
    public static boolean gone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
