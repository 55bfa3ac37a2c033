package io.prockit.examples.tools;

import io.prockit.KillReport;
import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessTable;
import io.prockit.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pgrep} and {@code pkill} as procps-ng 4 has them: {@code PATTERN} is an extended regular
 * expression searched in the process name ({@code -f}: the command line), other options narrow the
 * selection, and every criterion must hold.
 *
 * <pre>{@code
 * prockit pgrep -l sleep              # pids and names of processes whose name contains "sleep"
 * prockit pgrep -af 'java .*Server'   # pids and command lines
 * prockit pkill -HUP -x nginx         # SIGHUP to processes named exactly nginx
 * prockit pkill -x make --tree --grace 5s   # prockit's extra: the trees, TERM, then KILL after 5 s
 * }</pre>
 *
 * <p>Exit status as procps: 0 when something matched (pkill: was signalled), 1 when nothing did, 2 for a
 * syntax error, 3 for a fatal one. This JVM and its ancestors (the launcher, the shell) never match.
 */
public final class Pgrep {
    static final int OK = 0;
    static final int NONE = 1;
    static final int SYNTAX = 2;
    static final int FATAL = 3;

    private final boolean kill;
    private final String tool;
    private String pattern;
    private boolean full;
    private boolean exact;
    private boolean ignoreCase;
    private boolean newest;
    private boolean oldest;
    private boolean inverse;
    private boolean count;
    private boolean listName;
    private boolean listFull;
    private boolean echo;
    private boolean tree;
    private boolean dryRun;
    private Duration grace;
    private Long olderSeconds;
    private String delimiter = "\n";
    private Signal signal = Signal.SIGTERM;
    private boolean signalZero;
    private List<String> euids;
    private List<String> ruids;
    private List<Integer> parents;
    private List<Integer> groups;
    private List<Integer> sessions;
    private List<String> terminals;

    private Pgrep(boolean kill) {
        this.kill = kill;
        this.tool = kill ? "pkill" : "pgrep";
    }

    static String usage(boolean kill) {
        String t = kill ? "pkill" : "pgrep";
        List<String> l = new ArrayList<>();
        l.add("usage: " + t + " [options] <pattern>");
        l.add("");
        l.add(kill ? "Signals the processes whose name matches PATTERN (an extended regular expression)."
                : "Lists the pids of the processes whose name matches PATTERN (an extended regular expression).");
        l.add("Model: procps-ng 4 " + t + "; every criterion must hold; this JVM and its ancestors never match.");
        l.add("");
        if (kill) {
            l.add(" -<sig>, --signal <sig>    signal to send (name or number; default TERM)");
            l.add(" -e, --echo                display what is killed");
        } else {
            l.add(" -d, --delimiter <string>  output delimiter (default a newline)");
            l.add(" -l, --list-name           list PID and process name");
            l.add(" -a, --list-full           list PID and full command line");
            l.add(" -v, --inverse             negate the matching");
        }
        l.add(" -c, --count               count of matching processes");
        l.add(" -f, --full                match the pattern against the full command line");
        l.add(" -g, --pgroup <PGID,...>   match the process groups (0: this one's)");
        l.add(" -i, --ignore-case         match case-insensitively");
        l.add(" -n, --newest              select the most recently started");
        l.add(" -o, --oldest              select the least recently started");
        l.add(" -O, --older <seconds>     select processes older than this");
        l.add(" -P, --parent <PPID,...>   match children of these parents");
        l.add(" -s, --session <SID,...>   match sessions (0: this one's)");
        l.add(" -t, --terminal <tty,...>  match by controlling terminal (Linux)");
        l.add(" -u, --euid <ID,...>       match effective user ids or names");
        l.add(" -U, --uid <ID,...>        match real user ids or names");
        l.add(" -x, --exact               the pattern must match the whole name (or command line)");
        l.add(" -h, --help                this help");
        if (kill) {
            l.add("prockit's extras:");
            l.add(" --tree                    also signal every descendant (frozen first, so none escape)");
            l.add(" --grace <duration>        TERM (or --signal), then KILL whatever runs after DURATION");
            l.add("                           (5s, 500ms, 1m), and print a report of each process");
            l.add(" --dry-run                 print what would be signalled, signal nothing");
        }
        l.add("");
        l.add("Not supported: -G/--group, -w, -F/-L (pid files), -r (run states), -A (ancestors are always");
        l.add("excluded), -q, --cgroup, --ns, --nslist, --require-handler, -V. On Linux the name is the");
        l.add("kernel's 15-character comm, as procps matches it; -t needs Linux; -u and -U are the same");
        l.add("(the real user) on macOS, and compare user names on Windows.");
        return String.join("\n", l);
    }

