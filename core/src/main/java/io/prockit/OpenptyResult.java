package io.prockit;

/**
 * Python's {@code os.openpty()} result: the two ends of a new pseudo-terminal, as raw descriptors.
 *
 * <pre>{@code
 * OpenptyResult pty = Os.openpty();
 * try { ... } finally { Os.close(pty.masterFd()); Os.close(pty.slaveFd()); }
 * }</pre>
 *
 * <p>Both are opened close-on-exec and with {@code O_NOCTTY} (opening them never makes the pty this
 * process's controlling terminal); the caller owns them and closes them with {@link Os#close}.
 *
 * <p>Platform notes: Linux and macOS ({@code posix_openpt}, {@code grantpt}, {@code unlockpt},
 * {@code ptsname_r}); not on Windows.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.openpty}.
 *
 * @param masterFd the controlling (master) side
 * @param slaveFd  the terminal (slave) side
 * @param slaveName the slave's device path, e.g. {@code /dev/pts/3}
 */
public record OpenptyResult(int masterFd, int slaveFd, String slaveName) {
}
