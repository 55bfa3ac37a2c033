package io.prockit.examples.tools;

import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code pstree}: psmisc's {@code pstree}, the process tree drawn as psmisc draws it.
 *
 * <pre>{@code
 * prockit pstree                # from pid 1 (every root where there is no pid 1)
 * prockit pstree -p 4242        # the tree below pid 4242, with pids
 * prockit pstree -au alice      # alice's trees, with arguments and uid changes
 * }</pre>
 *
 * <p>Children are sorted by name (with {@code -n} by pid), identical sibling subtrees are merged as
 * {@code 2*[sleep]} unless {@code -p}, {@code -a} or {@code -c}. A child is placed under a parent only if it was created
 * no earlier than that parent, so a reused parent pid does not adopt strangers. Platform notes: on Windows,
 * where parents often exit first, such orphans are shown as roots.
 */
public final class Pstree {
    private static final int DEFAULT_WIDTH = 132;

    private final boolean pids;
    private final boolean args;
    private final boolean uidChanges;
    private final boolean compact;
    private final boolean numericSort;
    private final boolean unicode;
    private final Map<Integer, List<ProcessInfo>> children;
    private final Map<Integer, ProcessInfo> byPid;
    private final ProcFields.Users users = new ProcFields.Users();
    private final Map<Integer, Integer> uids = new HashMap<>();

    private Pstree(boolean pids, boolean args, boolean uidChanges, boolean compact, boolean numericSort,
                   boolean unicode, Map<Integer, List<ProcessInfo>> children, Map<Integer, ProcessInfo> byPid) {
        this.pids = pids;
        this.args = args;
        this.uidChanges = uidChanges;
        this.compact = compact;
        this.numericSort = numericSort;
        this.unicode = unicode;
        this.children = children;
        this.byPid = byPid;
    }

    static String usage() {
        return String.join("\n",
                "usage: pstree [-acilnpuAU] [PID | USER]",
                "",
                "Shows the process tree from PID (default 1, or every root where there is no pid 1), or the",
                "trees of USER's topmost processes. Model: psmisc pstree.",
                "",
                "  -a, --arguments     show command line arguments",
                "  -A, --ascii         ASCII line drawing",
                "  -c, --compact-not   don't merge identical subtrees",
                "  -l, --long          don't cut lines at the width (COLUMNS, else 132)",
                "  -n, --numeric-sort  children by pid, not by name",
                "  -p, --show-pids     show pids; implies -c (as -a does)",
                "  -u, --uid-changes   show the user where it differs from the parent's",
                "  -U, --unicode       UTF-8 line drawing (the default when the output is UTF-8)",
                "",
                "Not supported: threads ({name} entries; prockit's table lists processes only, as -T), -g, -s,",
                "-h/-H (highlighting), -G, -C, -N, -S, -t, -Z, -V. The user of -u is the real user.");
    }

