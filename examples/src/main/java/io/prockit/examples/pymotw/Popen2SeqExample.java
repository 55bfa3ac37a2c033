package io.prockit.examples.pymotw;

import io.prockit.Os;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seed 001/004, PyMOTW os, "Pipes": {@code os_popen2_seq.py}.
 *
 * <pre>{@code
 * print 'popen2, cmd as sequence:'
 * pipe_stdin, pipe_stdout = os.popen2(['cat', '-'])
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
 * <p>Given a list, {@code popen2} runs the program directly: no shell parses the arguments.
 */
public final class Popen2SeqExample {
    private Popen2SeqExample() {
    }

    /**
     * Writes through {@code cat}, started without a shell, and reads it back.
     *
     * @param args unused
     * @throws Exception if a pipe fails
     */
    public static void main(String[] args) throws Exception {
        System.out.println("popen2, cmd as sequence:");
        var pipes = Os.popen2(List.of("cat", "-"));
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
