package io.prockit.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.WaitResult;
import io.prockit.posix.jna.DarwinLibC;
import io.prockit.posix.jna.LibC;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.SignalTable;
import io.prockit.spi.SpawnRequest;
import io.prockit.spi.StatusCodec;
import io.prockit.spi.Termination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The POSIX backend: Linux (glibc) and macOS through JNA mappings of libc.
 *
 * <p>Children are started with {@code posix_spawn}, never {@code fork}, and reaped by one thread
 * for all of them: Linux pidfds in an epoll set, macOS a kqueue. Nothing native is loaded until the
 * first call that needs it; {@link #isSupported()} only reads {@code os.name}.
 *
 * <p>Platform notes: Linux is tested on every build; macOS is written from Apple's headers and
 * tested only by the CI matrix. Other Unix systems are not served.
 */
public final class PosixBackend implements ProcessBackend {
    static final Logger LOG = LoggerFactory.getLogger("io.prockit.posix");

    private static volatile PosixConstants running;

    final PosixConstants c;
    final Errors errors;
    private final boolean darwin;
    private final PosixStatusCodec codec;
    private final PosixSignalTable signals;
    private final Map<Integer, PosixChild> children = new ConcurrentHashMap<>();
    private volatile NativeState state;
    /** Spawns hold it shared until the child is marked; the exit hook takes it exclusively. */
    private final ReentrantReadWriteLock spawnGate = new ReentrantReadWriteLock();
    private final AtomicBoolean exitHookInstalled = new AtomicBoolean();
    /** Set by the exit hook before it takes the gate: from then on every spawn is refused. */
    private volatile boolean exiting;
    /** Children that hold a pidfd for their own process group, kept until the group is found empty. */
    private final java.util.Set<PosixChild> groupAnchors = ConcurrentHashMap.newKeySet();
    /** Children started in a cgroup of their own, kept until the cgroup is empty and removed. */
    private final java.util.Set<PosixChild> cgroupChildren = ConcurrentHashMap.newKeySet();
    /** When {@link #groupAnchors} reaches this size, empty groups are pruned (amortised: it then doubles). */
    private volatile int pruneAnchorsAt = 64;

    /** Creates the backend for the running OS; loads no native code. */
    public PosixBackend() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        this.darwin = os.startsWith("mac") || os.startsWith("darwin");
        this.c = darwin ? PosixConstants.darwin() : PosixConstants.linux();
        this.errors = new Errors(c);
        this.codec = darwin ? PosixStatusCodec.DARWIN : PosixStatusCodec.LINUX;
        this.signals = new PosixSignalTable(c);
        running = c;
    }

    static PosixConstants table() {
        PosixConstants r = running;
        return r != null ? r : new PosixBackend().c;
    }

    /** What needs native code, created on first use. */
    private static final class NativeState {
        final Pidfds pidfds;
        final Reaper reaper;
        final Reaper fallback = new PollingReaper();
        final Spawner spawner;
        final Pointer environAddress;   // Linux: &environ; null on macOS (_NSGetEnviron() each time)

        NativeState(PosixBackend b) {
            this.pidfds = new Pidfds(!b.darwin);
            Reaper r;
            if (b.darwin) {
                r = new KqueueReaper(fallback);
            } else if (pidfds.available()) {
                r = new EpollReaper();
            } else {
                r = fallback;
            }
            this.reaper = r;
            this.environAddress = b.darwin ? null : LibC.LIBRARY.getGlobalVariableAddress("environ");
            this.spawner = new Spawner(b);
            LOG.debug("posix backend on {}: reaper {}", b.c.os(), r.name());
        }
    }

    private NativeState state() {
        NativeState s = state;
        if (s == null) {
            synchronized (this) {
                s = state;
                if (s == null) {
                    s = new NativeState(this);
                    state = s;
                }
            }
        }
        return s;
    }

    boolean isDarwin() {
        return darwin;
    }

    Reaper reaper() {
        return state().reaper;
    }

    Pidfds pidfds() {
        return state().pidfds;
    }

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public boolean isSupported() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") || os.startsWith("mac") || os.startsWith("darwin");
    }

    @Override
    public String platformName() {
        return c.os();
    }

    @Override
    public SignalTable signals() {
        return signals;
    }

    @Override
    public StatusCodec statusCodec() {
        return codec;
    }

    @Override
    public Map<String, Integer> constants() {
        return c.all();
    }

    @Override
    public List<String> shellArgv(String command) {
        return List.of("/bin/sh", "-c", command);
    }

    // ---- spawning ------------------------------------------------------------------------------

    private static final class ExitHook implements Runnable {
        private final PosixBackend backend;

        ExitHook(PosixBackend backend) {
            this.backend = backend;
        }

        @Override
        public void run() {
            backend.killChildrenAtExit();
        }
    }

    /**
     * Pipes go to the shared {@link OutputLoop} ({@code prockit-output}: epoll on Linux, {@code poll(2)}
     * elsewhere); a pseudo-terminal master, whose descriptor the child's stdin stream shares, is declined, and
     * so is a pipe the loop cannot take (no loop, or the wait set refuses it).
     */
    @Override
    public boolean watchOutput(java.io.InputStream stream, io.prockit.spi.OutputSink sink) {
        if (!(stream instanceof FdStreams.In in)) {
            return false;
        }
        OutputLoop loop = OutputLoop.shared();
        return loop != null && loop.watch(in, sink);
    }

    /**
     * Spawns; a child not started with {@code detach()} is killed when the JVM exits normally (see
     * {@link #killChildrenAtExit()}).
     */
    @Override
    public ChildHandle spawn(SpawnRequest request) {
        NativeState s = state();
        if (exitHookInstalled.compareAndSet(false, true)) {
            Thread hook = new Thread(new ExitHook(this), "prockit-exit"); // a named class: no lambda on a cold spawn
            Runtime.getRuntime().addShutdownHook(hook);
        }
        spawnGate.readLock().lock();
        try {
            refuseWhileExiting();
            java.nio.file.Path cgroup = request.posix().ownCgroup() && !darwin ? Cgroups.create() : null;
            PosixChild child;
            try {
                child = s.spawner.spawn(request);
            } catch (RuntimeException e) {
                if (cgroup != null) {
                    Cgroups.remove(cgroup);
                }
                throw e;
            }
            if (request.detached()) {
                child.markDetached();
            }
            if (cgroup != null) {
                placeInCgroup(child, cgroup);
            }
            return child;
        } finally {
            spawnGate.readLock().unlock();
        }
    }

    /**
     * Moves a fresh child into its own cgroup ({@code PosixOptions.ownCgroup}). On failure the child is killed
     * (it must not run outside the cgroup it was promised) and the failure thrown.
     */
    private void placeInCgroup(PosixChild child, java.nio.file.Path cgroup) {
        try {
            Cgroups.move(cgroup, child.pid());
        } catch (OsException e) {
            child.kill();
            child.termination().whenComplete((t, x) -> Cgroups.remove(cgroup));
            throw e;
        }
        child.useCgroup(cgroup);
        cgroupChildren.add(child);
        // Removed once empty: at the child's end if nothing of it is left, else after a killTree or at exit.
        child.termination().whenComplete((t, x) -> releaseCgroupIfEmpty(child));
    }

    /** Removes a child's cgroup directory when no process is left in it. */
    void releaseCgroupIfEmpty(PosixChild child) {
        java.nio.file.Path cg = child.cgroup();
        if (cg != null && !Cgroups.populated(cg) && Cgroups.remove(cg)) {
            cgroupChildren.remove(child);
        } else if (cg != null && !java.nio.file.Files.exists(cg)) {
            cgroupChildren.remove(child); // removed already (after a killTree)
        }
    }

    /** Called under the gate's read lock: once the exit hook has started, nothing new may start. */
    private void refuseWhileExiting() {
        if (exiting) {
            throw new IllegalStateException("the JVM is shutting down: prockit no longer starts processes (its exit"
                    + " hook is ending the children it started; a process started now would outlive the JVM)");
        }
    }

    /**
     * Keeps a pidfd for a child's own group (see {@link PosixChild#anchorGroup()}); prunes empty ones now and
     * then. Never throws (called while adopting a child that already runs).
     */
    private void anchorGroup(PosixChild child) {
        child.anchorGroup();
        if (!child.hasGroupAnchor()) {
            return;
        }
        groupAnchors.add(child);
        int size = groupAnchors.size();
        if (size >= pruneAnchorsAt) {
            synchronized (groupAnchors) {
                if (groupAnchors.size() >= pruneAnchorsAt) {
                    for (PosixChild c : groupAnchors) {
                        c.signalGroup(0); // closes and releases the pidfd of an empty group
                    }
                    pruneAnchorsAt = Math.max(64, 2 * groupAnchors.size());
                }
            }
        }
    }

    /** A child closed its group pidfd (the group is empty). */
    void groupReleased(PosixChild child) {
        groupAnchors.remove(child);
    }

    /** @return whether a group can be signalled through its leader's pidfd after the leader was reaped */
    boolean groupSignals() {
        return pidfds().groupSignals();
    }

    /**
     * The shutdown hook. First every later spawn is refused ({@link #refuseWhileExiting}); spawns in flight
     * finish (the gate), so a detached child is never taken for an attached one. Then every child this
     * backend spawned that was not started with {@code detach()} gets SIGKILL with everything it started:
     * its process group when it leads one (even if it has exited itself, Linux 6.9+) and its descendants,
     * frozen and proved one by one ({@link TreeKill}), in one walk for all children. Nothing of this runs
     * when the JVM is killed by SIGKILL (README, "When the JVM exits").
     */
    private void killChildrenAtExit() {
        exiting = true;
        boolean gated = false;
        try {
            gated = spawnGate.writeLock().tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (PosixChild child : cgroupChildren) {
                if (!child.detached()) {
                    child.killCgroup(); // everything in it, daemons included, before the walk
                }
            }
            java.util.Set<PosixChild> roots = new java.util.LinkedHashSet<>();
            for (PosixChild child : children.values()) {
                if (!child.detached()) {
                    roots.add(child);
                }
            }
            for (PosixChild child : groupAnchors) {
                if (!child.detached()) {
                    roots.add(child); // waited for (so forgotten) but its group may still run
                }
            }
            boolean[] alive = new TreeKill(this).signalTrees(new ArrayList<>(roots), c.SIGKILL);
            int killed = 0;
            for (boolean a : alive) {
                killed += a ? 1 : 0;
            }
            LOG.debug("JVM exit: killed {} live child(ren) of {} with their trees", killed, roots.size());
            long end = System.nanoTime() + 1_000_000_000L; // a bounded wait: the hook must not hold the exit up
            for (PosixChild child : cgroupChildren) {
                java.nio.file.Path cg = child.cgroup();
                if (!child.detached() && cg != null) {
                    Cgroups.removeWhenEmpty(cg, Math.max(0, (end - System.nanoTime()) / 1_000_000L));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("JVM exit: killing children failed: {}", e.toString());
        } finally {
            if (gated) {
                spawnGate.writeLock().unlock();
            }
        }
    }

    /** Wraps a freshly spawned pid; never throws, so a spawned child is always watched and reaped. */
    PosixChild adopt(int pid, int pgid, boolean ownGroup, Spawner.Pipes pipes) {
        NativeState s = state();
        int pidfd = -1;
        if (s.reaper instanceof EpollReaper) {
            try {
                pidfd = s.pidfds.open(pid, 0);
            } catch (LastErrorException e) {
                LOG.warn("pidfd_open({}) failed (errno {}); polling for its exit instead", pid, e.getErrorCode());
            }
        }
        boolean pty = pipes.ptyMaster() >= 0;
        PosixChild child = new PosixChild(this, pid, pgid, ownGroup, pidfd,
                pipes.stdin() >= 0 ? new FdStreams.Out(new FdStreams.Fd(pipes.stdin()), "stdin of " + pid) : null,
                pipes.stdout() >= 0 ? new FdStreams.In(new FdStreams.Fd(pipes.stdout()), "stdout of " + pid, pty) : null,
                pipes.stderr() >= 0 ? new FdStreams.In(new FdStreams.Fd(pipes.stderr()), "stderr of " + pid) : null);
        if (pty) {
            child.usePty(new FdStreams.Fd(pipes.ptyMaster()));
        }
        anchorGroup(child); // before the reaper knows it: the child cannot have been reaped yet
        children.put(pid, child);
        Reaper r = pidfd >= 0 || !(s.reaper instanceof EpollReaper) ? s.reaper : s.fallback;
        try {
            r.register(child);
        } catch (RuntimeException e) {
            LOG.warn("watching pid {} with {} failed ({}); polling instead", pid, r.name(), e.toString());
            s.fallback.register(child);
        }
        return child;
    }

    /**
     * Hands a child back to the reaper after the threads waiting on it in {@code waitFor} left without
     * reaping it; never throws (falls back to polling, like {@link #adopt}).
     */
    void watch(PosixChild child) {
        NativeState s = state();
        try {
            s.reaper.register(child);
        } catch (RuntimeException e) {
            LOG.warn("watching pid {} with {} failed ({}); polling instead", child.pid(), s.reaper.name(),
                    e.toString());
            s.fallback.register(child);
        }
    }

    Termination termination(int status, Memory rusage) {
        return new Termination(status & 0xffffffffL, PosixChild.decode(codec, status),
                PosixChild.rusage(rusage, !darwin));
    }

    void forget(PosixChild child) {
        children.remove(child.pid(), child);
    }

    int ownPgrp() {
        return LibC.getpgrp();
    }

    /** @return the live process environment ({@code environ}), which {@code putenv} changes */
    Map<String, String> environ() {
        Map<String, String> env = new LinkedHashMap<>();
        NativeStrings.readVector(environPointer(), entry -> {
            int eq = entry.indexOf('=', 1);
            if (eq > 0) {
                env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            }
        });
        return env;
    }

    Pointer environPointer() {
        NativeState s = state();
        return darwin ? DarwinLibC._NSGetEnviron().getPointer(0) : s.environAddress.getPointer(0);
    }

    // ---- ids and signals -----------------------------------------------------------------------

    @Override
    public int getpid() {
        return LibC.getpid();
    }

    @Override
    public int getppid() {
        return LibC.getppid();
    }

    @Override
    public void kill(int pid, int signo) {
        PosixChild own = children.get(pid);
        if (own != null) {
            // Through the child's pidfd: the pid cannot be a recycled one. Once prockit has reaped it
            // (even if nobody has collected the status yet) the number may already belong to another
            // process, so it is never passed to kill(2) again: the child is gone, as ESRCH says.
            if (own.signal(signo)) {
                return;
            }
            throw errors.of("kill", pid, c.ESRCH);
        }
        try {
            LibC.kill(pid, signo);
        } catch (LastErrorException e) {
            throw errors.of("kill", pid, e);
        }
    }

    @Override
    public void killpg(int pgid, int signo) {
        try {
            LibC.killpg(pgid, signo);
        } catch (LastErrorException e) {
            throw errors.of("killpg", pgid, e);
        }
    }

    // ---- waiting -------------------------------------------------------------------------------

    @Override
    public WaitResult waitpid(int pid, int options) {
        if (pid > 0) {
            PosixChild own = children.get(pid);
            return own != null ? waitOwn(own, options) : waitForeign(pid, options);
        }
        return waitAny(pid, options);
    }

    private int events(int options) {
        return ((options & c.WUNTRACED) != 0 ? c.WSTOPPED : 0) | ((options & c.WCONTINUED) != 0 ? c.WCONTINUED : 0);
    }

    private WaitResult claim(PosixChild own) {
        children.remove(own.pid(), own);
        Termination t;
        try {
            t = own.termination().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException("waitpid", Integer.toString(own.pid()), c.EINTR, ErrorKind.INTERRUPTED,
                    "Interrupted system call");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OsException oe ? oe : new IllegalStateException(e.getCause());
        }
        return new WaitResult(own.pid(), t.waitStatus());
    }

    private WaitResult waitOwn(PosixChild own, int options) {
        boolean nohang = (options & c.WNOHANG) != 0;
        int events = events(options);
        if (events == 0) {
            if (nohang && !own.termination().isDone()) {
                return new WaitResult(0, 0);
            }
            return claim(own);
        }
        try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
            while (true) {
                if (own.termination().isDone()) {
                    return claim(own);
                }
                info.clear();
                if (!waitid(c.P_PID, own.pid(), c.WEXITED | events | c.WNOWAIT | (nohang ? c.WNOHANG : 0), info)) {
                    continue; // ECHILD: our reaper took it; the next round claims it
                }
                if (info.getInt(c.OFFSETOF_siginfo_si_pid) == 0) {
                    return new WaitResult(0, 0);
                }
                int code = info.getInt(c.OFFSETOF_siginfo_si_code);
                if (code == c.CLD_EXITED || code == c.CLD_KILLED || code == c.CLD_DUMPED) {
                    return claim(own);
                }
                WaitResult r = consumeStopOrContinue(own.pid(), events, info);
                if (r != null) {
                    return r;
                }
            }
        }
    }

    /** Consumes a pending stop/continue report without {@code WEXITED}, so it can never reap. */
    private WaitResult consumeStopOrContinue(int pid, int events, Memory info) {
        info.clear();
        if (!waitid(c.P_PID, pid, events | c.WNOHANG, info) || info.getInt(c.OFFSETOF_siginfo_si_pid) == 0) {
            return null;
        }
        int code = info.getInt(c.OFFSETOF_siginfo_si_code);
        long status = code == c.CLD_CONTINUED ? codec.continuedStatus()
                : codec.stoppedStatus(info.getInt(c.OFFSETOF_siginfo_si_status));
        return new WaitResult(pid, status);
    }

    /** waitid with EINTR retried; false on ECHILD. */
    boolean waitid(int idtype, int id, int options, Memory info) {
        while (true) {
            try {
                LibC.waitid(idtype, id, info, options);
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == c.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == c.ECHILD) {
                    return false;
                }
                throw errors.of("waitid", id, e);
            }
        }
    }

    private WaitResult waitForeign(int pid, int options) {
        int[] status = new int[1];
        while (true) {
            try {
                int r = LibC.wait4(pid, status, options, null);
                return new WaitResult(r, r == 0 ? 0 : status[0] & 0xffffffffL);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != c.EINTR) {
                    throw errors.of("waitpid", pid, e);
                }
            }
        }
    }

    private boolean matches(PosixChild own, int pid, int myPgrp) {
        return pid == -1 || (pid == 0 ? own.pgid() == myPgrp : own.pgid() == -pid);
    }

    private WaitResult waitAny(int pid, int options) {
        boolean nohang = (options & c.WNOHANG) != 0;
        int events = events(options);
        int myPgrp = LibC.getpgrp();
        int idtype = pid == -1 ? c.P_ALL : c.P_PGID;
        int id = pid == -1 ? 0 : pid == 0 ? myPgrp : -pid;
        try (Memory info = new Memory(c.SIZEOF_siginfo_t)) {
            while (true) {
                List<CompletableFuture<Termination>> live = new ArrayList<>();
                for (PosixChild own : children.values()) {
                    if (matches(own, pid, myPgrp)) {
                        if (own.termination().isDone()) {
                            return claim(own);
                        }
                        live.add(own.termination());
                    }
                }
                info.clear();
                if (!waitid(idtype, id, c.WEXITED | events | c.WNOWAIT | c.WNOHANG, info)) {
                    if (live.isEmpty()) {
                        throw errors.of("waitpid", pid, c.ECHILD);
                    }
                    continue;
                }
                int who = info.getInt(c.OFFSETOF_siginfo_si_pid);
                if (who != 0) {
                    PosixChild own = children.get(who);
                    int code = info.getInt(c.OFFSETOF_siginfo_si_code);
                    boolean exit = code == c.CLD_EXITED || code == c.CLD_KILLED || code == c.CLD_DUMPED;
                    if (own == null) {
                        WaitResult r = waitForeign(who, options | c.WNOHANG);
                        if (r.pid() == who) {
                            return r;
                        }
                    } else if (exit) {
                        return claim(own);
                    } else {
                        WaitResult r = consumeStopOrContinue(who, events, info);
                        if (r != null) {
                            return r;
                        }
                    }
                    continue;
                }
                if (nohang) {
                    return new WaitResult(0, 0);
                }
                if (live.isEmpty()) {
                    // Only children prockit does not own: block in the kernel until one changes state.
                    info.clear();
                    if (!waitid(idtype, id, c.WEXITED | events | c.WNOWAIT, info)) {
                        throw errors.of("waitpid", pid, c.ECHILD);
                    }
                } else {
                    // Our reaper reports our children; poll briefly for others in between.
                    try {
                        CompletableFuture.anyOf(live.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException ignored) {
                        // look again
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new OsException("waitpid", Integer.toString(pid), c.EINTR, ErrorKind.INTERRUPTED,
                                "Interrupted system call");
                    }
                }
            }
        }
    }

    // ---- process table -------------------------------------------------------------------------

    private volatile PosixProcessTable table;

    @Override
    public io.prockit.spi.ProcessTableProvider processTable() {
        PosixProcessTable t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = PosixProcessTable.create(this);
                    table = t;
                }
            }
        }
        return t;
    }

    // ---- Python os parity (issue 3): hooks delegating to PosixSystem, Exec, PosixWaits, PosixSpawn --------

    /** The parity helpers, created on first use (they need native code). */
    private static final class Parity {
        final PosixSystem sys;
        final Exec exec;
        final PosixWaits waits;
        final PosixSpawn spawn;

        Parity(PosixBackend b) {
            this.sys = new PosixSystem(b);
            this.exec = new Exec(b);
            this.waits = new PosixWaits(b);
            this.spawn = new PosixSpawn(b);
        }
    }

    private volatile Parity parity;

    private Parity parity() {
        Parity p = parity;
        if (p == null) {
            synchronized (this) {
                p = parity;
                if (p == null) {
                    state();
                    p = new Parity(this);
                    parity = p;
                }
            }
        }
        return p;
    }

    Map<Integer, PosixChild> ownChildren() {
        return children;
    }

    WaitResult claimOwn(PosixChild own) {
        return claim(own);
    }

    private void idCall(String op, Object subject, PosixSystem.IdCall call) {
        parity().sys.call(op, subject, call);
    }

    @Override
    public void execve(String path, List<String> argv, Map<String, String> env, boolean searchPath) {
        parity().exec.execve(path, argv, env, searchPath);
    }

    @Override
    public void _exit(int status) {
        LibC._exit(status);
    }

    @Override
    public void abort() {
        LibC.abort();
    }

    @Override
    public io.prockit.Wait4Result wait4(int pid, int options) {
        return parity().waits.wait4(pid, options);
    }

    @Override
    public io.prockit.WaitidResult waitid(int idtype, int id, int options) {
        return parity().waits.waitid(idtype, id, options);
    }

    @Override
    public int pidfdOpen(int pid, int flags) {
        if (darwin) {
            throw unsupported("os.pidfd_open");
        }
        try {
            int fd = pidfds().open(pid, flags);
            parity().waits.pidfdOpened(fd, pid);
            return fd;
        } catch (LastErrorException e) {
            throw errors.of("pidfd_open", pid, e);
        }
    }

    @Override
    public void close(int fd) {
        parity().waits.pidfdClosed(fd);
        parity().sys.close(fd);
    }

    @Override
    public boolean isatty(int fd) {
        return LibC.isatty(fd) == 1;
    }

    @Override
    public int getuid() {
        return LibC.getuid();
    }

    @Override
    public int geteuid() {
        return LibC.geteuid();
    }

    @Override
    public int getgid() {
        return LibC.getgid();
    }

    @Override
    public int getegid() {
        return LibC.getegid();
    }

    @Override
    public int[] getgroups() {
        return parity().sys.getgroups();
    }

    @Override
    public int[] getgrouplist(String user, int group) {
        return parity().sys.getgrouplist(user, group);
    }

    @Override
    public String getlogin() {
        return parity().sys.getlogin();
    }

    @Override
    public int[] getresuid() {
        return parity().sys.getresuid();
    }

    @Override
    public int[] getresgid() {
        return parity().sys.getresgid();
    }

    @Override
    public void setuid(int uid) {
        idCall("setuid", uid, () -> LibC.setuid(uid));
    }

    @Override
    public void seteuid(int uid) {
        idCall("seteuid", uid, () -> LibC.seteuid(uid));
    }

    @Override
    public void setgid(int gid) {
        idCall("setgid", gid, () -> LibC.setgid(gid));
    }

    @Override
    public void setegid(int gid) {
        idCall("setegid", gid, () -> LibC.setegid(gid));
    }

    @Override
    public void setreuid(int ruid, int euid) {
        idCall("setreuid", ruid + "," + euid, () -> LibC.setreuid(ruid, euid));
    }

    @Override
    public void setregid(int rgid, int egid) {
        idCall("setregid", rgid + "," + egid, () -> LibC.setregid(rgid, egid));
    }

    @Override
    public void setresuid(int ruid, int euid, int suid) {
        parity().sys.setresuid(ruid, euid, suid);
    }

    @Override
    public void setresgid(int rgid, int egid, int sgid) {
        parity().sys.setresgid(rgid, egid, sgid);
    }

    @Override
    public void setgroups(int[] groups) {
        parity().sys.setgroups(groups);
    }

    @Override
    public void initgroups(String user, int group) {
        idCall("initgroups", user, () -> LibC.initgroups(user, group));
    }

    @Override
    public int getpgid(int pid) {
        try {
            return LibC.getpgid(pid);
        } catch (LastErrorException e) {
            throw errors.of("getpgid", pid, e);
        }
    }

    @Override
    public int getpgrp() {
        return LibC.getpgrp();
    }

    @Override
    public void setpgid(int pid, int pgrp) {
        idCall("setpgid", pid + "," + pgrp, () -> LibC.setpgid(pid, pgrp));
    }

    @Override
    public void setpgrp() {
        idCall("setpgrp", null, () -> LibC.setpgid(0, 0));
    }

    @Override
    public int getsid(int pid) {
        try {
            return LibC.getsid(pid);
        } catch (LastErrorException e) {
            throw errors.of("getsid", pid, e);
        }
    }

    @Override
    public void setsid() {
        idCall("setsid", null, LibC::setsid);
    }

    @Override
    public int tcgetpgrp(int fd) {
        try {
            return LibC.tcgetpgrp(fd);
        } catch (LastErrorException e) {
            throw errors.of("tcgetpgrp", fd, e);
        }
    }

    @Override
    public void tcsetpgrp(int fd, int pgrp) {
        idCall("tcsetpgrp", fd, () -> LibC.tcsetpgrp(fd, pgrp));
    }

    @Override
    public String ctermid() {
        return parity().sys.ctermid();
    }

    @Override
    public String getenv(String name) {
        synchronized (PosixSystem.ENV_LOCK) {
            return LibC.getenv(name);
        }
    }

    @Override
    public void putenv(String name, String value) {
        parity().sys.putenv(name, value);
    }

    @Override
    public void unsetenv(String name) {
        parity().sys.unsetenv(name);
    }

    @Override
    public Map<String, String> liveEnvironment() {
        return parity().sys.environ();
    }

    @Override
    public String getcwd() {
        return parity().sys.getcwd();
    }

    @Override
    public void chdir(String path) {
        parity().sys.chdir(path);
    }

    @Override
    public int nice(int increment) {
        return parity().sys.nice(increment);
    }

    @Override
    public int getpriority(int which, int who) {
        return parity().sys.getpriority(which, who);
    }

    @Override
    public void setpriority(int which, int who, int priority) {
        idCall("setpriority", which + "," + who, () -> LibC.setpriority(which, who, priority));
    }

    @Override
    public int umask(int mask) {
        return LibC.umask(mask);
    }

    @Override
    public io.prockit.UnameResult uname() {
        return parity().sys.uname();
    }

    @Override
    public String strerror(int code) {
        String s = LibC.strerror(code);
        return s == null ? "Unknown error " + code : s;
    }

    @Override
    public io.prockit.TimesResult times() {
        return parity().sys.times();
    }

    @Override
    public double[] getloadavg() {
        return parity().sys.getloadavg();
    }

    @Override
    public int cpuCount() {
        return parity().sys.cpuCount();
    }

    @Override
    public int processCpuCount() {
        return parity().sys.processCpuCount();
    }

    @Override
    public long sysconf(int name) {
        return parity().sys.sysconf(name);
    }

    @Override
    public String confstr(int name) {
        return parity().sys.confstr(name);
    }

    @Override
    public int schedGetPriorityMin(int policy) {
        try {
            return LibC.sched_get_priority_min(policy);
        } catch (LastErrorException e) {
            throw errors.of("sched_get_priority_min", policy, e);
        }
    }

    @Override
    public int schedGetPriorityMax(int policy) {
        try {
            return LibC.sched_get_priority_max(policy);
        } catch (LastErrorException e) {
            throw errors.of("sched_get_priority_max", policy, e);
        }
    }

    @Override
    public void schedSetscheduler(int pid, int policy, io.prockit.SchedParam param) {
        parity().sys.schedSetscheduler(pid, policy, param);
    }

    @Override
    public int schedGetscheduler(int pid) {
        return parity().sys.schedGetscheduler(pid);
    }

    @Override
    public void schedSetparam(int pid, io.prockit.SchedParam param) {
        parity().sys.schedSetparam(pid, param);
    }

    @Override
    public io.prockit.SchedParam schedGetparam(int pid) {
        return parity().sys.schedGetparam(pid);
    }

    @Override
    public double schedRrGetInterval(int pid) {
        return parity().sys.schedRrGetInterval(pid);
    }

    @Override
    public void schedYield() {
        LibC.sched_yield();
    }

    @Override
    public void schedSetaffinity(int pid, java.util.Set<Integer> cpus) {
        parity().sys.schedSetaffinity(pid, cpus);
    }

    @Override
    public java.util.Set<Integer> schedGetaffinity(int pid) {
        return parity().sys.schedGetaffinity(pid);
    }

    @Override
    public int posixSpawn(String path, List<String> argv, Map<String, String> env,
                          io.prockit.PosixSpawnAttributes attributes, boolean searchPath) {
        Parity p = parity();
        spawnGate.readLock().lock();
        try {
            refuseWhileExiting();
            return p.spawn.spawn(path, argv, env, attributes, searchPath);
        } finally {
            spawnGate.readLock().unlock();
        }
    }

    @Override
    public io.prockit.OpenptyResult openpty() {
        return parity().sys.openpty();
    }

    @Override
    public void setWindowSize(int fd, int rows, int columns) {
        parity().sys.setWindowSize(fd, rows, columns);
    }
}
