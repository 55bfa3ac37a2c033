package io.prockit.posix.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The running OS's constant table, read from {@code LinuxConstants} or {@code DarwinConstants}:
 * shared POSIX code asks this object and holds no number itself. Immutable.
 */
public final class PosixConstants {
    private final String os;
    private final Map<String, Integer> all;

    /** SIGKILL of the running OS. */
    public final int SIGKILL;
    /** SIGSTOP of the running OS. */
    public final int SIGSTOP;
    /** SIGCONT of the running OS. */
    public final int SIGCONT;
    /** SIGTERM of the running OS. */
    public final int SIGTERM;
    /** NSIG of the running OS. */
    public final int NSIG;
    /** WNOHANG of the running OS. */
    public final int WNOHANG;
    /** WUNTRACED of the running OS. */
    public final int WUNTRACED;
    /** WCONTINUED of the running OS. */
    public final int WCONTINUED;
    /** WEXITED of the running OS. */
    public final int WEXITED;
    /** WSTOPPED of the running OS. */
    public final int WSTOPPED;
    /** WNOWAIT of the running OS. */
    public final int WNOWAIT;
    /** P_ALL of the running OS. */
    public final int P_ALL;
    /** P_PID of the running OS. */
    public final int P_PID;
    /** P_PGID of the running OS. */
    public final int P_PGID;
    /** CLD_EXITED of the running OS. */
    public final int CLD_EXITED;
    /** CLD_KILLED of the running OS. */
    public final int CLD_KILLED;
    /** CLD_DUMPED of the running OS. */
    public final int CLD_DUMPED;
    /** CLD_TRAPPED of the running OS. */
    public final int CLD_TRAPPED;
    /** CLD_STOPPED of the running OS. */
    public final int CLD_STOPPED;
    /** CLD_CONTINUED of the running OS. */
    public final int CLD_CONTINUED;
    /** POSIX_SPAWN_RESETIDS of the running OS. */
    public final int POSIX_SPAWN_RESETIDS;
    /** POSIX_SPAWN_SETPGROUP of the running OS. */
    public final int POSIX_SPAWN_SETPGROUP;
    /** POSIX_SPAWN_SETSIGDEF of the running OS. */
    public final int POSIX_SPAWN_SETSIGDEF;
    /** POSIX_SPAWN_SETSIGMASK of the running OS. */
    public final int POSIX_SPAWN_SETSIGMASK;
    /** POSIX_SPAWN_SETSID of the running OS. */
    public final int POSIX_SPAWN_SETSID;
    /** O_RDONLY of the running OS. */
    public final int O_RDONLY;
    /** O_WRONLY of the running OS. */
    public final int O_WRONLY;
    /** O_RDWR of the running OS. */
    public final int O_RDWR;
    /** O_NONBLOCK of the running OS. */
    public final int O_NONBLOCK;
    /** O_APPEND of the running OS. */
    public final int O_APPEND;
    /** O_CREAT of the running OS. */
    public final int O_CREAT;
    /** O_TRUNC of the running OS. */
    public final int O_TRUNC;
    /** O_NOCTTY of the running OS. */
    public final int O_NOCTTY;
    /** O_CLOEXEC of the running OS. */
    public final int O_CLOEXEC;
    /** F_GETFD of the running OS. */
    public final int F_GETFD;
    /** F_SETFD of the running OS. */
    public final int F_SETFD;
    /** F_GETFL of the running OS. */
    public final int F_GETFL;
    /** F_SETFL of the running OS. */
    public final int F_SETFL;
    /** FD_CLOEXEC of the running OS. */
    public final int FD_CLOEXEC;
    /** POLLIN of the running OS. */
    public final int POLLIN;
    /** POLLOUT of the running OS. */
    public final int POLLOUT;
    /** POLLERR of the running OS. */
    public final int POLLERR;
    /** POLLHUP of the running OS. */
    public final int POLLHUP;
    /** POLLNVAL of the running OS. */
    public final int POLLNVAL;
    /** EPERM of the running OS. */
    public final int EPERM;
    /** ENOENT of the running OS. */
    public final int ENOENT;
    /** ESRCH of the running OS. */
    public final int ESRCH;
    /** EINTR of the running OS. */
    public final int EINTR;
    /** EIO of the running OS. */
    public final int EIO;
    /** E2BIG of the running OS. */
    public final int E2BIG;
    /** ENOEXEC of the running OS. */
    public final int ENOEXEC;
    /** EBADF of the running OS. */
    public final int EBADF;
    /** ECHILD of the running OS. */
    public final int ECHILD;
    /** ENOMEM of the running OS. */
    public final int ENOMEM;
    /** EACCES of the running OS. */
    public final int EACCES;
    /** EFAULT of the running OS. */
    public final int EFAULT;
    /** ENOTDIR of the running OS. */
    public final int ENOTDIR;
    /** EISDIR of the running OS. */
    public final int EISDIR;
    /** EINVAL of the running OS. */
    public final int EINVAL;
    /** ENFILE of the running OS. */
    public final int ENFILE;
    /** EMFILE of the running OS. */
    public final int EMFILE;
    /** ETXTBSY of the running OS. */
    public final int ETXTBSY;
    /** EPIPE of the running OS. */
    public final int EPIPE;
    /** EAGAIN of the running OS. */
    public final int EAGAIN;
    /** ENOTSUP of the running OS. */
    public final int ENOTSUP;
    /** EOPNOTSUPP of the running OS. */
    public final int EOPNOTSUPP;
    /** ELOOP of the running OS. */
    public final int ELOOP;
    /** ENAMETOOLONG of the running OS. */
    public final int ENAMETOOLONG;
    /** ENOSYS of the running OS. */
    public final int ENOSYS;
    /** SIZEOF_posix_spawnattr_t of the running OS. */
    public final int SIZEOF_posix_spawnattr_t;
    /** SIZEOF_posix_spawn_file_actions_t of the running OS. */
    public final int SIZEOF_posix_spawn_file_actions_t;
    /** SIZEOF_sigset_t of the running OS. */
    public final int SIZEOF_sigset_t;
    /** SIZEOF_siginfo_t of the running OS. */
    public final int SIZEOF_siginfo_t;
    /** OFFSETOF_siginfo_si_code of the running OS. */
    public final int OFFSETOF_siginfo_si_code;
    /** OFFSETOF_siginfo_si_pid of the running OS. */
    public final int OFFSETOF_siginfo_si_pid;
    /** OFFSETOF_siginfo_si_uid of the running OS. */
    public final int OFFSETOF_siginfo_si_uid;
    /** OFFSETOF_siginfo_si_status of the running OS. */
    public final int OFFSETOF_siginfo_si_status;
    /** SIZEOF_rusage of the running OS. */
    public final int SIZEOF_rusage;

