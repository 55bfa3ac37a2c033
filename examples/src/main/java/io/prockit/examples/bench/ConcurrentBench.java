package io.prockit.examples.bench;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.ProcessListener;
import io.prockit.Stdio;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench concurrent}: K children of {@code sleep} alive at once (and, in the {@code prockit-input-*}
 * rows, K children of {@code cat} fed 1,000 lines each through {@code Command.input} with their output taken
 * back by lines, to a consumer and to an SLF4J logger). Measures the time to start
 * them all (the C loops and prockit without pipes in {@code --rounds} interleaved rounds, the rest once),
 * this JVM's peak thread count, its RSS growth (VmRSS) and that every child is reaped;
 * the children are then killed and waited for, so none outlives the run (and {@code sleep} ends
 * on its own after a bounded time should the benchmark die).
 */
final class ConcurrentBench {
    static final String SECTION = "concurrent";

    /** Per method: one {start-ms, peak-threads, prockit-threads, rss-mb, reaped, children} per round. */
    private final Map<String, List<double[]>> raw = new LinkedHashMap<>();

    private ConcurrentBench() {
    }

    /** Starts children one by one and later kills and reaps them all. */
    interface Spawner<T> {
        T start() throws Exception;

        boolean killAndReap(T child, Duration limit) throws Exception;
    }

    static void run(Options o, CLoop c, Report report, PrintStream out) throws InterruptedException {
        new ConcurrentBench().runAll(o, c, report, out);
    }

