package io.prockit;

/**
 * Runs a child on a new pseudo-terminal ({@link Command#pty(PtyOptions)}): the child starts in a new
 * session whose controlling terminal is the pty's slave, with the slave as its stdin, stdout and
 * stderr ({@code isatty} is true there); the caller reads and writes the master through
 * {@link Child#stdout()} and {@link Child#stdin()}, and changes the window size with
 * {@link Child#resizePty(int, int)}.
 *
 * <pre>{@code
 * try (Child c = Command.of("sh", "-c", "tty; stty size").pty(new PtyOptions(24, 80)).spawn()) {
 *     String out = new String(c.stdout().readAllBytes());   // "/dev/pts/5\r\n24 80\r\n"
 * }
 * }</pre>
 *
 * <p>Platform notes: on Linux the slave is opened by a {@code posix_spawn} file action after
 * {@code POSIX_SPAWN_SETSID}, which glibc applies first, so it becomes the controlling terminal. macOS
 * runs file actions before SETSID, so there the child is started through {@code /bin/sh}, which
 * re-opens the slave path after the session exists ({@code exec "$@" <>"$slave" >&0 2>&0}) and then
 * execs the program: the open by a session leader without a controlling terminal makes it one.
 * Windows has no pty here (ConPTY is a different API); {@link Command#spawn()} refuses the option.
 * Reading the master after the child and every other holder of the slave have exited gives end of file
 * (Linux reports {@code EIO}, read as end of file).
 *
 * @param rows    terminal rows, &gt; 0
 * @param columns terminal columns, &gt; 0
 */
public record PtyOptions(int rows, int columns) {
    /**
     * Checks the size.
     *
     * @param rows    terminal rows
     * @param columns terminal columns
     */
    public PtyOptions {
        if (rows <= 0 || rows > 0xffff || columns <= 0 || columns > 0xffff) {
            throw new IllegalArgumentException("pty size must be 1..65535 rows and columns (got " + rows + "x" + columns + ")");
        }
    }

    /** @return 24 rows, 80 columns */
    public static PtyOptions defaults() {
        return new PtyOptions(24, 80);
    }
}
