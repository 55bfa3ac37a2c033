package io.prockit.windows.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Descendants of a process in a snapshot of (pid, parent pid) pairs; pure Java. */
public final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * The descendants of {@code root}, nearest first (children, then grandchildren, ...).
     * Windows keeps a parent pid after the parent exits, and pids are reused, so a pair may be
     * stale; cycles are cut, and the caller checks creation times before acting on a pid.
     *
     * @param root     the root pid (not in the result)
     * @param parentOf pid to parent pid, from one snapshot
     * @return the descendants' pids
     */
    public static List<Integer> descendants(int root, Map<Integer, Integer> parentOf) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        seen.add(root);
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            int p = queue.poll();
            for (Map.Entry<Integer, Integer> e : parentOf.entrySet()) {
                int pid = e.getKey();
                if (e.getValue() == p && pid != p && seen.add(pid)) {
                    out.add(pid);
                    queue.add(pid);
                }
            }
        }
        return out;
    }
}
