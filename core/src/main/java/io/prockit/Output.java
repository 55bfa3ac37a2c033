package io.prockit;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What {@link Command#output()} collects: the exit status and everything the child wrote.
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param status the exit status
 * @param stdout the bytes written to standard output
 * @param stderr the bytes written to standard error (empty when merged into stdout)
 */
public record Output(ExitStatus status, byte[] stdout, byte[] stderr) {

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

    @Override
    public String toString() {
        return "Output[" + status + ", stdout=" + stdout.length + " bytes, stderr=" + stderr.length + " bytes]";
    }
}
