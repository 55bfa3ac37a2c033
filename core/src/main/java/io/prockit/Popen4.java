package io.prockit;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Python 2's {@code os.popen4(cmd)} result: {@code (child_stdin, child_stdout_and_stderr)}.
 *
 * <pre>{@code
 * Popen4 p = Os.popen4("cat -; echo \";to stderr\" 1>&2");
 * }</pre>
 *
 * <p>Platform notes: as {@link Os#popen4}.
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param childStdin           writes the command's stdin
 * @param childStdoutAndStderr reads the command's stdout and stderr, merged
 * @param pid                  the command's process id
 */
public record Popen4(OutputStream childStdin, InputStream childStdoutAndStderr, int pid) {
}
