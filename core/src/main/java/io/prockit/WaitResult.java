package io.prockit;

/**
 * What {@link Os#waitpid(int, int)} and {@link Os#wait()} return: Python's {@code (pid, status)} tuple.
 *
 * <p>{@code pid} is 0 when {@code WNOHANG} was given and no child had changed state.
 *
 * <p>Availability: Unix, Windows, as {@code os.waitpid} (on Windows the status is the exit code shifted left by
 * 8).
 *
 * @param pid    the process whose state changed, or 0
 * @param status its raw wait status, decoded with {@link Os#WIFEXITED(long)} and friends or {@link WaitStatus#decode(long)}
 */
public record WaitResult(int pid, long status) {
}
