package io.prockit;

import io.prockit.internal.Backends;
import io.prockit.internal.Checks;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.SpawnRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
 * <p>Python's {@code subprocess.run} keywords have their counterparts: {@link #input(byte[])},
 * {@link #timeout(Duration)}, {@link #check()}; output can go to a line consumer, a logger or a stream
 * ({@link #stdoutLines}, {@link #stdoutLog}, {@link #stdoutTo}), and {@link #pipe(Command)} builds a
 * {@link Pipeline}:
 *
 * <pre>{@code
 * Output out = Command.of("sort").input(text).timeout(Duration.ofSeconds(10)).check().output();
 * Command.of("make").stdoutLog(log, Level.INFO).stderrLog(log, Level.WARN).check().status();
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
    private Duration timeout;
    private Duration timeoutGrace = DEFAULT_GRACE;
    private boolean check;
    private Run.Input input;
    private Receiver.Target stdoutTarget;
    private Receiver.Target stderrTarget;
    private long outputLimit = Long.MAX_VALUE;

    /** The default time between SIGTERM and SIGKILL when a {@link #timeout} expires. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);

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
        this.input = null;
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
     * exits. Windows: {@code DETACHED_PROCESS}, outside prockit's kill-on-close job, and
     * {@code CREATE_BREAKAWAY_FROM_JOB} when the JVM itself runs in a job that allows breaking away (a
     * service wrapper, an IDE, a CI agent). When that job forbids it, the child stays in the JVM's job and
     * ends with it if the job kills on close: only whoever created the job can change that.
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

    /**
     * Gives {@link #status()}, {@link #output()} (and a {@link Pipeline} of this command) at most
     * {@code timeout}: when it expires the child and its descendants are ended (SIGTERM, then after the
     * {@link #timeoutGrace grace} SIGKILL to whatever is left; Windows: the child's job is terminated), reaped,
     * and a {@link ProcessTimeoutException} is thrown carrying the command, the time elapsed and the output
     * captured until then. Python's {@code subprocess.run(timeout=...)}. No thread is started for it: the
     * calling thread waits with a deadline. Not used by {@link #spawn()} (use {@link Child#waitFor(Duration)}).
     *
     * <pre>{@code
     * Output out = Command.of("curl", "-s", url).timeout(Duration.ofSeconds(10)).output();
     * }</pre>
     *
     * <p>The descendants are found as {@link Child#killTree()} finds them: a child started with
     * {@link #newProcessGroup()} takes its whole group with it, which also reaches grandchildren that
     * detached from it; otherwise the descendants still linked to it in the process table.
     *
     * @param timeout how long the child may run; positive
     * @return this
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Command timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * How long a child whose {@link #timeout} expired gets between SIGTERM and SIGKILL (default one second);
     * zero sends SIGKILL at once. Windows has no SIGTERM: the job is terminated at once.
     *
     * @param grace the grace period; not negative
     * @return this
     */
    public Command timeoutGrace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("timeout grace must not be negative: " + grace);
        }
        this.timeoutGrace = grace;
        return this;
    }

    /**
     * Python's {@code check=True}: {@link #status()} and {@link #output()} throw
     * {@link ProcessFailedException} (naming the command, the status, and for {@code output()} the last lines
     * of stderr) unless the child exits with 0. {@link Output#checkSuccess()} does the same after the fact.
     *
     * <pre>{@code
     * Command.of("git", "fetch").check().status();     // throws unless exit status: 0
     * }</pre>
     *
     * @return this
     */
    public Command check() {
        this.check = true;
        return this;
    }

    /**
     * Writes {@code bytes} to the child's stdin, then closes it, while its output is read: no deadlock for any
     * sizes. On Linux and macOS the bytes are written by the output loop that reads every child's pipes, so no
     * thread is started; elsewhere by a pool thread. A child that exits or closes its stdin before reading it
     * all is not an error (the rest is dropped, as Python's {@code communicate} does). Replaces
     * {@link #stdin(Stdio)}. Python's {@code input=}.
     *
     * <pre>{@code
     * String sorted = Command.of("sort").input("b\na\n").output().stdoutText();   // "a\nb\n"
     * }</pre>
     *
     * @param bytes the input; kept, not copied: do not change it until the child has read it
     * @return this
     */
    public Command input(byte[] bytes) {
        this.input = new Run.Input.Bytes(bytes);
        return this;
    }

    /**
     * Writes {@code text} encoded as UTF-8 to the child's stdin; see {@link #input(byte[])}.
     *
     * @param text the input
     * @return this
     */
    public Command input(String text) {
        return input(text, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code text} encoded with {@code charset} to the child's stdin; see {@link #input(byte[])}.
     *
     * @param text    the input
     * @param charset its encoding
     * @return this
     */
    public Command input(String text, Charset charset) {
        Objects.requireNonNull(text, "input");
        Objects.requireNonNull(charset, "charset");
        return input(text.getBytes(charset));
    }

    /**
     * Gives the child {@code file} as its stdin ({@code < file}): the child reads it itself, nothing is
     * copied. Same as {@code stdin(Stdio.from(file))}.
     *
     * @param file the file, resolved at spawn as {@link Stdio#from} resolves it
     * @return this
     */
    public Command input(Path file) {
        this.input = new Run.Input.File(file);
        return this;
    }

    /**
     * Copies {@code stream} to the child's stdin, then closes both, while its output is read. The stream may
     * block, so it is read on a pool thread (one per running child fed this way); use {@link #input(byte[])}
     * or {@link #input(Path)} to start no thread. An {@link IOException} reading it is thrown by
     * {@link #status()} / {@link #output()} as an {@link UncheckedIOException} once the child has ended.
     *
     * @param stream the input; read to its end and closed
     * @return this
     */
    public Command input(InputStream stream) {
        this.input = new Run.Input.Stream(stream);
        return this;
    }

    /**
     * Sends the child's stdout to {@code stream} as it arrives (flushed at the end, not closed), through the
     * output loop on Linux and macOS (no thread per child). {@code stream.write} runs on that loop's thread:
     * a slow stream delays every child's output. With {@link #output()} stdout is then not captured; with
     * {@link #spawn()} the child's output streams go to the loop ({@link Child#stdout()} and
     * {@link Child#stderr()} throw, as for {@link #spawn(ProcessListener)}).
     *
     * @param stream where the bytes go
     * @return this
     */
    public Command stdoutTo(OutputStream stream) {
        this.stdoutTarget = new Receiver.ToStream(stream);
        return this;
    }

    /**
     * Sends the child's stderr to {@code stream}; see {@link #stdoutTo}.
     *
     * @param stream where the bytes go
     * @return this
     */
    public Command stderrTo(OutputStream stream) {
        this.stderrTarget = new Receiver.ToStream(stream);
        return this;
    }

    /**
     * Delivers the child's stdout line by line, decoded as UTF-8, without the line terminator ({@code \n},
     * {@code \r\n} or {@code \r}); a last line without a terminator is delivered at the end. Calls come one
     * at a time in order, on the output loop's thread on Linux and macOS: keep them short.
     *
     * <pre>{@code
     * Command.of("ping", "-c", "3", host).stdoutLines(line -> System.out.println("> " + line)).status();
     * }</pre>
     *
     * @param lines receives each line
     * @return this
     */
    public Command stdoutLines(Consumer<String> lines) {
        return stdoutLines(lines, StandardCharsets.UTF_8);
    }

    /**
     * @param lines   receives each line of stdout
     * @param charset the output's encoding
     * @return this
     * @see #stdoutLines(Consumer)
     */
    public Command stdoutLines(Consumer<String> lines, Charset charset) {
        this.stdoutTarget = new Receiver.Lines(lines, charset);
        return this;
    }

    /**
     * @param lines receives each line of stderr, decoded as UTF-8
     * @return this
     * @see #stdoutLines(Consumer)
     */
    public Command stderrLines(Consumer<String> lines) {
        return stderrLines(lines, StandardCharsets.UTF_8);
    }

    /**
     * @param lines   receives each line of stderr
     * @param charset the output's encoding
     * @return this
     * @see #stdoutLines(Consumer)
     */
    public Command stderrLines(Consumer<String> lines, Charset charset) {
        this.stderrTarget = new Receiver.Lines(lines, charset);
        return this;
    }

    /**
     * Logs each line of the child's stdout (UTF-8) to {@code logger} at {@code level}; see
     * {@link #stdoutLines(Consumer)}.
     *
     * <pre>{@code
     * Command.of("make").stdoutLog(log, Level.INFO).stderrLog(log, Level.WARN).check().status();
     * }</pre>
     *
     * @param logger the SLF4J logger
     * @param level  the level of every line
     * @return this
     */
    public Command stdoutLog(org.slf4j.Logger logger, org.slf4j.event.Level level) {
        this.stdoutTarget = new Receiver.ToLog(logger, level, StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Logs each line of the child's stderr (UTF-8); see {@link #stdoutLog}.
     *
     * @param logger the SLF4J logger
     * @param level  the level of every line
     * @return this
     */
    public Command stderrLog(org.slf4j.Logger logger, org.slf4j.event.Level level) {
        this.stderrTarget = new Receiver.ToLog(logger, level, StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Caps what {@link #output()} keeps of each of stdout and stderr: beyond {@code maxBytes} the output is
     * still read (so the child never blocks on a full pipe) but dropped, and {@link Output#truncated()} is
     * true. Default: no limit.
     *
     * @param maxBytes the most bytes kept per stream; not negative
     * @return this
     */
    public Command outputLimit(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("output limit must not be negative: " + maxBytes);
        }
        this.outputLimit = maxBytes;
        return this;
    }

    /**
     * A pipeline of this command and {@code next}: this one's stdout goes into {@code next}'s stdin through a
     * kernel pipe. Same as {@code Pipeline.of(this, next)}.
     *
     * @param next the command reading this one's output
     * @return the pipeline
     */
    public Pipeline pipe(Command next) {
        return Pipeline.of(this, next);
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
        if (stdoutTarget != null || stderrTarget != null) {
            return newRun(false, null).handedOut().start().get(0);
        }
        if (input != null) {
            return newRun(false, null).spawnFed();
        }
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
     * @throws ProcessTimeoutException if a {@link #timeout} expired (the child's tree has been ended)
     * @throws ProcessFailedException if {@link #check()} was set and the status is not {@code exit status: 0}
     * @throws InterruptedException if interrupted while waiting (the child keeps running and is still reaped;
     *         with a timeout, an input or an output target set, it is ended as on a timeout)
     */
    public ExitStatus status() throws InterruptedException {
        ExitStatus st;
        if (usesRun()) {
            Run run = newRun(false, timeout);
            run.start();
            st = run.await().statuses().get(0);
        } else {
            try (Child c = spawn()) {
                Run.closeUnwritable(c);
                st = c.waitFor();
            }
        }
        if (check && !st.success()) {
            throw new ProcessFailedException(argv(), st, null);
        }
        return st;
    }

    /**
     * Runs the child to completion and collects its stdout and stderr (pipes unless set otherwise;
     * stdin is the null device unless set otherwise).
     *
     * @return status and output
     * @throws OsException if it cannot be started
     * @throws UncheckedIOException if reading the pipes fails
     * @throws ProcessTimeoutException if a {@link #timeout} expired (the child's tree has been ended; the
     *         exception carries what was captured until then)
     * @throws ProcessFailedException if {@link #check()} was set and the status is not {@code exit status: 0}
     * @throws InterruptedException if interrupted while waiting
     */
    public Output output() throws InterruptedException {
        Output o = usesRun() ? outputByRun() : outputDirect();
        return check ? o.checkSuccess() : o;
    }

    private Output outputByRun() throws InterruptedException {
        Run run = newRun(true, timeout);
        run.start();
        Run.Result r = run.await();
        return new Output(r.statuses().get(0), r.stdout(), r.stderr(), argv(), r.truncated());
    }

    /** Whether a setting needs the {@link Run} engine (the plain cases keep their direct, measured path). */
    private boolean usesRun() {
        return timeout != null || input != null || stdoutTarget != null || stderrTarget != null
                || outputLimit != Long.MAX_VALUE;
    }

    private Run newRun(boolean capture, Duration deadline) {
        return new Run(Backends.get(), List.of(this), capture, input, deadline, timeoutGrace, outputLimit);
    }

    private Output outputDirect() throws InterruptedException {
        Stdio in = stdin instanceof Stdio.Inherit ? Stdio.discard() : stdin;
        Stdio out = stdout instanceof Stdio.Inherit ? Stdio.pipe() : stdout;
        Stdio err = stderr instanceof Stdio.Inherit ? Stdio.pipe() : stderr;
        try (Child c = new Child(Backends.get().spawn(toRequest(in, out, err)), true)) {
            Run.closeUnwritable(c);
            CompletableFuture<byte[]> errBytes = c.hasStderr()
                    ? CompletableFuture.supplyAsync(() -> readAll(c.stderr()), Child.IO_POOL)
                    : CompletableFuture.completedFuture(new byte[0]);
            byte[] outBytes = c.hasStdout() ? readAll(c.stdout()) : new byte[0];
            ExitStatus st = c.waitFor();
            try {
                return new Output(st, outBytes, errBytes.get(), argv(), false);
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

    Stdio stdinSetting() {
        return stdin;
    }

    Stdio stdoutSetting() {
        return stdout;
    }

    Stdio stderrSetting() {
        return stderr;
    }

    Receiver.Target stdoutTarget() {
        return stdoutTarget;
    }

    Receiver.Target stderrTarget() {
        return stderrTarget;
    }

    Run.Input inputSetting() {
        return input;
    }

    Duration timeoutSetting() {
        return timeout;
    }

    Duration graceSetting() {
        return timeoutGrace;
    }

    boolean checkSetting() {
        return check;
    }

    long outputLimitSetting() {
        return outputLimit;
    }

    private static boolean isWindowsLike() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public String toString() {
        return "Command" + argv();
    }
}
