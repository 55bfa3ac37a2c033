package io.prockit.posix.process;

import io.prockit.posix.PosixBackend;
import io.prockit.posix.linux.Pidfds;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.spawn.Spawner;
import com.sun.jna.LastErrorException;
import io.prockit.OsException;
import io.prockit.ProcessState;
import io.prockit.posix.linux.ProcFiles;
import io.prockit.posix.linux.ProcStat;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signals whole trees of prockit's children ({@code Child.killTree()}, {@code signalTree}, the exit hook),
 * sending a signal only to a process it has proved descends from one of the children <em>now</em>.
 *
 * <p><b>The walk.</b> Each live child (a root) is frozen first with {@code SIGSTOP}, and so is the process
 * group of each child that leads its own group. Then the process table is read again and again; every
 * process whose parent is a frozen member (or, for a group, whose group is that group) is proved a
 * descendant (below), frozen, and becomes a member. A frozen process cannot start another, so once every
 * member is seen stopped and one more full walk finds nothing new, the set is complete; only then does the
 * real signal go out (top-down, to each member), followed by {@code SIGCONT} when the signal is not
 * {@code SIGKILL}, so that a polite request can be acted on. A busy forking tree cannot outrun this: what
 * it forks before its parent stops is found by the next walk.
 *
 * <p><b>The proof, Linux with pidfds.</b> For a candidate pid P found with parent Q: open a pidfd of P,
 * read {@code /proc/P/stat} again, check that Q is still its parent and that Q's pidfd (held since Q was
 * proved) still reaches a live Q, then send through P's pidfd. If that send succeeds, P was alive from the
 * pidfd's opening to the send, so the stat read in between was P's own (a pid names one live process at a
 * time); and Q was alive from its proof to after the read, so the parent number named our Q. No pid number
 * is ever passed to {@code kill(2)}: a process that exits mid-walk and whose pid is reused is not reached,
 * because its pidfd refers to the old process. A child prockit has reaped is never a root: its pid may
 * already be someone else's.
 *
 * <p><b>Groups.</b> A child started in its own process group (or session) keeps a pidfd of itself from
 * spawn on ({@link PosixChild#signalGroup}); {@code pidfd_send_signal(..., PIDFD_SIGNAL_PROCESS_GROUP)}
 * (Linux 6.9+) signals the group whose id is that very {@code struct pid}, so it reaches the rest of the
 * group even after the leader exited and was reaped, and can never reach a new group that reuses the number:
 * the kernel frees a pid number only when no process uses it as a pid, group id or session id, and a freed
 * {@code struct pid} never gets members again. Without that flag, the group is signalled with
 * {@code killpg} only while the leader is unreaped (then its id cannot have been reused).
 *
 * <p><b>Elsewhere</b> (macOS, Linux without pidfds): the same walk over the process table, with the
 * (pid, start time) identity checked again right before each {@code kill(2)}; a pid freed and reused within
 * the microseconds between that check and the signal can still be hit.
 *
 * <p><b>What escapes.</b> A descendant that had already left the tree before the freeze: its parent exited
 * so it was re-parented to init (a double fork, typically followed by {@code setsid} in a daemon), and it
 * is not in the child's process group. Also a descendant that prockit may not signal ({@code EPERM}: a
 * set-user-ID program) and whatever it starts.
 */
public final class TreeKill {
    /** The most walks: a bound against a pathological table, far above what a real tree needs. */
    private static final int MAX_WALKS = 10_000;
    /** How long walks that find nothing new wait for every member to show as stopped. */
    private static final long STOP_PATIENCE_NANOS = 1_000_000_000L;
    private static final Path PROC = Path.of("/proc");

    private final PosixBackend backend;
    private final PosixConstants c;

    public TreeKill(PosixBackend backend) {
        this.backend = backend;
        this.c = backend.c;
    }

    /**
     * Signals the trees of {@code roots}: each live child, its descendants, and the group of each that leads
     * its own.
     *
     * @param roots children (reaped ones contribute only their group, see the class notes)
     * @param signo the signal
     * @return for each root, whether that child itself was signalled (it was not reaped)
     */
    public boolean[] signalTrees(List<PosixChild> roots, int signo) {
        return signalTrees(roots, signo, backend.pidfds().available());
    }

    /**
     * @param roots  see {@link #signalTrees(List, int)}
     * @param signo  the signal
     * @param pidfds walk with pidfds (Linux); false takes the portable walk over the process table, as on
     *               macOS (tests run it on Linux too)
     * @return see {@link #signalTrees(List, int)}
     */
    boolean[] signalTrees(List<PosixChild> roots, int signo, boolean pidfds) {
        return pidfds ? new PidfdWalk(roots).run(signo) : new TableWalk(roots).run(signo);
    }

    private void cont(PosixChild child) {
        child.signalGroup(c.SIGCONT);
    }

    // ---- Linux with pidfds ---------------------------------------------------------------------------

    /** A proved member: its pid when proved and a pidfd of it, which no reuse of the pid can redirect. */
    private static final class Member {
        final int pid;
        final int fd;

        Member(int pid, int fd) {
            this.pid = pid;
            this.fd = fd;
        }
    }

    private final class PidfdWalk {
        private final List<PosixChild> roots;
        private final Pidfds pidfds = backend.pidfds();
        private final ProcFiles files = new ProcFiles(PROC);
        /** Members by pid, in the order they were proved (parents before their children). */
        private final Map<Integer, Member> members = new LinkedHashMap<>();
        /** Group ids of roots that lead their own group, to the child holding the group's pidfd. */
        private final Map<Integer, PosixChild> groups = new LinkedHashMap<>();

        PidfdWalk(List<PosixChild> roots) {
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
            for (int walk = 0; walk < MAX_WALKS; walk++) {
                boolean allStopped = allStopped();
                int added = walkOnce();
                if (added == 0 && allStopped) {
                    PosixBackend.LOG.debug("tree frozen after {} walk(s): {} member(s), {} group(s)", walk + 1,
                            members.size(), groups.size());
                    return;
                }
                if (added > 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > STOP_PATIENCE_NANOS) {
                    break; // nothing new, but a member never shows as stopped (a vfork parent waits in D state)
                } else if (walk > 20) {
                    pause(); // a member has not reached its stop yet
                }
            }
            PosixBackend.LOG.debug("tree not seen fully stopped ({} members); signalling them", members.size());
        }

        /** Reads the table once, proves and freezes every new descendant; returns how many. */
        private int walkOnce() {
            String[] names = new File("/proc").list();
            if (names == null) {
                return 0;
            }
            int added = 0;
            for (String name : names) {
                int pid = parsePid(name);
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
                    PosixBackend.LOG.debug("pidfd_open({}) during a tree walk: errno {}", pid, e.getErrorCode());
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
                    cont(g);
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
                    PosixBackend.LOG.debug("pidfd_send_signal({}) during a tree kill: errno {}", signo,
                            e.getErrorCode());
                }
                return false;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep going: a half-frozen tree must still be ended
        }
    }

    static int parsePid(String s) {
        int n = 0;
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    // ---- elsewhere: the process table with (pid, start time) checks ----------------------------------

    private final class TableWalk {
        private final List<PosixChild> roots;
        private final ProcessTableProvider table = backend.processTable();
        private final Map<Integer, ProcessEntry> members = new LinkedHashMap<>();

        TableWalk(List<PosixChild> roots) {
            this.roots = roots;
        }

        boolean[] run(int signo) {
            boolean[] alive = new boolean[roots.size()];
            int stop = c.SIGSTOP;
            for (int i = 0; i < roots.size(); i++) {
                PosixChild r = roots.get(i);
                r.signalGroup(stop);
                ProcessEntry e = r.entryIfAlive(table);
                if (e != null && r.signal(stop)) {
                    members.put(r.pid(), e);
                    alive[i] = true;
                }
            }
            if (!members.isEmpty()) {
                for (int walk = 0; walk < MAX_WALKS; walk++) {
                    boolean allStopped = allStopped();
                    int added = 0;
                    for (ProcessEntry e : table.list()) {
                        if (members.containsKey(e.pid()) || !members.containsKey(e.ppid())) {
                            continue;
                        }
                        ProcessEntry parent = members.get(e.ppid());
                        if (table.isRunning(parent) && quiet(e, stop)) {
                            members.put(e.pid(), e);
                            added++;
                        }
                    }
                    if (added == 0 && (allStopped || walk > 1000)) {
                        break;
                    }
                    if (added == 0 && walk > 20) {
                        pause();
                    }
                }
            }
            for (PosixChild r : roots) {
                r.signalGroup(signo);
            }
            for (ProcessEntry e : members.values()) {
                quiet(e, signo);
            }
            if (signo != c.SIGKILL && signo != c.SIGSTOP) {
                for (PosixChild r : roots) {
                    cont(r);
                }
                for (ProcessEntry e : members.values()) {
                    quiet(e, c.SIGCONT);
                }
            }
            return alive;
        }

        private boolean allStopped() {
            for (ProcessEntry m : members.values()) {
                try {
                    ProcessEntry now = table.get(m.pid());
                    if (now.createTime().equals(m.createTime()) && now.state() != ProcessState.STOPPED
                            && now.state() != ProcessState.ZOMBIE) {
                        return false;
                    }
                } catch (OsException gone) {
                    // ended
                }
            }
            return true;
        }

        /** Identity (pid, start time) checked by the table right before {@code kill(2)}. */
        private boolean quiet(ProcessEntry e, int signo) {
            try {
                table.signal(e, signo);
                return true;
            } catch (OsException x) {
                PosixBackend.LOG.debug("signal {} to {} during a tree kill: {}", signo, e.pid(), x.getMessage());
                return false;
            }
        }
    }
}
