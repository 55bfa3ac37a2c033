package io.prockit;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keyword arguments of Python's {@code os.posix_spawn} and {@code os.posix_spawnp}:
 * {@code file_actions}, {@code setpgroup}, {@code resetids}, {@code setsid}, {@code setsigmask},
 * {@code setsigdef}, {@code scheduler}. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * // Python: os.posix_spawn(path, argv, env, setsid=True, setsigdef=(signal.SIGINT,))
 * PosixSpawnAttributes a = PosixSpawnAttributes.defaults().withSetsid(true).withSetsigdef(Set.of(2));
 * }</pre>
 *
 * <p>Unlike Python (and as the rest of prockit), the child does not inherit descriptors the JVM
 * left open without close-on-exec: after the file actions, every descriptor from 3 up that no
 * {@code OPEN} or {@code DUP2} action targets is closed. Unlike Python too, and as every prockit spawn,
 * the child does not inherit the spawning JVM thread's signal state (the JVM blocks SIGQUIT and ignores
 * some signals): its signal mask is emptied unless {@code setsigmask} gives the mask, and every signal's
 * disposition is reset to the default unless {@code setsigdef} names the signals to reset (then only
 * those are). The file actions run in the order given, each on the descriptors the previous ones left,
 * as Python runs them. A failed {@code OPEN} or {@code DUP2} is reported as {@code open(path)} or
 * {@code dup2(fd)} rather than as the program.
 *
 * <p>Platform notes: {@code scheduler} needs {@code POSIX_SPAWN_SETSCHEDULER}, which macOS lacks
 * (Python has no {@code scheduler} there either); {@code setsid} needs macOS 10.15+.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.posix_spawn}; the scheduler attribute needs
 * {@code POSIX_SPAWN_SETSCHEDULER} (Linux; macOS has none and refuses it with
 * {@link UnsupportedOperationException}).
 *
 * @param fileActions the actions, in order
 * @param setpgroup   null to stay in the parent's group, 0 for a new group, else the group to join
 * @param resetids    reset the effective ids to the real ones
 * @param setsid      start a new session
 * @param setsigmask  signal numbers to block in the child; null for none (the mask is emptied)
 * @param setsigdef   signal numbers whose dispositions are reset to the default; empty for every signal
 * @param scheduler   policy and parameters, or null
 */
public record PosixSpawnAttributes(List<FileAction> fileActions, Integer setpgroup, boolean resetids, boolean setsid,
                                   Set<Integer> setsigmask, Set<Integer> setsigdef, Scheduler scheduler) {

    /**
     * Python's {@code scheduler=(policy, param)}.
     *
     * @param policy a {@code SCHED_*} policy
     * @param param  its parameters
     */
    public record Scheduler(int policy, SchedParam param) {
        /**
         * Checks the values.
         *
         * @param policy a {@code SCHED_*} policy
         * @param param  its parameters
         */
        public Scheduler {
            if (policy < 0) {
                throw new IllegalArgumentException("posix_spawn scheduler: unknown policy " + policy);
            }
            java.util.Objects.requireNonNull(param, "param");
        }
    }

    /**
     * Copies the collections and checks the values.
     *
     * @param fileActions the actions
     * @param setpgroup   group
     * @param resetids    reset ids
     * @param setsid      new session
     * @param setsigmask  mask
     * @param setsigdef   defaults
     * @param scheduler   scheduler
     */
    public PosixSpawnAttributes {
        fileActions = List.copyOf(fileActions);
        setsigmask = setsigmask == null ? null : Set.copyOf(new TreeSet<>(setsigmask));
        setsigdef = Set.copyOf(setsigdef);
        if (setpgroup != null && setpgroup < 0) {
            throw new IllegalArgumentException("posix_spawn setpgroup must be >= 0 (got " + setpgroup + ")");
        }
        if (setsid && setpgroup != null) {
            throw new IllegalArgumentException("posix_spawn: setsid and setpgroup are mutually exclusive");
        }
    }

    /** @return no file actions, nothing set: Python's defaults */
    public static PosixSpawnAttributes defaults() {
        return new PosixSpawnAttributes(List.of(), null, false, false, null, Set.of(), null);
    }

    /** @param actions the file actions @return a copy with them */
    public PosixSpawnAttributes withFileActions(List<FileAction> actions) {
        return new PosixSpawnAttributes(actions, setpgroup, resetids, setsid, setsigmask, setsigdef, scheduler);
    }

    /** @param pgroup 0 for a new group, else the group to join @return a copy with it */
    public PosixSpawnAttributes withSetpgroup(int pgroup) {
        return new PosixSpawnAttributes(fileActions, pgroup, resetids, setsid, setsigmask, setsigdef, scheduler);
    }

    /** @param reset whether to reset the effective ids @return a copy with it */
    public PosixSpawnAttributes withResetids(boolean reset) {
        return new PosixSpawnAttributes(fileActions, setpgroup, reset, setsid, setsigmask, setsigdef, scheduler);
    }

    /** @param newSession whether to start a new session @return a copy with it */
    public PosixSpawnAttributes withSetsid(boolean newSession) {
        return new PosixSpawnAttributes(fileActions, setpgroup, resetids, newSession, setsigmask, setsigdef, scheduler);
    }

    /** @param mask signal numbers to block @return a copy with it */
    public PosixSpawnAttributes withSetsigmask(Set<Integer> mask) {
        return new PosixSpawnAttributes(fileActions, setpgroup, resetids, setsid, java.util.Objects.requireNonNull(mask),
                setsigdef, scheduler);
    }

    /** @param def signal numbers to reset to the default disposition @return a copy with it */
    public PosixSpawnAttributes withSetsigdef(Set<Integer> def) {
        return new PosixSpawnAttributes(fileActions, setpgroup, resetids, setsid, setsigmask, def, scheduler);
    }

    /** @param policy a {@code SCHED_*} policy @param param its parameters @return a copy with it */
    public PosixSpawnAttributes withScheduler(int policy, SchedParam param) {
        return new PosixSpawnAttributes(fileActions, setpgroup, resetids, setsid, setsigmask, setsigdef,
                new Scheduler(policy, param));
    }
}
