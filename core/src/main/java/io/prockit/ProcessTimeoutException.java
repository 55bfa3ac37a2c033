package io.prockit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A child run by {@link Command#status()}, {@link Command#output()} or a {@link Pipeline} with a
 * {@link Command#timeout(Duration) timeout} was still running when the time was up; by the time this is
 * thrown the child and its descendants have been ended (SIGTERM, the {@link Command#timeoutGrace grace},
 * then SIGKILL; on Windows the child's job) and reaped. Python's {@code subprocess.TimeoutExpired}.
 *
 * <pre>{@code
 * try {
 *     Command.of("make", "test").timeout(Duration.ofMinutes(5)).output();
 * } catch (ProcessTimeoutException e) {
 *     System.err.println(e.getMessage());            // [make, test] timed out after 5m0.003s ...
 *     System.err.print(e.output().stdoutText());     // what it wrote before it was ended
 * }
 * }</pre>
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public final class ProcessTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The argument vector, kept as strings (serializable). */
    private final List<String> command;
    private final Duration timeout;
    private final Duration elapsed;
    private final transient Output output;

    /**
     * @param command the argument vector of the command (for a pipeline: every member's, joined with {@code |})
     * @param timeout the timeout that expired
     * @param elapsed how long the child ran until it was found still running
     * @param output  how it ended after being killed, and the output captured until then (empty arrays for
     *                streams not captured)
     */
    public ProcessTimeoutException(List<String> command, Duration timeout, Duration elapsed, Output output) {
        super(List.copyOf(command) + " timed out after " + format(elapsed) + " (timeout " + format(timeout)
                + "); ended: " + output.status() + ", " + output.stdout().length + " bytes of stdout and "
                + output.stderr().length + " bytes of stderr captured");
        this.command = List.copyOf(command);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.output = output;
    }

    /** @return the argument vector of the command that timed out */
    public List<String> command() {
        return command;
    }

    /** @return the timeout that expired */
    public Duration timeout() {
        return timeout;
    }

    /** @return how long the child had run when the timeout expired */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * @return how the child ended once killed (usually {@code signal: 15 (SIGTERM)}), and whatever
     *         {@link Command#output()} had captured until then; empty byte arrays where nothing was captured
     */
    public Output output() {
        return output;
    }

    static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