    /**
     * Reads a platform's table; only the platform's own package calls it ({@code LinuxPlatform},
     * {@code DarwinPlatform}), so shared code never names a platform.
     *
     * @param os    the OS name for messages
     * @param table the class whose {@code public static final int} fields are the table
     */
    public PosixConstants(String os, Class<?> table) {
        this.os = os;
        this.all = Collections.unmodifiableMap(read(table));
        SIGKILL = required("SIGKILL");
        SIGSTOP = required("SIGSTOP");
        SIGCONT = required("SIGCONT");
        SIGTERM = required("SIGTERM");
        NSIG = required("NSIG");
        WNOHANG = required("WNOHANG");
        WUNTRACED = required("WUNTRACED");
        WCONTINUED = required("WCONTINUED");
        WEXITED = required("WEXITED");
        WSTOPPED = required("WSTOPPED");
        WNOWAIT = required("WNOWAIT");
        P_ALL = required("P_ALL");
        P_PID = required("P_PID");
        P_PGID = required("P_PGID");
        CLD_EXITED = required("CLD_EXITED");
        CLD_KILLED = required("CLD_KILLED");
        CLD_DUMPED = required("CLD_DUMPED");
        CLD_TRAPPED = required("CLD_TRAPPED");
        CLD_STOPPED = required("CLD_STOPPED");
        CLD_CONTINUED = required("CLD_CONTINUED");
        POSIX_SPAWN_RESETIDS = required("POSIX_SPAWN_RESETIDS");
        POSIX_SPAWN_SETPGROUP = required("POSIX_SPAWN_SETPGROUP");
        POSIX_SPAWN_SETSIGDEF = required("POSIX_SPAWN_SETSIGDEF");
        POSIX_SPAWN_SETSIGMASK = required("POSIX_SPAWN_SETSIGMASK");
        POSIX_SPAWN_SETSID = required("POSIX_SPAWN_SETSID");
        O_RDONLY = required("O_RDONLY");
        O_WRONLY = required("O_WRONLY");
        O_RDWR = required("O_RDWR");
        O_NONBLOCK = required("O_NONBLOCK");
        O_APPEND = required("O_APPEND");
        O_CREAT = required("O_CREAT");
        O_TRUNC = required("O_TRUNC");
        O_NOCTTY = required("O_NOCTTY");
        O_CLOEXEC = required("O_CLOEXEC");
        F_GETFD = required("F_GETFD");
        F_SETFD = required("F_SETFD");
        F_GETFL = required("F_GETFL");
        F_SETFL = required("F_SETFL");
        FD_CLOEXEC = required("FD_CLOEXEC");
        POLLIN = required("POLLIN");
        POLLOUT = required("POLLOUT");
        POLLERR = required("POLLERR");
        POLLHUP = required("POLLHUP");
        POLLNVAL = required("POLLNVAL");
        EPERM = required("EPERM");
        ENOENT = required("ENOENT");
        ESRCH = required("ESRCH");
        EINTR = required("EINTR");
        EIO = required("EIO");
        E2BIG = required("E2BIG");
        ENOEXEC = required("ENOEXEC");
        EBADF = required("EBADF");
        ECHILD = required("ECHILD");
        ENOMEM = required("ENOMEM");
        EACCES = required("EACCES");
        EFAULT = required("EFAULT");
        ENOTDIR = required("ENOTDIR");
        EISDIR = required("EISDIR");
        EINVAL = required("EINVAL");
        ENFILE = required("ENFILE");
        EMFILE = required("EMFILE");
        ETXTBSY = required("ETXTBSY");
        EPIPE = required("EPIPE");
        EAGAIN = required("EAGAIN");
        ENOTSUP = required("ENOTSUP");
        EOPNOTSUPP = required("EOPNOTSUPP");
        ELOOP = required("ELOOP");
        ENAMETOOLONG = required("ENAMETOOLONG");
        ENOSYS = required("ENOSYS");
        SIZEOF_posix_spawnattr_t = required("SIZEOF_posix_spawnattr_t");
        SIZEOF_posix_spawn_file_actions_t = required("SIZEOF_posix_spawn_file_actions_t");
        SIZEOF_sigset_t = required("SIZEOF_sigset_t");
        SIZEOF_siginfo_t = required("SIZEOF_siginfo_t");
        OFFSETOF_siginfo_si_code = required("OFFSETOF_siginfo_si_code");
        OFFSETOF_siginfo_si_pid = required("OFFSETOF_siginfo_si_pid");
        OFFSETOF_siginfo_si_uid = required("OFFSETOF_siginfo_si_uid");
        OFFSETOF_siginfo_si_status = required("OFFSETOF_siginfo_si_status");
        SIZEOF_rusage = required("SIZEOF_rusage");
    }

    /**
     * Reads every {@code public static final int} of a table class.
     *
     * @param table the class
     * @return name to value, sorted by name
     */
    public static Map<String, Integer> read(Class<?> table) {
        Map<String, Integer> m = new TreeMap<>();
        for (Field f : table.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && f.getType() == int.class) {
                try {
                    m.put(f.getName(), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }

    private int required(String name) {
        Integer v = all.get(name);
        if (v == null) {
            throw new IllegalStateException("constant table for " + os + " lacks " + name);
        }
        return v;
    }

    /** @return the OS this table describes, {@code "Linux"} or {@code "macOS"} */
    public String os() {
        return os;
    }

    /** @return every constant of the table */
    public Map<String, Integer> all() {
        return all;
    }

    /**
     * @param name a constant's name
     * @return its value, empty when this OS does not define it
     */
    public OptionalInt optional(String name) {
        Integer v = all.get(name);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }
}
