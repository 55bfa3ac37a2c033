package io.prockit.posix.spawn;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.posix.PosixBackend;
import io.prockit.posix.jna.DarwinLibC;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.jna.OptionalLibC;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.process.PosixChild;
import io.prockit.spi.SpawnRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code posix_spawn}: resolves the program, builds the attributes and file actions, starts the
 * child, and leaves nothing behind on failure (every pipe and native block is released).
 *
 * <p>What the child gets, in order of the file actions: its working directory
 * ({@code addchdir_np}), stdin, stdout, stderr, the extra descriptors, then every other descriptor
 * from 3 up closed ({@code addclosefrom_np} on glibc 2.34+; a close per open descriptor listed in
 * {@code /proc/self/fd} on older glibc; {@code POSIX_SPAWN_CLOEXEC_DEFAULT} on macOS). Attributes: the
 * signal mask emptied ({@code SETSIGMASK}), every disposition reset ({@code SETSIGDEF}), and on request
 * a new process group, a new session ({@code SETSID}: 0x80 on glibc, 0x400 on macOS), reset ids and a
 * scheduler. With a pseudo-terminal ({@link SpawnRequest#pty()}) the slave replaces the three stdio
 * settings and the child always gets a new session; {@link PtySpawn} explains how the slave becomes its
 * controlling terminal on Linux and on macOS.
 */
public final class Spawner {
    private final PosixBackend b;
    private final PosixConstants c;
    private final boolean addclosefrom;    // glibc >= 2.34
    private final boolean addchdir;        // glibc >= 2.29, macOS 10.15
    private final boolean darwin;
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

    public Spawner(PosixBackend backend) {
        this.b = backend;
        this.c = backend.c;
        this.darwin = backend.isDarwin();
        this.addclosefrom = !darwin && OptionalLibC.available(OptionalLibC.AddClosefrom.class);
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
        PosixBackend.LOG.debug("posix_spawn: addclosefrom_np {}, addchdir_np {}",
                addclosefrom ? "yes" : darwin ? "n/a (CLOEXEC_DEFAULT)" : "no (closing /proc/self/fd entries)",
                addchdir ? "yes" : "no");
    }

    private static Memory sigset(byte[] bits) {
        Memory m = new Memory(bits.length);
        m.write(0, bits, 0, bits.length);
        return m;
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

    public PosixChild spawn(SpawnRequest r) {
        if (darwin && !r.extraFds().isEmpty() && r.extraFds().entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(e.getValue()) && r.extraFds().containsKey(e.getValue()))) {
            throw new IllegalArgumentException("extra fd mappings may not chain (a target is also a source): "
                    + r.extraFds());
        }
        Map<String, String> childEnv = r.environment().isInheritedUnchanged() ? null
                : r.environment().applyTo(b.environ());
        // The real working directory (Os.chdir changes it; user.dir does not follow), looked up only when needed.
        Path cwd = r.directory() != null ? PosixSystem.realCwdPath().resolve(r.directory()) : null; // null: the parent's
        String path = resolve(r, childEnv, cwd);
        if (r.directory() != null && !addchdir) {
            throw new UnsupportedOperationException("a working directory needs posix_spawn_file_actions_addchdir_np "
                    + "(glibc 2.29+, macOS 10.15+), which this C library lacks");
        }

        try (Resources res = new Resources()) {
          try {
            Memory[] blocks = scratch.get();
            res.attr = blocks[0];
            res.fa = blocks[1];
            check(LibC.posix_spawnattr_init(res.attr), "posix_spawnattr_init", path);
            res.attrInit = true;
            check(LibC.posix_spawn_file_actions_init(res.fa), "posix_spawn_file_actions_init", path);
            res.faInit = true;

            int flags = attributes(r, res);
            PtySpawn pty = r.pty() == null ? null : PtySpawn.open(b, r.pty(), res.parentEnds::add);
            Pipes pipes = fileActions(r, cwd, res, pty);
            if (darwin) {
                flags |= c.optional("POSIX_SPAWN_CLOEXEC_DEFAULT").orElseThrow();
            }
            check(LibC.posix_spawnattr_setflags(res.attr, (short) flags), "posix_spawnattr_setflags", path);

            List<String> args = r.argv();
            String exe = path;
            if (pty != null && darwin) {
                // The file actions run before setsid on macOS: a shell in the new session acquires the terminal.
                check(PtySpawn.darwinCheck(path, c), r.searchPath() && !r.program().contains("/") ? "posix_spawnp"
                        : "posix_spawn", r.program());
                args = PtySpawn.darwinArgv(pty.slave(), path, r.argv());
                exe = PtySpawn.DARWIN_SHELL;
            }
            // The path and argv packed into one block: [path\0, padding][argv table][argv strings].
            byte[] pathBytes = exe.getBytes(NativeStrings.CHARSET);
            byte[][] argvBytes = NativeStrings.encode(args);
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
            Pointer pathMem = strings;
            Pointer argv = strings.share(argvAt);
            Pointer envp;
            if (childEnv == null) {
                envp = b.environPointer();
            } else {
                List<String> entries = new ArrayList<>(childEnv.size());
                childEnv.forEach((k, v) -> entries.add(k + "=" + v));
                envp = res.keep(NativeStrings.vector(entries));
            }
            int[] pid = new int[1];
            int err = LibC.posix_spawn(pid, pathMem, res.fa, res.attr, argv, envp);
            if (err != 0) {
                res.closeAll();
                throw b.errors.of(r.searchPath() && !r.program().contains("/") ? "posix_spawnp" : "posix_spawn",
                        r.program(), err);
            }
            res.closeChildEnds();
            if (PosixBackend.LOG.isDebugEnabled()) {
                PosixBackend.LOG.debug("spawned pid {}: {} argv={} flags=0x{} env={} cwd={}", pid[0], path, r.argv(),
                        Integer.toHexString(flags), childEnv == null ? "inherited" : childEnv.size() + " entries",
                        r.directory() == null ? "inherited" : cwd);
            }
            int pgid = r.newSession() || r.pty() != null || (r.processGroup() != null && r.processGroup() == 0) ? pid[0]
                    : r.processGroup() != null ? r.processGroup() : b.ownPgrp();
            boolean ownGroup = pgid == pid[0];
            res.parentEnds.clear(); // handed to the child object
            return b.adopt(pid[0], pgid, ownGroup, pipes);
          } catch (RuntimeException | Error e) {
            res.closeAll();
            throw e;
          }
        }
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

    private String resolve(SpawnRequest r, Map<String, String> childEnv, Path cwd) {
        String program = r.program();
        if (!r.searchPath() || program.contains("/")) {
            return program;
        }
        String pathVar = childEnv != null ? childEnv.get("PATH") : LibC.getenv("PATH");
        PathSearch.Found f = cwd != null ? PathSearch.search(program, pathVar, cwd)
                : PathSearch.search(program, pathVar, PosixSystem::realCwdPath);
        if (f.path().isPresent()) {
            PosixBackend.LOG.debug("resolved {} to {} in PATH={}", program, f.path().get(), pathVar);
            return f.path().get();
        }
        int errno = f.sawNonExecutable() ? c.EACCES : c.ENOENT;
        throw b.errors.of("posix_spawnp", program, errno);
    }

    private int attributes(SpawnRequest r, Resources res) {
        int flags = c.POSIX_SPAWN_SETSIGMASK;
        Memory mask = emptyMask;
        if (!r.posix().signalMask().isEmpty()) {
            byte[] bits = new byte[c.SIZEOF_sigset_t];
            for (Signal s : r.posix().signalMask()) {
                setBit(bits, s.number());
            }
            mask = res.keep(sigset(bits));
        }
        check(LibC.posix_spawnattr_setsigmask(res.attr, mask), "posix_spawnattr_setsigmask", r.program());
        if (r.posix().resetSignals()) {
            flags |= c.POSIX_SPAWN_SETSIGDEF;
            check(LibC.posix_spawnattr_setsigdefault(res.attr, allSignals), "posix_spawnattr_setsigdefault", r.program());
        }
        if (r.newSession() || r.pty() != null) {
            flags |= c.POSIX_SPAWN_SETSID;
        } else if (r.processGroup() != null) {
            flags |= c.POSIX_SPAWN_SETPGROUP;
            check(LibC.posix_spawnattr_setpgroup(res.attr, r.processGroup()), "posix_spawnattr_setpgroup",
                    r.program());
        }
        if (r.posix().resetIds()) {
            flags |= c.POSIX_SPAWN_RESETIDS;
        }
        if (r.posix().schedPolicy() != null) {
            int setScheduler = c.optional("POSIX_SPAWN_SETSCHEDULER").orElseThrow(() ->
                    new UnsupportedOperationException("POSIX_SPAWN_SETSCHEDULER is not available on " + c.os()));
            int setParam = c.optional("POSIX_SPAWN_SETSCHEDPARAM").orElseThrow();
            flags |= setScheduler | setParam;
            check(LinuxLibC.posix_spawnattr_setschedpolicy(res.attr, r.posix().schedPolicy()),
                    "posix_spawnattr_setschedpolicy", r.program());
            Memory param = res.keep(new Memory(8));
            param.clear();
            param.setInt(0, r.posix().schedPriority() == null ? 0 : r.posix().schedPriority());
            check(LinuxLibC.posix_spawnattr_setschedparam(res.attr, param), "posix_spawnattr_setschedparam", r.program());
        }
        return flags;
    }

    private static void setBit(byte[] set, int sig) {
        int bit = sig - 1;
        if (bit < 0 || bit / 8 >= set.length) {
            throw new IllegalArgumentException("signal number out of range for sigset_t: " + sig);
        }
        set[bit / 8] |= (byte) (1 << (bit % 8));
    }

    private Pipes fileActions(SpawnRequest r, Path cwd, Resources res, PtySpawn pty) {
        if (r.directory() != null) {
            Memory dir = res.keep(NativeStrings.cString(cwd.toString()));
            check(OptionalLibC.AddChdir.posix_spawn_file_actions_addchdir_np(res.fa, dir),
                    "posix_spawn_file_actions_addchdir_np",
                    cwd.toString());
        }
        Pipes pipes;
        if (pty != null) {
            // The Stdio settings are ignored: the slave is 0, 1 and 2.
            check(PtySpawn.fileActions(res.fa, res.keep(NativeStrings.cString(pty.slave())), c, darwin),
                    "posix_spawn_file_actions_addopen", pty.slave());
            pipes = pty.parentEnds();
        } else {
            pipes = new Pipes(stdio(r.stdin(), 0, true, res), stdio(r.stdout(), 1, false, res),
                    stdio(r.stderr(), 2, false, res));
        }
        int maxChildFd = 2;
        for (Map.Entry<Integer, Integer> e : r.extraFds().entrySet()) {
            int child = e.getKey();
            int parent = e.getValue();
            if (darwin && child == parent) {
                check(DarwinLibC.posix_spawn_file_actions_addinherit_np(res.fa, child),
                        "posix_spawn_file_actions_addinherit_np", child);
            } else {
                check(LibC.posix_spawn_file_actions_adddup2(res.fa, parent, child), "posix_spawn_file_actions_adddup2",
                        parent + "->" + child);
            }
            maxChildFd = Math.max(maxChildFd, child);
        }
        closeTheRest(r, maxChildFd, res);
        return pipes;
    }

    /** Sets up one standard stream; returns the parent's pipe end, or -1. */
    private int stdio(Stdio s, int target, boolean input, Resources res) {
        if (s instanceof Stdio.Inherit) {
            // macOS: addinherit_np of a descriptor the JVM does not have open fails the whole spawn with EBADF
            // (xnu kern_exec.c); Linux leaves it closed in the child, and so does this.
            if (darwin && isOpen(target)) {
                check(DarwinLibC.posix_spawn_file_actions_addinherit_np(res.fa, target),
                        "posix_spawn_file_actions_addinherit_np", target);
            }
            return -1;
        }
        if (s instanceof Stdio.Pipe) {
            int[] fds = pipe(res);
            int childEnd = input ? fds[0] : fds[1];
            int parentEnd = input ? fds[1] : fds[0];
            res.childEnds.add(childEnd);
            res.parentEnds.add(parentEnd);
            check(LibC.posix_spawn_file_actions_adddup2(res.fa, childEnd, target), "posix_spawn_file_actions_adddup2",
                    target);
            return parentEnd;
        }
        if (s instanceof Stdio.Discard) {
            check(LibC.posix_spawn_file_actions_addopen(res.fa, target, devNull, input ? c.O_RDONLY : c.O_WRONLY, 0),
                    "posix_spawn_file_actions_addopen", "/dev/null");
            return -1;
        }
        if (s instanceof Stdio.ReadFile f) {
            String p = fromRealCwd(f.file());
            check(LibC.posix_spawn_file_actions_addopen(res.fa, target, res.keep(NativeStrings.cString(p)), c.O_RDONLY, 0),
                    "posix_spawn_file_actions_addopen", p);
            return -1;
        }
        if (s instanceof Stdio.WriteFile f) {
            String p = fromRealCwd(f.file());
            int flags = c.O_WRONLY | c.O_CREAT | (f.append() ? c.O_APPEND : c.O_TRUNC);
            check(LibC.posix_spawn_file_actions_addopen(res.fa, target, res.keep(NativeStrings.cString(p)), flags, 0666),
                    "posix_spawn_file_actions_addopen", p);
            return -1;
        }
        if (s instanceof Stdio.ToStdout) {
            check(LibC.posix_spawn_file_actions_adddup2(res.fa, 1, 2), "posix_spawn_file_actions_adddup2", "2>&1");
            return -1;
        }
        if (s instanceof Stdio.Fd f) {
            if (darwin && f.parentFd() == target) {
                check(DarwinLibC.posix_spawn_file_actions_addinherit_np(res.fa, target),
                        "posix_spawn_file_actions_addinherit_np", target);
            } else if (f.parentFd() != target) {
                check(LibC.posix_spawn_file_actions_adddup2(res.fa, f.parentFd(), target),
                        "posix_spawn_file_actions_adddup2", f.parentFd() + "->" + target);
            }
            return -1;
        }
        throw new IllegalArgumentException("unsupported stdio: " + s);
    }

    /**
     * {@code pipe2(O_CLOEXEC)}, or on macOS, which has no {@code pipe2}, {@code pipe} and then
     * {@code FD_CLOEXEC} on each end ({@code POSIX_SPAWN_CLOEXEC_DEFAULT} keeps a concurrent spawn from
     * inheriting them meanwhile).
     *
     * @param fds    receives the read and the write end
     * @param c      the running OS's constants
     * @param darwin whether this is macOS
     */
    public static void cloexecPipe(int[] fds, PosixConstants c, boolean darwin) {
        if (darwin) {
            LibC.pipe(fds);
            for (int fd : fds) {
                LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFD, c.FD_CLOEXEC);
            }
        } else {
            LinuxLibC.pipe2(fds, c.O_CLOEXEC);
        }
    }

    /** A close-on-exec pipe whose ends are never 0..2 (a dup2 onto the same number would not clear the flag). */
    private int[] pipe(Resources res) {
        int[] fds = new int[2];
        try {
            cloexecPipe(fds, c, darwin);
        } catch (LastErrorException e) {
            res.closeAll();
            throw b.errors.of(darwin ? "pipe" : "pipe2", null, e);
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

    private void closeTheRest(SpawnRequest r, int maxChildFd, Resources res) {
        if (darwin) {
            return; // POSIX_SPAWN_CLOEXEC_DEFAULT: only inherited/dup2'ed/opened targets survive the exec
        }
        for (int fd = 3; fd < maxChildFd; fd++) {
            if (!r.extraFds().containsKey(fd)) {
                check(LibC.posix_spawn_file_actions_addclose(res.fa, fd), "posix_spawn_file_actions_addclose", fd);
            }
        }
        if (addclosefrom) {
            check(OptionalLibC.AddClosefrom.posix_spawn_file_actions_addclosefrom_np(res.fa, maxChildFd + 1),
                    "posix_spawn_file_actions_addclosefrom_np", maxChildFd + 1);
            return;
        }
        // glibc < 2.34: close what is open now. A descriptor opened by another thread after this listing
        // and without O_CLOEXEC can still leak; glibc 2.34+ closes in the child and has no such window.
        java.io.File[] open = new java.io.File("/proc/self/fd").listFiles();
        if (open != null) {
            for (java.io.File f : open) {
                int fd;
                try {
                    fd = Integer.parseInt(f.getName());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (fd > maxChildFd) {
                    check(LibC.posix_spawn_file_actions_addclose(res.fa, fd), "posix_spawn_file_actions_addclose", fd);
                }
            }
        }
    }

    private void check(int err, String op, Object subject) {
        if (err != 0) {
            throw b.errors.of(op, subject, err);
        }
    }

    /**
     * A redirect file as an absolute path: relative ones against the process's real working directory
     * ({@code Os.chdir} moves it; {@code user.dir} does not follow), as the working directory itself and as
     * the JDK's own file I/O, which hands relative paths to the kernel. Resolved here because the child
     * opens it after changing to its own working directory.
     */
    private static String fromRealCwd(Path file) {
        return (file.isAbsolute() ? file : PosixSystem.realCwdPath().resolve(file)).toString();
    }

    /** @return whether this process has {@code fd} open ({@code fcntl(F_GETFD)}; macOS only, off the Linux path) */
    private boolean isOpen(int fd) {
        try {
            LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFD);
            return true;
        } catch (LastErrorException e) {
            return e.getErrorCode() != c.EBADF;
        }
    }
}
