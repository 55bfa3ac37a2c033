package io.prockit.examples.pymotw;

import io.prockit.Os;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Seed 001/004, PyMOTW os, "Pipes": {@code os_popen3.py}.
 *
 * <pre>{@code
 * print 'popen3:'
 * pipe_stdin, pipe_stdout, pipe_stderr = os.popen3('cat -; echo ";to stderr" 1>&2')
 * try:
 *     pipe_stdin.write('through stdin to stdout')
 * finally:
 *     pipe_stdin.close()
 * try:
 *     stdout_value = pipe_stdout.read()
 * finally:
 *     pipe_stdout.close()
 * print '\tpass through:', repr(stdout_value)
 * try:
 *     stderr_value = pipe_stderr.read()
 * finally:
 *     pipe_stderr.close()
 * print '\tstderr:', repr(stderr_value)
 * }</pre>
 *
 * <p>Reading stdout to the end before stderr is safe here because the command writes only a few
 * bytes to stderr; a chattier one would need stderr read on another thread.
 */
public final class Popen3Example {
    private Popen3Example() {
    }

    /**
     * Talks to a command through three pipes.
     *
     * @param args unused
     * @throws Exception if a pipe fails
     */
    public static void main(String[] args) throws Exception {
        System.out.println("popen3:");
        var pipes = Os.popen3("cat -; echo \";to stderr\" 1>&2");
        OutputStream pipeStdin = pipes.childStdin();
        InputStream pipeStdout = pipes.childStdout();
        InputStream pipeStderr = pipes.childStderr();
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
        String stderrValue;
        try {
            stderrValue = new String(pipeStderr.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            pipeStderr.close();
        }
        System.out.println("\tstderr: " + Repr.of(stderrValue));
        Os.waitpid(pipes.pid(), 0);     // closing the pipes does not wait for the command
    }
}
