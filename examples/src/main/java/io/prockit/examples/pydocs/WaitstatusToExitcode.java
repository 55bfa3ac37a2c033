package io.prockit.examples.pydocs;

import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.WaitResult;

/**
 * Seeds 000/002, Python docs, {@code os.waitstatus_to_exitcode(status)}: the exit code when the
 * process exited ({@code WEXITSTATUS}), {@code -signum} when a signal killed it ({@code -WTERMSIG}),
 * and {@code ValueError} otherwise (a stopped process).
 *
 * <pre>{@code
 * pid = os.spawnlp(os.P_NOWAIT, 'sh', 'sh', '-c', 'exit 3')
 * pid, status = os.waitpid(pid, 0)
 * os.waitstatus_to_exitcode(status)          # 3
 *
 * pid = os.spawnlp(os.P_NOWAIT, 'sleep', 'sleep', '60')
 * os.kill(pid, signal.SIGKILL)
 * pid, status = os.waitpid(pid, 0)
 * os.waitstatus_to_exitcode(status)          # -9
 * }</pre>
 *
 * <p>Python's {@code ValueError} is Java's {@link IllegalArgumentException}.
 */
public final class WaitstatusToExitcode {
    private WaitstatusToExitcode() {
    }

    /**
     * Decodes the status of a child that exits, one that is killed and one that is stopped.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        // On exit: the exit code.
        int pid = Os.spawnlp(Os.P_NOWAIT, "sh", "sh", "-c", "exit 3");
        WaitResult r = Os.waitpid(pid, 0);
        System.out.println("exited:   status " + r.status() + " -> waitstatus_to_exitcode " + Os.waitstatusToExitcode(r.status()));

        // On signal: minus the signal number.
        pid = Os.spawnlp(Os.P_NOWAIT, "sleep", "sleep", "60");
        Os.kill(pid, Signal.SIGKILL.number());
        r = Os.waitpid(pid, 0);
        System.out.println("killed:   status " + r.status() + " -> waitstatus_to_exitcode " + Os.waitstatusToExitcode(r.status())
                + " (SIGKILL is " + Signal.SIGKILL.number() + ")");

        // Stopped (reported under WUNTRACED): not an exit, so there is no exit code.
        pid = Os.spawnlp(Os.P_NOWAIT, "sleep", "sleep", "60");
        try {
            Os.kill(pid, Signal.SIGSTOP.number());
            r = Os.waitpid(pid, Os.WUNTRACED);
            System.out.println("stopped:  status " + r.status() + " -> WIFSTOPPED " + Os.WIFSTOPPED(r.status())
                    + ", WSTOPSIG " + Os.WSTOPSIG(r.status()));
            try {
                Os.waitstatusToExitcode(r.status());
            } catch (IllegalArgumentException e) {
                System.out.println("          waitstatus_to_exitcode raises ValueError: " + e.getMessage());
            }
        } finally {
            Os.kill(pid, Signal.SIGKILL.number());
            Os.waitpid(pid, 0);
        }
    }
}
