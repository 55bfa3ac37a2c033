package io.prockit.examples.bench;

import io.prockit.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench table}: listing every process with name and command line (and ppid, state, times and
 * memory where the method offers them) through {@code ProcessHandle.allProcesses()} + {@code info()},
 * a plain Java {@code /proc} reader, prockit's {@code ProcessTable} when present and psutil when
 * Python has it.
 */
final class TableBench {
    static final String SECTION = "table";
    /** Listings per method before the measured rounds. */
    static final int WARMUP = 50;

    private TableBench() {
    }

    static void run(Options o, Report report, PrintStream out) throws InterruptedException {
        Map<String, Lister> methods = new LinkedHashMap<>();
        methods.put("jdk-processhandle", TableBench::processHandle);
        methods.put("java-procfs", TableBench::procfs);
        methods.put("prockit", TableBench::prockit);
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(methods.keySet());
        int processes = 0;
        // Warm-up: WARMUP listings per method, so every Java method is measured JIT-compiled, as in a program
        // that lists repeatedly (one listing left prockit's Java parsers interpreted while the JDK's reader
        // is mostly native code, which measured the JIT rather than the readers).
        for (String name : names) {
            try {
                for (int i = 0; i < WARMUP; i++) {
                    methods.get(name).list();
                }
            } catch (Exception e) {
                report.note(SECTION, name + " failed: " + e);
            }
        }
        for (int round = 0; round < o.rounds(); round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                out.printf("table: round %d/%d %s x %d%n", round + 1, o.rounds(), name, o.tableReps());
                for (int rep = 0; rep < o.tableReps(); rep++) {
                    try {
                        long t0 = System.nanoTime();
                        int n = methods.get(name).list();
                        ms.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
                        processes = Math.max(processes, n);
                    } catch (Exception e) {
                        report.note(SECTION, name + " failed: " + e);
                        break;
                    }
                }
            }
        }
        List<Double> psutil = psutil(o.rounds() * o.tableReps(), report);
        if (psutil != null) {
            ms.put("psutil", psutil);
            names.add("psutil");
        }
        Report.Row ref = null;
        for (String name : names) {
            List<Double> v = ms.get(name);
            if (v != null) {
                Report.Row r = report.row(SECTION, name, "list", "ms", Stats.of(v), ref);
                if (ref == null) {
                    ref = r;
                }
            }
        }
        report.note(SECTION, "about " + processes + " processes listed per run");
        Report.Row p = report.find(SECTION, "prockit", "list");
        Report.Row j = report.find(SECTION, "jdk-processhandle", "list");
        Report.Row ps = report.find(SECTION, "psutil", "list");
        if (p != null && j != null) {
            double r = j.stats().median() / p.stats().median();
            report.target(SECTION, "process table >= 2x faster than ProcessHandle.allProcesses()+info()",
                    String.format(Locale.ROOT, "%.2fx", r), r >= 2);
        }
        if (p != null && ps != null) {
            report.target(SECTION, "process table no slower than psutil",
                    Report.num(p.stats().median()) + " ms vs " + Report.num(ps.stats().median()) + " ms",
                    p.stats().median() <= ps.stats().median());
        }
    }

    /** A listing that touches the measured fields of every process; returns how many it listed. */
    interface Lister {
        int list() throws Exception;
    }

    /** prockit's table: name, command line, ppid, state, CPU times and memory of every process. */
    static int prockit() {
        int n = 0;
        for (io.prockit.ProcessInfo p : io.prockit.ProcessTable.list()) {
            p.orElse(io.prockit.ProcessInfo::name, null);
            p.orElse(io.prockit.ProcessInfo::cmdline, null);
            p.ppid();
            p.orElse(io.prockit.ProcessInfo::state, null);
            p.orElse(io.prockit.ProcessInfo::cpuTimes, null);
            p.orElse(io.prockit.ProcessInfo::memory, null);
            n++;
        }
        return n;
    }

    static int processHandle() {
        int[] n = {0};
        ProcessHandle.allProcesses().forEach(h -> {
            ProcessHandle.Info info = h.info();
            info.command();
            info.arguments();
            info.totalCpuDuration();
            info.startInstant();
            h.parent();
            n[0]++;
        });
        return n[0];
    }

    /** The plain Java reader: name, state, ppid, times and RSS from {@code stat}, the command line from {@code cmdline}. */
    static int procfs() throws IOException {
        int n = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : dir) {
                String pid = p.getFileName().toString();
                if (pid.isEmpty() || !Character.isDigit(pid.charAt(0))) {
                    continue;
                }
                try {
                    String stat = new String(Files.readAllBytes(p.resolve("stat")), StandardCharsets.UTF_8);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    char state = f[0].charAt(0);
                    long ppid = Long.parseLong(f[1]);
                    long utime = Long.parseLong(f[11]);
                    long stime = Long.parseLong(f[12]);
                    long rssPages = Long.parseLong(f[21]);
                    byte[] cmd = Files.readAllBytes(p.resolve("cmdline"));
                    List<String> argv = new ArrayList<>();
                    int start = 0;
                    for (int i = 0; i < cmd.length; i++) {
                        if (cmd[i] == 0) {
                            argv.add(new String(cmd, start, i - start, StandardCharsets.UTF_8));
                            start = i + 1;
                        }
                    }
                    if (name.isEmpty() && state == 0 && ppid + utime + stime + rssPages < 0 && argv.isEmpty()) {
                        continue; // never: keeps every parsed field alive
                    }
                    n++;
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read it
                }
            }
        }
        return n;
    }

    private static List<Double> psutil(int reps, Report report) throws InterruptedException {
        if (Helpers.which("python3") == null) {
            report.note(SECTION, "python3 not found: psutil skipped");
            return null;
        }
        String script = String.join("\n",
                "import sys, time",
                "try:",
                "    import psutil",
                "except ImportError:",
                "    print('absent'); sys.exit(0)",
                "attrs = ['name', 'cmdline', 'ppid', 'status', 'cpu_times', 'memory_info']",
                "list(psutil.process_iter(attrs))",
                "for _ in range(int(sys.argv[1])):",
                "    t = time.perf_counter()",
                "    n = len([p.info for p in psutil.process_iter(attrs)])",
                "    print((time.perf_counter() - t) * 1e3)");
        try {
            Helpers.Result r = Helpers.run(Command.of("python3", "-c", script, Integer.toString(reps)),
                    Duration.ofSeconds(60));
            if (r.stdout().startsWith("absent")) {
                report.note(SECTION, "Python has no psutil (pip install psutil): psutil skipped");
                return null;
            }
            return r.lines().stream().filter(l -> !l.isBlank()).map(l -> Double.parseDouble(l.trim())).toList();
        } catch (IOException e) {
            report.note(SECTION, "psutil failed: " + e.getMessage());
            return null;
        }
    }
}
