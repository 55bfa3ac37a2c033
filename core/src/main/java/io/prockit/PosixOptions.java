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
 * @param ownCgroup      Linux, opt-in: put the child in a cgroup v2 of its own (a new directory under the
 *                       JVM's cgroup), so that {@link Child#killTree()} and the exit hook end everything in it
 *                       with {@code cgroup.kill}, daemons that double-forked and called {@code setsid} included.
 *                       Needs cgroup v2 with {@code cgroup.kill} (Linux 5.14+) and write access to the JVM's
 *                       cgroup (root, or a cgroup delegated to the user, e.g. systemd's {@code Delegate=yes});
 *                       the spawn fails with an {@link OsException} naming the cgroup otherwise. The child is
 *                       moved in right after {@code posix_spawn} returns (it has already exec'd): a process it
 *                       forks in those first microseconds stays outside the cgroup (it is still found by the
 *                       tree walk while its parent lives). Ignored on macOS (no cgroups) and Windows (see
 *                       its job objects)
 */
public record PosixOptions(boolean resetIds, Set<Signal> signalMask, boolean resetSignals, Integer schedPolicy,
                           Integer schedPriority, boolean ownCgroup) {

    private static final PosixOptions DEFAULTS = new PosixOptions(false, Set.of(), true, null, null, false);

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

    /**
     * Without a cgroup of its own (the settings before {@link #ownCgroup} existed).
     *
     * @param resetIds      see the record description
     * @param signalMask    see the record description; not null
     * @param resetSignals  see the record description
     * @param schedPolicy   see the record description
     * @param schedPriority see the record description
     */
    public PosixOptions(boolean resetIds, Set<Signal> signalMask, boolean resetSignals, Integer schedPolicy,
                        Integer schedPriority) {
        this(resetIds, signalMask, resetSignals, schedPolicy, schedPriority, false);
    }

    /** @return no id reset, empty signal mask, dispositions reset, scheduler inherited, no cgroup of its own */
    public static PosixOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param reset whether to reset the effective ids
     * @return a copy with that setting
     */
    public PosixOptions withResetIds(boolean reset) {
        return new PosixOptions(reset, signalMask, resetSignals, schedPolicy, schedPriority, ownCgroup);
    }

    /**
     * @param mask signals to block in the child
     * @return a copy with that mask
     */
    public PosixOptions withSignalMask(Set<Signal> mask) {
        return new PosixOptions(resetIds, mask, resetSignals, schedPolicy, schedPriority, ownCgroup);
    }

    /**
     * @param reset whether to reset every signal disposition to the default in the child
     * @return a copy with that setting
     */
    public PosixOptions withResetSignals(boolean reset) {
        return new PosixOptions(resetIds, signalMask, reset, schedPolicy, schedPriority, ownCgroup);
    }

    /**
     * @param policy   an {@code Os.SCHED_*} policy
     * @param priority its static priority
     * @return a copy with that scheduler
     */
    public PosixOptions withScheduler(int policy, int priority) {
        return new PosixOptions(resetIds, signalMask, resetSignals, policy, priority, ownCgroup);
    }

    /**
     * Linux: run the child in a cgroup of its own, so that {@code killTree()} (and the exit hook) catch even
     * daemonising descendants.
     *
     * <pre>{@code
     * Child c = Command.of("service-wrapper").posixOptions(PosixOptions.defaults().withOwnCgroup(true)).spawn();
     * c.killTree();   // cgroup.kill: everything it ever started, setsid daemons included
     * }</pre>
     *
     * @param own whether the child gets its own cgroup (see the record description for what it needs)
     * @return a copy with that setting
     */
    public PosixOptions withOwnCgroup(boolean own) {
        return new PosixOptions(resetIds, signalMask, resetSignals, schedPolicy, schedPriority, own);
    }
}
