package io.prockit.posix;

import io.prockit.posix.os.LiveEnvironment;
import io.prockit.posix.os.PosixDescriptors;
import io.prockit.posix.process.Cgroups;
import io.prockit.posix.process.TreeKill;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.WaitResult;
import io.prockit.posix.darwin.DarwinPlatform;
import io.prockit.posix.darwin.DarwinProcessTable;
import io.prockit.posix.darwin.KqueueReaper;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.linux.EpollReaper;
import io.prockit.posix.linux.LinuxPlatform;
import io.prockit.posix.linux.LinuxProcessTable;
import io.prockit.posix.linux.Pidfds;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixProcessTable;
import io.prockit.posix.platform.PosixSignalTable;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.posix.process.ChildRegistry;
import io.prockit.posix.process.FdStreams;
import io.prockit.posix.process.OutputLoop;
import io.prockit.posix.process.PollingReaper;
import io.prockit.posix.process.PosixChild;
import io.prockit.posix.process.Reaper;
import io.prockit.posix.process.WaitEngine;
import io.prockit.posix.spawn.Exec;
import io.prockit.posix.spawn.Spawner;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.CurrentProcess;
import io.prockit.spi.PidfdCalls;
import io.prockit.spi.PosixCalls;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.SavedIdCalls;
import io.prockit.spi.SchedulerCalls;
import io.prockit.spi.SignalTable;
import io.prockit.spi.SpawnRequest;
import io.prockit.spi.StatusCodec;
import io.prockit.spi.Termination;
import io.prockit.spi.WindowsCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The POSIX backend: Linux (glibc) and macOS through JNA mappings of libc.
 *
 * <p>Children are started with {@code posix_spawn}, never {@code fork}, and reaped by one thread
 * for all of them: Linux pidfds in an epoll set, macOS a kqueue. Nothing native is loaded until the
 * first call that needs it; {@link #isSupported()} only reads {@code os.name}.
 *
 * <p>Capabilities: this class is the contract and every capability it offers at once
 * ({@link #currentProcess()}, {@link #posix()}, and on Linux {@link #savedIds()}, {@link #scheduler()},
 * {@link #pidfd()}, which are empty on macOS); it hands out itself. That keeps the method bodies where they
 * were; splitting it into one object per capability is the next step.
 *
 * <p>Composition root: the only class that names a platform ({@link LinuxPlatform} or {@link DarwinPlatform},
 * the reaper, the process table). Its public members beyond {@link ProcessBackend}'s ({@link #platform()},
 * {@link #waits()}, {@link #adopt}, the fields {@code c} and {@code errors} ...) serve the sibling packages
 * {@code spawn}, {@code process}, {@code os}, {@code linux} and {@code darwin}, which still receive the whole
 * backend; they are not API, and go as each part receives the narrow pieces it uses (issue 12).
 *
 * <p>Platform notes: Linux is tested on every build; macOS is written from Apple's headers and
 * tested only by the CI matrix. Other Unix systems are not served.
 */
public final class PosixBackend
        implements ProcessBackend, CurrentProcess, PosixCalls, SavedIdCalls, SchedulerCalls, PidfdCalls {
    public static final Logger LOG = LoggerFactory.getLogger("io.prockit.posix");

    private static volatile PosixConstants running;

    public final PosixConstants c;
    public final Errors errors;
    private final boolean darwin;
    private final PosixPlatform platform;
    private final PosixStatusCodec codec;
    private final PosixSignalTable signals;
    /** The children prockit spawned and nobody collected yet, and the gate that keeps them from foreign waits. */
    private final ChildRegistry children = new ChildRegistry();
    /** The one wait engine (Child.waitFor, Os.waitpid/wait3/wait4/waitid/waitAny). */
    private final WaitEngine waits;
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
        // The one place that names a platform: everything OS-specific the shared packages need comes from it.
        this.platform = darwin ? new DarwinPlatform() : new LinuxPlatform(this::pidfds);
        this.c = platform.constants();
        this.errors = new Errors(c);
        this.codec = platform.statusCodec();
        this.signals = new PosixSignalTable(c);
        this.waits = new WaitEngine(this, children);
        running = c;
    }

    public static PosixConstants table() {
        PosixConstants r = running;
        return r != null ? r : new PosixBackend().c;
    }

    /** What needs native code, created on first use. */
    private static final class NativeState {
        final Pidfds pidfds;
        final Reaper reaper;
        final Reaper fallback = new PollingReaper();
        final LiveEnvironment environment;
        final Spawner spawner;

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
            this.environment = b.environment();
            this.spawner = new Spawner(b, environment);
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

    /** @return what differs between Linux and macOS, for the shared packages */
    public PosixPlatform platform() {
        return platform;
    }

    public boolean isDarwin() {
        return darwin;
    }

    public Reaper reaper() {
        return state().reaper;
    }

    public Pidfds pidfds() {
        return state().pidfds;
    }

    public WaitEngine waits() {
        return waits;
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

    // ---- capabilities: this object itself; Linux-only groups are empty on macOS ----------------------

    @Override
    public CurrentProcess currentProcess() {
        return this;
    }

    @Override
    public Optional<PosixCalls> posix() {
        return Optional.of(this);
    }

    @Override
    public Optional<WindowsCalls> windows() {
        return Optional.empty();
    }

    /** {@code getresuid} and friends: glibc has them, macOS's libc does not. */
    @Override
    public Optional<SavedIdCalls> savedIds() {
        return darwin ? Optional.empty() : Optional.of(this);
    }

    /** Policy, parameters and affinity of a process: Linux has them, macOS has no such calls. */
    @Override
    public Optional<SchedulerCalls> scheduler() {
        return darwin ? Optional.empty() : Optional.of(this);
    }

    /** pidfds are Linux's (a kernel without them fails {@code pidfd_open} with ENOSYS: kind UNSUPPORTED). */
    @Override
    public Optional<PidfdCalls> pidfd() {
        return darwin ? Optional.empty() : Optional.of(this);
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
     * A child's stdin pipe goes to the shared {@link OutputLoop}, which writes {@code data} into it as the pipe
     * drains; a terminal (a pty child's stdin) is declined, and so is a pipe the loop cannot take.
     */
    @Override
    public boolean feedInput(java.io.OutputStream stream, java.nio.ByteBuffer data, io.prockit.spi.InputFeed feed) {
        if (!(stream instanceof FdStreams.Out out)) {
            return false;
        }
        OutputLoop loop = OutputLoop.shared();
        return loop != null && loop.feed(out, data, feed);
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
        try (ChildRegistry.Spawning registering = children.spawning()) {
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
    public void releaseCgroupIfEmpty(PosixChild child) {
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
    public void groupReleased(PosixChild child) {
        groupAnchors.remove(child);
    }

    /** @return whether a group can be signalled through its leader's pidfd after the leader was reaped */
    public boolean groupSignals() {
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

    /**
     * Wraps a freshly spawned pid and registers it; never throws, so a spawned child is always watched and
     * reaped. Callers hold {@link ChildRegistry#spawning()} from before {@code posix_spawn} until this returns,
     * so no wait for "any child" can take the pid for a foreign one meanwhile.
     */
    public PosixChild adopt(int pid, int pgid, boolean ownGroup, Spawner.Pipes pipes) {
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
        // The reaper first, the registry second: once registered, a wait engine call may reap the child, and the
        // reaper must not be handed a pidfd that reap has closed (its number may already name another file).
        // Until both are done the spawn holds the registration gate, so no foreign wait can take the pid.
        anchorGroup(child); // before the reaper knows it: the child cannot have been reaped yet
        Reaper r = pidfd >= 0 || !(s.reaper instanceof EpollReaper) ? s.reaper : s.fallback;
        try (ChildRegistry.Adopting adopting = children.adopting()) {
            try {
                r.register(child);
            } catch (RuntimeException e) {
                LOG.warn("watching pid {} with {} failed ({}); polling instead", pid, r.name(), e.toString());
                s.fallback.register(child);
            }
            children.add(child);
        }
        return child;
    }

    /**
     * Hands a child back to the reaper after the threads waiting on it in {@code waitFor} left without
     * reaping it; never throws (falls back to polling, like {@link #adopt}).
     */
    public void watch(PosixChild child) {
        NativeState s = state();
        try {
            s.reaper.register(child);
        } catch (RuntimeException e) {
            LOG.warn("watching pid {} with {} failed ({}); polling instead", child.pid(), s.reaper.name(),
                    e.toString());
            s.fallback.register(child);
        }
    }

    public Termination termination(int status, Memory rusage) {
        return new Termination(status & 0xffffffffL, PosixChild.decode(codec, status),
                PosixChild.rusage(rusage, !darwin));
    }

    public void forget(PosixChild child) {
        children.remove(child);
    }

    public int ownPgrp() {
        return LibC.getpgrp();
    }

    private volatile LiveEnvironment environment;

    /**
     * @return the owner of the live process environment ({@code environ}), which {@code putenv} changes;
     *         created on first use, apart from the reaper and spawner ({@code Os.getenv} needs neither)
     */
    public LiveEnvironment environment() {
        LiveEnvironment e = environment;
        if (e == null) {
            synchronized (this) {
                e = environment;
                if (e == null) {
                    e = new LiveEnvironment(errors, darwin);
                    environment = e;
                }
            }
        }
        return e;
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

    // ---- waiting: all through the one WaitEngine ------------------------------------------------------

    @Override
    public WaitResult waitpid(int pid, int options) {
        return waits.waitpid(pid, options);
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
                    t = darwin ? new DarwinProcessTable(this) : new LinuxProcessTable(this);
                    table = t;
                }
            }
        }
        return t;
    }

    // ---- Python os parity (issue 3): hooks delegating to PosixSystem, Exec, Spawner ---------------------

    /** The parity helpers, created on first use (they need native code). */
    private static final class Parity {
        final PosixSystem sys;
        final Exec exec;

        Parity(PosixBackend b) {
            this.sys = new PosixSystem(b);
            this.exec = new Exec(b);
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
        return waits.wait4(pid, options);
    }

    @Override
    public io.prockit.WaitidResult waitid(int idtype, int id, int options) {
        return waits.waitid(idtype, id, options);
    }

    @Override
    public int pidfdOpen(int pid, int flags) {
        try {
            int fd = pidfds().open(pid, flags);
            waits.pidfdOpened(fd, pid, flags);
            return fd;
        } catch (LastErrorException e) {
            throw errors.of("pidfd_open", pid, e);
        }
    }

    @Override
    public void close(int fd) {
        waits.pidfdClosed(fd);
        parity().sys.close(fd);
    }

    private volatile PosixDescriptors descriptors;

    /** Python's descriptor plumbing ({@code os.pipe}, {@code dup2}, ...): every POSIX system has it. */
    @Override
    public java.util.Optional<io.prockit.spi.Descriptors> descriptors() {
        PosixDescriptors d = descriptors;
        if (d == null) {
            synchronized (this) {
                d = descriptors;
                if (d == null) {
                    d = new PosixDescriptors(c, errors, this::close, fd -> parity().sys.getWindowSize(fd));
                    descriptors = d;
                }
            }
        }
        return java.util.Optional.of(d);
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
        parity().sys.initgroups(user, group);
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
        return environment().get(name);
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
        spawnGate.readLock().lock();
        try (ChildRegistry.Spawning registering = children.spawning()) {
            refuseWhileExiting();
            return state().spawner.posixSpawn(path, argv, env, attributes, searchPath);
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
