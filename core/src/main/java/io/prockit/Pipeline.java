package io.prockit;

import io.prockit.internal.Backends;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Commands whose stdout feeds the next one's stdin, as a shell's {@code a | b | c}, without a shell and
 * without a thread: the parent creates a kernel pipe between each pair, passes its ends to the two children,
 * and closes its own copies, so the data never passes through the JVM. The JDK's
 * {@code ProcessBuilder.startPipeline}, with {@code set -o pipefail}.
 *
 * <pre>{@code
 * // seq 1 100000 | grep 7 | wc -l
 * String count = Pipeline.of(Command.of("seq", "1", "100000"), Command.of("grep", "7"), Command.of("wc", "-l"))
 *         .timeout(Duration.ofSeconds(10))
 *         .output().checkSuccess().stdoutText().strip();
 * }</pre>
 *
 * <p>The first member's stdin ({@link Command#stdin}, {@link Command#input}) and the last member's stdout
 * ({@link Command#stdout}, {@link Command#stdoutTo}, {@link Command#stdoutLines}, ...) are as the commands
 * set them; the stdout of the others and the stdin of all but the first are the pipes (what the commands
 * set there is ignored). Each member's stderr is as its command sets it (inherited by default; captured by
 * {@link #output()}, the members' stderr one after the other). The {@link #timeout}, its grace and the
 * {@link #outputLimit} of the pipeline apply to all members together; those set on the commands are ignored.
 *
 * <p>{@link #status()} is the last member's status that is not success (bash's {@code pipefail}), or the last
 * member's; {@link #statuses()} gives all. A member that ends early (like {@code head}) makes the one before
 * it get {@code SIGPIPE} (or {@code EPIPE}) on its next write, as in a shell.
 *
 * <p>Availability: Linux, macOS, Windows. Platform notes: on Windows the pipes are {@code CreatePipe} pairs
 * ({@link Os#pipe()}); each child gets its end through its handle list as a standard handle, and the parent's
 * copies are closed right after each spawn, so no handle is left open that would keep a reader from seeing
 * the end. A member that ends early makes the one before it fail its next write ({@code ERROR_NO_DATA}), as
 * {@code EPIPE} does on POSIX; most programs then exit non-zero.
 */
public final class Pipeline {
    private final List<Command> commands;
    private Duration timeout;
    private Duration grace = Command.DEFAULT_GRACE;
    private boolean check;
    private long outputLimit = Long.MAX_VALUE;

    private Pipeline(List<Command> commands) {
        this.commands = commands;
    }

    /**
     * @param commands the members, in order; at least one
     * @return the pipeline
     * @throws IllegalArgumentException if there is none
     */
    public static Pipeline of(Command... commands) {
        return of(List.of(commands));
    }

    /**
     * @param commands the members, in order; at least one
     * @return the pipeline
     * @throws IllegalArgumentException if there is none
     */
    public static Pipeline of(List<Command> commands) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one command");
        }
        for (Command c : commands) {
            Objects.requireNonNull(c, "command");
        }
        return new Pipeline(List.copyOf(commands));
    }

    /**
     * @param next one more member, reading this pipeline's output
     * @return a new pipeline ending with {@code next}
     */
    public Pipeline pipe(Command next) {
        Objects.requireNonNull(next, "next");
        Pipeline p = new Pipeline(java.util.stream.Stream.concat(commands.stream(), java.util.stream.Stream.of(next))
                .toList());
        p.timeout = timeout;
        p.grace = grace;
        p.check = check;
        p.outputLimit = outputLimit;
        return p;
    }

    /** @return the members */
    public List<Command> commands() {
        return commands;
    }

    /**
     * The whole pipeline may run at most {@code timeout}; then every member's tree is ended as
     * {@link Command#timeout} describes and {@link ProcessTimeoutException} is thrown.
     *
     * @param timeout positive
     * @return this
     */
    public Pipeline timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * @param grace between SIGTERM and SIGKILL when the timeout expires (default one second); not negative
     * @return this
     */
    public Pipeline timeoutGrace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("timeout grace must not be negative: " + grace);
        }
        this.grace = grace;
        return this;
    }

    /**
     * {@link #status()} and {@link #output()} throw {@link ProcessFailedException} unless every member succeeded.
     *
     * @return this
     */
    public Pipeline check() {
        this.check = true;
        return this;
    }

    /**
     * @param maxBytes the most bytes {@link #output()} keeps of stdout and of the stderr of each member
     * @return this
     * @see Command#outputLimit(long)
     */
    public Pipeline outputLimit(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("output limit must not be negative: " + maxBytes);
        }
        this.outputLimit = maxBytes;
        return this;
    }

    /**
     * Starts every member.
     *
     * @return the members' children, in order; each is waited for, signalled and closed as any child
     * @throws OsException if a member cannot be started (those already started are killed and reaped)
     */
    public List<Child> spawn() {
        return run(false, null).handedOut().start();
    }

    /**
     * Runs the pipeline to completion.
     *
     * @return every member's status, in order
     * @throws ProcessTimeoutException if the {@link #timeout} expired
     * @throws ProcessFailedException  if {@link #check()} was set and a member failed
     * @throws InterruptedException    if interrupted (every member is then ended)
     */
    public List<ExitStatus> statuses() throws InterruptedException {
        Run r = run(false, timeout);
        r.start();
        List<ExitStatus> statuses = r.await().statuses();
        if (check) {
            ExitStatus st = Run.pipefail(statuses);
            if (!st.success()) {
                throw new ProcessFailedException(r.argv(), st, null);
            }
        }
        return statuses;
    }

    /**
     * Runs the pipeline to completion.
     *
     * @return the last member's status that is not success, or the last member's ({@code pipefail})
     * @throws ProcessTimeoutException if the {@link #timeout} expired
     * @throws ProcessFailedException  if {@link #check()} was set and a member failed
     * @throws InterruptedException    if interrupted (every member is then ended)
     */
    public ExitStatus status() throws InterruptedException {
        return Run.pipefail(statuses());
    }

    /**
     * Runs the pipeline to completion, capturing the last member's stdout and every member's stderr (where
     * left inherited), as {@link Command#output()} does.
     *
     * @return the {@code pipefail} status and the output
     * @throws ProcessTimeoutException if the {@link #timeout} expired
     * @throws ProcessFailedException  if {@link #check()} was set and a member failed
     * @throws InterruptedException    if interrupted (every member is then ended)
     */
    public Output output() throws InterruptedException {
        Run r = run(true, timeout);
        r.start();
        Run.Result res = r.await();
        Output o = new Output(Run.pipefail(res.statuses()), res.stdout(), res.stderr(), r.argv(), res.truncated());
        return check ? o.checkSuccess() : o;
    }

    private Run run(boolean capture, Duration deadline) {
        return new Run(Backends.get(), commands, capture, commands.get(0).inputSetting(), deadline, grace,
                outputLimit);
    }

    @Override
    public String toString() {
        return "Pipeline" + commands.stream().map(Command::argv).toList();
    }
}
