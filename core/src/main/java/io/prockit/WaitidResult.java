package io.prockit;

/**
 * Python's {@code os.waitid()} result: the fields of the {@code siginfo_t} the kernel filled.
 *
 * <pre>{@code
 * WaitidResult r = Os.waitid(Os.P_PID, pid, Os.WEXITED);
 * if (r.siCode() == Os.CLD_EXITED) { int code = r.siStatus(); }
 * }</pre>
 *
 * <p>Platform notes: on Linux and macOS the same five fields; {@code siStatus} is the exit code for
 * {@link Os#CLD_EXITED} and the signal number otherwise.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.waitid}.
 *
 * @param siPid    the child's pid
 * @param siUid    the child's real user id
 * @param siSigno  always {@code SIGCHLD}
 * @param siStatus exit code or signal number, depending on {@code siCode}
 * @param siCode   one of {@code CLD_EXITED}, {@code CLD_KILLED}, {@code CLD_DUMPED}, {@code CLD_TRAPPED},
 *                 {@code CLD_STOPPED}, {@code CLD_CONTINUED}
 */
public record WaitidResult(int siPid, int siUid, int siSigno, int siStatus, int siCode) {
}
