package io.prockit.posix.spawn;

import io.prockit.posix.os.LiveEnvironment;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prockit.PosixSpawnAttributes;
import io.prockit.Stdio;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.OptionalLibC;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.process.PosixChild;
import io.prockit.spi.SpawnRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only class that calls {@code posix_spawn}, {@code posix_spawnattr_*} and
 * {@code posix_spawn_file_actions_*}: it runs a {@link SpawnPlan} for every entry point ({@code Command},
 * {@code Os.spawn*}, {@code Os.system}, {@code Os.popen*}, the pty, and {@code Os.posixSpawn(p)}), so a fix
 * lands once and every child starts alike. It makes the parent's descriptors a spawn needs (pipes, the pty
 * master), asks {@link SpawnPlan} for the plan, turns it into attributes and file actions, starts the child,
 * and leaves nothing behind on failure (every pipe and native block is released); a failure names the step
 * that failed ({@link SpawnFailure}).
 *
 * <p>The environment: a spawn reads the live environment (PATH for the search, the whole of it when it
 * changes some names, the {@code environ} pointer when it inherits it unchanged) only while holding
 * {@link LiveEnvironment}'s read lock, from before the plan until {@code posix_spawn} returns.
 *
 * <p>Speed (the spawn benchmark's loop): per spawning thread, the blocks that hold {@code posix_spawnattr_t},
 * {@code posix_spawn_file_actions_t} and the program path with argv are allocated once and reused; path and
 * argv are packed into one block (no {@code StringArray}, which costs a native block per string); the empty
 * signal mask and the "every catchable signal" set are built once.
 */
public final class Spawner {
    private static final Logger LOG = LoggerFactory.getLogger(Spawner.class);

    /** Turns a freshly spawned pid into a watched, registered child; never throws. */
    public interface Adopter {
        /**
         * @param pid      the child's pid
         * @param pgid     its process group
         * @param ownGroup whether it leads that group
         * @param pipes    the parent's ends of its pipes (handed over)
         * @return the child
         */
        PosixChild adopt(int pid, int pgid, boolean ownGroup, Pipes pipes);
    }

    private final PosixPlatform platform;
    private final PosixConstants c;
    /** POSIX_SPAWN_SETSCHEDULER / SETSCHEDPARAM where the OS has them, else 0: looked up once, not per spawn. */
    private final int setScheduler;
    private final int setSchedParam;
    private final Errors errors;
    private final LiveEnvironment env;
    private final PosixSystem system;
    private final Adopter adopter;
    private final boolean addclosefrom;    // glibc >= 2.34
    private final boolean addchdir;        // glibc >= 2.29, macOS 10.15
    private final boolean darwin;          // macOS's posix_spawn rules (PosixPlatform#darwinSpawn)
    private final Memory devNull = NativeStrings.cString("/dev/null");
    /** The empty signal mask and the "every catchable signal" default set: built once, only ever read. */
    private final Memory emptyMask;
    private final Memory allSignals;
    /**
     * Per spawning thread: the blocks that hold {@code posix_spawnattr_t} and {@code posix_spawn_file_actions_t}
     * (initialised and destroyed on every spawn, but not allocated again: the benchmark's spawn loop showed the
     * per-spawn allocations as part of prockit's overhead over the C loop). The third block holds the program
     * path and argv, grown up to {@link #STRINGS_CACHED_MAX} bytes; larger ones get a block of their own.
     */
    private final ThreadLocal<Memory[]> scratch;
    private static final int STRINGS_INITIAL = 1024;
    private static final int STRINGS_CACHED_MAX = 64 * 1024;
    private final Context context = new Context();

    /**
     * @param platform the running platform (constants, spawn quirks, pipes)
     * @param errors   turns errno into exceptions
     * @param env      the live environment's owner
     * @param system   the working directory and a pty's {@code ptsname} and window size
     * @param adopter  makes the child object of a fresh pid
     */
    public Spawner(PosixPlatform platform, Errors errors, LiveEnvironment env, PosixSystem system, Adopter adopter) {
        this.platform = platform;
        this.c = platform.constants();
        this.setScheduler = c.optional("POSIX_SPAWN_SETSCHEDULER").orElse(0);
        this.setSchedParam = c.optional("POSIX_SPAWN_SETSCHEDPARAM").orElse(0);
        this.errors = errors;
        this.env = env;
        this.system = system;
        this.adopter = adopter;
        this.darwin = platform.darwinSpawn();
        this.addclosefrom = platform.hasAddclosefrom();
        this.addchdir = OptionalLibC.available(OptionalLibC.AddChdir.class);
        this.emptyMask = sigset(new byte[c.SIZEOF_sigset_t]);
        byte[] all = new byte[c.SIZEOF_sigset_t];
        // Written bit by bit rather than with sigfillset/sigaddset: glibc refuses its reserved signals 32
        // and 33 there, and the JVM's spawning thread may have them ignored.
        for (int sig = 1; sig < c.NSIG; sig++) {
            if (sig != c.SIGKILL && sig != c.SIGSTOP) {
                setBit(all, sig);
            }
        }
        this.allSignals = sigset(all);
        int attrSize = Math.max(c.SIZEOF_posix_spawnattr_t, 8);
        int faSize = Math.max(c.SIZEOF_posix_spawn_file_actions_t, 8);
        // An anonymous class, not a lambda: this runs on a cold JVM's first spawn (see issue 7's cold start).
        this.scratch = new ThreadLocal<>() {
            @Override
            protected Memory[] initialValue() {
                return new Memory[] {new Memory(attrSize), new Memory(faSize), new Memory(STRINGS_INITIAL)};
            }
        };
        LOG.debug("posix_spawn: addclosefrom_np {}, addchdir_np {}",
                addclosefrom ? "yes" : darwin ? "n/a (CLOEXEC_DEFAULT)" : "no (closing /proc/self/fd entries)",
                addchdir ? "yes" : "no");
    }

    private static Memory sigset(byte[] bits) {
        Memory m = new Memory(bits.length);
        m.write(0, bits, 0, bits.length);
        return m;
    }

    /** What a plan asks of the running process; one per spawner, stateless. */
    private final class Context implements SpawnPlan.Context {
        @Override
        public PosixConstants constants() {
            return c;
        }

        @Override
        public boolean darwin() {
            return darwin;
        }

        @Override
        public String liveGetenv(String name) {
            return env.get(name);
        }

        @Override
        public Map<String, String> liveEnvironment() {
            return env.snapshot();
        }

        @Override
        public Path cwd() {
            return system.realCwdPath();
        }

        @Override
        public boolean parentHasFd(int fd) {
            return isOpen(fd);
        }

        @Override
        public RuntimeException programError(String operation, String program, int errno) {
            return errors.of(operation, program, errno);
        }
    }

    /** Pipe ends and native memory of one spawn, released in {@link #close()}. */
    private static final class Resources implements AutoCloseable {
        final List<Integer> parentEnds = new ArrayList<>();
        final List<Integer> childEnds = new ArrayList<>();
        final List<Memory> memory = new ArrayList<>();
        Memory attr;
        Memory fa;
        boolean attrInit;
        boolean faInit;

        Memory keep(Memory m) {
            memory.add(m);
            return m;
        }

        void closeChildEnds() {
            for (int fd : childEnds) {
                quietClose(fd);
            }
            childEnds.clear();
        }

        void closeAll() {
            closeChildEnds();
            for (int fd : parentEnds) {
                quietClose(fd);
            }
            parentEnds.clear();
        }

        @Override
        public void close() {
            if (faInit) {
                LibC.posix_spawn_file_actions_destroy(fa);
            }
            if (attrInit) {
                LibC.posix_spawnattr_destroy(attr);
            }
            for (Memory m : memory) {
                m.close();
            }
        }
    }

    public static void quietClose(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException ignored) {
            // released either way
        }
    }

    /**
     * A {@code Command}'s spawn (and {@code Os.spawn*}, {@code Os.system}, {@code Os.popen*}, the pty).
     *
     * @param r the request
     * @return the child, adopted by the backend
     */
    public PosixChild spawn(SpawnRequest r) {
        if (r.directory() != null && !addchdir) {
            throw new UnsupportedOperationException("a working directory needs posix_spawn_file_actions_addchdir_np "
                    + "(glibc 2.29+, macOS 10.15+), which this C library lacks");
        }
        try (Resources res = new Resources()) {
            try {
                SpawnPlan plan;
                Pipes pipes;
                int pid;
                env.lockRead();
                try {
                    PtySpawn pty = r.pty() == null ? null : PtySpawn.open(c, errors, system, r.pty(), res.parentEnds::add);
                    SpawnPlan.ChildEnds ends;
                    if (pty != null) {
                        pipes = pty.parentEnds();
                        ends = new SpawnPlan.ChildEnds(-1, -1, -1, pty.slave());
                    } else {
                        int[] in = pipe(r.stdin(), true, res);
                        int[] out = pipe(r.stdout(), false, res);
                        int[] err = pipe(r.stderr(), false, res);
                        pipes = new Pipes(in[1], out[0], err[0]);
                        ends = in[0] < 0 && out[1] < 0 && err[1] < 0 ? SpawnPlan.ChildEnds.NONE
                                : new SpawnPlan.ChildEnds(in[0], out[1], err[1], null);
                    }
                    plan = SpawnPlan.of(r, ends, context);
                    pid = run(plan, res);
                } finally {
                    env.unlockRead();
                }
                res.closeChildEnds();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("spawned pid {}: {} argv={} flags=0x{} env={} actions={}", pid, plan.path(),
                            plan.argv(), Integer.toHexString(plan.flags()),
                            plan.envp() == null ? "inherited" : plan.envp().size() + " entries", plan.fileActions());
                }
                int pgid = plan.pgidOf(pid, LibC.getpgrp(), c);
                res.parentEnds.clear(); // handed to the child object
                return adopter.adopt(pid, pgid, pgid == pid, pipes);
            } catch (RuntimeException | Error e) {
                res.closeAll();
                throw e;
            }
        }
    }

    /**
     * Python's {@code os.posix_spawn} and {@code os.posix_spawnp}: the caller's file actions and attributes
     * through the same plan and spawner as every other spawn; the child is adopted like every other, so
     * {@code Os.waitpid(pid, 0)} collects it.
     *
     * @param program    the program
     * @param argv       the argument vector
     * @param environ    the child's whole environment
     * @param attributes Python's keyword arguments
     * @param search     look a bare name up in {@code environ}'s PATH
     * @return the child's pid
     */
    public int posixSpawn(String program, List<String> argv, Map<String, String> environ, PosixSpawnAttributes attributes,
                   boolean search) {
        try (Resources res = new Resources()) {
            SpawnPlan plan = SpawnPlan.of(program, argv, environ, attributes, search, context);
            int pid = run(plan, res);
            LOG.debug("{} pid {}: {} argv={} flags=0x{} actions={}", plan.operation(), pid, plan.path(),
                    argv, Integer.toHexString(plan.flags()), plan.fileActions());
            int pgid = plan.pgidOf(pid, LibC.getpgrp(), c);
            adopter.adopt(pid, pgid, pgid == pid, new Pipes(-1, -1, -1));
            return pid;
        }
    }

    /**
     * Runs a plan: attributes, file actions, path and argv, then {@code posix_spawn}. An inherited
     * environment ({@code plan.envp() == null}) needs {@link LiveEnvironment}'s read lock held by the caller.
     *
     * @return the pid
     */
    private int run(SpawnPlan plan, Resources res) {
        Memory[] blocks = scratch.get();
        res.attr = blocks[0];
        res.fa = blocks[1];
        check(LibC.posix_spawnattr_init(res.attr), "posix_spawnattr_init", plan.program());
        res.attrInit = true;
        check(LibC.posix_spawn_file_actions_init(res.fa), "posix_spawn_file_actions_init", plan.program());
        res.faInit = true;
        attributes(plan, res);
        for (SpawnPlan.Action a : plan.fileActions()) {
            fileAction(a, res);
        }

        // The path and argv packed into one block: [path\0, padding][argv table][argv strings].
        byte[] pathBytes = plan.path().getBytes(NativeStrings.CHARSET);
        byte[][] argvBytes = NativeStrings.encode(plan.argv());
        long argvAt = (pathBytes.length + 1L + 7) & ~7L;
        long size = argvAt + NativeStrings.vectorSize(argvBytes);
        Memory strings = blocks[2];
        if (size > strings.size()) {
            if (size <= STRINGS_CACHED_MAX) {
                strings.close();
                strings = new Memory(Math.max(size, 2 * strings.size()));
                blocks[2] = strings;
            } else {
                strings = res.keep(new Memory(size));
            }
        }
        NativeStrings.writeCString(strings, 0, pathBytes);
        NativeStrings.writeVector(strings, argvAt, argvBytes);
        Pointer argv = strings.share(argvAt);
        Pointer envp = plan.envp() == null ? env.pointerWhileLocked() : res.keep(NativeStrings.vector(plan.envp()));
        int[] pid = new int[1];
        int err = LibC.posix_spawn(pid, strings, res.fa, res.attr, argv, envp);
        if (err != 0) {
            // Probed before the caller closes the pipes: they are among the descriptors a dup2 reads.
            throw SpawnFailure.of(plan, err, c, this::isOpen, errors);
        }
        return pid[0];
    }

    private void attributes(SpawnPlan plan, Resources res) {
        int flags = plan.flags();
        String who = plan.program();
        if ((flags & c.POSIX_SPAWN_SETSIGMASK) != 0) {
            check(LibC.posix_spawnattr_setsigmask(res.attr, sigset(plan.sigmask(), emptyMask, res)),
                    "posix_spawnattr_setsigmask", who);
        }
        if ((flags & c.POSIX_SPAWN_SETSIGDEF) != 0) {
            check(LibC.posix_spawnattr_setsigdefault(res.attr, sigset(plan.sigdefault(), emptyMask, res)),
                    "posix_spawnattr_setsigdefault", who);
        }
        if ((flags & c.POSIX_SPAWN_SETPGROUP) != 0) {
            check(LibC.posix_spawnattr_setpgroup(res.attr, plan.pgroup()), "posix_spawnattr_setpgroup", plan.pgroup());
        }
        if (setScheduler != 0 && (flags & setScheduler) != 0) {
            check(OptionalLibC.SpawnScheduler.posix_spawnattr_setschedpolicy(res.attr, plan.schedPolicy()),
                    "posix_spawnattr_setschedpolicy", plan.schedPolicy());
        }
        if (setSchedParam != 0 && (flags & setSchedParam) != 0) {
            Memory param = res.keep(new Memory(8));
            param.clear();
            param.setInt(0, plan.schedPriority());
            check(OptionalLibC.SpawnScheduler.posix_spawnattr_setschedparam(res.attr, param), "posix_spawnattr_setschedparam",
                    plan.schedPriority());
        }
        check(LibC.posix_spawnattr_setflags(res.attr, (short) flags), "posix_spawnattr_setflags", who);
    }

    /** The native set for a plan's signals: the cached empty or "all" set, else one made for this spawn. */
    private Memory sigset(SpawnPlan.Signals signals, Memory empty, Resources res) {
        if (signals.all()) {
            return allSignals;
        }
        if (signals.numbers().isEmpty()) {
            return empty;
        }
        byte[] bits = new byte[c.SIZEOF_sigset_t];
        for (int s : signals.numbers()) {
            setBit(bits, s);
        }
        return res.keep(sigset(bits));
    }

    private static void setBit(byte[] set, int sig) {
        int bit = sig - 1;
        if (bit < 0 || bit / 8 >= set.length) {
            throw new IllegalArgumentException("signal number out of range for sigset_t: " + sig);
        }
        set[bit / 8] |= (byte) (1 << (bit % 8));
    }

    private void fileAction(SpawnPlan.Action a, Resources res) {
        if (a instanceof SpawnPlan.Chdir d) {
            if (!addchdir) {
                throw new UnsupportedOperationException("a working directory needs "
                        + "posix_spawn_file_actions_addchdir_np (glibc 2.29+, macOS 10.15+), which this C library lacks");
            }
            check(OptionalLibC.AddChdir.posix_spawn_file_actions_addchdir_np(res.fa,
                    res.keep(NativeStrings.cString(d.dir()))), "posix_spawn_file_actions_addchdir_np", d.dir());
        } else if (a instanceof SpawnPlan.Open o) {
            Memory path = o.path().equals("/dev/null") ? devNull : res.keep(NativeStrings.cString(o.path()));
            added(LibC.posix_spawn_file_actions_addopen(res.fa, o.fd(), path, o.flags(), o.mode()),
                    "posix_spawn_file_actions_addopen", o.label(), o.fd());
        } else if (a instanceof SpawnPlan.Dup2 d) {
            added(LibC.posix_spawn_file_actions_adddup2(res.fa, d.from(), d.to()), "posix_spawn_file_actions_adddup2",
                    d.label(), Math.max(d.from(), d.to()));
        } else if (a instanceof SpawnPlan.Inherit i) {
            added(OptionalLibC.AddInherit.posix_spawn_file_actions_addinherit_np(res.fa, i.fd()),
                    "posix_spawn_file_actions_addinherit_np", i.label(), i.fd());
        } else if (a instanceof SpawnPlan.Close cl) {
            added(LibC.posix_spawn_file_actions_addclose(res.fa, cl.fd()), "posix_spawn_file_actions_addclose",
                    "close(" + cl.fd() + ")", cl.fd());
        } else if (a instanceof SpawnPlan.CloseOpen co) {
            for (int fd : openDescriptors()) {
                if (fd >= co.from() && fd < co.to() && !co.keep().contains(fd)) {
                    check(LibC.posix_spawn_file_actions_addclose(res.fa, fd), "posix_spawn_file_actions_addclose", fd);
                }
            }
        } else if (a instanceof SpawnPlan.Closefrom cf) {
            closeFrom(cf.fd(), res);
        }
    }

    /**
     * A file action's result: a descriptor beyond what the C library accepts (EBADF: at or above the
     * descriptor limit) is refused naming the mapping that asked for it; other errors are system errors.
     */
    private void added(int err, String op, String label, int fd) {
        if (err == c.EBADF) {
            throw new IllegalArgumentException(label + ": descriptor " + fd
                    + " cannot be set up in the child (beyond the descriptor limit)");
        }
        check(err, op, label);
    }

    private void closeFrom(int from, Resources res) {
        if (addclosefrom) {
            check(OptionalLibC.AddClosefrom.posix_spawn_file_actions_addclosefrom_np(res.fa, from),
                    "posix_spawn_file_actions_addclosefrom_np", from);
            return;
        }
        // glibc < 2.34: close what is open now. A descriptor opened by another thread after this listing
        // and without O_CLOEXEC can still leak; glibc 2.34+ closes in the child and has no such window.
        for (int fd : openDescriptors()) {
            if (fd >= from) {
                check(LibC.posix_spawn_file_actions_addclose(res.fa, fd), "posix_spawn_file_actions_addclose", fd);
            }
        }
    }

    /** @return the descriptors this process has open now, from {@code /proc/self/fd} (Linux) */
    private static List<Integer> openDescriptors() {
        List<Integer> fds = new ArrayList<>();
        java.io.File[] open = new java.io.File("/proc/self/fd").listFiles();
        if (open != null) {
            for (java.io.File f : open) {
                try {
                    fds.add(Integer.parseInt(f.getName()));
                } catch (NumberFormatException e) {
                    // not a descriptor entry
                }
            }
        }
        return fds;
    }

    /**
     * The parent's ends of the pipes of one spawn (-1 for none).
     *
     * @param ptyMaster the pseudo-terminal master (stdin and stdout are then duplicates of it), or -1
     */
    public record Pipes(int stdin, int stdout, int stderr, int ptyMaster) {
        Pipes(int stdin, int stdout, int stderr) {
            this(stdin, stdout, stderr, -1);
        }
    }

    private static final int[] NO_PIPE = {-1, -1};

    /**
     * A pipe for a {@link Stdio#pipe()} stream.
     *
     * @return {child's end, parent's end} as {read, write} ordered for the direction; {-1, -1} for no pipe
     */
    private int[] pipe(Stdio s, boolean input, Resources res) {
        if (!(s instanceof Stdio.Pipe)) {
            return NO_PIPE;
        }
        int[] fds = pipe(res);
        int childEnd = input ? fds[0] : fds[1];
        int parentEnd = input ? fds[1] : fds[0];
        res.childEnds.add(childEnd);
        res.parentEnds.add(parentEnd);
        return input ? new int[] {childEnd, parentEnd} : new int[] {parentEnd, childEnd};
    }

    /** A close-on-exec pipe whose ends are never 0..2 (a dup2 onto the same number would not clear the flag). */
    private int[] pipe(Resources res) {
        int[] fds = new int[2];
        try {
            platform.cloexecPipe(fds); // pipe2(O_CLOEXEC), or pipe + FD_CLOEXEC on macOS
        } catch (LastErrorException e) {
            res.closeAll();
            throw errors.of(platform.cloexecPipeCall(), null, e);
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i] < 3) {
                int moved = LibCVarargs.INSTANCE.fcntl(fds[i], c.optional("F_DUPFD_CLOEXEC").orElseThrow(), 3);
                quietClose(fds[i]);
                fds[i] = moved;
            }
        }
        return fds;
    }

    private void check(int err, String op, Object subject) {
        if (err != 0) {
            throw errors.of(op, subject, err);
        }
    }

    /** @return whether this process has {@code fd} open ({@code fcntl(F_GETFD)}; off the fast path: macOS's inherited
     *  standard streams and failure probes) */
    private boolean isOpen(int fd) {
        try {
            LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFD);
            return true;
        } catch (LastErrorException e) {
            return e.getErrorCode() != c.EBADF;
        }
    }
}
