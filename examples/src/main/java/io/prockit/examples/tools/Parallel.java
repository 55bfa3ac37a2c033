package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessListener;
import io.prockit.ProcessTable;
import io.prockit.Signal;
import io.prockit.Stdio;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parallel}: GNU parallel for the options people use — run a command once per input, N at a time.
 * The output of every child is read through {@link ProcessListener}: one thread for all of them, however
 * many run at once.
 *
 * <pre>{@code
 * prockit parallel -j 8 gzip -t {} ::: *.gz
 * prockit parallel -k --tag 'ping -c 1 {}' ::: host1 host2 host3
 * find . -name '*.log' | prockit parallel -j4 'gzip {}'
 * prockit parallel echo {1}-{2} ::: a b ::: 1 2          # every combination
 * }</pre>
 *
 * <p>Each job is a command line run by {@code sh -c} (as GNU runs it by a shell), with the inputs put in
 * for the replacement strings, shell-quoted; without a replacement string they are appended. A job's output
 * is printed when it ends (GNU's {@code --group}). Exit status as GNU parallel: 0 when every job succeeded,
 * the number of failed jobs up to 100, 101 beyond; with {@code --halt ...,fail=N} the status of the job that
 * made it halt; 255 for bad arguments.
 */
public final class Parallel {
    /** GNU parallel's status for an error of its own (bad arguments included). */
    static final int ERROR = 255;

    private static final Pattern REPLACEMENT = Pattern.compile("\\{(\\d*)(\\.|/|//|/\\.)?\\}|\\{#\\}|\\{%\\}");

    private Parallel() {
    }

    static String usage() {
        return String.join("\n",
                "usage: parallel [options] [command [arguments]] (::: values | :::: argfiles)...",
                "       parallel [options] [command [arguments]] < list_of_values",
                "",
                "Runs the command once per value (per combination when there are several inputs), N at a time.",
                "Model: GNU parallel. Each job's command line runs in sh -c (cmd /c on Windows); the values are",
                "shell-quoted into it.",
                "",
                "  -j N, -jN, --jobs N   N jobs at once (default: one per cpu); 0 = all at once; +N, -N, N%",
                "  -k, --keep-order      print the outputs in the order of the inputs",
                "  --tag                 prefix every output line with the values and a tab",
                "  --timeout DURATION    kill a job (its whole tree: TERM, KILL 200 ms later) that runs longer;",
                "                        it counts as failed",
                "  --halt WHEN,fail=N    stop after N failures: now (kill the running jobs) or soon (let them",
                "                        finish); also WHEN,success=N, WHEN,done=N, never",
                "  -a, --arg-file FILE   values from FILE (one per line), as :::: FILE",
                "  -q, --quote           run the command words as they are, without a shell",
                "  --dry-run             print the command lines instead of running them",
                "  --will-cite           accepted and ignored",
                "",
                "Replacement strings: {} the value(s), {.} without extension, {/} base name, {//} directory,",
                "{/.} base name without extension, {#} job number, {%} slot, {N} {N.} {N/} {N//} {N/.} of input N.",
                "",
                "Exit status: 0 all jobs succeeded; 1-100 that many failed; 101 more than 100 failed; with",
                "--halt, the failing job's status; 255 an error of parallel's own.",
                "",
                "Not supported: remote execution (-S, --sshlogin), --pipe, --colsep, -X/-m/-n (several values",
                "per job), :::+ / ::::+, {= perl =}, --plus, --results, --joblog, --line-buffer, --ungroup,",
                "--delay, --retries, percentages in --halt, --timeout N%.");
    }

    /** One job: its number, inputs and command line; what it printed and how it ended. */
    private static final class Job implements ProcessListener {
        final int seq;
        final List<String> values;
        final String line;
        final BlockingQueue<Job> done;
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        volatile Child child;
        volatile boolean timedOut;
        volatile boolean halted;
        ExitStatus status;
        String startError;
        ScheduledFuture<?> timer;

        Job(int seq, List<String> values, String line, BlockingQueue<Job> done) {
            this.seq = seq;
            this.values = values;
            this.line = line;
            this.done = done;
        }

        @Override
        public void onStdout(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            stdout.write(b, 0, b.length);
        }

        @Override
        public void onStderr(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            stderr.write(b, 0, b.length);
        }

        @Override
        public void onExit(ExitStatus s) {
            status = s;
            done.add(this);
        }

        boolean failed() {
            return startError != null || timedOut || status == null || !status.success();
        }

        int code() {
            if (status == null) {
                return 1;
            }
            return status.code().orElse(128 + status.signal().map(Signal::number).orElse(0));
        }
    }

    /** The parsed command line. */
    private static final class Options {
        int jobs = Runtime.getRuntime().availableProcessors();
        boolean keepOrder;
        boolean tag;
        boolean dryRun;
        boolean quote;
        Duration timeout;
        boolean haltNow;
        String haltOn; // fail, success, done; null: never
        int haltCount;
        List<String> command = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        boolean fromStdin = true;
    }

    /**
     * Runs with values from {@link System#in} when no {@code :::} is given.
     *
     * @param args the options, the command and the inputs
     * @param out  where the jobs' stdout goes
     * @param err  where the jobs' stderr and errors go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return run(args, System.in, out, err);
    }

    /**
     * @param args the options, the command and the inputs
     * @param in   where the values come from when there is no {@code :::}, {@code ::::} or {@code -a}
     * @param out  where the jobs' stdout goes
     * @param err  where the jobs' stderr and errors go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err)
            throws InterruptedException {
        Options o;
        try {
            o = parse(args, in, out);
            if (o == null) {
                return 0; // --help
            }
            if (o.fromStdin) {
                o.sources.add(lines(in));
            }
        } catch (ToolSupport.UsageException e) {
            err.println("parallel: Error: " + e.getMessage());
            err.println(usage());
            return ERROR;
        } catch (IOException e) {
            err.println("parallel: Error: " + e.getMessage());
            return ERROR;
        }
        List<List<String>> inputs = product(o.sources);
        BlockingQueue<Job> done = new LinkedBlockingQueue<>();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            jobs.add(new Job(i + 1, inputs.get(i), commandLine(o, inputs.get(i), i + 1, 0), done));
        }
        if (o.dryRun) {
            for (Job j : jobs) {
                out.println(j.line);
            }
            out.flush();
            return 0;
        }
        return execute(o, jobs, done, out, err);
    }

    private static int execute(Options o, List<Job> jobs, BlockingQueue<Job> done, PrintStream out, PrintStream err)
            throws InterruptedException {
        ScheduledExecutorService timers = o.timeout == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parallel-timeout");
            t.setDaemon(true);
            return t;
        });
        int next = 0;
        int running = 0;
        int failed = 0;
        int succeeded = 0;
        Integer haltStatus = null;
        boolean halted = false;
        Map<Integer, Job> finished = new HashMap<>();
        int printed = 0; // with -k: jobs 1..printed are out
        List<Job> live = new ArrayList<>();
        boolean[] slots = new boolean[Math.max(1, Math.min(o.jobs, Math.max(1, jobs.size())))];
        Map<Job, Integer> slotOf = new HashMap<>();
        try {
            while (next < jobs.size() && !halted || running > 0) {
                while (!halted && running < o.jobs && next < jobs.size()) {
                    Job j = jobs.get(next++);
                    int slot = freeSlot(slots);
                    slotOf.put(j, slot);
                    String line = commandLine(o, j.values, j.seq, slot + 1);
                    try {
                        j.child = shell(o, line, j.values).stdin(Stdio.discard()).spawn(j);
                        live.add(j);
                        if (timers != null) {
                            j.timer = timers.schedule(() -> timeOut(j), o.timeout.toNanos(), TimeUnit.NANOSECONDS);
                        }
                    } catch (OsException | IllegalArgumentException e) {
                        j.startError = e.getMessage();
                        err.println("parallel: Error: cannot run " + line + ": " + e.getMessage());
                        done.add(j);
                    }
                    running++;
                }
                Job j = done.take();
                running--;
                live.remove(j);
                Integer slot = slotOf.remove(j);
                if (slot != null) {
                    slots[slot] = false;
                }
                if (j.timer != null) {
                    j.timer.cancel(false);
                }
                if (j.child != null) {
                    j.child.close();
                }
                if (j.halted) {
                    continue; // killed because parallel halts: its output is dropped
                }
                if (j.timedOut) {
                    err.println("parallel: Warning: This job was killed because it timed out:");
                    err.println("parallel: Warning: " + j.line);
                }
                if (j.failed()) {
                    failed++;
                } else {
                    succeeded++;
                }
                if (o.keepOrder) {
                    finished.put(j.seq, j);
                    while (finished.containsKey(printed + 1)) {
                        print(finished.remove(++printed), o, out, err);
                    }
                } else {
                    print(j, o, out, err);
                }
                if (!halted && o.haltOn != null) {
                    int count = switch (o.haltOn) {
                        case "fail" -> failed;
                        case "success" -> succeeded;
                        default -> failed + succeeded;
                    };
                    boolean trigger = count >= o.haltCount && (o.haltOn.equals("done")
                            || o.haltOn.equals("fail") == j.failed());
                    if (trigger) {
                        halted = true;
                        haltStatus = j.failed() ? j.code() : 0;
                        if (o.haltOn.equals("fail")) {
                            err.println("parallel: This job failed:");
                            err.println(j.line);
                        }
                        if (o.haltNow) {
                            for (Job r : live) {
                                r.halted = true;
                                r.child.killTree();
                            }
                        }
                    }
                }
            }
            if (o.keepOrder) {
                finished.keySet().stream().sorted().forEach(k -> print(finished.get(k), o, out, err));
            }
        } finally {
            if (timers != null) {
                timers.shutdownNow();
            }
            out.flush();
            err.flush();
        }
        if (haltStatus != null) {
            return haltStatus;
        }
        return Math.min(101, failed);
    }

    private static int freeSlot(boolean[] slots) {
        for (int i = 0; i < slots.length; i++) {
            if (!slots[i]) {
                slots[i] = true;
                return i;
            }
        }
        return slots.length - 1;
    }

    /** GNU's --timeout: TERM to the job's tree, KILL 200 ms later to whatever still runs. */
    private static void timeOut(Job j) {
        Child c = j.child;
        if (c == null || c.tryWait().isPresent()) {
            return;
        }
        j.timedOut = true;
        try {
            ProcessInfo root = ProcessTable.find(c.pid()).orElse(null);
            if (root != null) {
                ProcessKiller.of(root).tree(true).grace(Duration.ofMillis(200)).kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            c.killTree();
        }
    }

    private static Command shell(Options o, String line, List<String> values) {
        if (ProcFields.WINDOWS) {
            return Command.of("cmd.exe", "/c", line);
        }
        return Command.of("/bin/sh", "-c", line);
    }

    private static void print(Job j, Options o, PrintStream out, PrintStream err) {
        String prefix = o.tag ? String.join(" ", j.values) + "\t" : null;
        write(j.stdout, prefix, out);
        write(j.stderr, prefix, err);
    }

    private static void write(ByteArrayOutputStream bytes, String prefix, PrintStream to) {
        if (bytes.size() == 0) {
            return;
        }
        if (prefix == null) {
            to.write(bytes.toByteArray(), 0, bytes.size());
        } else {
            String text = bytes.toString(StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            int start = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl + 1;
                sb.append(prefix).append(text, start, end);
                start = end;
            }
            to.print(sb);
        }
        to.flush();
    }

    /** The command line of one job: the replacement strings filled in, or the values appended. */
    static String commandLine(Options o, List<String> values, int seq, int slot) {
        if (o.command.isEmpty()) {
            return String.join(" ", values); // the values are the commands
        }
        String template = String.join(" ", o.quote ? o.command.stream().map(Parallel::quote).toList() : o.command);
        Matcher m = REPLACEMENT.matcher(template);
        StringBuilder sb = new StringBuilder();
        boolean replaced = false;
        while (m.find()) {
            replaced = true;
            String r;
            if (m.group().equals("{#}")) {
                r = Integer.toString(seq);
            } else if (m.group().equals("{%}")) {
                r = Integer.toString(slot);
            } else {
                String index = m.group(1);
                String op = m.group(2) == null ? "" : m.group(2);
                if (index.isEmpty()) {
                    List<String> each = new ArrayList<>();
                    for (String v : values) {
                        each.add(quote(transform(v, op)));
                    }
                    r = String.join(" ", each);
                } else {
                    int n = Integer.parseInt(index);
                    r = n >= 1 && n <= values.size() ? quote(transform(values.get(n - 1), op)) : "";
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        if (!replaced) {
            for (String v : values) {
                sb.append(' ').append(quote(v));
            }
        }
        return sb.toString();
    }

    private static String transform(String v, String op) {
        return switch (op) {
            case "." -> noExtension(v);
            case "/" -> baseName(v);
            case "//" -> {
                int slash = v.lastIndexOf('/');
                yield slash < 0 ? "." : slash == 0 ? "/" : v.substring(0, slash);
            }
            case "/." -> noExtension(baseName(v));
            default -> v;
        };
    }

    private static String baseName(String v) {
        return v.substring(v.lastIndexOf('/') + 1);
    }

    private static String noExtension(String v) {
        int dot = v.lastIndexOf('.');
        int slash = v.lastIndexOf('/');
        return dot > slash + 1 ? v.substring(0, dot) : v;
    }

    /** Quotes a value for sh when it holds anything but plain characters, as GNU parallel does. */
    static String quote(String v) {
        if (!v.isEmpty() && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-./:=+,@%^".indexOf(c) >= 0)) {
            return v;
        }
        if (ProcFields.WINDOWS) {
            return "\"" + v.replace("\"", "\\\"") + "\"";
        }
        return "'" + v.replace("'", "'\"'\"'") + "'";
    }

    private static List<List<String>> product(List<List<String>> sources) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (List<String> source : sources) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String v : source) {
                    List<String> l = new ArrayList<>(prefix);
                    l.add(v);
                    next.add(l);
                }
            }
            result = next;
        }
        return sources.isEmpty() ? List.of() : result;
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> l = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            l.add(line);
        }
        return l;
    }

    private static List<String> fileLines(String file, InputStream in) throws ToolSupport.UsageException {
        try {
            return file.equals("-") ? lines(in) : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ToolSupport.UsageException("Cannot open input file `" + file + "': " + e.getMessage());
        }
    }

    private static Options parse(String[] args, InputStream in, PrintStream out) throws ToolSupport.UsageException {
        Options o = new Options();
        int i = 0;
        // options come first; the command starts at the first word that is not one (or at :::)
        while (i < args.length && args[i].startsWith("-") && args[i].length() > 1) {
            String a = args[i];
            String name = a;
            String value = null;
            if (a.startsWith("--") && a.indexOf('=') > 0) {
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("-j") && a.length() > 2) {
                name = "-j";
                value = a.substring(2);
            }
            switch (name) {
                case "--" -> {
                    i++;
                    break;
                }
                case "-h", "--help" -> {
                    out.println(usage());
                    return null;
                }
                case "-j", "--jobs", "-P", "--max-procs" -> o.jobs = jobs(value != null ? value : value(args, i++));
                case "-k", "--keep-order" -> o.keepOrder = true;
                case "--tag" -> o.tag = true;
                case "--dry-run" -> o.dryRun = true;
                case "-q", "--quote" -> o.quote = true;
                case "--will-cite", "--no-notice" -> {
                    // GNU's citation notice: nothing to silence here
                }
                case "--timeout" -> o.timeout = ToolSupport.duration("--timeout", value != null ? value
                        : value(args, i++));
                case "--halt", "--halt-on-error" -> halt(o, value != null ? value : value(args, i++));
                case "-a", "--arg-file" -> {
                    o.sources.add(fileLines(value != null ? value : value(args, i++), in));
                    o.fromStdin = false;
                }
                default -> throw new ToolSupport.UsageException("Unknown option: " + a.replaceFirst("^-+", ""));
            }
            if (name.equals("--")) {
                break;
            }
            i++;
        }
        while (i < args.length && !args[i].equals(":::") && !args[i].equals("::::")) {
            o.command.add(args[i++]);
        }
        String mode = null;
        List<String> current = null;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals(":::") || a.equals("::::")) {
                mode = a;
                o.fromStdin = false;
                if (a.equals(":::")) {
                    current = new ArrayList<>();
                    o.sources.add(current);
                }
                continue;
            }
            if (":::".equals(mode)) {
                current.add(a);
            } else {
                o.sources.add(fileLines(a, in));
            }
        }
        return o;
    }

    private static String value(String[] args, int i) throws ToolSupport.UsageException {
        return ToolSupport.value(args, i);
    }

    private static int jobs(String v) throws ToolSupport.UsageException {
        int cpus = Runtime.getRuntime().availableProcessors();
        try {
            int n;
            if (v.endsWith("%")) {
                n = cpus * Integer.parseInt(v.substring(0, v.length() - 1)) / 100;
            } else if (v.startsWith("+")) {
                n = cpus + Integer.parseInt(v.substring(1));
            } else if (v.startsWith("-")) {
                n = cpus - Integer.parseInt(v.substring(1));
            } else {
                n = Integer.parseInt(v);
                if (n == 0) {
                    return Integer.MAX_VALUE; // as many as there are jobs
                }
            }
            return Math.max(1, n);
        } catch (NumberFormatException e) {
            throw new ToolSupport.UsageException("Parsing of --jobs/-j/--max-procs/-P failed: " + v);
        }
    }

    private static void halt(Options o, String spec) throws ToolSupport.UsageException {
        String s = spec.toLowerCase(Locale.ROOT).trim();
        switch (s) {
            case "never", "0" -> {
                o.haltOn = null;
                return;
            }
            case "1" -> s = "soon,fail=1";
            case "2" -> s = "now,fail=1";
            default -> {
            }
        }
        Matcher m = Pattern.compile("(now|soon),(fail|success|done)=(\\d+)").matcher(s);
        if (!m.matches() || Integer.parseInt(m.group(3)) < 1) {
            throw new ToolSupport.UsageException("--halt must have 'never', 'soon', or 'now' (and fail=N, "
                    + "success=N or done=N with N >= 1): " + spec);
        }
        o.haltNow = m.group(1).equals("now");
        o.haltOn = m.group(2);
        o.haltCount = Integer.parseInt(m.group(3));
    }

    /**
     * @param args as {@link #run}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
