package io.prockit.examples.bench;

import io.prockit.JavaChild;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench cold}: the first spawn in a fresh JVM. Each round starts fresh JVMs ({@link JavaChild},
 * this JVM's class path): one timing its first prockit spawn, one its first {@code ProcessBuilder} spawn,
 * and, when this JVM could write an AppCDS archive of a first prockit spawn beforehand, one timing its
 * first prockit spawn with that archive ({@code prockit-appcds}: a deployment option, not a target).
 */
final class ColdBench {
    static final String SECTION = "cold";

    static final int COLD_SAMPLES_PER_ROUND = 3;

    private ColdBench() {
    }

    static void run(Options o, Report report, PrintStream out) throws InterruptedException {
        Path dir = null;
        Path archive = null;
        try {
            dir = Files.createTempDirectory("prockit-bench-cds");
            archive = appCdsArchive(dir.resolve("prockit.jsa"), report, out);
            runRounds(o, report, out, archive);
        } catch (IOException e) {
            report.note(SECTION, "no temporary directory for the AppCDS archive: " + e.getMessage());
            runRounds(o, report, out, null);
        } finally {
            if (dir != null) {
                try {
                    if (archive != null) {
                        Files.deleteIfExists(archive);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    report.note(SECTION, "could not delete " + dir + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * Dumps the classes a first prockit spawn loads into an AppCDS archive (JDK 13+), as a deployment can;
     * the {@code prockit-appcds} row then shows the first spawn with it. Not a target: an option.
     *
     * @return the archive, or null if the JVM could not write one (a class path with directories, say)
     */
    private static Path appCdsArchive(Path archive, Report report, PrintStream out) throws InterruptedException {
        out.println("cold: writing an AppCDS archive of a first prockit spawn");
        try {
            Helpers.run(JavaChild.of(ColdStart.class, "prockit").jvmOptions("-XX:ArchiveClassesAtExit=" + archive)
                    .command(), Duration.ofSeconds(120));
        } catch (IOException e) {
            report.note(SECTION, "AppCDS archive not written: " + e.getMessage());
            return null;
        }
        if (!Files.isRegularFile(archive)) {
            report.note(SECTION, "AppCDS archive not written (the class path must hold jars only)");
            return null;
        }
        return archive;
    }

    private static void runRounds(Options o, Report report, PrintStream out, Path archive)
            throws InterruptedException {
        String[] modes = archive == null ? new String[] {"prockit", "jdk"}
                : new String[] {"prockit", "jdk", "prockit-appcds"};
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        // One fresh JVM is one noisy sample and costs a fraction of a second: three per round.
        int rounds = o.rounds() * COLD_SAMPLES_PER_ROUND;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < modes.length; i++) {
                String mode = modes[(i + round) % modes.length];
                out.printf("cold: round %d/%d %s%n", round + 1, rounds, mode);
                JavaChild jvm = mode.equals("prockit-appcds")
                        ? JavaChild.of(ColdStart.class, "prockit").jvmOptions("-XX:SharedArchiveFile=" + archive)
                        : JavaChild.of(ColdStart.class, mode).jvmOptions("-Xshare:auto");
                try {
                    Helpers.Result r = Helpers.run(jvm.command(), Duration.ofSeconds(60));
                    for (String line : r.lines()) {
                        if (line.startsWith("first_us ")) {
                            ms.computeIfAbsent(mode, k -> new ArrayList<>())
                                    .add(Double.parseDouble(line.substring(9).trim()) / 1e3);
                        }
                    }
                } catch (IOException e) {
                    report.note(SECTION, mode + " failed: " + e.getMessage());
                }
            }
        }
        List<Double> j = ms.get("jdk");
        Report.Row jr = j == null ? null : report.row(SECTION, "jdk", "first-spawn", "ms", Stats.of(j), null);
        List<Double> p = ms.get("prockit");
        Report.Row pr = p == null ? null : report.row(SECTION, "prockit", "first-spawn", "ms", Stats.of(p), jr);
        List<Double> a = ms.get("prockit-appcds");
        if (a != null) {
            report.row(SECTION, "prockit-appcds", "first-spawn", "ms", Stats.of(a), jr);
        }
        if (pr != null && jr != null) {
            double extra = pr.stats().median() - jr.stats().median();
            report.target(SECTION, "first spawn in a fresh JVM <= the JDK's first spawn + 100 ms",
                    String.format(Locale.ROOT, "%+.1f ms (%s ms vs %s ms)", extra, Report.num(pr.stats().median()),
                            Report.num(jr.stats().median())), extra <= 100);
        }
    }
}
