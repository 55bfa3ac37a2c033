package io.prockit.posix.process;

import io.prockit.OsException;
import io.prockit.ProcessState;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
 * <p><b>The proof, Linux with pidfds</b>: the platform's {@link TreeWalk} ({@code linux.PidfdTreeWalk}, picked by
 * the composition root) proves each candidate through pidfds and {@code /proc}, so no pid number is ever passed
 * to {@code kill(2)}; its class comment gives the argument. A child prockit has reaped is never a root: its pid
 * may already be someone else's.
 *
 * <p><b>Groups.</b> A child started in its own process group (or session) keeps a pidfd of itself from
 * spawn on ({@link PosixChild#signalGroup}); {@code pidfd_send_signal(..., PIDFD_SIGNAL_PROCESS_GROUP)}
 * (Linux 6.9+) signals the group whose id is that very {@code struct pid}, so it reaches the rest of the
 * group even after the leader exited and was reaped, and can never reach a new group that reuses the number:
 * the kernel frees a pid number only when no process uses it as a pid, group id or session id, and a freed
 * {@code struct pid} never gets members again. Without that flag, the group is signalled with
 * {@code killpg} only while the leader is unreaped (then its id cannot have been reused).
 *
 * <p><b>Elsewhere</b> (macOS, Linux without pidfds): the same walk over the process table, here, with the
 * (pid, start time) identity checked again right before each {@code kill(2)}; a pid freed and reused within
 * the microseconds between that check and the signal can still be hit.
 *
 * <p><b>What escapes.</b> A descendant that had already left the tree before the freeze: its parent exited
 * so it was re-parented to init (a double fork, typically followed by {@code setsid} in a daemon), and it
 * is not in the child's process group. Also a descendant that prockit may not signal ({@code EPERM}: a
 * set-user-ID program) and whatever it starts.
 */
public final class TreeKill {
    private static final Logger LOG = LoggerFactory.getLogger(TreeKill.class);
    /** The most walks: a bound against a pathological table, far above what a real tree needs. */
    public static final int MAX_WALKS = 10_000;

    private final PosixConstants c;
    private final Supplier<ProcessTableProvider> table;
    private final TreeWalk platformWalk;

    /**
     * @param c            the constants
     * @param table        the process table (created on first use), for the portable walk
     * @param platformWalk the platform's walk (Linux with pidfds), or null for the portable walk
     */
    public TreeKill(PosixConstants c, Supplier<ProcessTableProvider> table, TreeWalk platformWalk) {
        this.c = c;
        this.table = table;
        this.platformWalk = platformWalk;
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
        return signalTrees(roots, signo, platformWalk != null);
    }

    /**
     * @param roots  see {@link #signalTrees(List, int)}
     * @param signo  the signal
     * @param platform the platform's walk (Linux with pidfds); false takes the portable walk over the process
     *                 table, as on macOS (tests run it on Linux too)
     * @return see {@link #signalTrees(List, int)}
     */
    boolean[] signalTrees(List<PosixChild> roots, int signo, boolean platform) {
        return platform ? platformWalk.signalTrees(roots, signo) : new TableWalk(roots).run(signo);
    }

    private void cont(PosixChild child) {
        child.signalGroup(c.SIGCONT);
    }

    /** Lets a member that has not reached its stop yet get there: 1 ms. */
    public static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep going: a half-frozen tree must still be ended
        }
    }

    // ---- elsewhere: the process table with (pid, start time) checks ----------------------------------

    private final class TableWalk {
        private final List<PosixChild> roots;
        private final ProcessTableProvider table = TreeKill.this.table.get();
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
                LOG.debug("signal {} to {} during a tree kill: {}", signo, e.pid(), x.getMessage());
                return false;
            }
        }
    }
}
