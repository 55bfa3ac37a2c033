package io.prockit;

/**
 * Runs a child in a new pseudo-terminal: the child's stdin, stdout and stderr are the terminal, which
 * is also its controlling terminal ({@code isatty} is true there, job control and line editing work),
 * and the caller reads and writes the other side through {@link Child#stdout()} and
 * {@link Child#stdin()}.
 *
 * <pre>{@code
 * try (Child sh = Command.of("sh", "-i").pty(new PtyOptions(24, 80)).spawn()) {
 *     sh.stdin().write("stty size; exit\n".getBytes());
 *     sh.stdin().flush();
 *     System.out.print(new String(sh.stdout().readAllBytes()));   // echoes, the prompt, "24 80"
 *     sh.resizePty(40, 120);                                       // SIGWINCH in the child
 * }
 * }</pre>
 *
 * <p>Platform notes: Linux: a new session ({@code POSIX_SPAWN_SETSID}) whose first terminal open, a file
 * action opening the pty slave, makes it the controlling terminal. macOS runs file actions before
 * {@code setsid}, so the slave is opened again by {@code /bin/sh} inside the new session before it
 * {@code exec}s the program. Windows: a ConPTY ({@code CreatePseudoConsole}), whose output is VT
 * sequences. Reading the terminal after the child has exited returns end of file on Linux once every
 * program holding the slave is gone.
 *
 * @param rows    terminal rows, 1..65535
 * @param columns terminal columns, 1..65535
 */
public record PtyOptions(int rows, int columns) {
    /**
     * Checks the size.
     *
     * @param rows    rows
     * @param columns columns
     */
    public PtyOptions {
        if (rows < 1 || rows > 65535) {
            throw new IllegalArgumentException("pty rows must be 1..65535: " + rows);
        }
        if (columns < 1 || columns > 65535) {
            throw new IllegalArgumentException("pty columns must be 1..65535: " + columns);
        }
    }

    /** @return 24 rows, 80 columns */
    public static PtyOptions defaults() {
        return new PtyOptions(24, 80);
    }
}
