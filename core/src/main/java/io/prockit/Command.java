package io.prockit;

import io.prockit.internal.Backends;
import io.prockit.internal.Checks;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.SpawnRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A process to start: the program, its arguments, environment, working directory and standard
 * streams, and how it relates to the parent (process group, session, detachment). A builder:
 * set what differs from the defaults, then {@link #spawn()}, {@link #status()} or {@link #output()}.
 *
 * <pre>{@code
 * Output out = Command.of("git", "status", "--short")
 *         .directory(repo)
 *         .env("GIT_PAGER", "")
 *         .output();
 * if (out.status().success()) System.out.print(out.stdoutText());
 *
 * try (Child c = Command.of("sleep", "60").newProcessGroup().spawn()) {
 *     c.terminate();
 *     System.out.println(c.waitFor());      // signal: 15 (SIGTERM)
 * }
 * }</pre>
 *
 * <p>Defaults: the parent's environment (its live one, including {@code Os.putenv} changes), the
 * parent's working directory, stdio inherited (pipes for {@link #output()}), the parent's process
 * group and session, the signal mask emptied and every signal disposition reset, no descriptor
 * beyond 0, 1 and 2 passed on, and the child killed if it is still running when the JVM exits
 * normally (unless {@link #detach() detached}). A program name without a slash is looked up in the PATH of the
 * <em>child's</em> environment; the current directory is never searched unless PATH names it.
 *
 * <p>Every setter checks its argument at once and throws {@link IllegalArgumentException} naming
 * the value (NUL characters, {@code =} in environment names, negative descriptors), so nothing is
 * started with bad input. No shell is involved unless asked for with {@link #shell(String)}.
 *
 * <p>Platform notes: on POSIX the child is started with {@code posix_spawn}, never {@code fork};
 * on Windows with {@code CreateProcessW}, the arguments quoted by the MSVCRT rules.
 * {@link #fd(int, int)}, {@link #processGroup(int)} and {@link #posixOptions} are POSIX-only;
 * {@link #windowsOptions} is Windows-only; each is ignored or refused on the other OS as its
 * Javadoc says.
 *
 * <p>Not thread-safe: build a {@code Command} on one thread. Spawning the same {@code Command}
 * several times, also from several threads once it is built, is fine.
 *
 * <p>Availability: Linux, macOS, Windows. Settings a platform cannot honour are refused at {@link #spawn()}
 * with an {@link UnsupportedOperationException} naming them (extra descriptors and joining an existing process
 * group on Windows, say); {@link PosixOptions} and {@link WindowsOptions} are ignored on the other family.
 */
public final class Command {
    private final String program;
    private final List<String> args = new ArrayList<>();
    private String argv0;
    private boolean clearEnv;
    private final Map<String, String> envChanges = new LinkedHashMap<>();
    private Path directory;
    private Stdio stdin = Stdio.inherit();
    private Stdio stdout = Stdio.inherit();
    private Stdio stderr = Stdio.inherit();
    private final Map<Integer, Integer> extraFds = new TreeMap<>();
    private Integer processGroup;
    private boolean newSession;
    private boolean detached;
    private Boolean searchPath;
    private PosixOptions posix = PosixOptions.defaults();
    private WindowsOptions windows = WindowsOptions.defaults();
    private PtyOptions pty;

    /**
     * A command that runs {@code program}.
     *
     * @param program a path, or a name looked up in the child's PATH
     * @throws IllegalArgumentException if it is empty or holds NUL
     */
    public Command(String program) {
        Checks.noNul("program", program);
        if (program.isEmpty()) {
            throw new IllegalArgumentException("program is empty");
        }
        this.program = program;
    }

    /**
     * A command that runs {@code program} with {@code args}.
     *
     * @param program a path, or a name looked up in the child's PATH
     * @param args    its arguments (not including {@code argv[0]})
     * @return the command
     */
    public static Command of(String program, String... args) {
        return new Command(program).args(args);
    }

    /**
     * A command from a full argument vector, Python's {@code args} list: {@code argv.get(0)} is the
     * program.
     *
     * @param argv the program and its arguments; not empty
     * @return the command
     */
    public static Command of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty: the first element must name the program");
        }
        return new Command(argv.get(0)).args(argv.subList(1, argv.size()));
    }

    /**
     * A command that runs {@code script} through the platform's shell ({@code /bin/sh -c} on
     * POSIX, {@code %COMSPEC% /c} on Windows). The only way a shell gets involved: quote what you
     * interpolate.
     *
     * @param script the shell command line
     * @return the command
     */
    public static Command shell(String script) {
        Checks.noNul("shell command", script);
        return of(Backends.get().shellArgv(script));
    }

    /**
     * Adds one argument.
     *
     * @param arg the argument; no NUL
     * @return this
     */
    public Command arg(String arg) {
        args.add(Checks.noNul("argument", arg));
        return this;
    }

    /**
     * Adds arguments.
     *
     * @param more the arguments; no NUL
     * @return this
     */
    public Command args(String... more) {
        for (String a : more) {
            arg(a);
        }
        return this;
    }

    /**
     * Adds arguments.
     *
     * @param more the arguments; no NUL
     * @return this
     */
    public Command args(List<String> more) {
        for (String a : more) {
            arg(a);
        }
        return this;
    }

    /**
     * Sets {@code argv[0]}, the name the program sees itself called by (default: the program as given).
     * On Windows it becomes the first word of the command line.
     *
     * @param name the name; no NUL
     * @return this
     */
    public Command argv0(String name) {
        if (name == null) {
            throw new IllegalArgumentException("argv0 must not be null");
        }
        this.argv0 = Checks.noNul("argv0", name);
        return this;
    }

    /**
     * Sets (or overrides) one environment variable for the child.
     *
     * @param name  the name: not empty, no {@code =}, no NUL
     * @param value the value; no NUL
     * @return this
     */
    public Command env(String name, String value) {
        Checks.envName(name);
        envChanges.remove(name);
        envChanges.put(name, Checks.noNul("environment value of " + name, value));
        return this;
    }

    /**
     * Removes one environment variable from the child's environment.
     *
     * @param name the name
     * @return this
     */
    public Command envRemove(String name) {
        Checks.envName(name);
        envChanges.remove(name);
        envChanges.put(name, null);
        return this;
    }

    /**
     * Starts the child's environment empty; later {@link #env} calls add to it.
     *
     * @return this
     */
    public Command envClear() {
        clearEnv = true;
        envChanges.clear();
        return this;
    }

    /**
     * Replaces the child's environment with exactly {@code env}.
     *
     * @param env the environment; names and values checked as by {@link #env}
     * @return this
     */
    public Command environment(Map<String, String> env) {
        Map<String, String> checked = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            Checks.envName(k);
            checked.put(k, Checks.noNul("environment value of " + k, Objects.requireNonNull(v, k)));
        });
        envClear();
        envChanges.putAll(checked);
        return this;
    }

    /**
     * Sets the child's working directory (default: the parent's). A relative one is resolved against the
     * process's real working directory, {@link Os#getcwd()}, which {@link Os#chdir} moves; it is the
     * {@code user.dir} the JVM started in unless {@code Os.chdir} was called.
     *
     * @param dir the directory; no NUL
     * @return this
     */
    public Command directory(Path dir) {
        Objects.requireNonNull(dir, "directory");
        Checks.noNul("working directory", dir.toString());
        this.directory = dir;
        return this;
    }

    /**
     * @param s where stdin comes from; {@link Stdio#toStdout()} is refused
     * @return this
     */
    public Command stdin(Stdio s) {
        Objects.requireNonNull(s, "stdin");
        if (s instanceof Stdio.ToStdout || s instanceof Stdio.WriteFile) {
            throw new IllegalArgumentException("stdin cannot be " + describe(s));
        }
        this.stdin = s;
        return this;
    }

    /**
     * @param s where stdout goes; {@link Stdio#toStdout()} and {@link Stdio#from} are refused
     * @return this
     */
    public Command stdout(Stdio s) {
        Objects.requireNonNull(s, "stdout");
        if (s instanceof Stdio.ToStdout || s instanceof Stdio.ReadFile) {
            throw new IllegalArgumentException("stdout cannot be " + describe(s));
        }
        this.stdout = s;
        return this;
    }

    /**
     * @param s where stderr goes; {@link Stdio#toStdout()} merges it into stdout
     * @return this
     */
    public Command stderr(Stdio s) {
        Objects.requireNonNull(s, "stderr");
        if (s instanceof Stdio.ReadFile) {
            throw new IllegalArgumentException("stderr cannot be " + describe(s));
        }
        this.stderr = s;
        return this;
    }

    /**
     * POSIX: the child gets the parent's descriptor {@code parentFd} as its descriptor
     * {@code childFd} (every other descriptor from 3 up is closed in the child). Windows: refused at
     * spawn with {@link UnsupportedOperationException}.
     *
     * <p>How redirects are resolved: {@code parentFd} (like {@link Stdio#fd(int)} and
     * {@link Stdio#toStdout()}) names the parent's descriptor <em>as it is when {@link #spawn()} is
     * called</em>, never one the child has already replaced. All of the child's descriptors are assigned
     * from the parent's at once, as a parallel assignment, so swaps, cycles and chains mean what they say,
     * the way a shell's {@code 3>&1 1>&2 2>&3} is meant:
     *
     * <pre>{@code
     * Command.of("prog").stdout(Stdio.pipe()).fd(5, 1);   // child's 5 is the JVM's stdout, not the pipe
     * Command.of("prog").fd(7, 8).fd(8, 7);               // child's 7 and 8 swapped
     * }</pre>
     *
     * <p>A descriptor the C library cannot set up in the child (one beyond the descriptor limit) is refused
     * before the child starts with an {@link IllegalArgumentException} naming the mapping; a {@code parentFd}
     * the parent does not have open fails the spawn with an {@link OsException} whose operation is
     * {@code dup2} and whose subject is that descriptor. Same on Linux and macOS.
     *
     * @param childFd  the child's descriptor, &gt;= 3 (use {@link #stdin} etc. for 0..2)
     * @param parentFd the parent's descriptor, &gt;= 0
     * @return this
     */
    public Command fd(int childFd, int parentFd) {
        if (childFd < 3) {
            throw new IllegalArgumentException("child fd must be >= 3 (0..2 are set with stdin/stdout/stderr): " + childFd);
        }
        if (parentFd < 0) {
            throw new IllegalArgumentException("parent fd must be >= 0: " + parentFd);
        }
        extraFds.put(childFd, parentFd);
        return this;
    }

    /**
     * Puts the child in a new process group that it leads (its pgid is its pid), so
     * {@link Child#killTree()} and {@link Os#killpg} reach everything it starts.
     * Windows: {@code CREATE_NEW_PROCESS_GROUP}, which also makes {@code CTRL_BREAK_EVENT} target it.
     *
     * @return this
     */
    public Command newProcessGroup() {
        this.processGroup = 0;
        return this;
    }

    /**
     * POSIX: puts the child in the existing process group {@code pgid}. Windows: refused at spawn
     * with {@link UnsupportedOperationException}.
     *
     * @param pgid an existing process group id, &gt; 0
     * @return this
     */
    public Command processGroup(int pgid) {
        if (pgid <= 0) {
            throw new IllegalArgumentException("process group id must be > 0 (use newProcessGroup() for a new one): " + pgid);
        }
        this.processGroup = pgid;
        return this;
    }

    /**
     * POSIX: starts the child in a new session ({@code setsid}), without a controlling terminal.
     * Windows: a new process group, as {@link #newProcessGroup()}.
     *
     * @return this
     */
    public Command newSession() {
        this.newSession = true;
        return this;
    }

    /**
     * Python's {@code P_DETACH}: the child runs on its own. POSIX: a new session, no controlling
     * terminal, stdio on {@code /dev/null} unless set otherwise, left running when the parent's tree
     * is killed, still reaped by prockit so it never lingers as a zombie, and left running when the JVM
     * exits. Windows: {@code DETACHED_PROCESS}, outside the kill-on-close job.
     *
     * <p>Without it, a child still running when the JVM exits normally ({@code main} returns,
     * {@code System.exit}, SIGTERM/SIGINT) is killed with SIGKILL by a shutdown hook (a child leading
     * its own process group takes its group with it). Nothing can run when the JVM itself is killed
     * with SIGKILL or crashes: then every child survives; see docs/HARDENING.md for the ways to
     * contain that (a supervisor on a new process group, cgroups, systemd scopes).
     *
     * @return this
     */
    public Command detach() {
        this.detached = true;
        return this;
    }

    /**
     * Whether a program name without a path separator is looked up in PATH (default true, as
     * Python's {@code p} functions and every shell do; false behaves as {@code execv}: the name is a
     * path relative to the working directory).
     *
     * @param search whether to search
     * @return this
     */
    public Command searchPath(boolean search) {
        this.searchPath = search;
        return this;
    }

    /**
     * Runs the child in a new pseudo-terminal of this size: its stdin, stdout and stderr are the
     * terminal (the stdio settings are ignored), which is its controlling terminal; the caller
     * writes to {@link Child#stdin()} and reads {@link Child#stdout()}. POSIX: in a new session.
     * See {@link PtyOptions} for the platform notes.
     *
     * @param options the terminal size
     * @return this
     */
    public Command pty(PtyOptions options) {
        this.pty = Objects.requireNonNull(options, "pty");
        return this;
    }

    /**
     * @param options POSIX-only settings; ignored on Windows
     * @return this
     */
    public Command posixOptions(PosixOptions options) {
        this.posix = Objects.requireNonNull(options, "posixOptions");
        return this;
    }

    /**
     * @param options Windows-only settings; ignored on POSIX
     * @return this
     */
    public Command windowsOptions(WindowsOptions options) {
        this.windows = Objects.requireNonNull(options, "windowsOptions");
        return this;
    }

    /** @return the program as given */
    public String program() {
        return program;
    }

    /** @return the full argument vector: {@code argv[0]} (argv0 or the program) and the arguments */
    public List<String> argv() {
        // An immutable List.of: SpawnRequest's List.copyOf then keeps it instead of copying it again.
        String[] argv = new String[args.size() + 1];
        argv[0] = argv0 != null ? argv0 : program;
        for (int i = 0; i < args.size(); i++) {
            argv[i + 1] = args.get(i);
        }
        return List.of(argv);
    }

    /**
     * Starts the child.
     *
     * @return the running child; close it (or read its pipes to the end) when done
     * @throws OsException if it cannot be started: {@link ErrorKind#NOT_FOUND} for a missing program,
     *                     {@link ErrorKind#PERMISSION_DENIED} for one that is not executable, ...
     * @throws UnsupportedOperationException if a setting has no meaning on this OS, or no backend serves it
     */
    public Child spawn() {
        return new Child(Backends.get().spawn(toRequest(stdin, stdout, stderr)), true);
    }

    /**
     * Starts the child and delivers its output to {@code listener} as it arrives, then its exit, without a
     * thread per child: see {@link ProcessListener} for the order of the calls and the threads that make
     * them. stdout and stderr left inherited become pipes read for the listener (as {@link #output()} does);
     * set either to a file, {@link Stdio#discard()} or {@link Stdio#toStdout()} to send it elsewhere, and
     * stdin to {@link Stdio#pipe()} to write to the child through {@link Child#stdin()}.
     * {@link Child#stdout()} and {@link Child#stderr()} of the returned child throw: only the listener reads
     * them. {@link Child#close()} stops the delivery (the listener's {@code onExit} still follows the exit).
     *
     * <pre>{@code
     * List<CompletableFuture<ExitStatus>> runs = new ArrayList<>();
     * for (Path f : files) {
     *     CompletableFuture<ExitStatus> done = new CompletableFuture<>();
     *     Command.of("gzip", "-t", f.toString()).stdout(Stdio.discard()).spawn(new ProcessListener() {
     *         public void onStderr(ByteBuffer data) { errors.append(StandardCharsets.UTF_8.decode(data)); }
     *         public void onExit(ExitStatus status) { done.complete(status); }
     *     });
     *     runs.add(done);
     * }
     * }</pre>
     *
     * <p>Availability: Linux, macOS, Windows; see {@link ProcessListener} for the threads on each.
     *
     * @param listener receives the output and the exit
     * @return the running child; waiting on it, signalling it and writing to its stdin work as for
     *         {@link #spawn()}
     * @throws NullPointerException if {@code listener} is null
     * @throws OsException if it cannot be started (the listener is not called)
     * @throws UnsupportedOperationException if a setting has no meaning on this OS, or no backend serves it
     */
    public Child spawn(ProcessListener listener) {
        Objects.requireNonNull(listener, "listener");
        Stdio out = stdout instanceof Stdio.Inherit ? Stdio.pipe() : stdout;
        Stdio err = stderr instanceof Stdio.Inherit ? Stdio.pipe() : stderr;
        ProcessBackend backend = Backends.get();
        return Listening.start(backend, backend.spawn(toRequest(stdin, out, err)), listener);
    }

    /**
     * Starts the child for {@code Os.spawn}, which hands out only the pid: the backend keeps the child
     * for {@code Os.waitpid} even after the returned {@code Child} is dropped.
     */
    Child spawnForPid() {
        return new Child(Backends.get().spawn(toRequest(stdin, stdout, stderr)), false);
    }

    /**
     * Runs the child to completion with inherited stdio (unless set otherwise) and returns how it ended.
     *
     * @return the exit status
     * @throws OsException if it cannot be started
     * @throws InterruptedException if interrupted while waiting (the child keeps running and is still reaped)
     */
    public ExitStatus status() throws InterruptedException {
        try (Child c = spawn()) {
            return c.waitFor();
        }
    }

    /**
     * Runs the child to completion and collects its stdout and stderr (pipes unless set otherwise;
     * stdin is the null device unless set otherwise).
     *
     * @return status and output
     * @throws OsException if it cannot be started
     * @throws UncheckedIOException if reading the pipes fails
     * @throws InterruptedException if interrupted while waiting
     */
    public Output output() throws InterruptedException {
        Stdio in = stdin instanceof Stdio.Inherit ? Stdio.discard() : stdin;
        Stdio out = stdout instanceof Stdio.Inherit ? Stdio.pipe() : stdout;
        Stdio err = stderr instanceof Stdio.Inherit ? Stdio.pipe() : stderr;
        try (Child c = new Child(Backends.get().spawn(toRequest(in, out, err)), true)) {
            CompletableFuture<byte[]> errBytes = c.hasStderr()
                    ? CompletableFuture.supplyAsync(() -> readAll(c.stderr()), Child.IO_POOL)
                    : CompletableFuture.completedFuture(new byte[0]);
            byte[] outBytes = c.hasStdout() ? readAll(c.stdout()) : new byte[0];
            ExitStatus st = c.waitFor();
            try {
                return new Output(st, outBytes, errBytes.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
    }

    /** Names a redirect in a refusal: the enum choices by their factory, not as "INSTANCE". */
    private static String describe(Stdio s) {
        return s instanceof Enum<?> ? "Stdio." + Character.toLowerCase(s.getClass().getSimpleName().charAt(0))
                + s.getClass().getSimpleName().substring(1) + "()" : s.toString();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SpawnRequest toRequest(Stdio in, Stdio out, Stdio err) {
        boolean search = searchPath != null ? searchPath : program.indexOf('/') < 0
                && (program.indexOf('\\') < 0 || !isWindowsLike());
        if (detached) {
            in = in instanceof Stdio.Inherit ? Stdio.discard() : in;
            out = out instanceof Stdio.Inherit ? Stdio.discard() : out;
            err = err instanceof Stdio.Inherit ? Stdio.discard() : err;
        }
        return new SpawnRequest(program, argv(), search, new EnvironmentSpec(clearEnv, envChanges), directory,
                in, out, err, extraFds, processGroup, newSession || detached || pty != null, detached, posix, windows,
                pty);
    }

    private static boolean isWindowsLike() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public String toString() {
        return "Command" + argv();
    }
}
