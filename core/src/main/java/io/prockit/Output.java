package io.prockit;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Command#output()} collects: the exit status and everything the child wrote.
 *
 * <pre>{@code
 * String head = Command.of("git", "rev-parse", "HEAD").output().checkSuccess().stdoutText().strip();
 * }</pre>
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param status    the exit status
 * @param stdout    the bytes written to standard output
 * @param stderr    the bytes written to standard error (empty when merged into stdout)
 * @param command   the argument vector that was run (empty when unknown)
 * @param truncated whether {@link Command#outputLimit(long)} cut stdout or stderr short: what is here is the
 *                  first bytes of each, and the rest was read and dropped
 */
public record Output(ExitStatus status, byte[] stdout, byte[] stderr, List<String> command, boolean truncated) {

    /**
     * Checks the fields.
     *
     * @param status    see the record description
     * @param stdout    see the record description
     * @param stderr    see the record description
     * @param command   see the record description
     * @param truncated see the record description
     */
    public Output {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        command = List.copyOf(command);
    }

    /**
     * An output whose command is not known and that was not truncated.
     *
     * @param status the exit status
     * @param stdout the bytes written to standard output
     * @param stderr the bytes written to standard error
     */
    public Output(ExitStatus status, byte[] stdout, byte[] stderr) {
        this(status, stdout, stderr, List.of(), false);
    }

    /** @return stdout decoded as UTF-8 */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /**
     * @param charset the charset
     * @return stdout decoded with {@code charset}
     */
    public String stdoutText(Charset charset) {
        return new String(stdout, charset);
    }

    /** @return stderr decoded as UTF-8 */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** @return stdout decoded as UTF-8 and split into lines at {@code \n}, {@code \r\n} or {@code \r} */
    public List<String> stdoutLines() {
        return stdoutText().lines().toList();
    }

    /**
     * Python's {@code CompletedProcess.check_returncode()}: returns this output when the child exited with
     * 0, throws otherwise.
     *
     * @return this
     * @throws ProcessFailedException naming the command, the status and the last lines of stderr, when the
     *                                status is not {@code exit status: 0}
     */
    public Output checkSuccess() {
        if (!status.success()) {
            throw new ProcessFailedException(command, status, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Output[" + status + ", stdout=" + stdout.length + " bytes, stderr=" + stderr.length + " bytes"
                + (truncated ? ", truncated" : "") + "]";
    }
}
