package io.prockit.posix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * libc functions present on every POSIX system prockit supports (glibc Linux, macOS), mapped
 * directly ({@link Native#register}) because they sit on the spawn, wait and read paths where
 * interface-mapping overhead shows. Functions that set {@code errno} declare
 * {@link LastErrorException}, so errno is read right after the call by JNA itself; the
 * {@code posix_spawn*} family returns its error number instead.
 *
 * <p>Variadic functions ({@code open}, {@code fcntl}, {@code ioctl}) are in {@link LibCVarargs}:
 * calling them through a fixed prototype breaks on Apple silicon, where variadic arguments go on
 * the stack.
 */
public final class LibC {
    /** The C library: {@code libc.so.6} on Linux, {@code libSystem} on macOS. */
    public static final NativeLibrary LIBRARY = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);

    static {
        Native.register(LibC.class, LIBRARY);
    }

    private LibC() {
    }

    // ---- posix_spawn(3): https://man7.org/linux/man-pages/man3/posix_spawn.3.html -------------------

    /**
     * @param pid          receives the child's pid (int[1])
     * @param path         NUL-terminated program path
     * @param fileActions  an initialised {@code posix_spawn_file_actions_t}, or null
     * @param attr         an initialised {@code posix_spawnattr_t}, or null
     * @param argv         NULL-terminated array of NUL-terminated strings
     * @param envp         NULL-terminated array of {@code NAME=value} strings
     * @return 0, or an error number (errno is not set)
     */
    public static native int posix_spawn(int[] pid, Pointer path, Pointer fileActions, Pointer attr, Pointer argv,
                                         Pointer envp);

    /** @param attr storage of {@code sizeof(posix_spawnattr_t)} @return 0 or an error number */
    public static native int posix_spawnattr_init(Pointer attr);

    /** @param attr an initialised attribute object @return 0 or an error number */
    public static native int posix_spawnattr_destroy(Pointer attr);

    /** @param attr attributes @param flags {@code POSIX_SPAWN_*} @return 0 or an error number */
    public static native int posix_spawnattr_setflags(Pointer attr, short flags);

    /** @param attr attributes @param sigset a {@code sigset_t} @return 0 or an error number */
    public static native int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

    /** @param attr attributes @param sigset a {@code sigset_t} @return 0 or an error number */
    public static native int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

    /** @param attr attributes @param pgroup 0 for a new group, else the group to join @return 0 or an error number */
    public static native int posix_spawnattr_setpgroup(Pointer attr, int pgroup);

    /** @param attr attributes @param policy a {@code SCHED_*} policy @return 0 or an error number */
    public static native int posix_spawnattr_setschedpolicy(Pointer attr, int policy);

    /** @param attr attributes @param param a {@code struct sched_param} @return 0 or an error number */
    public static native int posix_spawnattr_setschedparam(Pointer attr, Pointer param);

    /** @param fa storage of {@code sizeof(posix_spawn_file_actions_t)} @return 0 or an error number */
    public static native int posix_spawn_file_actions_init(Pointer fa);

    /** @param fa file actions @return 0 or an error number */
    public static native int posix_spawn_file_actions_destroy(Pointer fa);

    /** @param fa file actions @param fd source @param newfd target @return 0 or an error number */
    public static native int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

    /** @param fa file actions @param fd descriptor to close @return 0 or an error number */
    public static native int posix_spawn_file_actions_addclose(Pointer fa, int fd);

    /**
     * @param fa    file actions
     * @param fd    target descriptor
     * @param path  NUL-terminated path (copied by glibc &gt;= 2.29; kept alive by the caller until the spawn)
     * @param oflag {@code O_*} flags
     * @param mode  creation mode
     * @return 0 or an error number
     */
    public static native int posix_spawn_file_actions_addopen(Pointer fa, int fd, Pointer path, int oflag, int mode);

    // ---- descriptors -------------------------------------------------------------------------------

    /** close(2). @param fd descriptor @return 0 */
    public static native int close(int fd) throws LastErrorException;

    /** pipe(2). @param fds receives read and write ends @return 0 */
    public static native int pipe(int[] fds) throws LastErrorException;

    /** read(2). @param fd descriptor @param buf buffer @param count bytes @return bytes read, 0 at end of file */
    public static native long read(int fd, Pointer buf, long count) throws LastErrorException;

    /** write(2). @param fd descriptor @param buf buffer @param count bytes @return bytes written */
    public static native long write(int fd, Pointer buf, long count) throws LastErrorException;

    // ---- processes and signals -----------------------------------------------------------------------

    /** getpid(2). @return the caller's pid */
    public static native int getpid();

    /** getppid(2). @return the parent's pid */
    public static native int getppid();

    /** getpgrp(2). @return the caller's process group */
    public static native int getpgrp();

    /** kill(2). @param pid process (or group when negative) @param sig signal @return 0 */
    public static native int kill(int pid, int sig) throws LastErrorException;

    /** killpg(3). @param pgrp group @param sig signal @return 0 */
    public static native int killpg(int pgrp, int sig) throws LastErrorException;

    /**
     * wait4(2).
     *
     * @param pid     as waitpid
     * @param status  receives the raw status (int[1])
     * @param options {@code WNOHANG}, ...
     * @param rusage  receives a {@code struct rusage}, or null
     * @return the pid, or 0 under WNOHANG
     */
    public static native int wait4(int pid, int[] status, int options, Pointer rusage) throws LastErrorException;

    /**
     * waitid(2).
     *
     * @param idtype  {@code P_PID}, {@code P_PGID}, {@code P_ALL}, {@code P_PIDFD}
     * @param id      the id
     * @param info    receives a {@code siginfo_t}
     * @param options {@code WEXITED}, {@code WNOWAIT}, ...
     * @return 0
     */
    public static native int waitid(int idtype, int id, Pointer info, int options) throws LastErrorException;

    /** strerror(3). @param errnum an error number @return its description */
    public static native String strerror(int errnum);

    /** getenv(3) on the live environment. @param name the name @return the value or null */
    public static native String getenv(String name);
}
