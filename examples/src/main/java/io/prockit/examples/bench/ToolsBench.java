package io.prockit.examples.bench;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench tools}: how fast a tool answers from the command line — the wall time of the whole
 * {@code pgrep -f NAME} command, prockit's launcher ({@code bin/prockit}, a fresh JVM with its AppCDS archive
 * on JDK 19+) against procps' {@code pgrep}, median of many runs, interleaved. NAME is a renamed
 * {@code sleep} copy the bench starts, so both find exactly one process.
 *
 * <p>The launcher is {@code bin/prockit} beside the examples jar (as the build lays it out), or
 * {@code -Dprockit.launcher=PATH}; the JVM is the one the launcher picks (JAVA_HOME, else PATH). Platform
 * notes: needs a POSIX shell and procps' pgrep; where either is missing the section is a note.
 */
final class ToolsBench {
    static final String SECTION = "tools";

    /** Fresh-JVM samples per round and method: each costs a fraction of a second. */
    static final int SAMPLES_PER_ROUND = 20;

    private ToolsBench() {
    }

    static void run(Options o, Report report, PrintStream out) throws InterruptedException {
        Path launcher = launcher();
        Path pgrep = Helpers.which("pgrep");
        if (launcher == null) {
            report.note(SECTION, "no launcher found (build with mvn package, or -Dprockit.launcher=PATH)");
            return;
        }
        if (pgrep == null) {
            report.note(SECTION, "procps pgrep is not installed: no reference to time the launcher against");
            return;
        }
        Path sleep = Helpers.which("sleep");
        Path dir = null;
        Child target = null;
        try {
            dir = Files.createTempDirectory("prockit-bench-tools");
            String name = uniqueName();
            Path copy = dir.resolve(name);
            Files.copy(sleep, copy, StandardCopyOption.COPY_ATTRIBUTES);
            target = Command.of(copy.toString(), "3600").stdin(Stdio.discard()).stdout(Stdio.discard()).spawn();
            String[] procps = {pgrep.toString(), "-f", name};
            String[] prockit = {launcher.toString(), "pgrep", "-f", name};
            out.println("tools: warming up the launcher (its first run writes the AppCDS archive on JDK 19+)");
            for (int i = 0; i < 3; i++) {
                timeMs(prockit);
            }
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            int samples = o.rounds() * SAMPLES_PER_ROUND;
            for (int i = 0; i < samples; i++) {
                if (i % SAMPLES_PER_ROUND == 0) {
                    out.printf("tools: round %d/%d%n", i / SAMPLES_PER_ROUND + 1, o.rounds());
                }
                // alternate which goes first, so neither always runs on a warmer cache
                if (i % 2 == 0) {
                    a.add(timeMs(procps));
                    b.add(timeMs(prockit));
                } else {
                    b.add(timeMs(prockit));
                    a.add(timeMs(procps));
                }
            }
            Report.Row ref = report.row(SECTION, "procps-pgrep", "pgrep-f-wall", "ms", Stats.of(a), null);
            Report.Row row = report.row(SECTION, "prockit-launcher", "pgrep-f-wall", "ms", Stats.of(b), ref);
            report.note(SECTION, String.format(Locale.ROOT, "pgrep -f from bin/prockit: %s ms median vs procps %s ms"
                    + " (%s); JVM: %s", Report.num(row.stats().median()), Report.num(ref.stats().median()),
                    launcher, System.getenv().getOrDefault("JAVA_HOME", "java on PATH")));
        } catch (IOException e) {
            report.note(SECTION, "failed: " + e.getMessage());
        } finally {
            if (target != null) {
                target.kill();
                target.waitFor();
                target.close();
            }
            Helpers.deleteTree(dir);
        }
    }

    /** @return the wall time of one whole command in ms; it must find the target (exit 0) */
    private static double timeMs(String... argv) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ExitStatus st = Command.of(List.of(argv)).stdin(Stdio.discard()).stdout(Stdio.discard()).status();
        double ms = (System.nanoTime() - start) / 1e6;
        if (!st.success()) {
            throw new IOException(String.join(" ", argv) + " ended with " + st);
        }
        return ms;
    }

    private static Path launcher() {
        String given = System.getProperty("prockit.launcher");
        if (given != null) {
            return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
        }
        try {
            Path code = Path.of(ToolsBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // the jar in target/, or target/classes when run from the build: bin/ is in target/ either way
            Path target = code.getParent();
            Path p = target == null ? null : target.resolve("bin").resolve("prockit");
            return p != null && Files.isExecutable(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String uniqueName() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("pkb");
        while (sb.length() < 12) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}
