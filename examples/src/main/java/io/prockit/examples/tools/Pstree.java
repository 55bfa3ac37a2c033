package io.prockit.examples.tools;

import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pstree}: the process tree from one listing, each process under its parent (psutil's
 * {@code scripts/pstree.py}).
 *
 * <pre>{@code
 * java -jar prockit-examples.jar pstree          # every tree
 * java -jar prockit-examples.jar pstree 4242     # the tree below pid 4242
 * }</pre>
 *
 * <p>A child is placed under a parent only if it was created no earlier than that parent, so a
 * reused parent pid does not adopt strangers. Platform notes: on Windows, where parents often exit
 * first, such orphans are shown as roots.
 */
public final class Pstree {
    private Pstree() {
    }

    /**
     * @param args {@code [PID]}
     * @param out  where the tree goes
     * @param err  where errors go
     * @return 0; 1 if PID does not exist; {@code EX_USAGE} for bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Integer root = null;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: pstree [PID]");
                return 0;
            }
            if (root != null) {
                err.println("pstree: one PID at most\nusage: pstree [PID]");
                return ToolSupport.exUsage();
            }
            try {
                root = Integer.parseInt(a);
            } catch (NumberFormatException e) {
                err.println("pstree: not a pid: \"" + a + "\"\nusage: pstree [PID]");
                return ToolSupport.exUsage();
            }
            if (root <= 0) {
                err.println("pstree: pid must be > 0 (got " + root + ")");
                return ToolSupport.exUsage();
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
        if (root != null) {
            ProcessInfo r = byPid.get(root);
            if (r == null) {
                err.println("pstree: no process with pid " + root);
                return 1;
            }
            roots = List.of(r);
        }
        Set<Integer> printed = new HashSet<>();
        for (ProcessInfo r : roots) {
            print(r, "", "", children, printed, out);
        }
        out.flush();
        return 0;
    }

    private static void print(ProcessInfo p, String lead, String childLead, Map<Integer, List<ProcessInfo>> children,
                              Set<Integer> printed, PrintStream out) {
        if (!printed.add(p.pid())) {
            return;
        }
        String name;
        try {
            name = p.name();
        } catch (OsException e) {
            name = "?";
        }
        out.println(lead + name + " (" + p.pid() + ")");
        List<ProcessInfo> kids = children.getOrDefault(p.pid(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            print(kids.get(i), childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), children,
                    printed, out);
        }
    }

    /**
     * @param args as {@link #run}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
