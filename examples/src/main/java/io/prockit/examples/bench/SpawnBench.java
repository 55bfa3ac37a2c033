package io.prockit.examples.bench;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcessBuilder;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Stdio;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench spawn}: spawn and wait for {@code /bin/true} N times per method and round, the methods
 * interleaved (each round starts with the next one), every spawn timed on its own.
 */
final class SpawnBench {
    static final String PROGRAM = "/bin/true";
    static final String SECTION = "spawn";

    /** One way to spawn and wait; {@link #batch} returns the microseconds of each spawn. */
    interface Method {
        List<Double> batch(int n) throws Exception;
    }

    private SpawnBench() {
    }

    static Method timed(ThrowingRunnable once) {
        return n -> {
            List<Double> us = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                once.run();
                us.add((System.nanoTime() - t0) / 1e3);
            }
            return us;
        };
    }

    /** A piece of work that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static void run(Options o, CLoop c, Report report, PrintStream out) throws InterruptedException {
        Map<String, Method> methods = new LinkedHashMap<>();
        if (c.available()) {
            methods.put("c-posix_spawn", n -> c.spawn(n, PROGRAM));
        } else {
            report.note(SECTION, c.reason());
        }
        Command plain = Command.of(PROGRAM);
        methods.put("prockit", timed(() -> plain.spawn().waitFor()));
        Command piped = Command.of(PROGRAM).stdin(Stdio.pipe()).stdout(Stdio.pipe()).stderr(Stdio.pipe());
        methods.put("prockit-pipes", timed(() -> {
            try (Child ch = piped.spawn()) {
                ch.waitFor();
            }
        }));
        methods.put("jdk", timed(() -> new ProcessBuilder(PROGRAM).inheritIO().start().waitFor()));
        methods.put("jdk-pipes", timed(() -> {
            Process p = new ProcessBuilder(PROGRAM).start();
            p.waitFor();
            p.getOutputStream().close();
            p.getInputStream().close();
            p.getErrorStream().close();
        }));
        NuAbstractProcessHandler quiet = new NuAbstractProcessHandler() {
        };
        methods.put("nuprocess-run", timed(() -> {
            NuProcessBuilder b = new NuProcessBuilder(List.of(PROGRAM));
            b.setProcessListener(quiet);
            b.run();
        }));
        if (Helpers.which("python3") != null) {
            methods.put("python-subprocess", n -> python(n));
        }

        List<String> names = new ArrayList<>(methods.keySet());
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        int warm = Math.max(20, Math.min(200, o.n() / 10));
        out.printf("spawn: warming up (%d spawns per method)%n", warm);
        for (String name : names) {
            if (!name.startsWith("c-") && !name.startsWith("python")) {
                attempt(report, name, () -> methods.get(name).batch(warm));
            }
        }
        for (int round = 0; round < o.rounds(); round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                out.printf("spawn: round %d/%d %-18s %d x %s%n", round + 1, o.rounds(), name, o.n(), PROGRAM);
                List<Double> got = attempt(report, name, () -> methods.get(name).batch(o.n()));
                if (got != null) {
                    samples.computeIfAbsent(name, k -> new ArrayList<>()).addAll(got);
                }
            }
        }
        Report.Row ref = null;
        for (String name : names) {
            List<Double> s = samples.get(name);
            if (s != null && !s.isEmpty()) {
                Report.Row r = report.row(SECTION, name, "latency", "us", Stats.of(s), ref);
                if (name.startsWith("c-")) {
                    ref = r;
                }
            }
        }
        targets(report);
    }

    private static List<Double> attempt(Report report, String name, Batch b) throws InterruptedException {
        try {
            return b.get();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            report.note(SECTION, name + " failed: " + e);
            return null;
        }
    }

    /** A batch of samples that may fail. */
    interface Batch {
        List<Double> get() throws Exception;
    }

    /** Python's {@code subprocess.run}, measuring itself, for context. */
    private static List<Double> python(int n) throws Exception {
        String script = String.join("\n",
                "import subprocess, sys, time",
                "for _ in range(int(sys.argv[1])):",
                "    t = time.perf_counter()",
                "    subprocess.run(['" + PROGRAM + "'])",
                "    print((time.perf_counter() - t) * 1e6)");
        Helpers.Result r = Helpers.run(Command.of("python3", "-c", script, Integer.toString(n)),
                Duration.ofSeconds(30 + n / 20));
        return r.lines().stream().filter(l -> !l.isBlank()).map(l -> Double.parseDouble(l.trim())).toList();
    }

    static void targets(Report report) {
        Report.Row c = report.find(SECTION, "c-posix_spawn", "latency");
        Report.Row p = report.find(SECTION, "prockit", "latency");
        Report.Row pp = report.find(SECTION, "prockit-pipes", "latency");
        Report.Row j = report.find(SECTION, "jdk", "latency");
        Report.Row jp = report.find(SECTION, "jdk-pipes", "latency");
        if (c != null && p != null) {
            double r = p.stats().median() / c.stats().median();
            report.target(SECTION, "prockit spawn+wait <= 1.10x the C posix_spawn loop",
                    String.format(java.util.Locale.ROOT, "%.2fx (%s us vs %s us)", r, Report.num(p.stats().median()),
                            Report.num(c.stats().median())), r <= 1.10);
        }
        if (j != null && p != null) {
            double r = j.stats().median() / p.stats().median();
            report.target(SECTION, "prockit >= 2.5x faster than the JDK default",
                    String.format(java.util.Locale.ROOT, "%.2fx", r), r >= 2.5);
        }
        if (jp != null && pp != null) {
            double r = jp.stats().median() / pp.stats().median();
            report.target(SECTION, "prockit with 3 pipes >= 2.5x faster than the JDK with its pipes",
                    String.format(java.util.Locale.ROOT, "%.2fx", r), r >= 2.5);
        }
    }
}
