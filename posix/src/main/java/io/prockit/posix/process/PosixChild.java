package io.prockit.posix.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.ExitStatus;
import io.prockit.ResourceUsage;
import io.prockit.Signal;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.posix.spawn.Spawner;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.Termination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One child spawned by the POSIX backend.
 *
 * <p>Its lock guards whether it has been reaped (and how it ended, and in which process group), its
 * pidfd (Linux), how many threads poll that pidfd, whether the reaper watches it, and the pidfd kept for its
 * own process group ({@link #signalGroup}: every use and the close happen under the lock, so no number is
 * reused under it). {@link #tryReap()} reaps under the lock through the {@link WaitEngine} and, once the pid is reaped,
 * marks the child reaped and closes the pidfd; {@link #signal(int)} checks the mark under the same
 * lock, so a reaped pid (which the kernel may hand to a new process) is never signalled. Waiting
 * itself ({@link #awaitTermination}) is the {@link WaitEngine}'s.
 */
public final class PosixChild implements ChildHandle {
    private static final Logger LOG = LoggerFactory.getLogger(PosixChild.class);
    /** What this backend's children share (the platform, the wait engine, the reaper ...), not the backend. */
    private final ChildContext ctx;
    private final int pid;
    private final int pgid;
    private final FdStreams.Out stdin;
    private final FdStreams.In stdout;
    private final FdStreams.In stderr;
    private final CompletableFuture<Termination> termination = new CompletableFuture<>();
    private final Object lock = new Object();
    private int pidfd;          // -1 when none (no pidfd support, or closed after reaping)
    private boolean reaped;
    private int waiters;        // threads polling the pidfd in WaitEngine.awaitExit
    private boolean inReaper = true; // in the reaper's set (false while waiters poll, or left to a kernel waiter)
    private int pidfdToClose = -1; // the pidfd of a child reaped while waiters polled it: the last one closes it
    private int pgidAtExit;     // the group the child was in when it was reaped (WaitEngine matches group waits)
    private Termination reapedAs; // set with reaped, under the lock: how it ended (null if someone else reaped it)
    private final boolean ownGroup;
    private int groupPidfd = -1; // a pidfd kept for the child's own group (anchorGroup), closed when it empties
    private volatile boolean detached;
    /** Its own cgroup v2 directory ({@code PosixOptions.ownCgroup}), or null. */
    private volatile java.nio.file.Path cgroup;
    /** The pseudo-terminal master when the child runs in one ({@code Command.pty}), else null. */
    private volatile FdStreams.Fd ptyMaster;

    PosixChild(ChildContext ctx, int pid, int pgid, boolean ownGroup, int pidfd, FdStreams.Out stdin,
               FdStreams.In stdout, FdStreams.In stderr) {
        this.ctx = ctx;
        this.pid = pid;
        this.pgid = pgid;
        this.ownGroup = ownGroup;
        this.pidfd = pidfd;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public int pid() {
        return pid;
    }

    /** @return what this backend's children share (tests in this package reach the wait engine through it) */
    ChildContext context() {
        return ctx;
    }

    /** @return the process group the child was started in */
    public int pgid() {
        return pgid;
    }

    /** @return the pidfd, or -1; only meaningful while not reaped */
    public int pidfd() {
        synchronized (lock) {
            return pidfd;
        }
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public CompletableFuture<Termination> termination() {
        return termination;
    }

    /**
     * Waits through the backend's {@link WaitEngine}: on Linux the calling thread polls this child's pidfd and
     * reaps the child itself (see {@link WaitEngine#awaitExit}).
     */
    @Override
    public Termination awaitTermination(long nanos) throws InterruptedException, ExecutionException,
            TimeoutException {
        return ctx.waits.awaitExit(this, nanos);
    }

    /**
     * Counts the calling thread as a waiter polling the pidfd ({@link WaitEngine#awaitExit}). The first takes the
     * child out of the reaper's set, so the exit wakes the waiting thread alone instead of the reaper thread as
     * well (measured: 10-15 µs per spawn+wait on two busy cores).
     *
     * @return the pidfd to poll, or -1 when the child is reaped or has no pidfd
     */
    int startWaiting() {
        synchronized (lock) {
            if (reaped || pidfd < 0) {
                return -1;
            }
            if (waiters++ == 0 && inReaper) {
                ctx.reaping.forget(this, pidfd);
                inReaper = false;
            }
            return pidfd;
        }
    }

    /** The last waiter out hands an unreaped child back to the reaper, or closes a reaped child's pidfd. */
    void stopWaiting() {
        synchronized (lock) {
            if (--waiters > 0) {
                return;
            }
            if (reaped) {
                if (pidfdToClose >= 0) {
                    Spawner.quietClose(pidfdToClose);
                    pidfdToClose = -1;
                }
            } else if (!inReaper) {
                inReaper = true; // first: watch may leave the child to a kernel waiter at once (kqueue, ESRCH)
                ctx.reaping.watch(this);
            }
        }
    }

    /**
     * The reaper's entry, for a child whose exit it saw (or, polling, any child): reaps it, unless a group
     * wait blocked in the kernel must see this exit ({@link WaitEngine#deferIfWaitedFor}).
     *
     * @return true when the reaper is done with the child: reaped, or left to a kernel waiter
     */
    public boolean reapForReaper() {
        WaitEngine waits = ctx.waits;
        if (waits.kernelWaitersPresent()) {
            // Lock order: the child's lock, then the engine's (as in backToReaper, which a leaving waiter calls).
            synchronized (lock) {
                if (!reaped && waits.deferIfWaitedFor(this, WaitEngine.currentGroup(pid, pgid))) {
                    if (inReaper) {
                        ctx.reaping.forget(this, pidfd);
                        inReaper = false;
                    }
                    return true;
                }
            }
        }
        return tryReap();
    }

    /** Hands a child left to kernel waiters back to the reaper, unless it is reaped or polled by waiters. */
    void backToReaper() {
        synchronized (lock) {
            if (!reaped && waiters == 0 && !inReaper) {
                // First: the kqueue reaper's register handles an already-exited child at once (ESRCH) and may
                // leave it to a kernel waiter again, which clears the flag; set after, it would claim a watch
                // that does not exist and the child would never be handed back.
                inReaper = true;
                ctx.reaping.watch(this);
            }
        }
    }

    /**
     * Reaps the child if it has ended. Called by the reaper when the child's pidfd (or kqueue event)
     * says it exited, and by the {@link WaitEngine} when a wait finds it exited; harmless when it has not.
     *
     * <p>Before reaping, the child's current process group is read ({@code getpgid} of an unreaped child is
     * safe: the pid cannot be reused yet), so a later {@code waitpid(0)} or {@code waitpid(-pgid)} matches the
     * group the child was in when it ended, not the one it was spawned in.
     *
     * @return true if the child is reaped now (by this call or before)
     */
    boolean tryReap() {
        Termination t;
        synchronized (lock) {
            if (reaped) {
                return true;
            }
            PosixConstants c = ctx.c;
            int[] status = new int[1];
            Memory ru = ctx.rusage.get();
            ru.clear();
            int group = WaitEngine.currentGroup(pid, pgid);
            int r;
            try {
                r = WaitEngine.reap(pid, status, ru, c);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == c.ECHILD) {
                    // Someone outside prockit reaped it (SIGCHLD set to SIG_IGN, or a waitpid(-1) elsewhere).
                    pgidAtExit = group;
                    markReapedLocked();
                    termination.completeExceptionally(ctx.errors.of("wait4", pid, c.ECHILD));
                    return true;
                }
                throw ctx.errors.of("wait4", pid, e);
            }
            if (r != pid) {
                return false;
            }
            pgidAtExit = group;
            t = ctx.termination(status[0], ru);
            reapedAs = t;
            markReapedLocked();
        }
        LOG.debug("reaped pid {}: {}", pid, t.status());
        termination.complete(t);
        return true;
    }

    /**
     * What the wait engine needs of a reaped child. Taken under the child's lock, so a reap in progress on
     * another thread has finished (or not begun) when this answers.
     *
     * @return null while the child is not reaped
     */
    Reaped reapedState() {
        synchronized (lock) {
            return reaped ? new Reaped(reapedAs, pgidAtExit) : null;
        }
    }

    /**
     * A reaped child's outcome.
     *
     * @param termination how it ended, or null when something outside prockit reaped it
     * @param pgid        the process group it was in when it was reaped
     */
    record Reaped(Termination termination, int pgid) {
    }

    private void markReapedLocked() {
        reaped = true;
        inReaper = false;
        // Every reaper drops the child here, with or without a pidfd (the kqueue reaper keys by pid).
        ctx.reaping.forget(this, pidfd);
        if (pidfd >= 0) {
            if (waiters > 0) {
                pidfdToClose = pidfd; // still polled: the last waiter closes it (stopWaiting)
            } else {
                Spawner.quietClose(pidfd);
            }
            pidfd = -1;
        }
    }

    @Override
    public boolean signal(int signo) {
        synchronized (lock) {
            if (reaped) {
                return false;
            }
            try {
                if (pidfd >= 0) {
                    ctx.platform.signalPidfd(pidfd, signo);
                } else {
                    // Safe without a pidfd: the pid cannot be reused until we reap it, and reaping takes this lock.
                    LibC.kill(pid, signo);
                }
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == ctx.c.ESRCH) {
                    return false;
                }
                throw ctx.errors.of(pidfd >= 0 ? "pidfd_send_signal" : "kill", pid, e);
            }
        }
    }

    /**
     * Gives the child its pseudo-terminal master (its stdin and stdout are duplicates of it); kept for
     * {@link #resizePty} and closed by {@link #closeStreams()}.
     */
    void usePty(FdStreams.Fd master) {
        this.ptyMaster = master;
        if (stdout != null) {
            try {
                int fd = master.acquire();
                try {
                    stdout.wakeThrough(ctx.terminal.ptsname(fd)); // a close wakes a blocked read
                } finally {
                    master.release();
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debug("pty of pid {}: no slave path ({}); a close leaves a blocked read to the child",
                        pid, e.toString());
            }
        }
    }

    /**
     * {@code TIOCSWINSZ} on the master: the kernel changes the size and sends {@code SIGWINCH} to the
     * terminal's foreground process group. The descriptor is held for the call, so a concurrent close cannot
     * hand the number to another file first.
     */
    @Override
    public void resizePty(int rows, int columns) {
        FdStreams.Fd master = ptyMaster;
        if (master == null) {
            ChildHandle.super.resizePty(rows, columns);
            return;
        }
        int fd;
        try {
            fd = master.acquire();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the pseudo-terminal of child " + pid + " is closed", e);
        }
        try {
            ctx.terminal.setWindowSize(fd, rows, columns);
        } finally {
            master.release();
        }
        LOG.debug("pty of pid {} resized to {}x{}", pid, rows, columns);
    }

    /** Marks a child started with {@code detach()}: the exit hook leaves it running. */
    public void markDetached() {
        detached = true;
    }

    /** @return whether the child was started detached */
    boolean detached() {
        return detached;
    }

    @Override
    public boolean terminate() {
        return signal(ctx.c.SIGTERM);
    }

    @Override
    public boolean kill() {
        return signal(ctx.c.SIGKILL);
    }

    @Override
    public boolean killTree() {
        return signalTree(ctx.c.SIGKILL);
    }

    /**
     * Freezes the tree, proves each member, then signals; see {@link TreeKill}. A child in its own cgroup gets
     * {@code cgroup.kill} first for SIGKILL (the walk then finds what was left outside the cgroup).
     */
    @Override
    public boolean signalTree(int signo) {
        // Read before cgroup.kill: that kills the child too, and the reaper may reap it before the walk starts.
        boolean wasAlive = !reapedNow();
        boolean cg = signo == ctx.c.SIGKILL && killCgroup();
        boolean alive = ctx.treeKill.signalTrees(java.util.List.of(this), signo)[0] || cg && wasAlive;
        if (cg) {
            // Everything in it was killed: remove it once the kernel has seen the last one exit (bounded wait).
            java.nio.file.Path dir = cgroup;
            if (dir != null && Cgroups.removeWhenEmpty(dir, 1000)) {
                ctx.cgroups.releaseIfEmpty(this);
            }
        }
        return alive;
    }

    private boolean reapedNow() {
        synchronized (lock) {
            return reaped;
        }
    }

    /** Gives the child its own cgroup ({@code PosixOptions.ownCgroup}). */
    void useCgroup(java.nio.file.Path dir) {
        this.cgroup = dir;
    }

    /** @return the child's own cgroup, or null */
    java.nio.file.Path cgroup() {
        return cgroup;
    }

    /**
     * {@code cgroup.kill} on the child's own cgroup, if it has one: the kernel kills every process in it.
     * Safe whether or not the child was reaped: membership is the kernel's, not a pid number.
     *
     * @return whether a cgroup was killed
     */
    boolean killCgroup() {
        java.nio.file.Path dir = cgroup;
        if (dir == null) {
            return false;
        }
        try {
            Cgroups.kill(dir);
            return true;
        } catch (io.prockit.OsException e) {
            LOG.debug("cgroup.kill of {} failed: {}", dir, e.getMessage());
            return false;
        }
    }

    /** @return whether the child was started as the leader of its own process group (or session) */
    public boolean ownGroup() {
        return ownGroup;
    }

    /**
     * Keeps a pidfd of this child for its process group (Linux 6.9+, a child leading its own group): opened
     * right after the spawn, while the child cannot have been reaped, so it is this child's {@code struct pid},
     * which is also the group's id. {@link #signalGroup} signals through it after the leader is gone.
     */
    void anchorGroup() {
        if (!ownGroup || !ctx.platform.groupSignals()) {
            return;
        }
        synchronized (lock) {
            if (reaped || groupPidfd >= 0) {
                return;
            }
            try {
                groupPidfd = ctx.platform.openPidfd(pid, 0);
            } catch (LastErrorException e) {
                LOG.debug("pidfd_open({}) for its group failed: errno {}", pid, e.getErrorCode());
            }
        }
    }

    /** @return whether this child holds a pidfd for its group (see {@link #anchorGroup}) */
    boolean hasGroupAnchor() {
        synchronized (lock) {
            return groupPidfd >= 0;
        }
    }

    /**
     * Signals the child's own process group, if it leads one and the group can be proved to be still the
     * same: through the group pidfd ({@code PIDFD_SIGNAL_PROCESS_GROUP}: the kernel reaches exactly the
     * group of this {@code struct pid}, even after the leader was reaped), else with {@code killpg} while the
     * leader is unreaped (its id cannot have been reused then). Under the lock, so the pidfd is never closed
     * meanwhile. A group found empty stays empty (a freed {@code struct pid} gets no members again), so its
     * pidfd is closed then.
     *
     * @param signo a signal, or 0 to ask whether the group still has members
     * @return whether the group had members to signal
     */
    public boolean signalGroup(int signo) {
        if (!ownGroup) {
            return false;
        }
        synchronized (lock) {
            if (groupPidfd >= 0) {
                try {
                    ctx.platform.signalGroupPidfd(groupPidfd, signo);
                    return true;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == ctx.c.ESRCH) {
                        closeGroupAnchorLocked();
                    } else {
                        LOG.debug("pidfd_send_signal({}, group of {}) failed: errno {}", signo, pid,
                                e.getErrorCode());
                    }
                    return false;
                }
            }
            if (reaped) {
                return false;
            }
            try {
                LibC.killpg(pgid, signo);
                return true;
            } catch (LastErrorException e) {
                LOG.debug("killpg({}, {}) failed: errno {}", pgid, signo, e.getErrorCode());
                return false;
            }
        }
    }

    /** Closes the group pidfd, if any: the group is empty, or nobody can reach this child any more. */
    void closeGroupAnchor() {
        synchronized (lock) {
            closeGroupAnchorLocked();
        }
    }

    private void closeGroupAnchorLocked() {
        if (groupPidfd >= 0) {
            Spawner.quietClose(groupPidfd);
            groupPidfd = -1;
            ctx.anchors.released(this);
        }
    }

    /**
     * @return a new pidfd of this child (the caller closes it), or -1 once it has been reaped: opened under the
     * lock, so it cannot belong to a process that reused the pid
     */
    public int openPidfd() {
        synchronized (lock) {
            if (reaped) {
                return -1;
            }
            try {
                return ctx.platform.openPidfd(pid, 0);
            } catch (LastErrorException e) {
                LOG.debug("pidfd_open({}) failed: errno {}", pid, e.getErrorCode());
                return -1;
            }
        }
    }

    /** @return this child's table entry, or null once it has been reaped (read under the lock) */
    io.prockit.spi.ProcessEntry entryIfAlive(io.prockit.spi.ProcessTableProvider table) {
        synchronized (lock) {
            if (reaped) {
                return null;
            }
            try {
                return table.get(pid);
            } catch (io.prockit.OsException gone) {
                return null;
            }
        }
    }

    @Override
    public void collected() {
        ctx.registry.remove(this);
        if (ownGroup) {
            signalGroup(0); // releases the group's pidfd at once when the group ended with its leader
        }
    }

    /**
     * Forgets the child once it has ended; its streams' descriptors close when they become unreachable. Runs
     * on the cleaner thread, off the spawn path, so a lambda costs nothing there.
     */
    @Override
    public void abandoned() {
        // A group pidfd stays with the backend (the exit hook ends the group) until the group is empty.
        termination().whenComplete((t, e) -> collected());
    }

    @Override
    public void closeStreams() {
        if (stdin != null) {
            stdin.close();
        }
        if (stdout != null) {
            stdout.close();
        }
        if (stderr != null) {
            stderr.close();
        }
        FdStreams.Fd master = ptyMaster;
        if (master != null) {
            master.close();
        }
    }

    public static ExitStatus decode(PosixStatusCodec codec, int status) {
        if (codec.ifSignaled(status)) {
            return ExitStatus.signaled(Signal.of(codec.termSig(status)), codec.coreDump(status));
        }
        return ExitStatus.exited(codec.exitStatus(status));
    }

    static ResourceUsage rusage(Memory ru, boolean maxrssInKb) {
        // struct rusage on LP64: two struct timeval (tv_sec long at 0, tv_usec read as int at 8: a long on
        // Linux, an int plus padding on macOS; either way the low 32 bits on a little-endian machine), then
        // fourteen longs.
        double ut = ru.getLong(0) + ru.getInt(8) / 1e6;
        double st = ru.getLong(16) + ru.getInt(24) / 1e6;
        long[] f = new long[14];
        for (int i = 0; i < 14; i++) {
            f[i] = ru.getLong(32 + 8L * i);
        }
        return new ResourceUsage(ut, st, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11],
                f[12], f[13], maxrssInKb ? f[0] * 1024 : f[0]);
    }

    @Override
    public String toString() {
        return "PosixChild[" + pid + "]";
    }
}
