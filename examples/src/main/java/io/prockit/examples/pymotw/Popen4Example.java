package io.prockit.examples.pymotw;

import io.prockit.Os;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Seed 001/004, PyMOTW os, "Pipes": {@code os_popen4.py}.
 *
 * <pre>{@code
 * print 'popen4:'
 * pipe_stdin, pipe_stdout_and_stderr = os.popen4('cat -; echo ";to stderr" 1>&2')
 * try:
 *     pipe_stdin.write('through stdin to stdout')
 * finally:
 *     pipe_stdin.close()
 * try:
 *     stdout_value = pipe_stdout_and_stderr.read()
 * finally:
 *     pipe_stdout_and_stderr.close()
 * print '\tcombined output:', repr(stdout_value)
 * }</pre>
 */
public final class Popen4Example {
    private Popen4Example() {
    }

    /**
     * Talks to a command whose stdout and stderr share one pipe.
     *
     * @param args unused
     * @throws Exception if a pipe fails
     */
    public static void main(String[] args) throws Exception {
        System.out.println("popen4:");
        var pipes = Os.popen4("cat -; echo \";to stderr\" 1>&2");
        OutputStream pipeStdin = pipes.childStdin();
        InputStream pipeStdoutAndStderr = pipes.childStdoutAndStderr();
        try {
            pipeStdin.write("through stdin to stdout".getBytes(StandardCharsets.UTF_8));
        } finally {
            pipeStdin.close();
        }
        String stdoutValue;
        try {
            stdoutValue = new String(pipeStdoutAndStderr.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            pipeStdoutAndStderr.close();
        }
        System.out.println("\tcombined output: " + Repr.of(stdoutValue));
        Os.waitpid(pipes.pid(), 0);     // closing the pipes does not wait for the command
    }
}