    /**
     * @param args the options above and an optional PID or USER
     * @param out  where the tree goes
     * @param err  where errors go
     * @return 0; 1 for bad arguments or an unknown user, as psmisc
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean showPids = false;
        boolean showArgs = false;
        boolean uidChanges = false;
        boolean noCompact = false;
        boolean numeric = false;
        boolean longLines = false;
        Boolean unicode = null;
        String root = null;
        for (String a : args) {
            if (a.startsWith("--")) {
                switch (a) {
                    case "--arguments" -> showArgs = true;
                    case "--ascii" -> unicode = false;
                    case "--compact-not" -> noCompact = true;
                    case "--long" -> longLines = true;
                    case "--numeric-sort" -> numeric = true;
                    case "--show-pids" -> showPids = true;
                    case "--uid-changes" -> uidChanges = true;
                    case "--unicode" -> unicode = true;
                    case "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    default -> {
                        err.println("pstree: unrecognized option '" + a + "'");
                        err.println(usage());
                        return 1;
                    }
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'a' -> showArgs = true;
                        case 'A' -> unicode = false;
                        case 'c' -> noCompact = true;
                        case 'l' -> longLines = true;
                        case 'n' -> numeric = true;
                        case 'p' -> showPids = true;
                        case 'u' -> uidChanges = true;
                        case 'U' -> unicode = true;
                        default -> {
                            err.println("pstree: invalid option -- '" + c + "'");
                            err.println(usage());
                            return 1;
                        }
                    }
                }
            } else if (root == null) {
                root = a;
            } else {
                err.println(usage());
                return 1;
            }
        }
        List<ProcessInfo> all = ProcessTable.list();
        Map<Integer, ProcessInfo> byPid = new HashMap<>();
        all.forEach(p -> byPid.put(p.pid(), p));
        Map<Integer, List<ProcessInfo>> children = new HashMap<>();
        List<ProcessInfo> roots = new ArrayList<>();
        for (ProcessInfo p : all) {
            ProcessInfo parent = byPid.get(p.ppid());
            if (parent != null && parent.pid() != p.pid() && !p.createTime().isBefore(parent.createTime())) {
                children.computeIfAbsent(parent.pid(), k -> new ArrayList<>()).add(p);
            } else {
                roots.add(p);
            }
        }
        boolean utf8 = unicode != null ? unicode : utf8Output();
        // -p and -a imply -c, as in psmisc
        Pstree t = new Pstree(showPids, showArgs, uidChanges, !noCompact && !showPids && !showArgs, numeric, utf8,
                children,
                byPid);
        List<ProcessInfo> starts;
        if (root == null) {
            ProcessInfo init = byPid.get(1);
            starts = init != null ? List.of(init) : roots;
        } else if (root.chars().allMatch(Character::isDigit)) {
            ProcessInfo r = byPid.get(Integer.parseInt(root));
            starts = r == null ? List.of() : List.of(r); // psmisc prints nothing for a pid that is not there
        } else {
            OptionalInt uid = t.users.id(root, all);
            if (uid.isEmpty()) {
                err.println("No such user name: " + root);
                return 1;
            }
            starts = new ArrayList<>();
            t.topmostOf(uid.getAsInt(), roots, starts);
        }
        int width = longLines ? Integer.MAX_VALUE : width();
        StringBuilder sb = new StringBuilder();
        for (ProcessInfo r : t.sorted(starts)) {
            List<StringBuilder> lines = new ArrayList<>();
            lines.add(new StringBuilder());
            t.draw(r, lines, "", 1, new HashSet<>());
            for (StringBuilder l : lines) {
                String s = l.toString();
                if (s.length() > width) {
                    s = s.substring(0, width - 1) + "+";
                }
                sb.append(s).append(System.lineSeparator());
            }
        }
        out.print(sb);
        out.flush();
        return 0;
    }

    /** psmisc draws with Unicode lines when the locale's character set is UTF-8, as the JVM's output one. */
    private static boolean utf8Output() {
        String enc = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding",
                System.getProperty("native.encoding", Charset.defaultCharset().name())));
        return enc.equalsIgnoreCase("UTF-8") || enc.equalsIgnoreCase("UTF8");
    }

    private static int width() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null && Integer.parseInt(c.trim()) > 0) {
                return Integer.parseInt(c.trim());
            }
        } catch (NumberFormatException ignored) {
            // the default
        }
        return DEFAULT_WIDTH;
    }

    /** Depth first from the roots: the processes of {@code uid} whose parent is not of {@code uid}. */
    private void topmostOf(int uid, List<ProcessInfo> from, List<ProcessInfo> found) {
        for (ProcessInfo p : sorted(from)) {
            if (uid(p) == uid) {
                found.add(p);
            } else {
                topmostOf(uid, children.getOrDefault(p.pid(), List.of()), found);
            }
        }
    }

    private int uid(ProcessInfo p) {
        return uids.computeIfAbsent(p.pid(), k -> p.orElse(ProcessInfo::uid, OptionalInt.empty()).orElse(-1));
    }

    private List<ProcessInfo> sorted(List<ProcessInfo> l) {
        List<ProcessInfo> s = new ArrayList<>(l);
        Comparator<ProcessInfo> byPidOrder = Comparator.comparingInt(ProcessInfo::pid);
        s.sort(numericSort ? byPidOrder : Comparator.comparing(this::name).thenComparing(byPidOrder));
        return s;
    }

    private String name(ProcessInfo p) {
        String n = Pgrep.procName(p);
        return n == null ? "?" : n;
    }

    /** What a node shows, without the tree drawing; equal labels and equal children can be merged. */
    private String label(ProcessInfo p) {
        StringBuilder sb = new StringBuilder(name(p));
        String user = null;
        ProcessInfo parent = byPid.get(p.ppid());
        if (uidChanges && parent != null && uid(p) != uid(parent) && uid(p) >= 0) {
            user = users.name(uid(p), p);
        }
        if (args) {
            if (pids) {
                sb.append(',').append(p.pid());
            }
            if (user != null) {
                sb.append(',').append(user);
            }
            List<String> argv = p.orElse(ProcessInfo::cmdline, List.of());
            for (int i = 1; i < argv.size(); i++) {
                sb.append(' ').append(argv.get(i));
            }
        } else if (pids || user != null) {
            sb.append('(');
            if (pids) {
                sb.append(p.pid());
            }
            if (user != null) {
                sb.append(pids ? "," : "").append(user);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** A subtree's shape, for merging identical siblings. */
    private String shape(ProcessInfo p, Set<Integer> seen) {
        if (!seen.add(p.pid())) {
            return "";
        }
        StringBuilder sb = new StringBuilder(label(p)).append('{');
        for (ProcessInfo c : sorted(children.getOrDefault(p.pid(), List.of()))) {
            sb.append(shape(c, seen)).append(';');
        }
        return sb.append('}').toString();
    }

    /** A child to draw: the first of {@code count} identical siblings. */
    private record Entry(ProcessInfo p, int count) {
    }

    private List<Entry> entries(ProcessInfo p) {
        List<Entry> entries = new ArrayList<>();
        String last = null;
        for (ProcessInfo c : sorted(children.getOrDefault(p.pid(), List.of()))) {
            String s = compact ? shape(c, new HashSet<>()) : null;
            if (compact && s.equals(last)) {
                Entry e = entries.remove(entries.size() - 1);
                entries.add(new Entry(e.p(), e.count() + 1));
            } else {
                entries.add(new Entry(c, 1));
            }
            last = s;
        }
        return entries;
    }

    /**
     * Draws {@code p} at the end of the last line, its first child on the same line (psmisc's layout; with
     * {@code -a} every process on a line of its own), the others below.
     *
     * @param cont the text that starts a continuation line up to where {@code p} starts
     */
    private void draw(ProcessInfo p, List<StringBuilder> lines, String cont, int count, Set<Integer> seen) {
        if (!seen.add(p.pid())) {
            return;
        }
        String prefix = count > 1 ? count + "*[" : "";
        String label = prefix + label(p);
        lines.get(lines.size() - 1).append(label);
        List<Entry> kids = entries(p);
        String vertical = unicode ? "│" : "|";
        String middle = unicode ? "├─" : "|-";
        String lastBranch = unicode ? "└─" : "`-";
        if (args) {
            for (int i = 0; i < kids.size(); i++) {
                boolean last = i == kids.size() - 1;
                lines.add(new StringBuilder(cont).append("  ").append(last ? lastBranch : middle));
                draw(kids.get(i).p(), lines, cont + (last ? "    " : "  " + vertical + " "), kids.get(i).count(), seen);
            }
        } else {
            String base = cont + " ".repeat(label.length());
            String h = unicode ? "─" : "-";
            for (int i = 0; i < kids.size(); i++) {
                boolean last = i == kids.size() - 1;
                if (i == 0) {
                    lines.get(lines.size() - 1).append(kids.size() == 1 ? h + h + h : h + (unicode ? "┬" : "+") + h);
                } else {
                    lines.add(new StringBuilder(base).append(' ').append(last ? lastBranch : middle));
                }
                String next = base + (last ? "   " : " " + vertical + " ");
                draw(kids.get(i).p(), lines, next, kids.get(i).count(), seen);
            }
        }
        if (count > 1) {
            lines.get(lines.size() - 1).append(']');
        }
    }

    /**
     * @param args as {@link #run}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
