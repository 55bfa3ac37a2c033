package io.prockit.spi;

/**
 * A platform's wait-status macros ({@code <sys/wait.h>}): the encoding differs between Linux, macOS
 * and Windows, so each backend brings its own. Implementations are pure functions.
 */
public interface StatusCodec {
    /**
     * Whether a value has the width of this platform's wait status, before any macro reads it: core refuses
     * the others with an {@link IllegalArgumentException} naming the value, as Python refuses a status its C
     * {@code int} (POSIX) or the exit code's {@code UINT} (Windows) cannot hold.
     *
     * @param status a value offered as a raw status
     * @return true on POSIX for the 32 bits of a C {@code int}, read signed or unsigned
     *         ({@code -2^31 .. 2^32-1}); on Windows for a 32-bit exit code shifted left by 8 ({@code 0 .. 2^40-1})
     */
    boolean inRange(long status);

    /** @param status a raw status @return {@code WIFEXITED} */
    boolean ifExited(long status);

    /** @param status a raw status @return {@code WEXITSTATUS} */
    int exitStatus(long status);

    /** @param status a raw status @return {@code WIFSIGNALED} */
    boolean ifSignaled(long status);

    /** @param status a raw status @return {@code WTERMSIG} */
    int termSig(long status);

    /** @param status a raw status @return {@code WCOREDUMP} */
    boolean coreDump(long status);

    /** @param status a raw status @return {@code WIFSTOPPED} */
    boolean ifStopped(long status);

    /** @param status a raw status @return {@code WSTOPSIG} */
    int stopSig(long status);

    /** @param status a raw status @return {@code WIFCONTINUED} */
    boolean ifContinued(long status);
}
