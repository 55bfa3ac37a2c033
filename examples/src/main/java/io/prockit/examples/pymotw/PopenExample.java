package io.prockit.examples.pymotw;

import io.prockit.Os;

/**
 * Seed 001/004, PyMOTW os, "Pipes": {@code os_popen.py}.
 *
 * <pre>{@code
 * print 'popen, read:'
 * pipe_stdout = os.popen('echo "to stdout"', 'r')
 * try:
 *     stdout_value = pipe_stdout.read()
 * finally:
 *     pipe_stdout.close()
 * print '\tstdout:', repr(stdout_value)
 *
 * print '\npopen, write:'
 * pipe_stdin = os.popen('cat -', 'w')
 * try:
 *     pipe_stdin.write('\tstdin: to stdin\n')
 * finally:
 *     pipe_stdin.close()
 * }</pre>
 *
 * <p>{@code close()} waits for the command and returns its status, {@code null} (Python's
 * {@code None}) when it exited with 0. In the second part {@code cat}'s output is not piped: it goes
 * straight to this process's standard output.
 */
public final class PopenExample {
    private PopenExample() {
    }

    /**
     * Reads one command's output, then writes to another's input.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println("popen, read:");
        var pipeStdout = Os.popen("echo \"to stdout\"", "r");
        String stdoutValue;
        try {
            stdoutValue = pipeStdout.read();
        } finally {
            pipeStdout.close();
        }
        System.out.println("\tstdout: " + Repr.of(stdoutValue));

        System.out.println("\npopen, write:");
        var pipeStdin = Os.popen("cat -", "w");
        try {
            pipeStdin.write("\tstdin: to stdin\n");
        } finally {
            pipeStdin.close();
        }
    }
}
