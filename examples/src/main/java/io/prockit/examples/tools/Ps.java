package io.prockit.examples.tools;

import io.prockit.CpuTimes;
import io.prockit.MemoryInfo;
import io.prockit.ProcessInfo;
import io.prockit.ProcessState;
import io.prockit.ProcessTable;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ps}: procps-ng's {@code ps} for the forms people type, over prockit's process table.
 *
 * <pre>{@code
 * prockit ps                     # this user's processes on this terminal
 * prockit ps -ef                 # every process, full format
 * prockit ps aux                 # every process, BSD user format
 * prockit ps -p 42,43 -o pid,ppid,user,etime,rss,cmd
 * prockit ps -e --sort=-rss -o pid,rss,comm
 * prockit ps -e --json           # prockit's extra: one JSON array
 * }</pre>
 *
 * <p>Columns, headers, widths and order follow procps; selection options are combined with OR, as procps
 * does. Fields the caller may not read show as {@code ?} ({@code null} in JSON).
 */
public final class Ps {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MMMDD = DateTimeFormatter.ofPattern("MMMdd", Locale.ENGLISH);
    private static final DateTimeFormatter MMM_DD = DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH);
    private static final DateTimeFormatter LSTART = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);

    private Ps() {
    }

    static String usage() {
        return String.join("\n",
                "usage: ps [options]",
                "",
                "Lists processes. Model: procps-ng ps, for the forms people type:",
                "  ps                      this user's processes on this terminal",
                "  ps -e | -A              every process          ps -f   full format (UID PID PPID C STIME ...)",
                "  ps aux | ps ax | ps u   BSD forms: every process / user format",
                "  -p, --pid PID[,PID]     these processes        -u, --user USER[,USER]  by effective user",
                "  -U USER[,USER]          by real user           (selections combine with OR, as procps)",
                "  -o FORMAT               columns: pid ppid pgid sid user euser ruser uid euid ruid comm",
                "                          args (cmd, command) etime etimes time stime start lstart rss vsz",
                "                          stat s tty (tt) ni nlwp c %cpu (pcpu) %mem (pmem); name=HEADER",
                "  --sort [+|-]KEY[,...]   order by columns, e.g. --sort=-rss,pid",
                "  --no-headers            no header line",
                "  --json                  prockit's extra: the selected processes as one JSON array",
                "",
                "Not supported: -H/f (forest), -L/-T (threads), -l/-j/-F and the other format presets, -C,",
                "-G, -s, -t/t (terminal selection), -N, -w, e (environment), personality settings. TTY is",
                "known on Linux only (? elsewhere); on macOS the effective user is taken to be the real one.");
    }

    /** One column: procps' name, header, width and alignment, and the value. */
    private record Column(String header, int width, boolean right, Function<Row, String> value,
                          Comparator<Row> order) {
        Column withHeader(String h) {
            return new Column(h, Math.max(width, h.length()), right, value, order);
        }
    }

    /** One process with what the columns need, read once. */
    private static final class Row {
        final ProcessInfo p;
        final Ctx ctx;
        private ProcFields fields;

        Row(ProcessInfo p, Ctx ctx) {
            this.p = p;
            this.ctx = ctx;
        }

        ProcFields f() {
            if (fields == null) {
                fields = ProcFields.of(p);
            }
            return fields;
        }

        double cpuSeconds() {
            CpuTimes t = p.orElse(ProcessInfo::cpuTimes, null);
            return t == null ? 0 : t.total().toNanos() / 1e9;
        }

        long rssKib() {
            if (f().rssKib() >= 0) {
                return f().rssKib();
            }
            MemoryInfo m = p.orElse(ProcessInfo::memory, null);
            return m == null ? -1 : m.rss() / 1024;
        }

        long vszKib() {
            if (f().vszKib() >= 0) {
                return f().vszKib();
            }
            MemoryInfo m = p.orElse(ProcessInfo::memory, null);
            return m == null ? -1 : m.vms() / 1024;
        }

        /** Per mille of one cpu since the process started, cut as procps cuts it (not rounded). */
        long pcpuPermille() {
            long elapsed = p.age(ctx.now).getSeconds();
            return elapsed <= 0 ? 0 : (long) (cpuSeconds() * 1000) / elapsed;
        }

        /** Per mille of the machine's memory in use as RSS, cut as procps cuts it. */
        long pmemPermille() {
            long rss = rssKib();
            return rss < 0 || ctx.memTotalKib <= 0 ? 0 : rss * 1000 / ctx.memTotalKib;
        }

        String user(int uid) {
            if (uid < 0) {
                return p.orElse(ProcessInfo::username, "?");
            }
            return ctx.users.name(uid, p);
        }

        ProcessState state() {
            return p.orElse(ProcessInfo::state, ProcessState.UNKNOWN);
        }

        boolean zombie() {
            return state() == ProcessState.ZOMBIE;
        }

        String comm() {
            String n = Pgrep.procName(p);
            n = n == null ? "?" : n;
            return zombie() ? n + " <defunct>" : n;
        }

        String args() {
            List<String> argv = p.orElse(ProcessInfo::cmdline, List.of());
            if (argv.isEmpty()) {
                String n = Pgrep.procName(p);
                return "[" + (n == null ? "?" : n) + "]" + (zombie() ? " <defunct>" : "");
            }
            return String.join(" ", argv);
        }

        String stat() {
            StringBuilder sb = new StringBuilder().append(state().code());
            ProcFields f = f();
            if (f.nice() < 0) {
                sb.append('<');
            } else if (f.nice() > 0) {
                sb.append('N');
            }
            if (f.locked()) {
                sb.append('L');
            }
            if (f.sid() == p.pid()) {
                sb.append('s');
            }
            if (p.orElse(ProcessInfo::threads, 1) > 1) {
                sb.append('l');
            }
            if (f.tpgid() > 0 && f.tpgid() == f.pgid()) {
                sb.append('+');
            }
            return sb.toString();
        }
    }

    /** What every row shares. */
    private static final class Ctx {
        final Instant now = Instant.now();
        final long memTotalKib = memTotalKib();
        final ProcFields.Users users = new ProcFields.Users();
    }

    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    private static void col(String names, String header, int width, boolean right, Function<Row, String> value,
                            Comparator<Row> order) {
        for (String n : names.split(" ")) {
            COLUMNS.put(n, new Column(header, width, right, value, order));
        }
    }

    private static Comparator<Row> byText(Function<Row, String> f) {
        return Comparator.comparing(f);
    }

    static {
        int pw = pidWidth();
        col("pid", "PID", pw, true, r -> Integer.toString(r.p.pid()), Comparator.comparingInt(r -> r.p.pid()));
        col("ppid", "PPID", pw, true, r -> Integer.toString(r.p.ppid()), Comparator.comparingInt(r -> r.p.ppid()));
        col("pgid", "PGID", pw, true, r -> num(r.f().pgid()), Comparator.comparingInt(r -> r.f().pgid()));
        alias("pgrp", "pgid", "PGRP");
        col("sid", "SID", pw, true, r -> num(r.f().sid()), Comparator.comparingInt(r -> r.f().sid()));
        alias("sess", "sid", "SESS");
        alias("session", "sid", "SESS");
        col("user uname", "USER", 8, false, r -> trim(r.user(r.f().euid()), 8), byText(r -> r.user(r.f().euid())));
        col("euser", "EUSER", 8, false, r -> trim(r.user(r.f().euid()), 8), byText(r -> r.user(r.f().euid())));
        col("ruser", "RUSER", 8, false, r -> trim(r.user(r.f().ruid()), 8), byText(r -> r.user(r.f().ruid())));
        col("uid", "UID", 5, true, r -> num(r.f().euid()), Comparator.comparingInt(r -> r.f().euid()));
        col("euid", "EUID", 5, true, r -> num(r.f().euid()), Comparator.comparingInt(r -> r.f().euid()));
        col("ruid", "RUID", 5, true, r -> num(r.f().ruid()), Comparator.comparingInt(r -> r.f().ruid()));
        col("comm ucomm", "COMMAND", 15, false, Row::comm, byText(Row::comm));
        col("ucmd", "CMD", 15, false, Row::comm, byText(Row::comm));
        col("args command", "COMMAND", 27, false, Row::args, byText(Row::args));
        col("cmd", "CMD", 27, false, Row::args, byText(Row::args));
        col("etime", "ELAPSED", 11, true, r -> elapsed(r.p.age(r.ctx.now)), Comparator.comparing(r -> r.p.createTime(),
                Comparator.reverseOrder()));
        col("etimes", "ELAPSED", 7, true, r -> Long.toString(r.p.age(r.ctx.now).getSeconds()),
                Comparator.comparing(r -> r.p.createTime(), Comparator.reverseOrder()));
        col("time cputime", "TIME", 8, true, r -> cputime((long) r.cpuSeconds()), Comparator.comparingDouble(Row::cpuSeconds));
        col("stime", "STIME", 5, false, r -> stime(r.p.createTime(), r.ctx.now),
                Comparator.comparing(r -> r.p.createTime()));
        col("start", "STARTED", 8, true, r -> started(r.p.createTime(), r.ctx.now),
                Comparator.comparing(r -> r.p.createTime()));
        col("lstart", "STARTED", 24, true, r -> r.p.createTime().atZone(ZoneId.systemDefault()).format(LSTART),
                Comparator.comparing(r -> r.p.createTime()));
        col("rss rssize", "RSS", 5, true, r -> num(r.rssKib()), Comparator.comparingLong(Row::rssKib));
        col("vsz vsize", "VSZ", 6, true, r -> num(r.vszKib()), Comparator.comparingLong(Row::vszKib));
        col("stat", "STAT", 4, false, Row::stat, byText(Row::stat));
        col("s state", "S", 1, false, r -> Character.toString(r.state().code()), byText(r -> "" + r.state().code()));
        col("tty tt", "TT", 8, false, r -> r.f().tty(), byText(r -> r.f().tty()));
        alias("tname", "tty", "TTY");
        col("ni nice", "NI", 3, true, r -> Integer.toString(r.f().nice()), Comparator.comparingInt(r -> r.f().nice()));
        col("nlwp", "NLWP", 4, true, r -> Integer.toString(r.p.orElse(ProcessInfo::threads, 0)),
                Comparator.comparingInt(r -> r.p.orElse(ProcessInfo::threads, 0)));
        col("c", "C", 2, true, r -> Long.toString(Math.min(99, r.pcpuPermille() / 10)),
                Comparator.comparingLong(Row::pcpuPermille));
        col("%cpu pcpu", "%CPU", 4, true, r -> tenths(r.pcpuPermille()), Comparator.comparingLong(Row::pcpuPermille));
        col("%mem pmem", "%MEM", 4, true, r -> tenths(r.pmemPermille()), Comparator.comparingLong(Row::pmemPermille));
    }

    static {
        alias("rsz", "rss", "RSZ");
        alias("thcount", "nlwp", "THCNT");
        alias("start_time", "stime", "START");
    }

    private static void alias(String name, String of, String header) {
        COLUMNS.put(name, COLUMNS.get(of).withHeader(header));
    }

    private static final List<String> DEFAULT_FORMAT = List.of("pid", "tname=TTY", "time", "ucmd=CMD");
    private static final List<String> FULL_FORMAT = List.of("user=UID", "pid", "ppid", "c", "stime", "tname=TTY",
            "time", "cmd");
    private static final List<String> BSD_USER_FORMAT = List.of("user", "pid", "%cpu", "%mem", "vsz", "rss",
            "tname=TTY", "stat", "bsdstart", "bsdtime", "args");
    private static final List<String> BSD_FORMAT = List.of("pid", "tname=TTY", "stat", "bsdtime", "args");

    static {
        col("bsdstart", "START", 5, false, r -> bsdStart(r.p.createTime(), r.ctx.now),
                Comparator.comparing(r -> r.p.createTime()));
        col("bsdtime", "TIME", 6, true, r -> bsdTime((long) r.cpuSeconds()), Comparator.comparingDouble(Row::cpuSeconds));
    }

    /**
     * @param args the options above
     * @param out  where the table goes
     * @param err  where errors go
     * @return 0; 1 when a selection (-p, -u, -U) matched nothing, as procps; 1 for bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean all = false;
        boolean full = false;
        boolean bsd = false;
        boolean bsdA = false;
        boolean bsdX = false;
        boolean bsdUser = false;
        boolean json = false;
        boolean headers = true;
        Set<Integer> pids = null;
        List<String> euids = null;
        List<String> ruids = null;
        List<String> format = new ArrayList<>();
        List<String> sort = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--")) {
                    String name = a;
                    String value = null;
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        name = a.substring(0, eq);
                        value = a.substring(eq + 1);
                    }
                    switch (name) {
                        case "--help" -> {
                            out.println(usage());
                            return 0;
                        }
                        case "--json" -> json = true;
                        case "--no-headers", "--no-heading" -> headers = false;
                        case "--sort" -> sort.addAll(addAll(null, value != null ? value : ToolSupport.value(args, i++)));
                        case "--pid" -> pids = addPids(pids, value != null ? value : ToolSupport.value(args, i++));
                        case "--user" -> euids = addAll(euids, value != null ? value : ToolSupport.value(args, i++));
                        case "--format" -> format.add(value != null ? value : ToolSupport.value(args, i++));
                        default -> throw new ToolSupport.UsageException("unknown option " + a);
                    }
                    continue;
                }
                if (a.startsWith("-")) {
                    for (int j = 1; j < a.length(); j++) {
                        char c = a.charAt(j);
                        switch (c) {
                            case 'e', 'A' -> all = true;
                            case 'f' -> full = true;
                            case 'h' -> {
                                out.println(usage());
                                return 0;
                            }
                            case 'p', 'u', 'U', 'o' -> {
                                String v = j + 1 < a.length() ? a.substring(j + 1) : ToolSupport.value(args, i++);
                                switch (c) {
                                    case 'p' -> pids = addPids(pids, v);
                                    case 'u' -> euids = addAll(euids, v);
                                    case 'U' -> ruids = addAll(ruids, v);
                                    default -> format.add(v);
                                }
                                j = a.length();
                            }
                            default -> throw new ToolSupport.UsageException("unsupported option -" + c
                                    + " (see --help)");
                        }
                    }
                    continue;
                }
                if (a.chars().allMatch(Character::isDigit) && !a.isEmpty()) {
                    pids = addPids(pids, a); // "ps 42", as procps: a BSD form
                    bsd = true;
                    continue;
                }
                // BSD options without a dash: a (every terminal), x (no terminal too), u (user format).
                for (char c : a.toCharArray()) {
                    switch (c) {
                        case 'a' -> bsdA = true;
                        case 'x' -> bsdX = true;
                        case 'u' -> bsdUser = true;
                        case 'h' -> headers = false;
                        default -> throw new ToolSupport.UsageException("unsupported BSD option " + c + " in " + a);
                    }
                }
                bsd = true;
            }
        } catch (ToolSupport.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 1;
        }
        List<String> spec = !format.isEmpty() ? format
                : bsdUser ? BSD_USER_FORMAT : full ? FULL_FORMAT : bsd ? BSD_FORMAT : DEFAULT_FORMAT;
        List<Column> columns;
        List<Comparator<Row>> orders = new ArrayList<>();
        try {
            columns = columns(spec);
            for (String key : sort) {
                boolean desc = key.startsWith("-");
                String k = key.startsWith("-") || key.startsWith("+") ? key.substring(1) : key;
                Column c = COLUMNS.get(k);
                if (c == null) {
                    throw new ToolSupport.UsageException("unknown sort specifier: " + key);
                }
                orders.add(desc ? c.order().reversed() : c.order());
            }
        } catch (ToolSupport.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 1;
        }
        Ctx ctx = new Ctx();
        List<ProcessInfo> table = ProcessTable.list();
        List<Row> rows;
        try {
            rows = select(table, ctx, all || bsdA && bsdX, bsdX && !bsdA, bsdA && !bsdX, pids, euids, ruids);
        } catch (ToolSupport.UsageException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (!orders.isEmpty()) {
            Comparator<Row> c = orders.get(0);
            for (int i = 1; i < orders.size(); i++) {
                c = c.thenComparing(orders.get(i));
            }
            rows.sort(c);
        }
        if (json) {
            printJson(rows, out);
        } else {
            print(columns, rows, headers, out);
        }
        out.flush();
        boolean selected = pids != null || euids != null || ruids != null;
        return selected && rows.isEmpty() ? 1 : 0;
    }

    private static List<Row> select(List<ProcessInfo> table, Ctx ctx, boolean all, boolean bsdOwn,
                                    boolean withTerminal, Set<Integer> pids, List<String> euids, List<String> ruids)
            throws ToolSupport.UsageException {
        Set<Integer> eu = uids(euids, ctx, table);
        Set<Integer> ru = uids(ruids, ctx, table);
        ProcFields self = ProcFields.of(ProcessTable.self());
        List<Row> rows = new ArrayList<>();
        boolean anySelection = all || pids != null || euids != null || ruids != null;
        for (ProcessInfo p : table) {
            Row r = new Row(p, ctx);
            boolean take;
            if (all) {
                take = true;
            } else if (anySelection) {
                take = pids != null && pids.contains(p.pid())
                        || eu != null && ownedBy(r, r.f().euid(), euids, eu)
                        || ru != null && ownedBy(r, r.f().ruid(), ruids, ru);
            } else if (withTerminal) {
                take = r.f().ttyNr() > 0; // "ps a": every user's, with a terminal
            } else if (bsdOwn) {
                take = r.f().euid() == self.euid(); // "ps x": this user's, every terminal
            } else {
                take = r.f().euid() == self.euid() && r.f().ttyNr() == self.ttyNr();
            }
            if (take) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static boolean ownedBy(Row r, int uid, List<String> given, Set<Integer> ids) {
        if (uid >= 0) {
            return ids.contains(uid);
        }
        String user = r.p.orElse(ProcessInfo::username, "");
        String bare = user.substring(user.lastIndexOf('\\') + 1);
        return given.stream().anyMatch(u -> u.equalsIgnoreCase(user) || u.equalsIgnoreCase(bare));
    }

    private static Set<Integer> uids(List<String> given, Ctx ctx, List<ProcessInfo> table)
            throws ToolSupport.UsageException {
        if (given == null) {
            return null;
        }
        Set<Integer> ids = new HashSet<>();
        for (String u : given) {
            OptionalInt id = ctx.users.id(u, table);
            if (id.isPresent()) {
                ids.add(id.getAsInt());
            } else if (!ProcFields.WINDOWS) {
                throw new ToolSupport.UsageException("user name does not exist: " + u);
            }
        }
        return ids;
    }

    private static List<Column> columns(List<String> spec) throws ToolSupport.UsageException {
        List<Column> cols = new ArrayList<>();
        // "-o pid,comm=NAME": items split at commas (and, without a header, at blanks); "name=" hides a header.
        List<String> items = new ArrayList<>();
        for (String arg : spec) {
            for (String item : arg.split(",")) {
                if (item.indexOf('=') >= 0) {
                    items.add(item.strip());
                } else {
                    items.addAll(split(item));
                }
            }
        }
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? item.trim() : item.substring(0, eq).trim();
            Column c = COLUMNS.get(name.toLowerCase(Locale.ROOT));
            if (c == null) {
                throw new ToolSupport.UsageException("unknown user-defined format specifier \"" + name + "\"");
            }
            cols.add(eq < 0 ? c : c.withHeader(item.substring(eq + 1)));
        }
        return cols;
    }

    private static void print(List<Column> cols, List<Row> rows, boolean headers, PrintStream out) {
        boolean anyHeader = cols.stream().anyMatch(c -> !c.header().isEmpty());
        StringBuilder sb = new StringBuilder();
        if (headers && anyHeader) {
            line(cols, cols.stream().map(Column::header).toList(), sb);
        }
        for (Row r : rows) {
            line(cols, cols.stream().map(c -> c.value().apply(r)).toList(), sb);
        }
        out.print(sb);
    }

    private static void line(List<Column> cols, List<String> values, StringBuilder sb) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            String v = values.get(i);
            boolean last = i == cols.size() - 1;
            if (i > 0) {
                line.append(' ');
            }
            if (c.right()) {
                line.append(" ".repeat(Math.max(0, c.width() - v.length()))).append(v);
            } else if (last) {
                line.append(v);
            } else {
                // text in the middle is cut to the column, as procps does
                String t = v.length() > c.width() ? v.substring(0, c.width()) : v;
                line.append(t).append(" ".repeat(c.width() - t.length()));
            }
        }
        sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static List<String> split(String v) {
        List<String> l = new ArrayList<>();
        for (String s : v.split("[\\s]+")) {
            if (!s.isEmpty()) {
                l.add(s);
            }
        }
        return l;
    }

    private static List<String> addAll(List<String> to, String v) throws ToolSupport.UsageException {
        List<String> l = to == null ? new ArrayList<>() : to;
        for (String s : v.split("[,\\s]+")) {
            if (s.isEmpty()) {
                throw new ToolSupport.UsageException("empty item in list \"" + v + "\"");
            }
            l.add(s);
        }
        return l;
    }

    private static Set<Integer> addPids(Set<Integer> to, String v) throws ToolSupport.UsageException {
        Set<Integer> s = to == null ? new HashSet<>() : to;
        for (String x : addAll(null, v)) {
            try {
                int pid = Integer.parseInt(x);
                if (pid <= 0) {
                    throw new NumberFormatException();
                }
                s.add(pid);
            } catch (NumberFormatException e) {
                throw new ToolSupport.UsageException("process ID list syntax error: \"" + v + "\"");
            }
        }
        return s;
    }

    private static String tenths(long permille) {
        return permille / 10 + "." + permille % 10;
    }

    private static String num(long v) {
        return v < 0 ? "?" : Long.toString(v);
    }

    private static String trim(String s, int width) {
        return s.length() > width ? s.substring(0, width - 1) + "+" : s;
    }

    /** procps' pid columns are as wide as the largest pid the kernel hands out ({@code pid_max}), at least 5. */
    private static int pidWidth() {
        try {
            String max = Files.readString(Path.of("/proc/sys/kernel/pid_max")).trim();
            return Math.max(5, Long.toString(Long.parseLong(max) - 1).length());
        } catch (IOException | RuntimeException e) {
            return 5;
        }
    }

    private static long memTotalKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / 1024;
        }
        return 0;
    }

    /** {@code [DD-]hh:mm:ss}, as procps' TIME. */
    private static String cputime(long s) {
        long d = s / 86400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60);
        return d > 0 ? d + "-" + hms : hms;
    }

    /** {@code m:ss}, as the BSD TIME column. */
    private static String bsdTime(long s) {
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code [[DD-]hh:]mm:ss}, as procps' ELAPSED. */
    private static String elapsed(Duration age) {
        long s = age.getSeconds();
        long d = s / 86400;
        long h = s / 3600 % 24;
        String ms = String.format(Locale.ROOT, "%02d:%02d", s / 60 % 60, s % 60);
        if (d > 0) {
            return String.format(Locale.ROOT, "%d-%02d:%s", d, h, ms);
        }
        return h > 0 ? String.format(Locale.ROOT, "%02d:%s", h, ms) : ms;
    }

    private static String stime(Instant t, Instant now) {
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        ZonedDateTime n = now.atZone(ZoneId.systemDefault());
        if (z.toLocalDate().equals(n.toLocalDate())) {
            return z.format(HH_MM);
        }
        return z.getYear() == n.getYear() ? z.format(MMMDD) : Integer.toString(z.getYear());
    }

    private static String bsdStart(Instant t, Instant now) {
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        if (Duration.between(t, now).toHours() < 24) {
            return z.format(HH_MM);
        }
        return z.getYear() == now.atZone(ZoneId.systemDefault()).getYear() ? z.format(MMMDD)
                : " " + z.getYear();
    }

    private static String started(Instant t, Instant now) {
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        return Duration.between(t, now).toHours() < 24 ? z.format(HH_MM_SS) : z.format(MMM_DD);
    }

    private static void printJson(List<Row> rows, PrintStream out) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (Row r : rows) {
            ProcessInfo p = r.p;
            sb.append(first ? "\n" : ",\n");
            first = false;
            String user = p.orElse(ProcessInfo::username, null);
            ProcessState st = r.state();
            CpuTimes ct = p.orElse(ProcessInfo::cpuTimes, null);
            MemoryInfo mem = p.orElse(ProcessInfo::memory, null);
            List<String> argv = p.orElse(ProcessInfo::cmdline, null);
            sb.append("  {\"pid\": ").append(p.pid())
                    .append(", \"ppid\": ").append(p.ppid())
                    .append(", \"name\": ").append(ToolSupport.json(p.orElse(ProcessInfo::name, "?")))
                    .append(", \"user\": ").append(user == null ? "null" : ToolSupport.json(user))
                    .append(", \"start\": ").append(ToolSupport.json(p.createTime().toString()))
                    .append(", \"state\": ").append(ToolSupport.json(st.name().toLowerCase(Locale.ROOT)))
                    .append(", \"cpu_user\": ").append(ct == null ? "null" : seconds(ct.user()))
                    .append(", \"cpu_system\": ").append(ct == null ? "null" : seconds(ct.system()))
                    .append(", \"rss\": ").append(mem == null ? "null" : Long.toString(mem.rss()))
                    .append(", \"vms\": ").append(mem == null ? "null" : Long.toString(mem.vms()))
                    .append(", \"cmdline\": ");
            if (argv == null) {
                sb.append("null");
            } else {
                sb.append('[');
                for (int i = 0; i < argv.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ToolSupport.json(argv.get(i)));
                }
                sb.append(']');
            }
            sb.append('}');
        }
        sb.append("\n]");
        out.println(sb);
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /**
     * @param args as {@link #run}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
