package io.prockit.spi;

import io.prockit.Wait4Result;
import io.prockit.WaitidResult;

/**
 * Part of {@link PosixCalls}: the waits beyond {@link ProcessBackend#waitpid}. For children of the backend
 * the status comes from its reaper, so each child is still reaped exactly once.
 */
public interface WaitCalls {

    /**
     * Python's {@code os.wait4}.
     *
     * @param pid     as {@code waitpid}
     * @param options {@code WNOHANG}, {@code WUNTRACED}, {@code WCONTINUED}
     * @return pid, status, rusage; pid 0 under WNOHANG when nothing changed
     */
    Wait4Result wait4(int pid, int options);

    /**
     * Python's {@code os.waitid}.
     *
     * @param idtype  {@code P_PID}, {@code P_PGID}, {@code P_ALL}, {@code P_PIDFD}
     * @param id      the id
     * @param options {@code WEXITED}, {@code WSTOPPED}, {@code WCONTINUED}, {@code WNOHANG}, {@code WNOWAIT}
     * @return the child's siginfo, or null under WNOHANG when nothing is ready
     */
    WaitidResult waitid(int idtype, int id, int options);
}
