package io.prockit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A child ended with a status other than {@code exit status: 0}, and the caller asked for that to be an
 * error: {@link Output#checkSuccess()}, or {@link Command#check()} before {@link Command#status()} /
 * {@link Command#output()}. Python's {@code subprocess.CalledProcessError} ({@code check=True}).
 *
 * <pre>{@code
 * try {
 *     Command.of("git", "rev-parse", "HEAD").output().checkSuccess();
 * } catch (ProcessFailedException e) {
 *     // [git, rev-parse, HEAD] failed: exit status: 128
 *     // stderr (last 1 of 1 lines):
 *     //   fatal: not a git repository (or any of the parent directories): .git
 *     log.error(e.getMessage());
 * }
 * }</pre>
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public final class ProcessFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** How many lines of stderr the message quotes at most. */
    static final int TAIL_LINES = 10;

    private final List<String> command;
    private final transient ExitStatus status;
    private final transient Output output;

    /**
     * @param command the argument vector of the command that failed
     * @param status  how it ended
     * @param output  what it wrote, if captured (its stderr's last lines go into the message); may be null
     */
    public ProcessFailedException(List<String> command, ExitStatus status, Output output) {
        super(message(command, status, output));
        this.command = List.copyOf(command);
        this.status = Objects.requireNonNull(status, "status");
        this.output = output;
    }

    /** @return the argument vector of the command that failed */
    public List<String> command() {
        return command;
    }

    /** @return how it ended */
    public ExitStatus status() {
        return status;
    }

    /** @return what it wrote, when it was captured ({@link Command#output()}); empty after {@link Command#status()} */
    public java.util.Optional<Output> output() {
        return java.util.Optional.ofNullable(output);
    }

    /** @return the last lines (at most ten) of its stderr, decoded as UTF-8; empty when stderr was not captured */
    public List<String> stderrTail() {
        return output == null ? List.of() : tail(output.stderr());
    }

    private static String message(List<String> command, ExitStatus status, Output output) {
        StringBuilder m = new StringBuilder().append(List.copyOf(command)).append(" failed: ").append(status);
        if (output != null && output.stderr().length > 0) {
            List<String> all = new String(output.stderr(), StandardCharsets.UTF_8).lines().toList();
            List<String> tail = all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
            m.append("\nstderr (last ").append(tail.size()).append(" of ").append(all.size()).append(" lines):");
            for (String line : tail) {
                m.append("\n  ").append(line);
            }
        }
        return m.toString();
    }

    private static List<String> tail(byte[] stderr) {
        List<String> all = new String(stderr, StandardCharsets.UTF_8).lines().toList();
        return all.subList(Math.max(0, all.size() - TAIL_LINES), all.size());
    }
}
