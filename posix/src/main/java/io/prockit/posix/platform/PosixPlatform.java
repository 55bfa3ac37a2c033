package io.prockit.posix.platform;


/**
 * What differs between Linux and macOS, handed by the composition root ({@code PosixBackend}) to the
 * shared packages ({@code spawn}, {@code process}, {@code os}), so they never branch on the OS or name a
 * platform class themselves. Implemented by {@code io.prockit.posix.linux.LinuxPlatform} and
 * {@code io.prockit.posix.darwin.DarwinPlatform}.
 *
 * <p>Today it carries the constant table, the status codec and pidfd signalling; the remaining
 * {@code if (darwin)} branches of the spawner, the output loop and the process-wide calls move here next
 * (the ArchitectureTest lists them as known exceptions).
 */
public interface PosixPlatform {
    /** @return the OS name for messages and logs ({@code Linux}, {@code macOS}) */
    String name();

    /** @return the running OS's constant table */
    PosixConstants constants();

    /** @return the running OS's wait-status layout */
    PosixStatusCodec statusCodec();

    /**
     * Sends a signal through a pidfd; only called with a pidfd this platform opened.
     *
     * @param pidfd the child's pidfd
     * @param signo the signal number
     * @throws com.sun.jna.LastErrorException on failure (ESRCH once the child has exited)
     * @throws UnsupportedOperationException on a platform without pidfds (it never hands one out)
     */
    void signalPidfd(int pidfd, int signo);
}
