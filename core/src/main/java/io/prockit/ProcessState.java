package io.prockit;

/**
 * The scheduling state of a process, as {@link ProcessInfo#state()} reports it: psutil's
 * {@code STATUS_*} constants.
 *
 * <pre>{@code
 * ProcessInfo p = ProcessTable.of(pid);
 * p.suspend();
 * boolean stopped = p.refresh().state() == ProcessState.STOPPED;   // true
 * }</pre>
 *
 * <p>Platform notes: Linux reports every state from the third field of {@code /proc/[pid]/stat}
 * ({@code R S D T t Z X I W P K}); macOS reports only {@link #IDLE} (being created),
 * {@link #RUNNING}, {@link #SLEEPING}, {@link #STOPPED} and {@link #ZOMBIE} ({@code pbi_status});
 * Windows reports {@link #RUNNING}, or {@link #STOPPED} when every thread is suspended.
 *
 * <p>Availability: Linux, macOS, Windows; on Windows every listed process is reported {@link #RUNNING}: Windows
 * has no process state of this kind, and prockit does not derive one from its threads' states.
 */
public enum ProcessState {
    /** Running or runnable ({@code R}). */
    RUNNING,
    /** Sleeping, interruptibly ({@code S}). */
    SLEEPING,
    /** Sleeping uninterruptibly, usually waiting for disk I/O ({@code D}). */
    DISK_SLEEP,
    /** Stopped by a signal such as {@code SIGSTOP} ({@code T}), or suspended on Windows. */
    STOPPED,
    /** Stopped by a debugger ({@code t}). */
    TRACING_STOP,
    /** Exited and not yet reaped by its parent ({@code Z}). */
    ZOMBIE,
    /** Dead, being removed ({@code X}). */
    DEAD,
    /** An idle kernel thread ({@code I}) or, on macOS, a process being created ({@code SIDL}). */
    IDLE,
    /** Waking ({@code W} on old kernels). */
    WAKING,
    /** A parked kernel thread ({@code P}). */
    PARKED,
    /** Wake-kill ({@code K} on old kernels). */
    WAKE_KILL,
    /** A state this version of prockit does not know. */
    UNKNOWN;

    /**
     * Maps the Linux one-letter state of {@code /proc/[pid]/stat} and {@code ps -o stat}.
     *
     * @param code the letter, e.g. {@code 'S'}
     * @return the state, {@link #UNKNOWN} for a letter this version does not know
     */
    public static ProcessState fromLinuxCode(char code) {
        return switch (code) {
            case 'R' -> RUNNING;
            case 'S' -> SLEEPING;
            case 'D' -> DISK_SLEEP;
            case 'T' -> STOPPED;
            case 't' -> TRACING_STOP;
            case 'Z' -> ZOMBIE;
            case 'X', 'x' -> DEAD;
            case 'I' -> IDLE;
            case 'W' -> WAKING;
            case 'P' -> PARKED;
            case 'K' -> WAKE_KILL;
            default -> UNKNOWN;
        };
    }

    /** @return the one-letter code {@code ps} prints for this state, e.g. {@code 'S'} ({@code '?'} for unknown) */
    public char code() {
        return switch (this) {
            case RUNNING -> 'R';
            case SLEEPING -> 'S';
            case DISK_SLEEP -> 'D';
            case STOPPED -> 'T';
            case TRACING_STOP -> 't';
            case ZOMBIE -> 'Z';
            case DEAD -> 'X';
            case IDLE -> 'I';
            case WAKING -> 'W';
            case PARKED -> 'P';
            case WAKE_KILL -> 'K';
            case UNKNOWN -> '?';
        };
    }
}
