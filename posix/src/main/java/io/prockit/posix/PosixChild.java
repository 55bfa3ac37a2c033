package io.prockit.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.ExitStatus;
import io.prockit.ResourceUsage;
import io.prockit.Signal;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.linux.LinuxConstants;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.Termination;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child spawned by the POSIX backend.
 *
 * <p>Its lock guards whether it has been reaped, its pidfd (Linux), and the pidfd kept for its own process
 * group ({@link #signalGroup}: every use and the close happen under the lock, so no number is reused under it).
 * {@link #tryReap()} runs {@code wait4(pid, WNOHANG)} under the lock and, once it returns the pid,
 * marks the child reaped and closes the pidfd; {@link #signal(int)} checks the mark under the same
 * lock, so a reaped pid (which the kernel may hand to a new process) is never signalled.
 */
final class PosixChild implements ChildHandle {
    /** One {@code struct rusage} buffer per reaping thread (the reaper, or a waiter), read before it is reused. */
    private static final ThreadLocal<Memory> RUSAGE = new ThreadLocal<>() {
        @Override
        protected Memory initialValue() {
            return new Memory(Math.max(PosixBackend.table().SIZEOF_rusage, 8));
        }
    };
    /** One {@code struct pollfd} (8 bytes) per waiting thread. */
    private static final ThreadLocal<Memory> POLLFD = new ThreadLocal<>() {
        @Override
        protected Memory initialValue() {
            return new Memory(8);
        }
    };
    /** The longest a waiting thread stays in one {@code poll(2)}: how late it may notice an interrupt. */
    static final int POLL_SLICE_MS = 50;

    private final PosixBackend backend;
    private final int pid;
    private final int pgid;
    private final FdStreams.Out stdin;
    private final FdStreams.In stdout;
    private final FdStreams.In stderr;
    private final CompletableFuture<Termination> termination = new CompletableFuture<>();
    private final Object lock = new Object();
    private int pidfd;          // -1 when none (no pidfd support, or closed after reaping)
    private boolean reaped;
    private int waiters;        // threads polling the pidfd in awaitTermination
    private int pidfdToClose = -1; // the pidfd of a child reaped while waiters polled it: the last one closes it
    private final boolean ownGroup;
    private int groupPidfd = -1; // a pidfd kept for the child's own group (anchorGroup), closed when it empties
    private volatile boolean detached;
    /** Its own cgroup v2 directory ({@code PosixOptions.ownCgroup}), or null. */
    private volatile java.nio.file.Path cgroup;
    /** The pseudo-terminal master when the child runs in one ({@code Command.pty}), else null. */
    private volatile FdStreams.Fd ptyMaster;

    PosixChild(PosixBackend backend, int pid, int pgid, boolean ownGroup, int pidfd, FdStreams.Out stdin,
               FdStreams.In stdout, FdStreams.In stderr) {
        this.backend = backend;
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

    /** @return the process group the child was started in */
    int pgid() {
        return pgid;
    }

    /** @return the pidfd, or -1; only meaningful while not reaped */
    int pidfd() {
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
     * Waits in the calling thread (Linux, with pidfds): the thread polls the child's pidfd for its exit, in
     * slices of {@value #POLL_SLICE_MS} ms so an interrupt is noticed, and reaps the child itself through
     * {@link #tryReap()} when it has exited. That saves the hand-off of the reaper-thread path (kernel wakes
     * the reaper, the reaper reaps and completes the future, the future wakes this thread), which was most
     * of prockit's wait overhead over a C {@code waitpid} loop.
     *
     * <p>While at least one thread waits here, the child is out of the reaper's epoll set (see
     * {@link #startWaiting()}), so its exit wakes only the waiting threads; the last waiter to leave hands
     * a child still unreaped back to the reaper (a timeout, an interrupt). Races stay harmless: the reaper
     * may already hold the exit event when the child leaves its set, and several waiters may see the exit
     * at once; {@code tryReap} runs under the child's lock and reaps exactly once, and whoever loses finds
     * the child reaped. The pidfd stays open while any waiter polls it, even after the child is reaped, so
     * no waiter ever polls a descriptor number the process has since reused.
     *
     * <p>Falls back to waiting for {@link #termination()} without pidfds (macOS, old kernels), on a virtual
     * thread (a native poll would pin its carrier), for a zero timeout, and once the child is reaped.
     */
    @Override
    public Termination awaitTermination(long nanos) throws InterruptedException, ExecutionException,
            TimeoutException {
        // Beyond ~146 years counts as no limit (keeps the deadline arithmetic from overflowing).
        long deadline = nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        if (nanos > 0 && !termination.isDone() && !isVirtual(Thread.currentThread())) {
            int fd = startWaiting();
            if (fd >= 0) {
                boolean exited;
                boolean reapedNow = false;
                try {
                    exited = pollForExit(fd, deadline);
                    if (exited) {
                        try {
                            reapedNow = tryReap();
                        } catch (RuntimeException e) {
                            PosixBackend.LOG.debug("reaping {} in its waiter failed; leaving it to the reaper",
                                    this, e);
                        }
                    }
                } finally {
                    stopWaiting();
                }
                if (reapedNow) {
                    // Completed, or about to be by a reaper thread that won the race (it completes the
                    // future right after leaving the lock), so no deadline applies any more.
                    return termination.get();
                }
                if (!exited) {
                    throw new TimeoutException();
                }
            }
        }
        if (deadline == Long.MAX_VALUE) {
            return termination.get();
        }
        return termination.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Counts the calling thread as a waiter. The first takes the child out of the reaper's set, so the exit
     * wakes the waiting thread alone instead of the reaper thread as well (measured: 10-15 µs per spawn+wait
     * on two busy cores).
     *
     * @return the pidfd to poll, or -1 when the child is reaped or has no pidfd
     */
    private int startWaiting() {
        synchronized (lock) {
            if (reaped || pidfd < 0) {
                return -1;
            }
            if (waiters++ == 0) {
                backend.reaper().forget(this, pidfd);
            }
            return pidfd;
        }
    }

    /** The last waiter out hands an unreaped child back to the reaper, or closes a reaped child's pidfd. */
    private void stopWaiting() {
        synchronized (lock) {
            if (--waiters > 0) {
                return;
            }
            if (reaped) {
                if (pidfdToClose >= 0) {
                    Spawner.quietClose(pidfdToClose);
                    pidfdToClose = -1;
                }
            } else {
                backend.watch(this);
            }
        }
    }

    private static boolean isVirtual(Thread t) {
        // Thread.isVirtual() is Java 21; the class name works from Java 17 on.
        return t.getClass().getName().equals("java.lang.VirtualThread");
    }

    /**
     * Polls {@code fd} until it is readable (the child exited), the deadline passes or the child is reaped.
     *
     * @return false only when the deadline passed
     */
    private boolean pollForExit(int fd, long deadline) throws InterruptedException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            int sliceMs = POLL_SLICE_MS;
            if (deadline != Long.MAX_VALUE) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return termination.isDone();
                }
                sliceMs = (int) Math.min(POLL_SLICE_MS, (left + 999_999) / 1_000_000);
            }
            int n;
            try {
                n = pollReadable(fd, sliceMs);
            } catch (LastErrorException e) {
                // Unexpected: let the caller wait for the reaper instead.
                PosixBackend.LOG.debug("poll on the pidfd of {} failed: errno {}", this, e.getErrorCode());
                return true;
            }
            if (n > 0 || termination.isDone()) {
                return true;
            }
        }
    }

    /**
     * One {@code poll(2)} of {@code fd} for {@code POLLIN} (Linux), through the calling thread's
     * {@code struct pollfd}.
     *
     * @param fd a pidfd
     * @param ms the longest wait
     * @return above 0 when readable, 0 when the time passed or a signal interrupted the call (EINTR)
     * @throws LastErrorException for any other failure
     */
    private static int pollReadable(int fd, int ms) {
        Memory pfd = POLLFD.get();
        pfd.setInt(0, fd);
        pfd.setShort(4, (short) LinuxConstants.POLLIN); // events
        pfd.setShort(6, (short) 0);                      // revents
        try {
            return LinuxLibC.poll(pfd, 1, ms);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == PosixBackend.table().EINTR) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Reaps the child if it has ended. Called by the reaper when the child's pidfd (or kqueue event)
     * says it exited; harmless when it has not.
     *
     * @return true if the child is reaped now (by this call or before)
     */
    boolean tryReap() {
        Termination t;
        synchronized (lock) {
            if (reaped) {
                return true;
            }
            PosixConstants c = backend.c;
            int[] status = new int[1];
            Memory ru = RUSAGE.get();
            ru.clear();
            int r;
            while (true) {
                try {
                    r = LibC.wait4(pid, status, c.WNOHANG, ru);
                    break;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == c.EINTR) {
                        continue;
                    }
                    if (e.getErrorCode() == c.ECHILD) {
                        // Someone outside prockit reaped it (SIGCHLD set to SIG_IGN, or a waitpid(-1) elsewhere).
                        markReapedLocked();
                        termination.completeExceptionally(backend.errors.of("wait4", pid, c.ECHILD));
                        return true;
                    }
                    throw backend.errors.of("wait4", pid, e);
                }
            }
            if (r != pid) {
                return false;
            }
            markReapedLocked();
            t = backend.termination(status[0], ru);
        }
        PosixBackend.LOG.debug("reaped pid {}: {}", pid, t.status());
        termination.complete(t);
        return true;
    }

    private void markReapedLocked() {
        reaped = true;
        // Every reaper drops the child here, with or without a pidfd (the kqueue reaper keys by pid).
        backend.reaper().forget(this, pidfd);
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
                    backend.pidfds().sendSignal(pidfd, signo);
                } else {
                    // Safe without a pidfd: the pid cannot be reused until we reap it, and reaping takes this lock.
                    LibC.kill(pid, signo);
                }
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == backend.c.ESRCH) {
                    return false;
                }
                throw backend.errors.of(pidfd >= 0 ? "pidfd_send_signal" : "kill", pid, e);
            }
        }
    }

    /**
     * Gives the child its pseudo-terminal master (its stdin and stdout are duplicates of it); kept for
     * {@link #resizePty} and closed by {@link #closeStreams()}.
     */
    void usePty(FdStreams.Fd master) {
        this.ptyMaster = master;
    }

    /**
     * {@code TIOCSWINSZ} on the master: the kernel changes the size and sends {@code SIGWINCH} to the
     * terminal's foreground process group. Under the descriptor's lock, so a concurrent close cannot hand
     * the number to another file first.
     */
    @Override
    public void resizePty(int rows, int columns) {
        FdStreams.Fd master = ptyMaster;
        if (master == null) {
            ChildHandle.super.resizePty(rows, columns);
            return;
        }
        synchronized (master) {
            int fd;
            try {
                fd = master.get("pty of " + pid);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the pseudo-terminal of child " + pid + " is closed", e);
            }
            new PosixSystem(backend).setWindowSize(fd, rows, columns);
        }
        PosixBackend.LOG.debug("pty of pid {} resized to {}x{}", pid, rows, columns);
    }

    /** Marks a child started with {@code detach()}: the exit hook leaves it running. */
    void markDetached() {
        detached = true;
    }

    /** @return whether the child was started detached */
    boolean detached() {
        return detached;
    }

    @Override
    public boolean terminate() {
        return signal(backend.c.SIGTERM);
    }

    @Override
    public boolean kill() {
        return signal(backend.c.SIGKILL);
    }

    @Override
    public boolean killTree() {
        return signalTree(backend.c.SIGKILL);
    }

    /**
     * Freezes the tree, proves each member, then signals; see {@link TreeKill}. A child in its own cgroup gets
     * {@code cgroup.kill} first for SIGKILL (the walk then finds what was left outside the cgroup).
     */
    @Override
    public boolean signalTree(int signo) {
        // Read before cgroup.kill: that kills the child too, and the reaper may reap it before the walk starts.
        boolean wasAlive = !reapedNow();
        boolean cg = signo == backend.c.SIGKILL && killCgroup();
        boolean alive = new TreeKill(backend).signalTrees(java.util.List.of(this), signo)[0] || cg && wasAlive;
        if (cg) {
            // Everything in it was killed: remove it once the kernel has seen the last one exit (bounded wait).
            java.nio.file.Path dir = cgroup;
            if (dir != null && Cgroups.removeWhenEmpty(dir, 1000)) {
                backend.releaseCgroupIfEmpty(this);
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
            PosixBackend.LOG.debug("cgroup.kill of {} failed: {}", dir, e.getMessage());
            return false;
        }
    }

    /** @return whether the child was started as the leader of its own process group (or session) */
    boolean ownGroup() {
        return ownGroup;
    }

    /**
     * Keeps a pidfd of this child for its process group (Linux 6.9+, a child leading its own group): opened
     * right after the spawn, while the child cannot have been reaped, so it is this child's {@code struct pid},
     * which is also the group's id. {@link #signalGroup} signals through it after the leader is gone.
     */
    void anchorGroup() {
        if (!ownGroup || !backend.groupSignals()) {
            return;
        }
        synchronized (lock) {
            if (reaped || groupPidfd >= 0) {
                return;
            }
            try {
                groupPidfd = backend.pidfds().open(pid, 0);
            } catch (LastErrorException e) {
                PosixBackend.LOG.debug("pidfd_open({}) for its group failed: errno {}", pid, e.getErrorCode());
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
    boolean signalGroup(int signo) {
        if (!ownGroup) {
            return false;
        }
        synchronized (lock) {
            if (groupPidfd >= 0) {
                try {
                    backend.pidfds().sendGroupSignal(groupPidfd, signo);
                    return true;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == backend.c.ESRCH) {
                        closeGroupAnchorLocked();
                    } else {
                        PosixBackend.LOG.debug("pidfd_send_signal({}, group of {}) failed: errno {}", signo, pid,
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
                PosixBackend.LOG.debug("killpg({}, {}) failed: errno {}", pgid, signo, e.getErrorCode());
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
            backend.groupReleased(this);
        }
    }

    /**
     * @return a new pidfd of this child (the caller closes it), or -1 once it has been reaped: opened under the
     * lock, so it cannot belong to a process that reused the pid
     */
    int openPidfd() {
        synchronized (lock) {
            if (reaped) {
                return -1;
            }
            try {
                return backend.pidfds().open(pid, 0);
            } catch (LastErrorException e) {
                PosixBackend.LOG.debug("pidfd_open({}) failed: errno {}", pid, e.getErrorCode());
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
        backend.forget(this);
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

    static ExitStatus decode(PosixStatusCodec codec, int status) {
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
