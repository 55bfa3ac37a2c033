package io.prockit.posix.platform;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.prockit.spi.SavedIdCalls;
import io.prockit.spi.SchedulerCalls;

import java.util.Optional;

/**
 * What differs between Linux and macOS, handed by the composition root ({@code PosixBackend}) to the
 * shared packages ({@code spawn}, {@code process}, {@code os}), so they never branch on the OS or name a
 * platform class or mapping themselves: the constant table and status codec, the calls only one C library
 * has (or has with another signature), the spawn quirks, the output loop's poller and pidfds. Implemented by
 * {@code io.prockit.posix.linux.LinuxPlatform} and {@code io.prockit.posix.darwin.DarwinPlatform}; the root
 * picks one and hands it out (the reaper and the process table it picks beside it).
 *
 * <p>Every method is cheap to call on a hot path (a spawn, a wait, a read): no lookup and no allocation beyond
 * the system call itself. Creating a platform loads no native code; a method that needs it loads it on first
 * use.
 */
public interface PosixPlatform {
    /** @return the OS name for messages and logs ({@code Linux}, {@code macOS}) */
    String name();

    /** @return the running OS's constant table */
    PosixConstants constants();

    /** @return the running OS's wait-status layout */
    PosixStatusCodec statusCodec();

    /** @return whether {@code ru_maxrss} counts kibibytes (Linux) rather than bytes (macOS) */
    boolean maxrssInKibibytes();

    // ---- descriptors -------------------------------------------------------------------------------------

    /**
     * A close-on-exec pipe: {@code pipe2(O_CLOEXEC)} on Linux; on macOS, which has no {@code pipe2},
     * {@code pipe} and then {@code FD_CLOEXEC} on each end ({@code POSIX_SPAWN_CLOEXEC_DEFAULT} keeps a
     * concurrent spawn from inheriting them meanwhile).
     *
     * @param fds receives the read and the write end
     * @throws LastErrorException on failure
     */
    void cloexecPipe(int[] fds);

    /** @return the call {@link #cloexecPipe} makes, for error messages ({@code pipe2} or {@code pipe}) */
    String cloexecPipeCall();

    /** @return whether {@link #pipe2} exists (Linux) */
    boolean hasPipe2();

    /**
     * {@code pipe2(2)}.
     *
     * @throws LastErrorException on failure
     * @throws UnsupportedOperationException where {@link #hasPipe2()} is false
     */
    void pipe2(int[] fds, int flags);

    /**
     * {@code poll(2)} ({@code nfds_t} differs between the C libraries).
     *
     * @return the ready count
     * @throws LastErrorException on failure (EINTR included)
     */
    int poll(Pointer fds, int nfds, int timeoutMs);

    /**
     * @return a new readiness poller better than {@code poll(2)} for the output loop (Linux: epoll), or null
     *         to use {@code poll(2)}
     * @throws LastErrorException if creating it fails
     */
    Poller newPoller();

    // ---- the environment ---------------------------------------------------------------------------------

    /** @return libc's {@code environ} now (the {@code char **}); only read under {@code LiveEnvironment}'s lock */
    Pointer environ();

    // ---- spawn quirks ------------------------------------------------------------------------------------

    /**
     * @return whether {@code posix_spawn} follows macOS's rules: file actions before {@code setsid}, no
     *         {@code addclosefrom_np} but {@code POSIX_SPAWN_CLOEXEC_DEFAULT} and {@code addinherit_np} (the
     *         spawner calls those itself: only it calls {@code posix_spawn*})
     */
    boolean darwinSpawn();

    /** @return whether {@code posix_spawn_file_actions_addclosefrom_np} exists (glibc 2.34+) */
    boolean hasAddclosefrom();

    // ---- process-wide calls ------------------------------------------------------------------------------

    /**
     * The groups from a call beyond POSIX's {@code getgroups} (macOS's {@code getgroups$DARWIN_EXTSN}, which
     * is not limited to 16), where this platform has one.
     *
     * @return the groups, or null to use the portable call
     */
    int[] extendedGroups();

    /**
     * {@code setgroups(2)} ({@code size_t} count on glibc, {@code int} on macOS).
     *
     * @throws LastErrorException on failure
     */
    void setgroups(int count, int[] groups);

    /** @return {@code getresuid} and friends: glibc has them, macOS's libc does not */
    Optional<SavedIdCalls> savedIds();

    /** @return policy, parameters and affinity of a process: Linux has them, macOS has no such calls */
    Optional<SchedulerCalls> scheduler();

    // ---- pidfds (Linux) ----------------------------------------------------------------------------------

    /** @return whether pidfds work here (Linux 5.3+, not forbidden by a sandbox); probed once, on first use */
    boolean pidfds();

    /**
     * {@code pidfd_open}.
     *
     * @return a pidfd (close-on-exec)
     * @throws LastErrorException on failure
     * @throws UnsupportedOperationException where {@link #pidfds()} is false by design (macOS)
     */
    int openPidfd(int pid, int flags);

    /**
     * Sends a signal through a pidfd; only called with a pidfd this platform opened.
     *
     * @param pidfd the child's pidfd
     * @param signo the signal number
     * @throws LastErrorException on failure (ESRCH once the child has exited)
     * @throws UnsupportedOperationException on a platform without pidfds (it never hands one out)
     */
    void signalPidfd(int pidfd, int signo);

    /** @return whether {@link #signalGroupPidfd} works ({@code PIDFD_SIGNAL_PROCESS_GROUP}, Linux 6.9+) */
    boolean groupSignals();

    /**
     * Signals the process group whose id is the pidfd's own {@code struct pid}
     * ({@code PIDFD_SIGNAL_PROCESS_GROUP}).
     *
     * @param signo a signal, or 0 to test for members
     * @throws LastErrorException on failure (ESRCH: the group is empty)
     */
    void signalGroupPidfd(int pidfd, int signo);
}
