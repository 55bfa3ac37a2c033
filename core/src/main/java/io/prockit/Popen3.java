package io.prockit;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Python 2's {@code os.popen3(cmd)} result: {@code (child_stdin, child_stdout, child_stderr)}.
 *
 * <pre>{@code
 * Popen3 p = Os.popen3("cat -; echo \";to stderr\" 1>&2");
 * }</pre>
 *
 * <p>Read stdout and stderr concurrently (or one after the other only for small output): a command
 * blocked on a full stderr pipe never closes its stdout. Platform notes: as {@link Os#popen3}.
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param childStdin  writes the command's stdin
 * @param childStdout reads the command's stdout
 * @param childStderr reads the command's stderr
 * @param pid         the command's process id
 */
public record Popen3(OutputStream childStdin, InputStream childStdout, InputStream childStderr, int pid) {
}
