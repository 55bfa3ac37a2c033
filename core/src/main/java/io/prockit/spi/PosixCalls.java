package io.prockit.spi;

import io.prockit.PosixSpawnAttributes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The capability of a POSIX backend ({@link ProcessBackend#posix()}): the functions Python's {@code os}
 * documents as "Availability: Unix", grouped by subject in the interfaces it extends, plus the
 * Linux-only groups as optional capabilities of their own.
 *
 * <ul>
 *   <li>{@link IdCalls}: user and group ids, supplementary groups;</li>
 *   <li>{@link GroupCalls}: process groups, sessions, {@code killpg}, terminals and pseudo-terminals;</li>
 *   <li>{@link PriorityCalls}: niceness, priority, the scheduler's priority range, {@code sched_yield};</li>
 *   <li>{@link WaitCalls}: {@code wait4} and {@code waitid};</li>
 *   <li>{@link SystemInfoCalls}: {@code uname}, load average, {@code sysconf}, {@code confstr};</li>
 *   <li>here: {@code posix_spawn}, {@code close}, {@code isatty};</li>
 *   <li>{@link #savedIds()}, {@link #scheduler()}, {@link #pidfd()}: what Linux has and macOS lacks
 *       ({@code getresuid}, {@code sched_setscheduler} and affinity, {@code pidfd_open}).</li>
 * </ul>
 */
public interface PosixCalls extends IdCalls, GroupCalls, PriorityCalls, WaitCalls, SystemInfoCalls {

    /**
     * Python's {@code os.posix_spawn} / {@code os.posix_spawnp}; the child is registered with the reaper.
     *
     * @param path       program path, or a name to search when {@code searchPath}
     * @param argv       argument vector
     * @param env        the child's whole environment
     * @param attributes the keyword arguments
     * @param searchPath whether to search PATH ({@code posix_spawnp})
     * @return the child's pid
     */
    int posixSpawn(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes attributes,
                   boolean searchPath);

    /** @param fd a descriptor to close (a pidfd from {@link PidfdCalls#pidfdOpen} included) */
    void close(int fd);

    /**
     * @param fd a descriptor
     * @return whether it is a terminal
     */
    boolean isatty(int fd);

    /** @return {@code getresuid}/{@code setresuid} and the group forms, where the C library has them (Linux) */
    Optional<SavedIdCalls> savedIds();

    /** @return the scheduling policy, parameters and CPU affinity of a process, where the kernel offers them (Linux) */
    Optional<SchedulerCalls> scheduler();

    /** @return {@code pidfd_open}, where the kernel has pidfds (Linux) */
    Optional<PidfdCalls> pidfd();
}
