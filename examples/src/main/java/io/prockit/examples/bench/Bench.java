package io.prockit.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench spawn|concurrent|pipe|table|cold|tools|all [options]} ({@code bench} alone: the help): prockit against the C
 * {@code posix_spawn} loop, the JDK's {@code ProcessBuilder} and NuProcess, in one run, in
 * interleaved rounds. Prints median, min, max and ratios per method, the targets of issue 7 as
 * PASS or MISS, and writes {@code results.csv}, {@code series.csv} and {@code bench.png} to
 * {@code --out} (default {@code bench-results}).
 *
 * <pre>{@code
 * java -jar prockit-examples.jar bench spawn --n 500 --rounds 3
 * java -jar prockit-examples.jar bench all --children 10000
 * }</pre>
 *
 * <p>Platform notes: Linux measures everything; the C loop needs gcc (skipped with a note
 * otherwise), psutil needs Python with psutil, RSS and thread counts read {@code /proc/self/status}.
 * On other systems the parts that cannot run are reported as notes.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the arguments after {@code bench}
     * @param out  where the progress and the results are printed
     * @return 0 when it ran (targets may still be missed: see the printed verdicts), 2 on bad usage,
     *         1 when the results could not be written
     */
    public static int run(String[] args, PrintStream out) {
        List<String> a = Arrays.asList(args);
        if (a.contains("--help") || a.contains("-h") || a.isEmpty()) {
            out.println(Options.USAGE);
            return 0;
        }
        if (a.stream().noneMatch(Options.SUBCOMMANDS::contains)) {
            out.println("bench: name what to measure (or all)");
            out.println(Options.USAGE);
            return 2;
        }
        Options o;
        try {
            o = Options.parse(a);
        } catch (IllegalArgumentException e) {
            out.println("bench: " + e.getMessage());
            out.println(Options.USAGE);
            return 2;
        }
        System.setProperty("java.awt.headless", "true");
        Report report = new Report();
        String machine = machine();
        out.println("prockit bench: " + machine);
        out.println("options: " + o);
        try (CLoop c = o.runs("spawn") || o.runs("concurrent") ? CLoop.compile() : null) {
            if (o.runs("spawn")) {
                SpawnBench.run(o, c, report, out);
            }
            if (o.runs("concurrent")) {
                ConcurrentBench.run(o, c, report, out);
            }
            if (o.runs("pipe")) {
                PipeBench.run(o, report, out);
            }
            if (o.runs("table")) {
                TableBench.run(o, report, out);
            }
            if (o.runs("cold")) {
                ColdBench.run(o, report, out);
            }
            if (o.runs("tools")) {
                ToolsBench.run(o, report, out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.note("bench", "interrupted; the results are partial");
        }
        report.print(out);
        try {
            List<Path> csv = report.writeCsv(o.out());
            Path png = o.out().resolve("bench.png");
            Chart.write(report, png, machine);
            out.println();
            out.println("wrote " + csv.get(0) + ", " + csv.get(1) + ", " + png);
        } catch (IOException e) {
            out.println("bench: could not write the results to " + o.out() + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** @return a one-line description of this machine, OS, C library and JVM */
    static String machine() {
        String cpu = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        return String.format(Locale.ROOT, "%s %s, %d cores (%s), Java %s (%s), %s",
                System.getProperty("os.name"), System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    /**
     * Command-line entry.
     *
     * @param args see {@link Options#USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }
}
