package io.prockit.examples.bench;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.ProcessListener;
import io.prockit.Stdio;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench pipe}: a child ({@code head -c SIZE /dev/zero}) writes SIZE bytes to its stdout pipe;
 * prockit's {@code Child.stdout()}, a {@code ProcessListener} (the event loop's reads) and the JDK's
 * {@code Process.getInputStream()} copy them into a 64 KiB array, against {@code head | cat > /dev/null}
 * run by the shell (the reference rate).
 */
final class PipeBench {
    static final String SECTION = "pipe";
    private static final int BUFFER = 64 * 1024;

    private PipeBench() {
    }

    /** Reads everything and returns the seconds it took. */
    interface Reader {
        double seconds(long bytes) throws Exception;
    }

    static void run(Options o, Report report, PrintStream out) throws InterruptedException {
        long bytes = o.bytes();
        String size = Long.toString(bytes);
        Duration limit = Duration.ofSeconds(60 + bytes / (10L << 20));
        Map<String, Reader> methods = new LinkedHashMap<>();
        methods.put("cat-shell", b -> {
            long t0 = System.nanoTime();
            Helpers.run(Command.of("/bin/sh", "-c", "head -c " + b + " /dev/zero | cat > /dev/null"), limit);
            return (System.nanoTime() - t0) / 1e9;
        });
        methods.put("prockit", b -> {
            Command head = Command.of("head", "-c", Long.toString(b), "/dev/zero").stdout(Stdio.pipe());
            long t0 = System.nanoTime();
            try (Child c = head.spawn()) {
                long got = drain(c.stdout(), limit, c::kill);
                ExitStatus st = c.waitFor();
                check(got, b, st.success());
            }
            return (System.nanoTime() - t0) / 1e9;
        });
        methods.put("prockit-listener", b -> {
            Command head = Command.of("head", "-c", Long.toString(b), "/dev/zero");
            Counted counted = new Counted();
            long t0 = System.nanoTime();
            Child c = head.spawn(counted);
            try {
                if (!counted.done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IOException("time limit of " + limit.toSeconds() + " s reached after " + counted.bytes
                            + " bytes");
                }
                check(counted.bytes, b, counted.status.success());
            } finally {
                c.kill();
                c.waitFor();
            }
            return (System.nanoTime() - t0) / 1e9;
        });
        methods.put("jdk", b -> {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("head", "-c", Long.toString(b), "/dev/zero")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (InputStream in = p.getInputStream()) {
                long got = drain(in, limit, p::destroyForcibly);
                boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                check(got, b, done && p.exitValue() == 0);
            } finally {
                p.destroyForcibly();
            }
            return (System.nanoTime() - t0) / 1e9;
        });
        List<String> names = new ArrayList<>(methods.keySet());
        // Warm-up: each method once on an eighth of the size (at least 64 MiB, at most the size), not
        // recorded, so the Java read loops are measured JIT-compiled, as in the spawn and table benches.
        long warmBytes = Math.min(bytes, Math.max(64L << 20, bytes / 8));
        out.printf("pipe: warming up (%d bytes per method)%n", warmBytes);
        for (String name : names) {
            try {
                methods.get(name).seconds(warmBytes);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                report.note(SECTION, name + " warm-up failed: " + e);
            }
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = 0; round < o.rounds(); round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                out.printf("pipe: round %d/%d %-10s %s bytes%n", round + 1, o.rounds(), name, size);
                try {
                    double s = methods.get(name).seconds(bytes);
                    rates.computeIfAbsent(name, k -> new ArrayList<>()).add(bytes / s / 1e6);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    report.note(SECTION, name + " failed: " + e);
                }
            }
        }
        Report.Row ref = null;
        for (String name : names) {
            List<Double> r = rates.get(name);
            if (r != null) {
                Report.Row row = report.row(SECTION, name, "rate", "MB/s", Stats.of(r), ref);
                if (name.equals("cat-shell")) {
                    ref = row;
                }
            }
        }
        Report.Row p = report.find(SECTION, "prockit", "rate");
        if (p != null && p.ratio() != null) {
            report.target(SECTION, "reading a child's stdout >= 90% of cat's rate into /dev/null",
                    String.format(Locale.ROOT, "%.0f%% (%s vs %s MB/s)", p.ratio() * 100, Report.num(p.stats().median()),
                            Report.num(report.find(SECTION, "cat-shell", "rate").stats().median())), p.ratio() >= 0.9);
        }
    }

    /** Copies what arrives into a 64 KiB array, as the blocking readers do, and counts it. */
    private static final class Counted implements ProcessListener {
        final CountDownLatch done = new CountDownLatch(1);
        final byte[] buf = new byte[BUFFER];
        volatile long bytes;
        volatile ExitStatus status;

        @Override
        public void onStdout(ByteBuffer data) {
            int n = data.remaining();
            data.get(buf, 0, n);
            bytes += n; // one thread calls this
        }

        @Override
        public void onExit(ExitStatus s) {
            status = s;
            done.countDown();
        }
    }

    private static void check(long got, long want, boolean ok) throws IOException {
        if (got != want || !ok) {
            throw new IOException("read " + got + " of " + want + " bytes; child ok: " + ok);
        }
    }

    /** Reads {@code in} to its end, killing the writer if that takes longer than {@code limit}. */
    private static long drain(InputStream in, Duration limit, Runnable kill) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        long deadline = System.nanoTime() + limit.toNanos();
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            total += n;
            if (System.nanoTime() > deadline) {
                kill.run();
                throw new IOException("time limit of " + limit.toSeconds() + " s reached after " + total + " bytes");
            }
        }
        return total;
    }
}