    /**
     * Runs pgrep.
     *
     * @param args the options and the pattern
     * @param out  where the pids go
     * @param err  where errors go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting for processes to end ({@code --grace})
     */
    public static int pgrep(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return new Pgrep(false).run(args, out, err);
    }

    /**
     * Runs pkill.
     *
     * @param args the options and the pattern
     * @param out  where {@code -e}, {@code -c} and the extras' reports go
     * @param err  where errors go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting for processes to end ({@code --grace})
     */
    public static int pkill(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return new Pgrep(true).run(args, out, err);
    }

    private int syntax(PrintStream err, String message) {
        err.println(tool + ": " + message);
        err.println("Try `" + tool + " --help' for more information.");
        return SYNTAX;
    }

    private int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        List<String> rest = new ArrayList<>(List.of(args));
        if (kill) {
            // procps: the first argument that is '-' and a signal name or number is the signal, wherever it is.
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                if (a.equals("--")) {
                    break;
                }
                if (a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                    String s = a.substring(1);
                    if (s.equals("0")) {
                        signalZero = true;
                        rest.remove(i);
                        break;
                    }
                    Signal sig = signalOrNull(s);
                    if (sig != null) {
                        signal = sig;
                        rest.remove(i);
                        break;
                    }
                }
            }
        }
        try {
            if (parse(rest, out)) {
                return OK; // --help
            }
        } catch (ToolSupport.UsageException e) {
            return syntax(err, e.getMessage());
        }
        if (pattern == null && euids == null && ruids == null && parents == null && groups == null
                && sessions == null && terminals == null && olderSeconds == null) {
            return syntax(err, "no matching criteria specified");
        }
        if ((newest ? 1 : 0) + (oldest ? 1 : 0) + (inverse ? 1 : 0) > 1) {
            return syntax(err, "-n, -o and -v cannot be combined");
        }
        if (terminals != null && !ProcFields.knowsTerminals()) {
            err.println(tool + ": -t is not supported on " + System.getProperty("os.name"));
            return FATAL;
        }
        Pattern regex = null;
        if (pattern != null) {
            try {
                String p = exact ? "^(" + pattern + ")$" : pattern;
                regex = Pattern.compile(p, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            } catch (PatternSyntaxException e) {
                return syntax(err, "regex error: " + e.getDescription());
            }
        }
        List<ProcessInfo> table = ProcessTable.list();
        ProcFields.Users users = new ProcFields.Users();
        Set<Integer> euidSet;
        Set<Integer> ruidSet;
        try {
            euidSet = uids(euids, users, table);
            ruidSet = uids(ruids, users, table);
        } catch (ToolSupport.UsageException e) {
            err.println(tool + ": " + e.getMessage());
            return SYNTAX;
        }
        ProcessInfo self = ProcessTable.self();
        Set<Integer> protectedPids = new HashSet<>();
        protectedPids.add(self.pid());
        self.parents().forEach(p -> protectedPids.add(p.pid()));
        ProcFields selfFields = ProcFields.of(self);
        Instant now = Instant.now();
        List<ProcessInfo> matched = new ArrayList<>();
        for (ProcessInfo p : table) {
            if (protectedPids.contains(p.pid())) {
                continue;
            }
            boolean match = matches(p, regex, euidSet, ruidSet, selfFields, now);
            if (match != inverse) {
                matched.add(p);
            }
        }
        if (newest || oldest) {
            ProcessInfo pick = null;
            for (ProcessInfo p : matched) {
                if (pick == null || (newest ? !p.createTime().isBefore(pick.createTime())
                        : p.createTime().isBefore(pick.createTime()))) {
                    pick = p;
                }
            }
            matched = pick == null ? List.of() : List.of(pick);
        }
        return kill ? signal(matched, out, err) : print(matched, out);
    }

    private boolean matches(ProcessInfo p, Pattern regex, Set<Integer> euidSet, Set<Integer> ruidSet,
                            ProcFields self, Instant now) {
        ProcFields f = null;
        if (euidSet != null || ruidSet != null || groups != null || sessions != null || terminals != null) {
            f = ProcFields.of(p);
        }
        if (euidSet != null && !ownedBy(p, f.euid(), euids, euidSet)) {
            return false;
        }
        if (ruidSet != null && !ownedBy(p, f.ruid(), ruids, ruidSet)) {
            return false;
        }
        if (parents != null && !parents.contains(p.ppid())) {
            return false;
        }
        if (groups != null && !groups.contains(f.pgid()) && !(groups.contains(0) && f.pgid() == self.pgid())) {
            return false;
        }
        if (sessions != null && !sessions.contains(f.sid()) && !(sessions.contains(0) && f.sid() == self.sid())) {
            return false;
        }
        if (terminals != null && !terminals.contains(f.tty())) {
            return false;
        }
        if (olderSeconds != null && p.age(now).getSeconds() < olderSeconds) {
            return false;
        }
        if (regex != null) {
            String subject = full ? commandLine(p) : procName(p);
            return subject != null && regex.matcher(subject).find();
        }
        return true;
    }

    /** On Windows there are no uids: a name given to -u / -U is compared with the user name (domain or not). */
    private static boolean ownedBy(ProcessInfo p, int uid, List<String> given, Set<Integer> ids) {
        if (uid >= 0) {
            return ids.contains(uid);
        }
        String user = p.orElse(ProcessInfo::username, null);
        if (user == null) {
            return false;
        }
        String bare = user.substring(user.lastIndexOf('\\') + 1);
        return given.stream().anyMatch(u -> u.equalsIgnoreCase(user) || u.equalsIgnoreCase(bare));
    }

    private static Set<Integer> uids(List<String> given, ProcFields.Users users, List<ProcessInfo> table)
            throws ToolSupport.UsageException {
        if (given == null) {
            return null;
        }
        Set<Integer> ids = new HashSet<>();
        for (String u : given) {
            OptionalInt id = users.id(u, table);
            if (id.isPresent()) {
                ids.add(id.getAsInt());
            } else if (!ProcFields.WINDOWS) {
                throw new ToolSupport.UsageException("invalid user name: " + u);
            }
        }
        return ids;
    }

    /**
     * The name procps matches: the kernel's {@code comm} on Linux (at most 15 characters; the table
     * extends a truncated one from the command line, as psutil does, so it is cut back here).
     */
    static String procName(ProcessInfo p) {
        String name = p.orElse(ProcessInfo::name, null);
        if (name != null && ProcFields.LINUX && name.length() > 15) {
            return name.substring(0, 15);
        }
        return name;
    }

    /** The command line procps matches with -f and prints with -a: the arguments joined, else the name. */
    static String commandLine(ProcessInfo p) {
        List<String> argv = p.orElse(ProcessInfo::cmdline, List.of());
        return argv.isEmpty() ? procName(p) : String.join(" ", argv);
    }

    private int print(List<ProcessInfo> matched, PrintStream out) {
        if (count) {
            out.println(matched.size());
        } else if (!matched.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (ProcessInfo p : matched) {
                if (sb.length() > 0) {
                    sb.append(delimiter);
                }
                sb.append(p.pid());
                if (listFull) {
                    sb.append(' ').append(commandLine(p));
                } else if (listName) {
                    sb.append(' ').append(procName(p));
                }
            }
            out.println(sb);
        }
        out.flush();
        return matched.isEmpty() ? NONE : OK;
    }

    private int signal(List<ProcessInfo> matched, PrintStream out, PrintStream err) throws InterruptedException {
        int signalled = 0;
        if (tree || grace != null || dryRun) {
            if (signalZero) {
                err.println("pkill: signal 0 cannot be combined with --tree, --grace or --dry-run");
                return SYNTAX;
            }
            KillReport report = matched.isEmpty() ? new KillReport(List.of())
                    : ProcessKiller.of(matched).tree(tree).dryRun(dryRun).signal(signal)
                    .escalate(grace != null).grace(grace != null ? grace : Duration.ZERO).kill();
            for (KillReport.Entry e : report.entries()) {
                if (grace != null || dryRun) {
                    out.println(e);
                } else if (echo && e.outcome() != KillReport.Outcome.ALREADY_GONE
                        && e.outcome() != KillReport.Outcome.DENIED) {
                    out.println(e.name() + " killed (pid " + e.pid() + ")");
                }
                switch (e.outcome()) {
                    case ENDED, FORCED, SIGNALLED, WOULD_SIGNAL -> signalled++;
                    case DENIED -> err.println("pkill: killing pid " + e.pid() + " failed: "
                            + e.error().map(OsException::getMessage).orElse("permission denied"));
                    default -> {
                    }
                }
            }
            if (grace != null || dryRun) {
                out.printf("%d matched: %d ended, %d forced, %d already gone, %d denied%s%n",
                        report.entries().size(), report.ended().size(), report.forced().size(),
                        report.alreadyGone().size(), report.denied().size(), dryRun ? " (dry run)" : "");
            }
            if (count) {
                out.println(matched.size());
            }
            out.flush();
            if (grace != null && !matched.isEmpty() && !report.allEnded()) {
                return FATAL;
            }
            return signalled > 0 ? OK : NONE;
        }
        for (ProcessInfo p : matched) {
            try {
                if (signalZero) {
                    if (!p.isRunning()) {
                        continue;
                    }
                } else {
                    p.signal(signal);
                }
                signalled++;
                if (echo) {
                    out.println(procName(p) + " killed (pid " + p.pid() + ")");
                }
            } catch (OsException e) {
                if (e.kind() != io.prockit.ErrorKind.NO_SUCH_PROCESS) {
                    err.println("pkill: killing pid " + p.pid() + " failed: " + e.getMessage());
                }
            } catch (UnsupportedOperationException e) {
                err.println("pkill: killing pid " + p.pid() + " failed: " + e.getMessage());
            }
        }
        if (count) {
            out.println(matched.size());
        }
        out.flush();
        return signalled > 0 ? OK : NONE;
    }

    private static Signal signalOrNull(String s) {
        try {
            return ToolSupport.signal("signal", s);
        } catch (ToolSupport.UsageException e) {
            return null;
        }
    }

    /** Options as getopt_long parses them: clustered short options, values attached or not, operands anywhere. */
    private boolean parse(List<String> args, PrintStream out) throws ToolSupport.UsageException {
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Character shortName = longToShort(name);
                if (shortName == null) {
                    throw new ToolSupport.UsageException("unrecognized option '" + a + "'");
                }
                if (shortName == 'h') {
                    out.println(usage(kill));
                    return true;
                }
                if (takesValue(shortName)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new ToolSupport.UsageException("option '--" + name + "' requires an argument");
                        }
                        value = args.get(++i);
                    }
                } else if (value != null) {
                    throw new ToolSupport.UsageException("option '--" + name + "' doesn't allow an argument");
                }
                apply(shortName, value, "--" + name);
                continue;
            }
            if (a.length() > 1 && a.charAt(0) == '-') {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (!knownShort(c)) {
                        throw new ToolSupport.UsageException("invalid option -- '" + c + "'");
                    }
                    if (c == 'h') {
                        out.println(usage(kill));
                        return true;
                    }
                    if (takesValue(c)) {
                        String value;
                        if (j + 1 < a.length()) {
                            value = a.substring(j + 1);
                        } else if (i + 1 < args.size()) {
                            value = args.get(++i);
                        } else {
                            throw new ToolSupport.UsageException("option requires an argument -- '" + c + "'");
                        }
                        apply(c, value, "-" + c);
                        break;
                    }
                    apply(c, null, "-" + c);
                }
                continue;
            }
            operands.add(a);
        }
        if (operands.size() > 1) {
            throw new ToolSupport.UsageException("only one pattern can be provided");
        }
        if (operands.size() == 1) {
            pattern = operands.get(0);
        }
        return false;
    }

    // Private "short" letters for the long-only options: S signal, T tree, R grace, D dry-run.
    private Character longToShort(String name) {
        return switch (name) {
            case "full" -> 'f';
            case "exact" -> 'x';
            case "ignore-case" -> 'i';
            case "euid" -> 'u';
            case "uid" -> 'U';
            case "parent" -> 'P';
            case "pgroup" -> 'g';
            case "session" -> 's';
            case "terminal" -> 't';
            case "newest" -> 'n';
            case "oldest" -> 'o';
            case "older" -> 'O';
            case "count" -> 'c';
            case "help" -> 'h';
            case "signal" -> 'S';
            case "inverse" -> kill ? null : 'v';
            case "list-name" -> kill ? null : 'l';
            case "list-full" -> kill ? null : 'a';
            case "delimiter" -> kill ? null : 'd';
            case "echo" -> kill ? 'e' : null;
            case "tree" -> kill ? 'T' : null;
            case "grace" -> kill ? 'R' : null;
            case "dry-run" -> kill ? 'D' : null;
            default -> null;
        };
    }

    private boolean knownShort(char c) {
        return "fxiuUPgstnoOch".indexOf(c) >= 0 || (kill ? c == 'e' : "vlad".indexOf(c) >= 0);
    }

    private static boolean takesValue(char c) {
        return "uUPgstOdSR".indexOf(c) >= 0;
    }

    private void apply(char c, String v, String option) throws ToolSupport.UsageException {
        switch (c) {
            case 'f' -> full = true;
            case 'x' -> exact = true;
            case 'i' -> ignoreCase = true;
            case 'n' -> newest = true;
            case 'o' -> oldest = true;
            case 'v' -> inverse = true;
            case 'c' -> count = true;
            case 'l' -> listName = true;
            case 'a' -> listFull = true;
            case 'e' -> echo = true;
            case 'T' -> tree = true;
            case 'D' -> dryRun = true;
            case 'd' -> delimiter = v;
            case 'u' -> euids = strings(option, v);
            case 'U' -> ruids = strings(option, v);
            case 'P' -> parents = numbers(option, v);
            case 'g' -> groups = numbers(option, v);
            case 's' -> sessions = numbers(option, v);
            case 't' -> terminals = strings(option, v).stream()
                    .map(t -> t.startsWith("/dev/") ? t.substring(5) : t).toList();
            case 'O' -> {
                try {
                    olderSeconds = Long.parseLong(v);
                    if (olderSeconds < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new ToolSupport.UsageException("invalid older time: " + v);
                }
            }
            case 'S' -> {
                if (v.equals("0")) {
                    signalZero = true;
                } else {
                    signal = ToolSupport.signal(option, v);
                }
            }
            case 'R' -> grace = ToolSupport.duration(option, v);
            default -> throw new ToolSupport.UsageException("invalid option -- '" + c + "'");
        }
    }

    private static List<String> strings(String option, String v) throws ToolSupport.UsageException {
        List<String> l = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            if (s.isEmpty()) {
                throw new ToolSupport.UsageException("invalid argument for " + option + ": \"" + v + "\"");
            }
            l.add(s);
        }
        return l;
    }

    private static List<Integer> numbers(String option, String v) throws ToolSupport.UsageException {
        List<Integer> l = new ArrayList<>();
        for (String s : strings(option, v)) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                l.add(n);
            } catch (NumberFormatException e) {
                throw new ToolSupport.UsageException("invalid argument for " + option + ": \"" + s + "\"");
            }
        }
        return l;
    }
}
