package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.process.PosixChild;
import io.prockit.posix.process.TreeKill;
import io.prockit.posix.process.TreeWalk;
import io.prockit.posix.spawn.Spawner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TreeKill}'s walk on Linux with pidfds: the table is {@code /proc}, and each candidate is proved through
 * pidfds, so no pid number is ever passed to {@code kill(2)}.
 *
 * <p><b>The proof.</b> For a candidate pid P found with parent Q: open a pidfd of P, read {@code /proc/P/stat}
 * again, check that Q is still its parent and that Q's pidfd (held since Q was proved) still reaches a live Q,
 * then send through P's pidfd. If that send succeeds, P was alive from the pidfd's opening to the send, so the
 * stat read in between was P's own (a pid names one live process at a time); and Q was alive from its proof to
 * after the read, so the parent number named our Q. A process that exits mid-walk and whose pid is reused is not
 * reached, because its pidfd refers to the old process. A child prockit has reaped is never a root: its pid may
 * already be someone else's. The freeze, the walks and the groups are as {@link TreeKill} describes.
 */
public final class PidfdTreeWalk implements TreeWalk {
    private static final Logger LOG = LoggerFactory.getLogger(PidfdTreeWalk.class);
    /** How long walks that find nothing new wait for every member to show as stopped. */
    private static final long STOP_PATIENCE_NANOS = 1_000_000_000L;
    private static final Path PROC = Path.of("/proc");

    private final PosixConstants c;
    private final Pidfds pidfds;

    /**
     * @param c      the constants
     * @param pidfds the pidfd calls (available: the root picks this walk only then)
     */
    public PidfdTreeWalk(PosixConstants c, Pidfds pidfds) {
        this.c = c;
        this.pidfds = pidfds;
    }

    @Override
    public boolean[] signalTrees(List<PosixChild> roots, int signo) {
        return new Walk(roots).run(signo);
    }

    /** A proved member: its pid when proved and a pidfd of it, which no reuse of the pid can redirect. */
    private static final class Member {
        final int pid;
        final int fd;

        Member(int pid, int fd) {
            this.pid = pid;
            this.fd = fd;
        }
    }

    /** One walk: its members and groups. */
    private final class Walk {
        private final List<PosixChild> roots;
        private final ProcFiles files = new ProcFiles(PROC);
        /** Members by pid, in the order they were proved (parents before their children). */
        private final Map<Integer, Member> members = new LinkedHashMap<>();
        /** Group ids of roots that lead their own group, to the child holding the group's pidfd. */
        private final Map<Integer, PosixChild> groups = new LinkedHashMap<>();

        Walk(List<PosixChild> roots) {
            this.roots = roots;
        }

        boolean[] run(int signo) {
            boolean[] alive = new boolean[roots.size()];
            try {
                freeze(alive);
                deliver(signo, alive);
            } finally {
                for (Member m : members.values()) {
                    Spawner.quietClose(m.fd);
                }
            }
            return alive;
        }

        private void freeze(boolean[] alive) {
            int stop = c.SIGSTOP;
            for (int i = 0; i < roots.size(); i++) {
                PosixChild r = roots.get(i);
                if (r.ownGroup() && r.signalGroup(stop)) {
                    groups.put(r.pgid(), r);
                }
                int fd = r.openPidfd(); // -1 once reaped: a reaped pid is never a root
                if (fd >= 0) {
                    if (send(fd, stop)) {
                        members.put(r.pid(), new Member(r.pid(), fd));
                        alive[i] = true;
                    } else {
                        Spawner.quietClose(fd);
                    }
                }
            }
            if (members.isEmpty() && groups.isEmpty()) {
                return;
            }
            long quietSince = System.nanoTime();
            for (int walk = 0; walk < TreeKill.MAX_WALKS; walk++) {
                boolean allStopped = allStopped();
                int added = walkOnce();
                if (added == 0 && allStopped) {
                    LOG.debug("tree frozen after {} walk(s): {} member(s), {} group(s)", walk + 1,
                            members.size(), groups.size());
                    return;
                }
                if (added > 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > STOP_PATIENCE_NANOS) {
                    break; // nothing new, but a member never shows as stopped (a vfork parent waits in D state)
                } else if (walk > 20) {
                    TreeKill.pause(); // a member has not reached its stop yet
                }
            }
            LOG.debug("tree not seen fully stopped ({} members); signalling them", members.size());
        }

        /** Reads the table once, proves and freezes every new descendant; returns how many. */
        private int walkOnce() {
            String[] names = new File("/proc").list();
            if (names == null) {
                return 0;
            }
            int added = 0;
            for (String name : names) {
                int pid = LinuxProcessTable.parsePid(name);
                if (pid <= 0 || members.containsKey(pid)) {
                    continue;
                }
                ProcStat st = stat(pid);
                if (st == null || !related(st)) {
                    continue;
                }
                if (prove(pid)) {
                    added++;
                }
            }
            return added;
        }

        private boolean related(ProcStat st) {
            return members.containsKey(st.ppid()) || groups.containsKey(st.pgrp());
        }

        /** Opens, re-reads, checks the link still holds, and freezes through the pidfd; see the class notes. */
        private boolean prove(int pid) {
            int fd;
            try {
                fd = pidfds.open(pid, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != c.ESRCH) {
                    LOG.debug("pidfd_open({}) during a tree walk: errno {}", pid, e.getErrorCode());
                }
                return false;
            }
            boolean keep = false;
            try {
                ProcStat st = stat(pid);
                if (st == null) {
                    return false;
                }
                Member parent = members.get(st.ppid());
                PosixChild group = groups.get(st.pgrp());
                boolean linked = parent != null && send(parent.fd, 0) || group != null && group.signalGroup(0);
                if (linked && send(fd, c.SIGSTOP)) {
                    members.put(pid, new Member(pid, fd));
                    keep = true;
                    return true;
                }
                return false;
            } finally {
                if (!keep) {
                    Spawner.quietClose(fd);
                }
            }
        }

        /** Whether every member is stopped, a zombie, or gone (none can fork any more). */
        private boolean allStopped() {
            for (Member m : members.values()) {
                if (!send(m.fd, 0)) {
                    continue; // reaped by its parent: gone
                }
                ProcStat st = stat(m.pid);
                // Read by pid, so it may describe a process that reused the number after m was reaped: then
                // the answer only costs or saves one more walk, as m itself cannot fork any more.
                if (st != null && st.state() != 'T' && st.state() != 't' && st.state() != 'Z'
                        && st.state() != 'X') {
                    return false;
                }
            }
            return true;
        }

        private void deliver(int signo, boolean[] alive) {
            for (PosixChild g : groups.values()) {
                g.signalGroup(signo);
            }
            for (Member m : members.values()) {
                send(m.fd, signo);
            }
            if (signo != c.SIGKILL && signo != c.SIGSTOP) {
                for (PosixChild g : groups.values()) {
                    g.signalGroup(c.SIGCONT);
                }
                for (Member m : members.values()) {
                    send(m.fd, c.SIGCONT);
                }
            }
        }

        private ProcStat stat(int pid) {
            try {
                int n = files.read(pid, "stat");
                return ProcStat.parse(files.bytes(), n);
            } catch (IOException | IllegalArgumentException gone) {
                return null;
            }
        }

        /** @return true if sent; false when the process is gone (or may not be signalled) */
        private boolean send(int fd, int signo) {
            try {
                pidfds.sendSignal(fd, signo);
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != c.ESRCH) {
                    LOG.debug("pidfd_send_signal({}) during a tree kill: errno {}", signo,
                            e.getErrorCode());
                }
                return false;
            }
        }
    }
}
