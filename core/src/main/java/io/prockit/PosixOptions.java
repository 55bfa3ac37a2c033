package io.prockit;

import java.util.Set;

/**
 * POSIX-only spawn settings for a {@link Command}: the {@code posix_spawnattr_t} knobs that have no
 * portable meaning.
 *
 * <pre>{@code
 * Command.of("worker")
 *        .posixOptions(PosixOptions.defaults().withResetIds(true).withSignalMask(Set.of(Signal.SIGINT)))
 *        .spawn();
 * }</pre>
 *
 * <p>Platform notes: on Windows these settings are ignored (Windows has no signal mask, signal
 * dispositions or set-user-ID programs).
 *
 * <p>Availability: Unix (Linux, macOS); ignored on Windows.
 *
 * @param resetIds       {@code POSIX_SPAWN_RESETIDS}: the child runs with the parent's real ids as its effective ids
 * @param signalMask     signals blocked in the child; empty (the default) unblocks all, whatever the spawning
 *                       thread blocks
 * @param resetSignals   reset every signal disposition to its default in the child (the default; the JVM
 *                       ignores some signals, and ignored signals stay ignored across {@code exec})
 * @param schedPolicy    {@code POSIX_SPAWN_SETSCHEDULER}: the child's scheduling policy ({@code Os.SCHED_*}), or null to inherit
 * @param schedPriority  the static priority that goes with {@code schedPolicy}, or null
 */
public record PosixOptions(boolean resetIds, Set<Signal> signalMask, boolean resetSignals, Integer schedPolicy,
                           Integer schedPriority) {

    private static final PosixOptions DEFAULTS = new PosixOptions(false, Set.of(), true, null, null);

    /**
     * Copies the mask.
     *
     * @param resetIds      see the record description
     * @param signalMask    see the record description; not null
     * @param resetSignals  see the record description
     * @param schedPolicy   see the record description
     * @param schedPriority see the record description
     */
    public PosixOptions {
        signalMask = Set.copyOf(signalMask);
        if (schedPriority != null && schedPolicy == null) {
            throw new IllegalArgumentException("schedPriority " + schedPriority + " given without schedPolicy");
        }
    }

    /** @return no id reset, empty signal mask, dispositions reset, scheduler inherited */
    public static PosixOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param reset whether to reset the effective ids
     * @return a copy with that setting
     */
    public PosixOptions withResetIds(boolean reset) {
        return new PosixOptions(reset, signalMask, resetSignals, schedPolicy, schedPriority);
    }

    /**
     * @param mask signals to block in the child
     * @return a copy with that mask
     */
    public PosixOptions withSignalMask(Set<Signal> mask) {
        return new PosixOptions(resetIds, mask, resetSignals, schedPolicy, schedPriority);
    }

    /**
     * @param reset whether to reset every signal disposition to the default in the child
     * @return a copy with that setting
     */
    public PosixOptions withResetSignals(boolean reset) {
        return new PosixOptions(resetIds, signalMask, reset, schedPolicy, schedPriority);
    }

    /**
     * @param policy   an {@code Os.SCHED_*} policy
     * @param priority its static priority
     * @return a copy with that scheduler
     */
    public PosixOptions withScheduler(int policy, int priority) {
        return new PosixOptions(resetIds, signalMask, resetSignals, policy, priority);
    }
}
