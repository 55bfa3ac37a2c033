package io.prockit.posix.spawn;

import io.prockit.posix.os.LiveEnvironment;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.FileAction;
import io.prockit.PosixSpawnAttributes;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.spi.SpawnRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Everything one {@code posix_spawn} call needs, decided in plain Java before any native call: the program
 * to run (searched in the PATH of the <em>child's</em> environment), argv, envp, the file actions in the
 * order the child runs them, the attribute flags, the signal mask and default sets, the process group and
 * the scheduler. Built from a {@link SpawnRequest} ({@code Command}, {@code Os.spawn*}, {@code Os.system},
 * {@code Os.popen*}, the pty) or from {@code Os.posixSpawn}'s file actions and attributes; run by
 * {@link Spawner}, the only class that calls {@code posix_spawn*}. Unit-tested without native code.
 *
 * <p>Defaults every plan has unless its caller asks otherwise: the signal mask emptied
 * ({@code POSIX_SPAWN_SETSIGMASK} with an empty set: the JVM's threads block SIGQUIT, among others) and every
 * catchable signal's disposition reset ({@code POSIX_SPAWN_SETSIGDEF}: the JVM ignores some signals, and an
 * ignored signal stays ignored across {@code exec}); no descriptor from 3 up passed on beyond those the
 * redirects name (closed by the file actions on Linux, {@code POSIX_SPAWN_CLOEXEC_DEFAULT} on macOS).
 *
 * <p>A {@code Command}'s redirects are planned as a parallel move ({@link FdMoves}): each names the parent's
 * descriptor as it was when {@code spawn()} was called. The order of the file actions: the working
 * directory, the moves of parent descriptors (pipes, {@link Stdio.Fd}, {@code fd(child, parent)},
 * {@code toStdout()} where stdout is one of those), descriptors kept as they are, files opened
 * ({@code from}, {@code to}, {@code discard}), {@code toStdout()} onto an opened stdout, then the closes.
 * {@code Os.posixSpawn}'s file actions run in the caller's order, as Python runs them.
 *
 * @param operation   {@code posix_spawnp} when a bare name was searched, else {@code posix_spawn}: the
 *                    operation a program error names
 * @param program     the program as given: the subject a program error names
 * @param path        the file to execute
 * @param argv        the argument vector, {@code argv[0]} included
 * @param envp        the child's environment as {@code NAME=value} entries, or null for the live
 *                    {@code environ}, passed as is while {@link LiveEnvironment}'s lock is held
 * @param fileActions the file actions, in order
 * @param flags       the {@code POSIX_SPAWN_*} flags
 * @param sigmask     the signals blocked in the child (with {@code POSIX_SPAWN_SETSIGMASK})
 * @param sigdefault  the signals reset to their default disposition (with {@code POSIX_SPAWN_SETSIGDEF})
 * @param pgroup      the group for {@code POSIX_SPAWN_SETPGROUP}: 0 for a new one led by the child
 * @param schedPolicy the policy for {@code POSIX_SPAWN_SETSCHEDULER}
 * @param schedPriority the priority for {@code POSIX_SPAWN_SETSCHEDPARAM}
 */
record SpawnPlan(String operation, String program, String path, List<String> argv, List<String> envp,
                 List<Action> fileActions, int flags, Signals sigmask, Signals sigdefault, int pgroup,
                 int schedPolicy, int schedPriority) {

    /** A set of signal numbers for {@code sigset_t}: every catchable signal, or the numbers given. */
    record Signals(boolean all, Set<Integer> numbers) {
        /** No signal. */
        static final Signals NONE = new Signals(false, Set.of());
        /** Every signal but SIGKILL and SIGSTOP. */
        static final Signals ALL = new Signals(true, Set.of());

        static Signals of(Set<Integer> numbers) {
            return numbers.isEmpty() ? NONE : new Signals(false, Set.copyOf(numbers));
        }
    }

    /** One file action. */
    sealed interface Action permits Chdir, Open, Dup2, Inherit, Close, CloseOpen, Closefrom {
    }

    /**
     * {@code posix_spawn_file_actions_addchdir_np}.
     *
     * @param dir an absolute directory
     */
    record Chdir(String dir) implements Action {
    }

    /**
     * {@code addopen}: {@code path} opened as {@code fd}.
     *
     * @param fd    the child's descriptor
     * @param path  an absolute path (relative ones are resolved when planning: the child opens it after its chdir)
     * @param flags {@code O_*} flags
     * @param mode  the creation mode
     * @param label what asked for it, for messages
     */
    record Open(int fd, String path, int flags, int mode, String label) implements Action {
    }

    /**
     * {@code adddup2}: the child's {@code to} becomes what {@code from} is at this point; equal numbers keep
     * the descriptor open across the exec (glibc clears its close-on-exec flag).
     *
     * @param from         the source
     * @param to           the target
     * @param parentSource whether {@code from} is a descriptor the caller named in the parent (a failure is
     *                     then probed there); false for prockit's own pipe ends, temporaries and descriptors
     *                     an earlier action made in the child
     * @param label        what asked for it, for messages
     */
    record Dup2(int from, int to, boolean parentSource, String label) implements Action {
    }

    /**
     * macOS {@code addinherit_np}: keep the parent's {@code fd} as it is (under {@code CLOEXEC_DEFAULT}).
     *
     * @param fd    the descriptor
     * @param label what asked for it, for messages
     */
    record Inherit(int fd, String label) implements Action {
    }

    /**
     * {@code addclose}.
     *
     * @param fd the descriptor
     */
    record Close(int fd) implements Action {
    }

    /**
     * Every descriptor in {@code [from, to)} the parent has open when spawning closed, but {@code keep}: the
     * gap below a high target, too wide to close descriptor by descriptor (Linux; a descriptor another thread
     * opens without close-on-exec after the listing can leak, as with {@link Closefrom} on glibc &lt; 2.34).
     *
     * @param from the lowest
     * @param to   above the highest
     * @param keep the targets in between
     */
    record CloseOpen(int from, int to, Set<Integer> keep) implements Action {
        CloseOpen {
            keep = Set.copyOf(keep);
        }
    }

    /**
     * Every descriptor from {@code fd} up closed: {@code addclosefrom_np} (glibc 2.34+), else a close per
     * descriptor open when spawning.
     *
     * @param fd the lowest
     */
    record Closefrom(int fd) implements Action {
    }

    /** What planning needs from outside: the OS's numbers and, for the live parts, the caller's answers. */
    interface Context {
        /** @return the running OS's constants */
        PosixConstants constants();

        /** @return whether this is macOS */
        boolean darwin();

        /**
         * @param name a variable
         * @return its value in the live environment (read under {@link LiveEnvironment}'s lock), or null
         */
        String liveGetenv(String name);

        /** @return a copy of the live environment (read under {@link LiveEnvironment}'s lock) */
        Map<String, String> liveEnvironment();

        /** @return the process's real working directory */
        Path cwd();

        /**
         * @param fd a descriptor
         * @return whether the parent has it open (asked on macOS only, for inherited standard streams)
         */
        boolean parentHasFd(int fd);

        /**
         * The error for a program that cannot be found or run.
         *
         * @param operation {@code posix_spawn} or {@code posix_spawnp}
         * @param program   the program as given
         * @param errno     ENOENT or EACCES
         * @return the exception to throw
         */
        RuntimeException programError(String operation, String program, int errno);
    }

    /** The parent's descriptors made for one {@code Command} spawn, which the plan hands to the child. */
    record ChildEnds(int stdin, int stdout, int stderr, String ptySlave) {
        /** None: no pipe, no pseudo-terminal. */
        static final ChildEnds NONE = new ChildEnds(-1, -1, -1, null);

        int of(int target) {
            return target == 0 ? stdin : target == 1 ? stdout : stderr;
        }
    }

    SpawnPlan {
        argv = List.copyOf(argv);
        envp = envp == null ? null : List.copyOf(envp);
        fileActions = List.copyOf(fileActions);
    }

    /** @return whether the flags ask for {@code POSIX_SPAWN_SETSID} */
    boolean newSession(PosixConstants c) {
        return (flags & c.POSIX_SPAWN_SETSID) != 0;
    }

    /**
     * @param pid      the child
     * @param ownPgrp  the parent's process group
     * @param c        the constants
     * @return the child's process group right after the spawn
     */
    int pgidOf(int pid, int ownPgrp, PosixConstants c) {
        if (newSession(c)) {
            return pid;
        }
        if ((flags & c.POSIX_SPAWN_SETPGROUP) != 0) {
            return pgroup == 0 ? pid : pgroup;
        }
        return ownPgrp;
    }

    // ---- from a SpawnRequest ---------------------------------------------------------------------

    /**
     * The plan of a {@code Command} (and of everything built on it).
     *
     * @param r    the request
     * @param ends the parent's descriptors made for it (pipe ends the child reads or writes, the pty slave)
     * @param ctx  the context
     * @return the plan
     */
    static SpawnPlan of(SpawnRequest r, ChildEnds ends, Context ctx) {
        PosixConstants c = ctx.constants();
        boolean darwin = ctx.darwin();
        String operation = r.searchPath() && r.program().indexOf('/') < 0 ? "posix_spawnp" : "posix_spawn";

        List<String> envp = null;
        String pathVar;
        if (r.environment().isInheritedUnchanged()) {
            pathVar = operation.equals("posix_spawnp") ? ctx.liveGetenv("PATH") : null;
        } else {
            Map<String, String> env = r.environment().applyTo(ctx.liveEnvironment());
            pathVar = env.get("PATH");
            envp = entries(env);
        }
        Path cwd = r.directory() == null ? null : ctx.cwd().resolve(r.directory());
        String path = resolve(operation, r.program(), pathVar, cwd, ctx);

        List<String> argv = r.argv();
        List<Action> actions = new ArrayList<>();
        if (cwd != null) {
            actions.add(new Chdir(cwd.toString()));
        }
        if (r.pty() != null && darwin) {
            // The file actions run before setsid on macOS: a shell in the new session acquires the terminal.
            int err = PtySpawn.darwinCheck(path, c);
            if (err != 0) {
                throw ctx.programError(operation, r.program(), err);
            }
            argv = PtySpawn.darwinArgv(ends.ptySlave(), path, r.argv());
            path = PtySpawn.DARWIN_SHELL;
        }
        redirects(r, ends, ctx, actions);

        int flags = 0;
        Signals mask = Signals.NONE;
        Signals def = Signals.NONE;
        flags |= c.POSIX_SPAWN_SETSIGMASK;
        if (!r.posix().signalMask().isEmpty()) {
            Set<Integer> numbers = new TreeSet<>();
            for (Signal s : r.posix().signalMask()) {
                numbers.add(checkSignal("signalMask", s.number(), c));
            }
            mask = Signals.of(numbers);
        }
        if (r.posix().resetSignals()) {
            flags |= c.POSIX_SPAWN_SETSIGDEF;
            def = Signals.ALL;
        }
        int pgroup = 0;
        if (r.newSession() || r.pty() != null) {
            flags |= c.POSIX_SPAWN_SETSID;
        } else if (r.processGroup() != null) {
            flags |= c.POSIX_SPAWN_SETPGROUP;
            pgroup = r.processGroup();
        }
        if (r.posix().resetIds()) {
            flags |= c.POSIX_SPAWN_RESETIDS;
        }
        int policy = 0;
        int priority = 0;
        if (r.posix().schedPolicy() != null) {
            flags |= schedulerFlags(c, "posixOptions scheduler");
            policy = r.posix().schedPolicy();
            priority = r.posix().schedPriority() == null ? 0 : r.posix().schedPriority();
        }
        if (darwin) {
            flags |= c.optional("POSIX_SPAWN_CLOEXEC_DEFAULT").orElseThrow();
        }
        return new SpawnPlan(operation, r.program(), path, argv, envp, actions, flags, mask, def, pgroup, policy,
                priority);
    }

    /** Where one child descriptor of a {@code Command} comes from. */
    private sealed interface Source {
    }

    /** The parent's descriptor {@code fd}, as at spawn; {@code named}: the caller named it (not a pipe end). */
    private record FromParent(int fd, boolean named, String label) implements Source {
    }

    /** A file the child opens. */
    private record FromFile(Open open) implements Source {
    }

    /** Whatever the child's stdout ends up as (stderr's {@code toStdout()} onto an opened stdout). */
    private record AsStdout() implements Source {
    }

    private static void redirects(SpawnRequest r, ChildEnds ends, Context ctx, List<Action> actions) {
        PosixConstants c = ctx.constants();
        boolean darwin = ctx.darwin();
        Stdio[] std = {r.stdin(), r.stdout(), r.stderr()};
        if (r.pty() == null && r.extraFds().isEmpty() && inheritOrOwnPipe(std, ends)) {
            // The common cases (and the benchmarks'), planned without the general machinery, to the same actions
            // it gives them: a cold JVM's first spawn loads fewer classes, and a spawn with pipes does not run the
            // parallel move (TreeMaps, FdMoves) every time nor wait for the JIT to compile it (bench concurrent
            // with pipes). Pipe ends are above 2, so no move reads what another replaces.
            for (int fd = 0; fd <= 2; fd++) {
                if (std[fd] instanceof Stdio.Pipe) {
                    actions.add(new Dup2(ends.of(fd), fd, false, STD_NAMES[fd] + "(Stdio.pipe())"));
                }
            }
            if (darwin) {
                for (int fd = 0; fd <= 2; fd++) {
                    if (std[fd] instanceof Stdio.Inherit && ctx.parentHasFd(fd)) {
                        actions.add(new Inherit(fd, STD_NAMES[fd] + "(Stdio.inherit())"));
                    }
                }
            } else {
                actions.add(new Closefrom(3));
            }
            return;
        }
        TreeMap<Integer, Source> sources = new TreeMap<>();
        if (r.pty() != null) {
            // The Stdio settings are ignored: the slave is 0, 1 and 2 (see PtySpawn for why it is opened there).
            sources.put(0, new FromFile(new Open(0, ends.ptySlave(), c.O_RDWR | (darwin ? c.O_NOCTTY : 0), 0,
                    "pty slave")));
            sources.put(1, new AsStdin());
            sources.put(2, new AsStdin());
        } else {
            Stdio[] stdio = {r.stdin(), r.stdout(), r.stderr()};
            for (int target = 0; target <= 2; target++) {
                sources.put(target, stdioSource(stdio[target], target, ends, sources, c, ctx));
            }
        }
        for (Map.Entry<Integer, Integer> e : r.extraFds().entrySet()) {
            sources.put(e.getKey(), new FromParent(e.getValue(), true,
                    "fd(" + e.getKey() + ", " + e.getValue() + ")"));
        }

        // 1. The moves of parent descriptors, as one parallel assignment.
        Map<Integer, Integer> moves = new TreeMap<>();
        Map<Integer, FromParent> moved = new TreeMap<>();
        Map<Integer, String> named = new TreeMap<>(); // parent descriptors the caller named, with a mapping naming each
        for (Map.Entry<Integer, Source> e : sources.entrySet()) {
            if (e.getValue() instanceof FromParent p) {
                moves.put(e.getKey(), p.fd());
                moved.put(e.getKey(), p);
                if (p.named()) {
                    named.putIfAbsent(p.fd(), p.label());
                }
            }
        }
        // Every step that is not from a temporary reads a parent descriptor as it was at spawn: the plan reads
        // each source before anything replaces it.
        for (FdMoves.Step step : FdMoves.plan(moves)) {
            if (step instanceof FdMoves.Dup2 d) {
                FromParent p = moved.get(d.to());
                String label = p != null ? p.label() : named.getOrDefault(d.from(), "descriptor move");
                actions.add(new Dup2(d.from(), d.to(), !d.temporary() && named.containsKey(d.from()), label));
            } else if (step instanceof FdMoves.Close cl) {
                actions.add(new Close(cl.fd()));
            }
        }
        // 2. Identities: kept across the exec (macOS: inherited under CLOEXEC_DEFAULT; Linux: 0..2 stay open as
        //    they are, higher ones lose their close-on-exec flag through dup2(fd, fd)).
        for (Map.Entry<Integer, FromParent> e : moved.entrySet()) {
            int fd = e.getKey();
            FromParent p = e.getValue();
            if (p.fd() != fd) {
                continue;
            }
            if (darwin) {
                // An inherited standard stream the JVM does not have open stays closed, as on Linux
                // (addinherit_np of a closed descriptor fails the whole spawn with EBADF on macOS).
                if (p.named() || ctx.parentHasFd(fd)) {
                    actions.add(new Inherit(fd, p.label()));
                }
            } else if (fd > 2) {
                actions.add(new Dup2(fd, fd, true, p.label()));
            }
        }
        // 3. Files, after the moves: a file opened onto a descriptor some move reads would hide the parent's.
        for (Source s : sources.values()) {
            if (s instanceof FromFile f) {
                actions.add(f.open());
            }
        }
        // 4. Copies of what another child descriptor became.
        for (Map.Entry<Integer, Source> e : sources.entrySet()) {
            if (e.getValue() instanceof AsStdout) {
                actions.add(new Dup2(1, e.getKey(), false, "stderr(Stdio.toStdout())"));
            } else if (e.getValue() instanceof AsStdin) {
                actions.add(new Dup2(0, e.getKey(), false, "pty slave"));
            }
        }
        // 5. Every other descriptor from 3 up closed (macOS: CLOEXEC_DEFAULT does it).
        if (!darwin) {
            int max = Math.max(2, sources.lastKey());
            closeGap(actions, max, sources.keySet());
            if (max < Integer.MAX_VALUE) {
                actions.add(new Closefrom(max + 1));
            }
        }
    }

    private static final String[] STD_NAMES = {"stdin", "stdout", "stderr"};

    /** @return whether every standard stream is inherited or a pipe whose child end is above 2 */
    private static boolean inheritOrOwnPipe(Stdio[] std, ChildEnds ends) {
        for (int fd = 0; fd <= 2; fd++) {
            if (!(std[fd] instanceof Stdio.Inherit || std[fd] instanceof Stdio.Pipe && ends.of(fd) > 2)) {
                return false;
            }
        }
        return true;
    }

    /** The pty's 1 and 2: copies of the slave opened as 0. */
    private record AsStdin() implements Source {
    }

    private static Source stdioSource(Stdio s, int target, ChildEnds ends, Map<Integer, Source> earlier,
                                      PosixConstants c, Context ctx) {
        String name = STD_NAMES[target];
        if (s instanceof Stdio.Inherit) {
            return new FromParent(target, false, name + "(Stdio.inherit())");
        }
        if (s instanceof Stdio.Pipe) {
            return new FromParent(ends.of(target), false, name + "(Stdio.pipe())");
        }
        if (s instanceof Stdio.Fd f) {
            return new FromParent(f.parentFd(), true, name + "(Stdio.fd(" + f.parentFd() + "))");
        }
        if (s instanceof Stdio.Discard) {
            return new FromFile(new Open(target, "/dev/null", target == 0 ? c.O_RDONLY : c.O_WRONLY, 0,
                    name + "(Stdio.discard())"));
        }
        if (s instanceof Stdio.ReadFile f) {
            return new FromFile(new Open(target, absolute(f.file(), ctx), c.O_RDONLY, 0,
                    name + "(Stdio.from(" + f.file() + "))"));
        }
        if (s instanceof Stdio.WriteFile f) {
            int flags = c.O_WRONLY | c.O_CREAT | (f.append() ? c.O_APPEND : c.O_TRUNC);
            return new FromFile(new Open(target, absolute(f.file(), ctx), flags, 0666,
                    name + "(Stdio." + (f.append() ? "appendTo(" : "to(") + f.file() + "))"));
        }
        if (s instanceof Stdio.ToStdout) {
            Source out = earlier.get(1);
            if (out instanceof FromParent p) {
                // The same parent descriptor stdout gets: 2>&1 as a shell means it.
                return new FromParent(p.fd(), p.named(), name + "(Stdio.toStdout())");
            }
            return new AsStdout();
        }
        throw new IllegalArgumentException("unsupported stdio for " + name + ": " + s);
    }

    /**
     * A redirect file as an absolute path: relative ones against the process's real working directory
     * ({@code Os.chdir} moves it; {@code user.dir} does not follow), as the working directory itself and as
     * the JDK's own file I/O, which hands relative paths to the kernel. Resolved here because the child
     * opens it after changing to its own working directory.
     */
    private static String absolute(Path file, Context ctx) {
        return (file.isAbsolute() ? file : ctx.cwd().resolve(file)).toString();
    }

    // ---- from Os.posixSpawn ----------------------------------------------------------------------

    /**
     * The plan of Python's {@code os.posix_spawn} / {@code os.posix_spawnp}: the caller's file actions in
     * the caller's order, then (Linux) every descriptor from 3 up that no action targets closed. The signal
     * mask is emptied unless {@code setsigmask} is given; every disposition is reset unless {@code setsigdef}
     * names the signals to reset.
     *
     * @param program the program
     * @param argv    the argument vector
     * @param env     the child's whole environment
     * @param a       the attributes
     * @param search  whether a bare name is searched in {@code env}'s PATH
     * @param ctx     the context
     * @return the plan
     */
    static SpawnPlan of(String program, List<String> argv, Map<String, String> env, PosixSpawnAttributes a,
                        boolean search, Context ctx) {
        PosixConstants c = ctx.constants();
        boolean darwin = ctx.darwin();
        String operation = search && program.indexOf('/') < 0 ? "posix_spawnp" : "posix_spawn";
        int flags = c.POSIX_SPAWN_SETSIGMASK | c.POSIX_SPAWN_SETSIGDEF;
        Signals mask = Signals.NONE;
        if (a.setsigmask() != null) {
            for (int s : a.setsigmask()) {
                checkSignal(operation + " setsigmask", s, c);
            }
            mask = Signals.of(a.setsigmask());
        }
        Signals def = Signals.ALL;
        if (!a.setsigdef().isEmpty()) {
            for (int s : a.setsigdef()) {
                checkSignal(operation + " setsigdef", s, c);
            }
            def = Signals.of(a.setsigdef());
        }
        int policy = 0;
        int priority = 0;
        if (a.scheduler() != null) {
            flags |= schedulerFlags(c, "os." + operation + " scheduler");
            policy = a.scheduler().policy();
            priority = a.scheduler().param().schedPriority();
        }
        int pgroup = 0;
        if (a.setpgroup() != null) {
            flags |= c.POSIX_SPAWN_SETPGROUP;
            pgroup = a.setpgroup();
        }
        if (a.resetids()) {
            flags |= c.POSIX_SPAWN_RESETIDS;
        }
        if (a.setsid()) {
            flags |= c.POSIX_SPAWN_SETSID;
        }
        if (darwin) {
            flags |= c.optional("POSIX_SPAWN_CLOEXEC_DEFAULT").orElseThrow();
        }
        String path = resolve(operation, program, env.get("PATH"), null, ctx);
        return new SpawnPlan(operation, program, path, argv, entries(env), fileActions(a.fileActions(), ctx),
                flags, mask, def, pgroup, policy, priority);
    }

    private static List<Action> fileActions(List<FileAction> given, Context ctx) {
        boolean darwin = ctx.darwin();
        List<Action> out = new ArrayList<>(given.size() + 2);
        Set<Integer> targets = new TreeSet<>(List.of(0, 1, 2));
        Set<Integer> madeInChild = new HashSet<>();
        Set<Integer> touched = new HashSet<>();
        for (FileAction action : given) {
            if (action instanceof FileAction.Open o) {
                String label = "POSIX_SPAWN_OPEN(" + o.fd() + ", " + o.path() + ")";
                out.add(new Open(o.fd(), o.path(), o.flags(), o.mode(), label));
                targets.add(o.fd());
                madeInChild.add(o.fd());
                touched.add(o.fd());
            } else if (action instanceof FileAction.Close cl) {
                out.add(new Close(cl.fd()));
                targets.remove(cl.fd());
                madeInChild.remove(cl.fd());
                touched.add(cl.fd());
            } else if (action instanceof FileAction.Dup2 d) {
                String label = "POSIX_SPAWN_DUP2(" + d.fd() + ", " + d.newFd() + ")";
                boolean fromParent = !madeInChild.contains(d.fd());
                if (darwin && d.fd() == d.newFd()) {
                    out.add(new Inherit(d.fd(), label));
                } else {
                    out.add(new Dup2(d.fd(), d.newFd(), fromParent, label));
                }
                targets.add(d.newFd());
                madeInChild.add(d.newFd());
                touched.add(d.newFd());
            } else if (action instanceof FileAction.Closefrom cf) {
                if (darwin) {
                    throw new UnsupportedOperationException(
                            "POSIX_SPAWN_CLOSEFROM (posix_spawn_file_actions_addclosefrom_np) is not available on macOS");
                }
                out.add(new Closefrom(cf.fd()));
                targets.removeIf(t -> t >= cf.fd());
                madeInChild.removeIf(t -> t >= cf.fd());
            }
        }
        if (darwin) {
            // CLOEXEC_DEFAULT closes all but the targets of actions: keep the standard streams the caller did
            // not touch, when the parent has them.
            for (int std = 0; std <= 2; std++) {
                if (!touched.contains(std) && ctx.parentHasFd(std)) {
                    out.add(new Inherit(std, "standard stream " + std));
                }
            }
            return out;
        }
        int max = ((TreeSet<Integer>) targets).last();
        closeGap(out, max, targets);
        if (max < Integer.MAX_VALUE) {
            out.add(new Closefrom(max + 1));
        }
        return out;
    }

    // ---- shared ----------------------------------------------------------------------------------

    /** Beyond this many descriptors between 3 and the highest target, the gap is closed from a listing. */
    private static final int GAP_CLOSED_ONE_BY_ONE = 256;

    /** Closes the descriptors from 3 up to (not including) {@code max} that are not {@code targets}. */
    private static void closeGap(List<Action> actions, int max, Set<Integer> targets) {
        if (max - 3 > GAP_CLOSED_ONE_BY_ONE) {
            actions.add(new CloseOpen(3, max, targets));
            return;
        }
        for (int fd = 3; fd < max; fd++) {
            if (!targets.contains(fd)) {
                actions.add(new Close(fd));
            }
        }
    }

    private static int schedulerFlags(PosixConstants c, String what) {
        int scheduler = c.optional("POSIX_SPAWN_SETSCHEDULER").orElseThrow(() -> new UnsupportedOperationException(
                what + ": POSIX_SPAWN_SETSCHEDULER is not available on " + c.os()));
        return scheduler | c.optional("POSIX_SPAWN_SETSCHEDPARAM").orElseThrow();
    }

    private static int checkSignal(String what, int s, PosixConstants c) {
        if (s <= 0 || s >= c.NSIG) {
            throw new IllegalArgumentException(what + ": signal number " + s + " out of range 1.." + (c.NSIG - 1));
        }
        return s;
    }

    /**
     * The file to execute: the program as given, or a bare name looked up in the child's PATH.
     *
     * @param cwd the child's working directory when it differs from the parent's, else null
     */
    private static String resolve(String operation, String program, String pathVar, Path cwd, Context ctx) {
        if (!operation.equals("posix_spawnp")) {
            return program;
        }
        PathSearch.Found f = PathSearch.search(program, pathVar, new ChildCwd(cwd, ctx));
        if (f.path().isPresent()) {
            return f.path().get();
        }
        throw ctx.programError(operation, program, f.sawNonExecutable() ? ctx.constants().EACCES
                : ctx.constants().ENOENT);
    }

    /**
     * The child's working directory for relative PATH entries, asked for only when one needs it (a named
     * class, not a lambda: this runs on a cold JVM's first spawn, where linking a lambda costs milliseconds).
     */
    private static final class ChildCwd implements Supplier<Path> {
        private final Path cwd;
        private final Context ctx;

        ChildCwd(Path cwd, Context ctx) {
            this.cwd = cwd;
            this.ctx = ctx;
        }

        @Override
        public Path get() {
            return cwd != null ? cwd : ctx.cwd();
        }
    }

    private static List<String> entries(Map<String, String> env) {
        List<String> out = new ArrayList<>(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
        }
        return out;
    }
}
