package io.prockit.posix;

import com.sun.jna.LastErrorException;
import io.prockit.WaitResult;
import io.prockit.posix.darwin.DarwinPlatform;
import io.prockit.posix.darwin.DarwinProcessTable;
import io.prockit.posix.darwin.KqueueReaper;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.linux.EpollReaper;
import io.prockit.posix.linux.LinuxPlatform;
import io.prockit.posix.linux.LinuxProcessTable;
import io.prockit.posix.linux.PidfdTreeWalk;
import io.prockit.posix.os.LiveEnvironment;
import io.prockit.posix.os.PosixCurrentProcess;
import io.prockit.posix.os.PosixDescriptors;
import io.prockit.posix.os.PosixOsCalls;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixProcessTable;
import io.prockit.posix.platform.PosixSignalTable;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.posix.process.ChildContext;
import io.prockit.posix.process.ChildRegistry;
import io.prockit.posix.process.Cgroups;
import io.prockit.posix.process.FdStreams;
import io.prockit.posix.process.OutputLoop;
import io.prockit.posix.process.PidfdOpener;
import io.prockit.posix.process.PollingReaper;
import io.prockit.posix.process.PosixChild;
import io.prockit.posix.process.Reaper;
import io.prockit.posix.process.Reaping;
import io.prockit.posix.process.TreeKill;
import io.prockit.posix.process.TreeWalk;
import io.prockit.posix.process.WaitEngine;
import io.prockit.posix.spawn.Exec;
import io.prockit.posix.spawn.Spawner;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.CurrentProcess;
import io.prockit.spi.Descriptors;
import io.prockit.spi.InputFeed;
import io.prockit.spi.OutputSink;
import io.prockit.spi.PidfdCalls;
import io.prockit.spi.PosixCalls;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.ProcessTableProvider;
import io.prockit.spi.SignalTable;
import io.prockit.spi.SpawnRequest;
import io.prockit.spi.StatusCodec;
import io.prockit.spi.WindowsCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The POSIX backend: Linux (glibc) and macOS through JNA mappings of libc.
 *
 * <p>Children are started with {@code posix_spawn}, never {@code fork}, and reaped by one thread
 * for all of them: Linux pidfds in an epoll set, macOS a kqueue. Nothing native is loaded until the
 * first call that needs it; {@link #isSupported()} only reads {@code os.name}.
 *
 * <p>Composition root: the only class that names a platform. It picks the {@link PosixPlatform}
 * ({@link LinuxPlatform} or {@link DarwinPlatform}), the reaper, the tree walk and the process table, and hands
 * each part of the shared packages the narrow pieces it uses (constants, errors, the platform, the registry, the
 * wait engine ...); no part receives the backend. It implements {@link ProcessBackend}'s own members (spawn,
 * signals, the status codec, constants, output watching, the process table) and hands out the capabilities as
 * separate objects it builds once: {@link #currentProcess()} ({@link PosixCurrentProcess}), {@link #posix()}
 * ({@link PosixOsCalls}, whose saved-id and scheduler capabilities come from the platform and are empty on macOS),
 * {@link #descriptors()} ({@link PosixDescriptors}).
 *
 * <p>Platform notes: Linux is tested on every build; macOS is written from Apple's headers and
 * tested only by the CI matrix. Other Unix systems are not served.
 */
public final class PosixBackend implements ProcessBackend {
    private static final Logger LOG = LoggerFactory.getLogger(PosixBackend.class);

    /** The running OS's table, for tests in this package. */
    private static volatile PosixConstants running;

    private final PosixPlatform platform;
    /** The Linux parts (pidfds for the tree walk and the process table), or null on macOS. */
    private final LinuxPlatform linux;
    private final PosixConstants c;
    private final Errors errors;
    private final PosixStatusCodec codec;
    private final PosixSignalTable signals;
    /** The children prockit spawned and nobody collected yet, and the gate that keeps them from foreign waits. */
    private final ChildRegistry children = new ChildRegistry();
    /** The one wait engine (Child.waitFor, Os.waitpid/wait3/wait4/waitid/waitAny). */
    private final WaitEngine waits;
    /** The owner of the live process environment ({@code environ}), which {@code putenv} changes. */
    private final LiveEnvironment environment;
    private final PosixSystem sys;
    private final CurrentProcess currentProcess;
    private final PosixOsCalls calls;
    private final Optional<PosixCalls> posix;
    private volatile NativeState state;
    /** Spawns hold it shared until the child is marked; the exit hook takes it exclusively. */
    private final ReentrantReadWriteLock spawnGate = new ReentrantReadWriteLock();
    private final AtomicBoolean exitHookInstalled = new AtomicBoolean();
    /** Set by the exit hook before it takes the gate: from then on every spawn is refused. */
    private volatile boolean exiting;

    /** Creates the backend for the running OS; loads no native code. */
    public PosixBackend() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean darwin = os.startsWith("mac") || os.startsWith("darwin");
        // The one place that names a platform: everything OS-specific the shared packages need comes from it.
        this.linux = darwin ? null : new LinuxPlatform();
        this.platform = darwin ? new DarwinPlatform() : linux;
        this.c = platform.constants();
        this.errors = new Errors(c);
        this.codec = platform.statusCodec();
        this.signals = new PosixSignalTable(c);
        this.waits = new WaitEngine(platform, errors, children);
        this.environment = new LiveEnvironment(errors, platform);
        this.sys = new PosixSystem(platform, errors, environment);
        this.currentProcess = new PosixCurrentProcess(sys, new Exec(c, errors, environment, sys));
        Optional<PidfdCalls> pidfd = linux == null ? Optional.empty()
                : Optional.of(new PidfdOpener(platform, errors, waits));
        this.calls = new PosixOsCalls(platform, sys, errors, waits, new GatedPosixSpawn(this), pidfd);
        this.posix = Optional.of(calls);
        running = c;
    }

    /** @return the running OS's constant table (tests in this package read it) */
    static PosixConstants table() {
        PosixConstants r = running;
        return r != null ? r : new PosixBackend().c;
    }

    /** What needs native code, created on first use. */
    private static final class NativeState {
        final Reaping reaping;
        final ChildContext children;
        final Spawner spawner;

        NativeState(PosixBackend b) {
            Reaper fallback = new PollingReaper();
            Reaper r;
            TreeWalk walk = null;
            if (b.linux == null) {
                r = new KqueueReaper(fallback);
            } else if (b.linux.pidfds()) {
                r = new EpollReaper();
                walk = new PidfdTreeWalk(b.c, b.linux.pidfdCalls());
            } else {
                r = fallback;
            }
            this.reaping = new Reaping(r, fallback, r instanceof EpollReaper);
            TreeKill treeKill = new TreeKill(b.c, new Table(b), walk);
            this.children = new ChildContext(b.platform, b.errors, b.waits, reaping, treeKill, b.sys);
            this.spawner = new Spawner(b.platform, b.errors, b.environment, b.sys, children);
            LOG.debug("posix backend on {}: reaper {}", b.c.os(), r.name());
        }
    }

    /** The process table for the tree kill's portable walk, created on first use (a named class: no lambda on a cold spawn). */
    private static final class Table implements Supplier<ProcessTableProvider> {
        private final PosixBackend backend;

        Table(PosixBackend backend) {
            this.backend = backend;
        }

        @Override
        public ProcessTableProvider get() {
            return backend.processTable();
        }
    }

    /** {@code os.posix_spawn(p)} through the spawn gate (a named class: no lambda while the backend is built). */
    private static final class GatedPosixSpawn implements PosixOsCalls.PosixSpawnCall {
        private final PosixBackend backend;

        GatedPosixSpawn(PosixBackend backend) {
            this.backend = backend;
        }

        @Override
        public int posixSpawn(String path, List<String> argv, Map<String, String> env,
                              io.prockit.PosixSpawnAttributes attributes, boolean searchPath) {
            return backend.posixSpawn(path, argv, env, attributes, searchPath);
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

    // ---- capabilities: objects built once; Linux-only groups are empty on macOS ----------------------

    @Override
    public CurrentProcess currentProcess() {
        return currentProcess;
    }

    @Override
    public Optional<PosixCalls> posix() {
        return posix;
    }

    @Override
    public Optional<WindowsCalls> windows() {
        return Optional.empty();
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
    public boolean watchOutput(InputStream stream, OutputSink sink) {
        if (!(stream instanceof FdStreams.In in)) {
            return false;
        }
        OutputLoop loop = OutputLoop.shared(platform);
        return loop != null && loop.watch(in, sink);
    }

    /**
     * A child's stdin pipe goes to the shared {@link OutputLoop}, which writes {@code data} into it as the pipe
     * drains; a terminal (a pty child's stdin) is declined, and so is a pipe the loop cannot take.
     */
    @Override
    public boolean feedInput(OutputStream stream, ByteBuffer data, InputFeed feed) {
        if (!(stream instanceof FdStreams.Out out)) {
            return false;
        }
        OutputLoop loop = OutputLoop.shared(platform);
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
            Path cgroup = request.posix().ownCgroup() && linux != null ? Cgroups.create() : null;
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
                s.children.placeInCgroup(child, cgroup);
            }
            return child;
        } finally {
            spawnGate.readLock().unlock();
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
     * The shutdown hook. First every later spawn is refused ({@link #refuseWhileExiting}); spawns in flight
     * finish (the gate), so a detached child is never taken for an attached one. Then every child this
     * backend spawned that was not started with {@code detach()} gets SIGKILL with everything it started
     * ({@link ChildContext#killAllAtExit()}: its cgroup, its group and its descendants, frozen and proved one by
     * one, {@link TreeKill}). Nothing of this runs when the JVM is killed by SIGKILL (README, "When the JVM
     * exits").
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
            state().children.killAllAtExit();
        } catch (RuntimeException e) {
            LOG.debug("JVM exit: killing children failed: {}", e.toString());
        } finally {
            if (gated) {
                spawnGate.writeLock().unlock();
            }
        }
    }

    /** {@code os.posix_spawn(p)}: the same spawner, under the same gate as every spawn. */
    private int posixSpawn(String path, List<String> argv, Map<String, String> env,
                           io.prockit.PosixSpawnAttributes attributes, boolean searchPath) {
        spawnGate.readLock().lock();
        try (ChildRegistry.Spawning registering = children.spawning()) {
            refuseWhileExiting();
            return state().spawner.posixSpawn(path, argv, env, attributes, searchPath);
        } finally {
            spawnGate.readLock().unlock();
        }
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

    // ---- waiting: all through the one WaitEngine ------------------------------------------------------

    @Override
    public WaitResult waitpid(int pid, int options) {
        return waits.waitpid(pid, options);
    }

    // ---- process table -------------------------------------------------------------------------

    private volatile PosixProcessTable table;

    @Override
    public ProcessTableProvider processTable() {
        PosixProcessTable t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = linux == null ? new DarwinProcessTable(c, errors) : new LinuxProcessTable(linux, errors);
                    table = t;
                }
            }
        }
        return t;
    }

    // ---- descriptors ---------------------------------------------------------------------------

    private volatile PosixDescriptors descriptors;

    /** Python's descriptor plumbing ({@code os.pipe}, {@code dup2}, ...): every POSIX system has it. */
    @Override
    public Optional<Descriptors> descriptors() {
        PosixDescriptors d = descriptors;
        if (d == null) {
            synchronized (this) {
                d = descriptors;
                if (d == null) {
                    d = new PosixDescriptors(platform, errors, calls::close, sys::getWindowSize);
                    descriptors = d;
                }
            }
        }
        return Optional.of(d);
    }
}
