package io.prockit.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything one benchmark run measured: result rows, targets with their verdicts, curves for the
 * chart and notes (skipped parts, failures). Prints itself as text and writes itself as CSV.
 */
final class Report {
    /**
     * One measured figure.
     *
     * @param section  spawn, concurrent, pipe, table or cold
     * @param method   who was measured (c-posix_spawn, prockit, jdk, nuprocess, ...)
     * @param metric   what (latency, start-all, peak-threads, ...)
     * @param unit     its unit (us, ms, MB/s, MB, threads, count)
     * @param stats    median, min, max over the samples
     * @param ratio    the median divided by the section's reference median, or null
     * @param ratioRef the reference named in the ratio, or null
     */
    record Row(String section, String method, String metric, String unit, Stats stats, Double ratio,
               String ratioRef) {
    }

    /**
     * One target of issue 7.
     *
     * @param section  the section it belongs to
     * @param goal     the target in words
     * @param measured what was measured, in words
     * @param pass     whether it was met
     */
    record Target(String section, String goal, String measured, boolean pass) {
    }

    /**
     * One point of a curve: {@code value} of {@code series} after {@code children} children were started.
     *
     * @param series   threads or rss-mb
     * @param method   who was measured
     * @param children how many children were alive
     * @param value    the value
     */
    record Point(String series, String method, int children, double value) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final List<Point> points = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Row row(String section, String method, String metric, String unit, Stats stats, Row reference) {
        Double ratio = reference == null || reference.stats().median() == 0 ? null
                : stats.median() / reference.stats().median();
        Row r = new Row(section, method, metric, unit, stats, ratio, reference == null ? null : reference.method());
        rows.add(r);
        return r;
    }

    void target(String section, String goal, String measured, boolean pass) {
        targets.add(new Target(section, goal, measured, pass));
    }

    void point(String series, String method, int children, double value) {
        points.add(new Point(series, method, children, value));
    }

    void note(String section, String text) {
        notes.add(section + ": " + text);
    }

    /** @return the row of {@code method}'s {@code metric} in {@code section}, or null */
    Row find(String section, String method, String metric) {
        for (Row r : rows) {
            if (r.section().equals(section) && r.method().equals(method) && r.metric().equals(metric)) {
                return r;
            }
        }
        return null;
    }

    static String num(double v) {
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
    }

    void print(PrintStream out) {
        String section = null;
        for (Row r : rows) {
            if (!r.section().equals(section)) {
                section = r.section();
                out.println();
                out.printf(Locale.ROOT, "== %s ==%n", section);
                out.printf(Locale.ROOT, "%-24s %-14s %12s %12s %12s %6s  %s%n", "method", "metric", "median", "min",
                        "max", "n", "ratio");
            }
            Stats s = r.stats();
            out.printf(Locale.ROOT, "%-24s %-14s %12s %12s %12s %6d  %s%n", r.method(), r.metric(),
                    num(s.median()) + " " + r.unit(), num(s.min()), num(s.max()), s.n(),
                    r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx %s", r.ratio(), r.ratioRef()));
        }
        if (!targets.isEmpty()) {
            out.println();
            out.println("== targets (issue 7) ==");
            for (Target t : targets) {
                out.printf(Locale.ROOT, "%-4s [%s] %s -- %s%n", t.pass() ? "PASS" : "MISS", t.section(), t.goal(),
                        t.measured());
            }
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("== notes ==");
            notes.forEach(n -> out.println("- " + n));
        }
    }

    /** Writes {@code results.csv} (rows and targets) and {@code series.csv} (the curves) into {@code dir}. */
    List<Path> writeCsv(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path results = dir.resolve("results.csv");
        try (Writer w = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
            w.write("kind,section,method,metric,unit,median,min,max,n,ratio,ratio_ref,verdict\n");
            for (Row r : rows) {
                Stats s = r.stats();
                w.write(csv("row", r.section(), r.method(), r.metric(), r.unit(), plain(s.median()), plain(s.min()),
                        plain(s.max()), Integer.toString(s.n()), r.ratio() == null ? "" : plain(r.ratio()),
                        r.ratioRef() == null ? "" : r.ratioRef(), ""));
            }
            for (Target t : targets) {
                w.write(csv("target", t.section(), "", t.goal(), "", "", "", "", "", "", t.measured(),
                        t.pass() ? "PASS" : "MISS"));
            }
            for (String n : notes) {
                w.write(csv("note", "", "", n, "", "", "", "", "", "", "", ""));
            }
        }
        Path series = dir.resolve("series.csv");
        try (Writer w = Files.newBufferedWriter(series, StandardCharsets.UTF_8)) {
            w.write("series,method,children,value\n");
            for (Point p : points) {
                w.write(csv(p.series(), p.method(), Integer.toString(p.children()), plain(p.value())));
            }
        }
        return List.of(results, series);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /** One CSV line (RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled). */
    static String csv(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append('\n').toString();
    }
}
