package io.prockit.examples.bench;

import io.prockit.JavaChild;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench cold}: the first spawn in a fresh JVM. Each round starts two JVMs ({@link JavaChild},
 * this JVM's class path), one timing its first prockit spawn, one its first {@code ProcessBuilder} spawn.
 */
final class ColdBench {
    static final String SECTION = "cold";

    static final int COLD_SAMPLES_PER_ROUND = 3;

    private ColdBench() {
    }

    static void run(Options o, Report report, PrintStream out) throws InterruptedException {
        String[] modes = {"prockit", "jdk"};
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        // One fresh JVM is one noisy sample and costs a fraction of a second: three per round.
        int rounds = o.rounds() * COLD_SAMPLES_PER_ROUND;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < modes.length; i++) {
                String mode = modes[(i + round) % modes.length];
                out.printf("cold: round %d/%d %s%n", round + 1, rounds, mode);
                try {
                    Helpers.Result r = Helpers.run(JavaChild.of(ColdStart.class, mode).jvmOptions("-Xshare:auto")
                            .command(), Duration.ofSeconds(60));
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
        if (pr != null && jr != null) {
            double extra = pr.stats().median() - jr.stats().median();
            report.target(SECTION, "first spawn in a fresh JVM <= the JDK's first spawn + 100 ms",
                    String.format(Locale.ROOT, "%+.1f ms (%s ms vs %s ms)", extra, Report.num(pr.stats().median()),
                            Report.num(jr.stats().median())), extra <= 100);
        }
    }
}
