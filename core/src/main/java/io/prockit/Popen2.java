package io.prockit;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Python 2's {@code os.popen2(cmd)} result: {@code (child_stdin, child_stdout)}.
 *
 * <pre>{@code
 * Popen2 p = Os.popen2("cat -");
 * p.childStdin().write("through stdin to stdout".getBytes()); p.childStdin().close();
 * String out = new String(p.childStdout().readAllBytes());
 * }</pre>
 *
 * <p>Closing the streams does not wait: the command is reaped by prockit when it exits, and
 * {@link #pid()} can be given to {@link Os#waitpid} for its status. Platform notes: as {@link Os#popen2}.
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param childStdin  writes the command's stdin
 * @param childStdout reads the command's stdout
 * @param pid         the command's process id
 */
public record Popen2(OutputStream childStdin, InputStream childStdout, int pid) {
}
