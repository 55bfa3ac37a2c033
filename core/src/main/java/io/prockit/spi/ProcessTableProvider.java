package io.prockit.spi;

import java.time.Duration;
import java.util.List;

/**
 * A platform's process table: listing processes, reading their details and acting on them. Each
 * backend that has one returns it from {@link ProcessBackend#processTable()}; core builds
 * {@link io.prockit.ProcessTable}, {@link io.prockit.ProcessInfo}, {@link io.prockit.ProcessQuery}
 * and {@link io.prockit.ProcessKiller} on it.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>Identity is (pid, {@link ProcessEntry#createTime()}). Every action ({@link #signal},
 *       {@link #terminate}, {@link #kill}, {@link #suspend}, {@link #resume}) first checks that the
 *       pid still names the process of the entry and throws {@link io.prockit.OsException} of kind
 *       {@code NO_SUCH_PROCESS} when it has gone or its pid now belongs to another process. The check
 *       and the action should be one atomic step where the OS allows it (Linux: open a pidfd, verify,
 *       signal through the pidfd; Windows: open a HANDLE, verify its creation time, act on the
 *       HANDLE, which pins the process object).</li>
 *   <li>Failures are {@code OsException}s with kinds {@code NO_SUCH_PROCESS},
 *       {@code PERMISSION_DENIED} (psutil's AccessDenied) or {@code ZOMBIE}.</li>
 *   <li>Arguments arrive validated by core (pid &gt; 0, known signal numbers, non-negative
 *       timeouts).</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
public interface ProcessTableProvider {

    /**
     * Lists every process visible to the caller in one pass. A process that ends during the listing
     * is left out, never reported as an error; a process whose details may not be read is listed
     * (its protected fields throw {@code PERMISSION_DENIED} when read).
     *
     * @return the entries, in pid order
     */
    List<ProcessEntry> list();

    /**
     * Reads one process now.
     *
     * @param pid a pid, &gt; 0
     * @return its entry
     * @throws io.prockit.OsException {@code NO_SUCH_PROCESS} if there is no such process
     */
    ProcessEntry get(int pid);

    /**
     * Whether the entry's process still runs: the pid exists, has the same creation time, and is
     * not a zombie.
     *
     * @param entry an entry of this provider
     * @return true while it runs
     */
    boolean isRunning(ProcessEntry entry);

    /**
     * Sends a signal (POSIX) to the entry's process, refusing a reused pid.
     *
     * @param entry an entry of this provider
     * @param signo a signal number of this platform
     * @throws UnsupportedOperationException on a platform without signals for this number
     */
    void signal(ProcessEntry entry, int signo);

    /**
     * Asks the process to end: {@code SIGTERM} on POSIX; on Windows {@code WM_CLOSE} to its
     * top-level windows, or {@code CTRL_BREAK_EVENT} for a console process group of its own.
     *
     * @param entry an entry of this provider
     */
    void terminate(ProcessEntry entry);

    /**
     * Ends the process by force: {@code SIGKILL}; Windows {@code TerminateProcess(h, 1)}.
     *
     * @param entry an entry of this provider
     */
    void kill(ProcessEntry entry);

    /**
     * Stops the process: {@code SIGSTOP}; Windows {@code NtSuspendProcess}.
     *
     * @param entry an entry of this provider
     */
    void suspend(ProcessEntry entry);

    /**
     * Continues a stopped process: {@code SIGCONT}; Windows {@code NtResumeProcess}.
     *
     * @param entry an entry of this provider
     */
    void resume(ProcessEntry entry);

    /**
     * Waits until the entry's process has ended (exited, or became a zombie) or the timeout passed.
     * The default polls {@link #isRunning(ProcessEntry)} with a growing pause (1 ms up to 25 ms), as
     * psutil's {@code wait_procs} does for processes that are not the caller's children; a backend
     * may wait on a kernel object instead (a pidfd, a process HANDLE).
     *
     * @param entry   an entry of this provider
     * @param timeout how long to wait at most, not negative; core never passes more than
     *                {@link io.prockit.internal.Durations#MAX_NANOS} nanoseconds (about 146 years), so
     *                {@code toNanos()} cannot overflow
     * @return true if it has ended
     * @throws InterruptedException if the thread is interrupted
     */
    default boolean awaitExit(ProcessEntry entry, Duration timeout) throws InterruptedException {
        long deadline = io.prockit.internal.Durations.deadline(timeout);
        long pause = 1;
        while (isRunning(entry)) {
            long left = io.prockit.internal.Durations.remaining(deadline);
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
            pause = Math.min(25, pause * 2);
        }
        return true;
    }

    /**
     * Waits until at least one of the entries' processes has ended, or the timeout passed: how
     * {@link io.prockit.ProcessKiller} waits for the processes it signalled. The default polls
     * {@link #isRunning(ProcessEntry)} of each with a growing pause (1 ms up to 25 ms); a backend may wait on
     * kernel objects instead (pidfds on Linux).
     *
     * @param entries entries of this provider, not empty
     * @param timeout how long to wait at most, not negative
     * @return true if at least one has ended
     * @throws InterruptedException if the thread is interrupted
     */
    default boolean awaitAnyExit(java.util.List<ProcessEntry> entries, Duration timeout) throws InterruptedException {
        long deadline = io.prockit.internal.Durations.deadline(timeout);
        long pause = 1;
        while (true) {
            for (ProcessEntry e : entries) {
                if (!isRunning(e)) {
                    return true;
                }
            }
            long left = io.prockit.internal.Durations.remaining(deadline);
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
            pause = Math.min(25, pause * 2);
        }
    }
}
