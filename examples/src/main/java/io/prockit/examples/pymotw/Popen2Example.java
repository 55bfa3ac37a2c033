package io.prockit.examples.pymotw;

import io.prockit.Os;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Seed 001/004, PyMOTW os, "Pipes": {@code os_popen2.py}.
 *
 * <pre>{@code
 * print 'popen2:'
 * pipe_stdin, pipe_stdout = os.popen2('cat -')
 * try:
 *     pipe_stdin.write('through stdin to stdout')
 * finally:
 *     pipe_stdin.close()
 * try:
 *     stdout_value = pipe_stdout.read()
 * finally:
 *     pipe_stdout.close()
 * print '\tpass through:', repr(stdout_value)
 * }</pre>
 *
 * <p>Python's pair {@code (child_stdin, child_stdout)} is a record with those accessors, plus the
 * command's {@code pid()}: Python 2 reaped the command behind the scenes, the port waits for it.
 */
public final class Popen2Example {
    private Popen2Example() {
    }

    /**
     * Writes through {@code cat} and reads it back.
     *
     * @param args unused
     * @throws Exception if a pipe fails
     */
    public static void main(String[] args) throws Exception {
        System.out.println("popen2:");
        var pipes = Os.popen2("cat -");
        OutputStream pipeStdin = pipes.childStdin();
        InputStream pipeStdout = pipes.childStdout();
        try {
            pipeStdin.write("through stdin to stdout".getBytes(StandardCharsets.UTF_8));
        } finally {
            pipeStdin.close();
        }
        String stdoutValue;
        try {
            stdoutValue = new String(pipeStdout.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            pipeStdout.close();
        }
        System.out.println("\tpass through: " + Repr.of(stdoutValue));
        Os.waitpid(pipes.pid(), 0);     // closing the pipes does not wait for the command
    }
}
