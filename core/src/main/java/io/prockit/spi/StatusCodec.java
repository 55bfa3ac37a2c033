package io.prockit.spi;

/**
 * A platform's wait-status macros ({@code <sys/wait.h>}): the encoding differs between Linux, macOS
 * and Windows, so each backend brings its own. Implementations are pure functions.
 */
public interface StatusCodec {
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
