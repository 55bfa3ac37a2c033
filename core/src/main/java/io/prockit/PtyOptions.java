package io.prockit;

/**
 * Runs a child in a new pseudo-terminal: the child's stdin, stdout and stderr are the terminal, which
 * is also its controlling terminal ({@code isatty} is true there, job control and line editing work),
 * and the caller reads and writes the other side through {@link Child#stdout()} and
 * {@link Child#stdin()}.
 *
 * <pre>{@code
 * try (Child sh = Command.of("sh", "-i").pty(new PtyOptions(24, 80)).spawn()) {
 *     sh.resizePty(40, 120);                                       // SIGWINCH to its foreground group
 *     sh.stdin().write("stty size; exit\n".getBytes());
 *     sh.stdin().flush();
 *     System.out.print(new String(sh.stdout().readAllBytes()));   // the echo, the prompts, "40 120"
 * }
 * }</pre>
 *
 * <p>The terminal's line discipline applies: the child's {@code \n} arrives as {@code \r\n}, what the
 * caller writes is echoed back, and {@code ^D} at the start of a line is the child's end of input (closing
 * {@link Child#stdin()} is not). Reading {@link Child#stdout()} ends once every process holding the
 * terminal is gone (Linux reports {@code EIO} there; the stream turns it into end of file).
 * {@link Child#close()} closes the caller's side: the terminal hangs up and the child's session gets
 * {@code SIGHUP}, as when a terminal window is closed.
 *
 * <p>Read the output while the child runs, not only after {@link Child#waitFor()}: a terminal holds
 * little, a child writing more than that blocks until it is read, and on macOS output still unread when
 * the last holder of the terminal closes it is discarded after a short drain time (the kernel's
 * {@code ttyclose} flushes the queue), where Linux keeps it readable.
 *
 * <p>Platform notes: Linux: a new session ({@code POSIX_SPAWN_SETSID}) whose first terminal open, a file
 * action opening the pty slave, makes it the controlling terminal. macOS runs file actions before
 * {@code setsid}, so {@code /bin/bash} (run as {@code sh}) opens the slave again inside the new session,
 * which acquires it, and {@code exec}s the program with its own argv, argv0 included ({@code exec -a});
 * the program keeps the pid, and may see {@code SHLVL}, {@code PWD} and {@code _} set by bash in its
 * environment. Windows: a ConPTY ({@code CreatePseudoConsole}), whose output is VT sequences.
 *
 * <p>Availability: Linux, macOS, Windows 10 1809+ (ConPTY).
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