    private void runAll(Options o, CLoop c, Report report, PrintStream out) throws InterruptedException {
        int k = o.children();
        int kp = o.pipeChildren();
        int sleep = sleepSeconds(k);
        String[] sleepArgv = {"sleep", Integer.toString(sleep)};
        // The rows of the start-all target (C loop, C loop with pidfds, prockit) run in --rounds interleaved
        // rounds, each starting with the next of them; the series for the chart come from the first round.
        Spawner<Child> plain = new Spawner<>() {
            final Command cmd = Command.of(sleepArgv[0], sleepArgv[1]);

            public Child start() {
                return cmd.spawn();
            }

            public boolean killAndReap(Child ch, Duration limit) throws Exception {
                ch.kill();
                return ch.waitFor(limit).isPresent();
            }
        };
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        List<String> targetRows = new ArrayList<>(List.of("prockit"));
        if (c.available()) {
            targetRows.add(0, "c-posix_spawn");
            if (linux) {
                targetRows.add(1, "c-posix_spawn-pidfds");
            }
        }
        for (int round = 0; round < o.rounds(); round++) {
            for (int i = 0; i < targetRows.size(); i++) {
                String row = targetRows.get((i + round) % targetRows.size());
                switch (row) {
                    case "c-posix_spawn" -> cLoop(c, k, CLoop.HOLD_NOTHING, sleep, report, out, row);
                    case "c-posix_spawn-pidfds" -> cLoop(c, k, CLoop.HOLD_PIDFD, sleep, report, out, row);
                    default -> measure(row, k, report, out, plain, round == 0);
                }
            }
        }
        // The rest once, the JDK last: its "process reaper" pool keeps one idle thread per child it started
        // for 60 s, which would count against whoever is measured after it (and it would reuse them itself).
        {
            if (c.available()) {
                cLoop(c, kp, CLoop.HOLD_PIPES, sleep, report, out, "c-posix_spawn-pipes");
            }
            measure("prockit-pipes", kp, report, out, new Spawner<Child>() {
                final Command cmd = Command.of(sleepArgv[0], sleepArgv[1])
                        .stdin(Stdio.pipe()).stdout(Stdio.pipe()).stderr(Stdio.pipe());

                public Child start() {
                    return cmd.spawn();
                }

                public boolean killAndReap(Child ch, Duration limit) throws Exception {
                    ch.kill();
                    try (ch) {
                        return ch.waitFor(limit).isPresent();
                    }
                }
            });
            measure("prockit-listener-pipes", kp, report, out, new Spawner<Listened>() {
                final Command cmd = Command.of(sleepArgv[0], sleepArgv[1]).stdin(Stdio.pipe());

                public Listened start() {
                    Listened l = new Listened();
                    l.child = cmd.spawn(l);
                    return l;
                }

                public boolean killAndReap(Listened l, Duration limit) throws Exception {
                    Child ch = l.child;
                    ch.kill();
                    try (ch) {
                        return ch.waitFor(limit).isPresent() && l.done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            });
            // kp children of cat, each fed INPUT_LINES lines by Command.input (written by the output loop) and its
            // output taken back line by line: counted by a consumer, then logged through SLF4J at DEBUG (off by
            // default, so the lines are decoded and handed to the logger, not printed).
            byte[] input = inputLines();
            measure("prockit-input-lines", kp, report, out, new Spawner<Fed>() {
                public Fed start() {
                    Fed f = new Fed();
                    f.child = Command.of("cat").input(input).stdoutLines(line -> f.lines.incrementAndGet()).spawn();
                    return f;
                }

                public boolean killAndReap(Fed f, Duration limit) throws Exception {
                    return f.finish(limit);
                }
            });
            org.slf4j.Logger childLog = org.slf4j.LoggerFactory.getLogger("io.prockit.bench.children");
            measure("prockit-input-log", kp, report, out, new Spawner<Fed>() {
                public Fed start() {
                    Fed f = new Fed();
                    f.child = Command.of("cat").input(input).stdoutLog(childLog, org.slf4j.event.Level.DEBUG)
                            .stderrLines(line -> f.lines.incrementAndGet()).spawn();
                    f.lines.set(INPUT_LINES); // the logger counts nothing; stderr stays empty
                    return f;
                }

                public boolean killAndReap(Fed f, Duration limit) throws Exception {
                    return f.finish(limit);
                }
            });
            NuAbstractProcessHandler quiet = new NuAbstractProcessHandler() {
            };
            measure("nuprocess", kp, report, out, new Spawner<NuProcess>() {
                public NuProcess start() {
                    NuProcessBuilder b = new NuProcessBuilder(List.of(sleepArgv));
                    b.setProcessListener(quiet);
                    NuProcess p = b.start();
                    if (p == null) {
                        throw new IllegalStateException("NuProcessBuilder.start() returned null");
                    }
                    return p;
                }

                public boolean killAndReap(NuProcess p, Duration limit) throws Exception {
                    p.destroy(true);
                    return p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) != Integer.MIN_VALUE;
                }
            });
            measure("jdk-pipes", kp, report, out, new Spawner<Process>() {
                public Process start() throws Exception {
                    return new ProcessBuilder(sleepArgv).start();
                }

                public boolean killAndReap(Process p, Duration limit) throws Exception {
                    p.destroyForcibly();
                    boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                    p.getOutputStream().close();
                    p.getInputStream().close();
                    p.getErrorStream().close();
                    return done;
                }
            });
        }
        if (!c.available()) {
            report.note(SECTION, c.reason());
        }
        summarize(report, k, kp);
    }

    /** A child whose stdout and stderr go to this listener (NuProcess's model); counts its output. */
    static final class Listened implements ProcessListener {
        final CountDownLatch done = new CountDownLatch(1);
        long bytes;
        Child child;

        @Override
        public void onStdout(ByteBuffer data) {
            bytes += data.remaining();
        }

        @Override
        public void onStderr(ByteBuffer data) {
            bytes += data.remaining();
        }

        @Override
        public void onExit(ExitStatus status) {
            done.countDown();
        }
    }

    /** Lines each child of the input rows is fed. */
    static final int INPUT_LINES = 1_000;

    static byte[] inputLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < INPUT_LINES; i++) {
            sb.append("line ").append(i).append(" of the input a child is fed\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A child fed its input, its lines counted; done when it has exited and every line has arrived. */
    static final class Fed {
        final java.util.concurrent.atomic.AtomicLong lines = new java.util.concurrent.atomic.AtomicLong();
        Child child;

        /** Waits (it ends on its own once fed); kills it only if it overruns. */
        boolean finish(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            try (Child ch = child) {
                if (ch.waitFor(limit).isEmpty()) {
                    ch.kill();
                    ch.waitFor();
                    return false;
                }
                while (lines.get() < INPUT_LINES && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                return lines.get() == INPUT_LINES;
            }
        }
    }

    static int sleepSeconds(int k) {
        return 60 + k / 20;
    }

    private void add(String method, double startMs, double peakThreads, double prockitThreads, double rssMb,
                            double reaped, double children) {
        raw.computeIfAbsent(method, m -> new ArrayList<>())
                .add(new double[] {startMs, peakThreads, prockitThreads, rssMb, reaped, children});
    }

    private void cLoop(CLoop c, int k, int hold, int sleep, Report report, PrintStream out, String name)
            throws InterruptedException {
        out.printf("concurrent: %-20s %d children%n", name, k);
        try {
            double[] r = c.concurrent(k, hold, sleep);
            add(name, r[0] / 1e3, Double.NaN, Double.NaN, Double.NaN, r[1], k);
        } catch (java.io.IOException e) {
            report.note(SECTION, name + " failed: " + e.getMessage());
        }
    }

    private <T> void measure(String name, int k, Report report, PrintStream out, Spawner<T> s)
            throws InterruptedException {
        measure(name, k, report, out, s, true);
    }

    /** @param series whether to record the threads and RSS series for the chart (the first round only) */
    private <T> void measure(String name, int k, Report report, PrintStream out, Spawner<T> s, boolean series)
            throws InterruptedException {
        out.printf("concurrent: %-20s %d children%n", name, k);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.gc();
        Thread.sleep(200);
        long rss0 = Procfs.rssKb();
        mx.resetPeakThreadCount();
        int threads0 = mx.getThreadCount();
        List<T> live = new ArrayList<>(k);
        int step = Math.max(1, k / 10);
        String failure = null;
        long t0 = System.nanoTime();
        double startMs;
        try {
            for (int i = 0; i < k; i++) {
                live.add(s.start());
                if (series && ((i + 1) % step == 0 || i + 1 == k)) {
                    report.point("threads", name, i + 1, Procfs.threads());
                    report.point("rss-mb", name, i + 1, (Procfs.rssKb() - rss0) / 1024.0);
                }
            }
        } catch (Exception | Error e) {
            failure = "failed after " + live.size() + " children: " + e;
        } finally {
            startMs = (System.nanoTime() - t0) / 1e6;
        }
        long rss1 = Procfs.rssKb();
        int peak = mx.getPeakThreadCount();
        if (series) {
            report.note(SECTION, name + ": " + threads0 + " Java threads before starting, peak " + peak);
        }
        int own = Procfs.prockitThreads();
        int reaped = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + k / 50);
        for (T child : live) {
            try {
                Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
                if (s.killAndReap(child, left)) {
                    reaped++;
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = "kill/reap failed: " + e;
                }
            }
        }
        if (failure != null) {
            report.note(SECTION, name + " " + failure);
        }
        add(name, startMs, peak, name.startsWith("prockit") ? own : Double.NaN, (rss1 - rss0) / 1024.0, reaped, k);
    }

    private void summarize(Report report, int k, int kp) {
        for (var e : raw.entrySet()) {
            String m = e.getKey();
            List<double[]> runs = e.getValue();
            Report.Row ref = report.find(SECTION, m.endsWith("pipes") || m.startsWith("jdk") || m.startsWith("nu")
                    ? "c-posix_spawn-pipes" : "c-posix_spawn", "start-all");
            report.row(SECTION, m, "start-all", "ms", stat(runs, 0), ref);
            report.row(SECTION, m, "children", "count", stat(runs, 5), null);
            report.row(SECTION, m, "reaped", "count", stat(runs, 4), null);
            if (!Double.isNaN(runs.get(0)[1])) {
                report.row(SECTION, m, "peak-threads", "threads", stat(runs, 1), null);
                report.row(SECTION, m, "rss-growth", "MB", stat(runs, 3), null);
            }
            if (!Double.isNaN(runs.get(0)[2])) {
                report.row(SECTION, m, "prockit-threads", "threads", stat(runs, 2), null);
            }
        }
        raw.clear();
        Report.Row p = report.find(SECTION, "prockit", "start-all");
        if (p != null) {
            Report.Row reaped = report.find(SECTION, "prockit", "reaped");
            report.target(SECTION, k + " children: every one reaped", Report.num(reaped.stats().min()) + " of " + k,
                    reaped.stats().min() == k);
            Report.Row th = report.find(SECTION, "prockit", "prockit-threads");
            report.target(SECTION, k + " children: at most 4 prockit threads", Report.num(th.stats().max()),
                    th.stats().max() <= 4);
            Report.Row rss = report.find(SECTION, "prockit", "rss-growth");
            // The largest round: later rounds start with the heap the first one grew.
            report.target(SECTION, k + " children: RSS growth under 30 MB",
                    Report.num(rss.stats().max()) + " MB (the largest of the rounds)", rss.stats().max() < 30);
            if (p.ratio() != null) {
                report.target(SECTION, k + " children: start-all within 1.5x the C loop",
                        String.format(Locale.ROOT, "%.2fx (%s ms vs C)", p.ratio(), Report.num(p.stats().median())),
                        p.ratio() <= 1.5);
            }
            Report.Row withPidfds = report.find(SECTION, "c-posix_spawn-pidfds", "start-all");
            if (withPidfds != null && withPidfds.stats().median() > 0) {
                report.note(SECTION, String.format(Locale.ROOT,
                        "prockit start-all vs the C loop holding a pidfd per child, as prockit does: %.2fx"
                                + " (every posix_spawn copies the parent's descriptor table, which grows by one per child)",
                        p.stats().median() / withPidfds.stats().median()));
            }
        }
        Report.Row pp = report.find(SECTION, "prockit-pipes", "start-all");
        if (pp != null) {
            if (pp.ratio() != null) {
                report.target(SECTION, kp + " children with 3 pipes: start-all within 1.5x the C loop with pipes",
                        String.format(Locale.ROOT, "%.2fx (%s ms)", pp.ratio(), Report.num(pp.stats().median())),
                        pp.ratio() <= 1.5);
            }
            Report.Row th = report.find(SECTION, "prockit-pipes", "prockit-threads");
            report.target(SECTION, kp + " children with 3 pipes: no thread per child",
                    Report.num(th.stats().max()) + " prockit threads", th.stats().max() <= 4);
        }
        for (String fed : List.of("prockit-input-lines", "prockit-input-log")) {
            Report.Row th = report.find(SECTION, fed, "prockit-threads");
            Report.Row reaped = report.find(SECTION, fed, "reaped");
            if (th != null && reaped != null) {
                report.target(SECTION, kp + " children fed input, output by lines (" + fed + "): no thread per child",
                        Report.num(th.stats().max()) + " prockit threads, " + Report.num(reaped.stats().min())
                                + " of " + kp + " with every line", th.stats().max() <= 4 && reaped.stats().min() == kp);
            }
        }
        Report.Row pl = report.find(SECTION, "prockit-listener-pipes", "start-all");
        if (pl != null) {
            Report.Row th = report.find(SECTION, "prockit-listener-pipes", "prockit-threads");
            Report.Row reaped = report.find(SECTION, "prockit-listener-pipes", "reaped");
            report.target(SECTION, kp + " children, output through ProcessListener: no thread per child",
                    Report.num(th.stats().max()) + " prockit threads, " + Report.num(reaped.stats().min())
                            + " onExit of " + kp, th.stats().max() <= 4 && reaped.stats().min() == kp);
        }
    }

    private static Stats stat(List<double[]> runs, int i) {
        return Stats.of(runs.stream().mapToDouble(r -> r[i]).toArray());
    }
}
