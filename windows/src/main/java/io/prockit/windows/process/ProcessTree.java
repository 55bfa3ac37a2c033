package io.prockit.windows.process;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Descendants of a process: found in a snapshot of (pid, parent pid) pairs (pure Java, tested everywhere) and
 * terminated for {@code killTree()} when the child runs without a job object.
 */
final class ProcessTree {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);

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
    static List<Integer> descendants(int root, Map<Integer, Integer> parentOf) {
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

    /**
     * Terminates processes found below {@code root} in a snapshot, each only if it was created
     * after its parent (a stale parent pid of a reused pid fails that test).
     *
     * @param root         the root pid
     * @param rootCreated  the root's creation time
     * @param exitCode     the exit code they get
     */
    static void terminateDescendants(int root, long rootCreated, int exitCode) {
        Map<Integer, Integer> parents = Win32.processParents();
        Map<Integer, Long> created = new HashMap<>();
        created.put(root, rootCreated);
        List<Integer> pids = descendants(root, parents);
        for (int pid : pids) {
            WinNT.HANDLE h = Win32.K32.OpenProcess(WinConstants.PROCESS_TERMINATE
                    | WinConstants.PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
            if (!Win32.isValid(h)) {
                LOG.debug("descendant {} not opened (error {}); gone or not ours", pid, Native.getLastError());
                continue;
            }
            try {
                long t = Win32.creationTime(h);
                Long parentCreated = created.get(parents.get(pid));
                if (t < 0 || parentCreated == null || t < parentCreated) {
                    LOG.debug("pid {} lists parent {} but is older than it: a reused pid, left alone", pid, parents.get(pid));
                    continue;
                }
                created.put(pid, t);
                if (!Win32.K32.TerminateProcess(h, exitCode)) {
                    LOG.debug("TerminateProcess({}) failed: error {}", pid, Native.getLastError());
                }
            } finally {
                Win32.close(h);
            }
        }
    }
}
