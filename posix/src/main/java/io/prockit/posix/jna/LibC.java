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
    /**
     * System property: {@code true} keeps JNA's own library-directory scan ({@code /sbin/ldconfig -p}) instead
     * of the directory list prockit gives JNA on Linux (see {@link #load()}).
     */
    public static final String LDCONFIG_PROPERTY = "prockit.jna.ldconfig";

    /** The C library: {@code libc.so.6} on Linux, {@code libSystem} on macOS. */
    public static final NativeLibrary LIBRARY = load();

    static {
        Native.register(LibC.class, LIBRARY);
    }

    private LibC() {
    }

    /**
     * Loads the C library. On Linux, JNA's {@code NativeLibrary} initialiser starts {@code /sbin/ldconfig -p}
     * (a child process: 15-20 ms of a cold JVM's first spawn) to collect library directories, unless
     * {@code jna.platform.library.path} is set. When nobody set that property (JNA sets it itself once
     * initialised, so an absent property means its scan has not run), it is set to the same directories
     * found without a process ({@link LibraryPath}: JNA's own list, then those of {@code /etc/ld.so.conf}).
     * {@code -Dprockit.jna.ldconfig=true} keeps JNA's scan.
     *
     * @return the C library
     */
    private static NativeLibrary load() {
        if (Platform.isLinux() && System.getProperty("jna.platform.library.path") == null
                && !Boolean.getBoolean(LDCONFIG_PROPERTY)) {
            String path = LibraryPath.linux();
            if (!path.isEmpty()) {
                System.setProperty("jna.platform.library.path", path);
            }
        }
        return NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    }

    /** @return the variadic functions, loaded after {@link #LIBRARY} so JNA's initialisation goes through {@link #load()} */
    static LibCVarargs loadVarargs() {
        return Native.load(Platform.C_LIBRARY_NAME, LibCVarargs.class);
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

    // posix_spawnattr_setschedpolicy/-param are in OptionalLibC: macOS's libSystem has neither (spawn.h keeps
    // them under "#if 0 ... not supported"), and one missing symbol fails the whole Native.register.

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

    /** dup2(2). @param oldfd descriptor @param newfd target number @return newfd */
    public static native int dup2(int oldfd, int newfd) throws LastErrorException;

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

    // ---- os parity (issue 3): present in glibc and in macOS libSystem --------------------------------
    // Calls whose -1 can be a valid result, or that may leave errno set on success (getpriority, nice,
    // sysconf, isatty), do not declare LastErrorException: callers clear errno with Native.setLastError(0)
    // and read Native.getLastError() after the call.

    /** execve(2): https://man7.org/linux/man-pages/man2/execve.2.html @param path program @param argv argv @param envp envp @return only on failure */
    public static native int execve(Pointer path, Pointer argv, Pointer envp) throws LastErrorException;

    /** _exit(2). @param status exit status */
    public static native void _exit(int status);

    /** abort(3). */
    public static native void abort();

    /** getuid(2). @return real user id */
    public static native int getuid();

    /** geteuid(2). @return effective user id */
    public static native int geteuid();

    /** getgid(2). @return real group id */
    public static native int getgid();

    /** getegid(2). @return effective group id */
    public static native int getegid();

    /** getgroups(2). @param size room in {@code list} (0 asks for the count) @param list receives ids @return the count */
    public static native int getgroups(int size, int[] list) throws LastErrorException;

    /**
     * getgrouplist(3).
     *
     * @param user    user name
     * @param group   a group always included
     * @param groups  receives ids
     * @param ngroups in: room; out: the count
     * @return the count, or -1 when {@code groups} was too small (errno is not set)
     */
    public static native int getgrouplist(String user, int group, int[] groups, int[] ngroups);

    /** getlogin_r(3). @param buf buffer @param size its size @return 0 or an error number */
    public static native int getlogin_r(Pointer buf, long size);

    /** setuid(2). @param uid id @return 0 */
    public static native int setuid(int uid) throws LastErrorException;

    /** seteuid(2). @param uid id @return 0 */
    public static native int seteuid(int uid) throws LastErrorException;

    /** setgid(2). @param gid id @return 0 */
    public static native int setgid(int gid) throws LastErrorException;

    /** setegid(2). @param gid id @return 0 */
    public static native int setegid(int gid) throws LastErrorException;

    /** setreuid(2). @param ruid real @param euid effective @return 0 */
    public static native int setreuid(int ruid, int euid) throws LastErrorException;

    /** setregid(2). @param rgid real @param egid effective @return 0 */
    public static native int setregid(int rgid, int egid) throws LastErrorException;

    /**
     * initgroups(3). Not mapped with {@code throws LastErrorException}: it reads the group database through
     * NSS / the directory service, which may leave errno set when it succeeds (JNA would then throw);
     * check the return value and read {@code Native.getLastError()} only when it is -1.
     *
     * @param user user name @param group group @return 0, or -1 with errno set
     */
    public static native int initgroups(String user, int group);

    /** getpgid(2). @param pid process @return its group */
    public static native int getpgid(int pid) throws LastErrorException;

    /** setpgid(2). @param pid process @param pgid group @return 0 */
    public static native int setpgid(int pid, int pgid) throws LastErrorException;

    /** getsid(2). @param pid process @return its session */
    public static native int getsid(int pid) throws LastErrorException;

    /** setsid(2). @return the new session id */
    public static native int setsid() throws LastErrorException;

    /** tcgetpgrp(3). @param fd terminal @return foreground group */
    public static native int tcgetpgrp(int fd) throws LastErrorException;

    /** tcsetpgrp(3). @param fd terminal @param pgrp group @return 0 */
    public static native int tcsetpgrp(int fd, int pgrp) throws LastErrorException;

    /** ctermid(3). @param buf L_ctermid bytes, or null @return the path */
    public static native String ctermid(Pointer buf);

    /** setenv(3). @param name name @param value value @param overwrite nonzero to replace @return 0 */
    public static native int setenv(String name, String value, int overwrite) throws LastErrorException;

    /** unsetenv(3). @param name name @return 0 */
    public static native int unsetenv(String name) throws LastErrorException;

    /** getcwd(3). @param buf buffer @param size its size @return buf */
    public static native Pointer getcwd(Pointer buf, long size) throws LastErrorException;

    /** chdir(2). @param path directory @return 0 */
    public static native int chdir(String path) throws LastErrorException;

    /** getpriority(2). @param which {@code PRIO_*} @param who id @return the niceness (-1 is valid: check errno) */
    public static native int getpriority(int which, int who);

    /** setpriority(2). @param which {@code PRIO_*} @param who id @param prio niceness @return 0 */
    public static native int setpriority(int which, int who, int prio) throws LastErrorException;

    /** umask(2). @param mask new mask @return previous mask */
    public static native int umask(int mask);

    /** uname(2). @param buf a {@code struct utsname} @return 0 */
    public static native int uname(Pointer buf) throws LastErrorException;

    /** times(2). @param buf a {@code struct tms} (4 clock_t) @return elapsed ticks */
    public static native long times(Pointer buf) throws LastErrorException;

    /** sysconf(3). @param name {@code _SC_*} @return value; -1 with errno unchanged when indeterminate */
    public static native long sysconf(int name);

    /** confstr(3). @param name {@code _CS_*} @param buf buffer or null @param len its size @return needed size incl. NUL, 0 on error */
    public static native long confstr(int name, Pointer buf, long len);

    /** getloadavg(3). @param loadavg receives up to 3 values @param nelem how many @return how many were stored, -1 on error */
    public static native int getloadavg(double[] loadavg, int nelem);

    /** sched_get_priority_min(2). @param policy policy @return the minimum */
    public static native int sched_get_priority_min(int policy) throws LastErrorException;

    /** sched_get_priority_max(2). @param policy policy @return the maximum */
    public static native int sched_get_priority_max(int policy) throws LastErrorException;

    /** sched_yield(2). @return 0 */
    public static native int sched_yield();

    /** isatty(3). @param fd descriptor @return 1 for a terminal */
    public static native int isatty(int fd);

    /** posix_openpt(3). @param flags {@code O_RDWR | O_NOCTTY | ...} @return the master */
    public static native int posix_openpt(int flags) throws LastErrorException;

    /** grantpt(3). @param fd master @return 0 */
    public static native int grantpt(int fd) throws LastErrorException;

    /** unlockpt(3). @param fd master @return 0 */
    public static native int unlockpt(int fd) throws LastErrorException;

    /**
     * ptsname(3), not reentrant: callers hold a lock. Used where {@code ptsname_r} is missing (macOS before 10.13.4;
     * see {@link OptionalLibC.PtsnameR}).
     *
     * @param fd master
     * @return the slave's name in a static buffer, or null with errno set
     */
    public static native Pointer ptsname(int fd);

    /** pthread_sigmask(3). @param how {@code SIG_SETMASK}, ... @param set new mask or null @param old receives the old mask or null @return 0 or an error number */
    public static native int pthread_sigmask(int how, Pointer set, Pointer old);
}
