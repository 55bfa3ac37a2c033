package io.prockit.posix.linux;

/**
 * Linux (glibc 2.36, x86_64) values of the system constants prockit uses, each citing its header.
 * Checked value by value against a C program compiled with gcc ({@code LinuxConstantsTest}).
 * Shared code never holds these numbers: it reads them through {@link io.prockit.posix.platform.PosixConstants}.
 */
public final class LinuxConstants {
    private LinuxConstants() {
    }

    /** /usr/include/signal.h:184 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int NSIG = 65;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:56 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGHUP = 1;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:48 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGINT = 2;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:57 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGQUIT = 3;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:49 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGILL = 4;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:58 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGTRAP = 5;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:50 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGABRT = 6;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:51 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGFPE = 8;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:59 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGKILL = 9;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:33 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGBUS = 7;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:52 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGSEGV = 11;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:34 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGSYS = 31;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:60 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGPIPE = 13;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:61 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGALRM = 14;
    /** /usr/include/x86_64-linux-gnu/bits/signum-generic.h:53 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGTERM = 15;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:37 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGURG = 23;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:38 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGSTOP = 19;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:39 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGTSTP = 20;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:40 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGCONT = 18;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:41 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGCHLD = 17;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:42 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGTTIN = 21;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:43 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGTTOU = 22;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:57 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGIO = 29;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:46 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGXCPU = 24;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:45 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGXFSZ = 25;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:47 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGVTALRM = 26;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:48 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGPROF = 27;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:54 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGWINCH = 28;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:49 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGUSR1 = 10;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h:50 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIGUSR2 = 12;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:79 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIG_BLOCK = 0;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:80 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIG_UNBLOCK = 1;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:81 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SIG_SETMASK = 2;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:61 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_ONSTACK = 0x8000000;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:64 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_RESTART = 0x10000000;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:67 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_RESETHAND = (int) 0x80000000L;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:56 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_NOCLDSTOP = 1;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:65 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_NODEFER = 0x40000000;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:57 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_NOCLDWAIT = 2;
    /** /usr/include/x86_64-linux-gnu/bits/sigaction.h:58 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SA_SIGINFO = 4;
    /** /usr/include/x86_64-linux-gnu/bits/siginfo-consts.h:179 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int CLD_EXITED = 1;
    /** /usr/include/x86_64-linux-gnu/bits/siginfo-consts.h:181 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int CLD_KILLED = 2;
    /** /usr/include/x86_64-linux-gnu/bits/siginfo-consts.h:183 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int CLD_DUMPED = 3;
    /** /usr/include/x86_64-linux-gnu/bits/siginfo-consts.h:185 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int CLD_TRAPPED = 4;
    /** /usr/include/x86_64-linux-gnu/bits/siginfo-consts.h:187 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int CLD_STOPPED = 5;
    /** /usr/include/x86_64-linux-gnu/bits/siginfo-consts.h:189 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int CLD_CONTINUED = 6;
    /** /usr/include/x86_64-linux-gnu/bits/waitflags.h:25 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WNOHANG = 1;
    /** /usr/include/x86_64-linux-gnu/bits/waitflags.h:26 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WUNTRACED = 2;
    /** /usr/include/x86_64-linux-gnu/sys/wait.h:66 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WCOREFLAG = 128;
    /** /usr/include/x86_64-linux-gnu/bits/waitflags.h:31 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WEXITED = 4;
    /** /usr/include/x86_64-linux-gnu/bits/waitflags.h:30 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WSTOPPED = 2;
    /** /usr/include/x86_64-linux-gnu/bits/waitflags.h:32 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WCONTINUED = 8;
    /** /usr/include/x86_64-linux-gnu/bits/waitflags.h:33 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WNOWAIT = 0x1000000;
    /** /usr/include/x86_64-linux-gnu/sys/wait.h:87 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WAIT_ANY = -1;
    /** /usr/include/x86_64-linux-gnu/sys/wait.h:88 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int WAIT_MYPGRP = 0;
    /** enum idtype_t (sys/wait.h / bits/types/idtype_t.h) @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int P_ALL = 0;
    /** enum idtype_t (sys/wait.h / bits/types/idtype_t.h) @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int P_PID = 1;
    /** enum idtype_t (sys/wait.h / bits/types/idtype_t.h) @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int P_PGID = 2;
    /** /usr/include/spawn.h:53 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int POSIX_SPAWN_RESETIDS = 1;
    /** /usr/include/spawn.h:54 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int POSIX_SPAWN_SETPGROUP = 2;
    /** /usr/include/spawn.h:55 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int POSIX_SPAWN_SETSIGDEF = 4;
    /** /usr/include/spawn.h:56 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int POSIX_SPAWN_SETSIGMASK = 8;
    /** /usr/include/spawn.h:61 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int POSIX_SPAWN_SETSID = 128;
    /** /usr/include/asm-generic/errno-base.h:5 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EPERM = 1;
    /** /usr/include/asm-generic/errno-base.h:6 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOENT = 2;
    /** /usr/include/asm-generic/errno-base.h:7 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ESRCH = 3;
    /** /usr/include/asm-generic/errno-base.h:8 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EINTR = 4;
    /** /usr/include/asm-generic/errno-base.h:9 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EIO = 5;
    /** /usr/include/asm-generic/errno-base.h:10 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENXIO = 6;
    /** /usr/include/asm-generic/errno-base.h:11 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int E2BIG = 7;
    /** /usr/include/asm-generic/errno-base.h:12 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOEXEC = 8;
    /** /usr/include/asm-generic/errno-base.h:13 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EBADF = 9;
    /** /usr/include/asm-generic/errno-base.h:14 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ECHILD = 10;
    /** /usr/include/asm-generic/errno.h:7 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EDEADLK = 35;
    /** /usr/include/asm-generic/errno-base.h:16 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOMEM = 12;
    /** /usr/include/asm-generic/errno-base.h:17 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EACCES = 13;
    /** /usr/include/asm-generic/errno-base.h:18 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EFAULT = 14;
    /** /usr/include/asm-generic/errno-base.h:20 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EBUSY = 16;
    /** /usr/include/asm-generic/errno-base.h:21 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EEXIST = 17;
    /** /usr/include/asm-generic/errno-base.h:24 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOTDIR = 20;
    /** /usr/include/asm-generic/errno-base.h:25 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EISDIR = 21;
    /** /usr/include/asm-generic/errno-base.h:26 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EINVAL = 22;
    /** /usr/include/asm-generic/errno-base.h:27 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENFILE = 23;
    /** /usr/include/asm-generic/errno-base.h:28 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EMFILE = 24;
    /** /usr/include/asm-generic/errno-base.h:29 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOTTY = 25;
    /** /usr/include/asm-generic/errno-base.h:30 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ETXTBSY = 26;
    /** /usr/include/asm-generic/errno-base.h:36 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EPIPE = 32;
    /** /usr/include/asm-generic/errno-base.h:38 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ERANGE = 34;
    /** /usr/include/asm-generic/errno-base.h:15 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EAGAIN = 11;
    /** /usr/include/asm-generic/errno.h:22 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EWOULDBLOCK = 11;
    /** /usr/include/asm-generic/errno.h:98 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EINPROGRESS = 115;
    /** /usr/include/x86_64-linux-gnu/bits/errno.h:30 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOTSUP = 95;
    /** /usr/include/asm-generic/errno.h:93 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ETIMEDOUT = 110;
    /** /usr/include/asm-generic/errno.h:21 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ELOOP = 40;
    /** /usr/include/asm-generic/errno.h:8 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENAMETOOLONG = 36;
    /** /usr/include/asm-generic/errno.h:18 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int ENOSYS = 38;
    /** /usr/include/asm-generic/errno.h:78 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int EOPNOTSUPP = 95;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:190 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int PRIO_PROCESS = 0;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:192 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int PRIO_PGRP = 1;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:194 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int PRIO_USER = 2;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:182 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int PRIO_MIN = -20;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:183 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int PRIO_MAX = 20;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:162 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int RUSAGE_SELF = 0;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:166 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int RUSAGE_CHILDREN = -1;
    /** /usr/include/x86_64-linux-gnu/bits/resource.h:63 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int RLIMIT_NOFILE = 7;
    /** /usr/include/x86_64-linux-gnu/bits/sched.h:28 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SCHED_OTHER = 0;
    /** /usr/include/x86_64-linux-gnu/bits/sched.h:29 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SCHED_FIFO = 1;
    /** /usr/include/x86_64-linux-gnu/bits/sched.h:30 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int SCHED_RR = 2;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:43 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_RDONLY = 0;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:44 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_WRONLY = 1;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:45 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_RDWR = 2;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:62 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_NONBLOCK = 0x800;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:59 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_APPEND = 0x400;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:143 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_NOFOLLOW = 0x20000;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:47 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_CREAT = 64;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:56 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_TRUNC = 0x200;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:50 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_EXCL = 128;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:53 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_NOCTTY = 0x100;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:142 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_DIRECTORY = 0x10000;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:144 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int O_CLOEXEC = 0x80000;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:167 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int F_DUPFD = 0;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:168 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int F_GETFD = 1;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:169 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int F_SETFD = 2;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:170 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int F_GETFL = 3;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:171 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int F_SETFL = 4;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:214 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int F_DUPFD_CLOEXEC = 0x406;
    /** /usr/include/x86_64-linux-gnu/bits/fcntl-linux.h:219 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int FD_CLOEXEC = 1;
    /** /usr/include/asm-generic/ioctls.h:33 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int TIOCSCTTY = 0x540e;
    /** /usr/include/asm-generic/ioctls.h:54 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int TIOCNOTTY = 0x5422;
    /** /usr/include/asm-generic/ioctls.h:39 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int TIOCSWINSZ = 0x5414;
    /** /usr/include/asm-generic/ioctls.h:38 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int TIOCGWINSZ = 0x5413;
    /** /usr/include/asm-generic/ioctls.h:35 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int TIOCSPGRP = 0x5410;
    /** /usr/include/asm-generic/ioctls.h:34 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int TIOCGPGRP = 0x540f;
    /** /usr/include/linux/limits.h:13 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int PATH_MAX = 0x1000;
    /** /usr/include/x86_64-linux-gnu/sys/param.h:48 @ glibc 2.36-9+deb12u14 (Debian 12) x86_64, gcc 12.2.0 */
    public static final int MAXPATHLEN = 0x1000;

    // ---- not in the shared table; each cites its header (glibc 2.36 / Linux uapi) -----------------

    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h: SIGSTKFLT 16 */
    public static final int SIGSTKFLT = 16;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h: SIGPWR 30 */
    public static final int SIGPWR = 30;
    /** glibc's SIGRTMIN as seen by applications (kernel 32 and 33 are reserved by NPTL): 34 */
    public static final int SIGRTMIN = 34;
    /** /usr/include/x86_64-linux-gnu/bits/signum-arch.h: __SIGRTMAX 64 */
    public static final int SIGRTMAX = 64;
    /** sys/wait.h (Linux only): P_PIDFD 3 */
    public static final int P_PIDFD = 3;
    /** linux/sched.h: SCHED_BATCH 3 */
    public static final int SCHED_BATCH = 3;
    /** linux/sched.h: SCHED_IDLE 5 */
    public static final int SCHED_IDLE = 5;
    /** linux/sched.h: SCHED_RESET_ON_FORK 0x40000000 */
    public static final int SCHED_RESET_ON_FORK = 0x40000000;
    /** linux/pidfd.h: PIDFD_NONBLOCK = O_NONBLOCK */
    public static final int PIDFD_NONBLOCK = 0x800;
    /** sys/epoll.h: EPOLL_CLOEXEC = O_CLOEXEC */
    public static final int EPOLL_CLOEXEC = 0x80000;
    /** sys/epoll.h: EPOLLIN 0x001 */
    public static final int EPOLLIN = 1;
    /** sys/epoll.h: EPOLLOUT 0x004 */
    public static final int EPOLLOUT = 4;
    /** sys/epoll.h: EPOLLHUP 0x010 */
    public static final int EPOLLHUP = 0x10;
    /** poll.h (asm-generic/poll.h): POLLIN 0x001 */
    public static final int POLLIN = 1;
    /** poll.h (asm-generic/poll.h): POLLOUT 0x004 */
    public static final int POLLOUT = 4;
    /** poll.h (asm-generic/poll.h): POLLERR 0x008 */
    public static final int POLLERR = 0x8;
    /** poll.h (asm-generic/poll.h): POLLHUP 0x010 */
    public static final int POLLHUP = 0x10;
    /** poll.h (asm-generic/poll.h): POLLNVAL 0x020 */
    public static final int POLLNVAL = 0x20;
    /** sys/epoll.h: EPOLL_CTL_ADD 1 */
    public static final int EPOLL_CTL_ADD = 1;
    /** sys/epoll.h: EPOLL_CTL_DEL 2 */
    public static final int EPOLL_CTL_DEL = 2;
    /** asm/unistd_64.h (x86_64): __NR_waitid 247 */
    public static final int SYS_waitid_x86_64 = 247;
    /** asm/unistd_64.h (x86_64): __NR_pidfd_send_signal 424 (same number on every architecture) */
    public static final int SYS_pidfd_send_signal = 424;
    /** asm/unistd_64.h (x86_64): __NR_pidfd_open 434 (same number on every architecture) */
    public static final int SYS_pidfd_open = 434;

    // ---- sizes and offsets (x86_64 glibc 2.36, measured with gcc; DESIGN.md) ------------------------

    /** sizeof(posix_spawnattr_t) on glibc x86_64 */
    public static final int SIZEOF_posix_spawnattr_t = 336;
    /** sizeof(posix_spawn_file_actions_t) on glibc x86_64 */
    public static final int SIZEOF_posix_spawn_file_actions_t = 80;
    /** sizeof(sigset_t) on glibc */
    public static final int SIZEOF_sigset_t = 128;
    /** sizeof(siginfo_t) on Linux */
    public static final int SIZEOF_siginfo_t = 128;
    /** offsetof(siginfo_t, si_code) */
    public static final int OFFSETOF_siginfo_si_code = 8;
    /** offsetof(siginfo_t, si_pid) */
    public static final int OFFSETOF_siginfo_si_pid = 16;
    /** offsetof(siginfo_t, si_uid) */
    public static final int OFFSETOF_siginfo_si_uid = 20;
    /** offsetof(siginfo_t, si_status) */
    public static final int OFFSETOF_siginfo_si_status = 24;
    /** sizeof(struct rusage) on LP64 */
    public static final int SIZEOF_rusage = 144;

    // ---- Python's spawn modes (CPython Lib/os.py: P_WAIT = 0, P_NOWAIT = P_NOWAITO = 1; P_OVERLAY and
    //      P_DETACH take the Windows <process.h> values, _P_OVERLAY 2 and _P_DETACH 4) ----------------

    /** Lib/os.py */
    public static final int P_WAIT = 0;
    /** Lib/os.py */
    public static final int P_NOWAIT = 1;
    /** Lib/os.py: P_NOWAITO = P_NOWAIT on POSIX */
    public static final int P_NOWAITO = 1;
    /** process.h _P_OVERLAY */
    public static final int P_OVERLAY = 2;
    /** process.h _P_DETACH */
    public static final int P_DETACH = 4;

    // ---- <sysexits.h> (identical on glibc and macOS) -------------------------------------------------

    /** sysexits.h */
    public static final int EX_OK = 0;
    /** sysexits.h */
    public static final int EX_USAGE = 64;
    /** sysexits.h */
    public static final int EX_DATAERR = 65;
    /** sysexits.h */
    public static final int EX_NOINPUT = 66;
    /** sysexits.h */
    public static final int EX_NOUSER = 67;
    /** sysexits.h */
    public static final int EX_NOHOST = 68;
    /** sysexits.h */
    public static final int EX_UNAVAILABLE = 69;
    /** sysexits.h */
    public static final int EX_SOFTWARE = 70;
    /** sysexits.h */
    public static final int EX_OSERR = 71;
    /** sysexits.h */
    public static final int EX_OSFILE = 72;
    /** sysexits.h */
    public static final int EX_CANTCREAT = 73;
    /** sysexits.h */
    public static final int EX_IOERR = 74;
    /** sysexits.h */
    public static final int EX_TEMPFAIL = 75;
    /** sysexits.h */
    public static final int EX_PROTOCOL = 76;
    /** sysexits.h */
    public static final int EX_NOPERM = 77;
    /** sysexits.h */
    public static final int EX_CONFIG = 78;
    // No EX_NOTFOUND: neither glibc's nor macOS's <sysexits.h> defines it, so CPython (which adds it only
    // #ifdef EX_NOTFOUND) has no os.EX_NOTFOUND here either.

    // ---- os parity (issue 3); every value checked with gcc on glibc 2.36 x86_64 (parity ConstantsCheckTest) --

    /** /usr/include/spawn.h: POSIX_SPAWN_SETSCHEDPARAM 0x10 */
    public static final int POSIX_SPAWN_SETSCHEDPARAM = 0x10;
    /** /usr/include/spawn.h: POSIX_SPAWN_SETSCHEDULER 0x20 */
    public static final int POSIX_SPAWN_SETSCHEDULER = 0x20;
    /** /usr/include/x86_64-linux-gnu/bits/sched.h (via linux/sched.h): SCHED_DEADLINE 6 (not exposed by Python; listed for completeness) */
    public static final int SCHED_DEADLINE = 6;
    /** CPython Modules/posixmodule.c: POSIX_SPAWN_OPEN 0 (Python's own file-action tag, not a libc value) */
    public static final int POSIX_SPAWN_OPEN = 0;
    /** CPython Modules/posixmodule.c: POSIX_SPAWN_CLOSE 1 */
    public static final int POSIX_SPAWN_CLOSE = 1;
    /** CPython Modules/posixmodule.c: POSIX_SPAWN_DUP2 2 */
    public static final int POSIX_SPAWN_DUP2 = 2;
    /** CPython Modules/posixmodule.c: POSIX_SPAWN_CLOSEFROM 3 (glibc 2.34+ posix_spawn_file_actions_addclosefrom_np) */
    public static final int POSIX_SPAWN_CLOSEFROM = 3;
    /** sizeof(struct utsname) on glibc: 6 fields of _UTSNAME_LENGTH 65 (/usr/include/x86_64-linux-gnu/bits/utsname.h) */
    public static final int SIZEOF_utsname = 390;
    /** _UTSNAME_LENGTH, the size of each struct utsname field (bits/utsname.h) */
    public static final int UTSNAME_FIELD_LENGTH = 65;
    /** sizeof(cpu_set_t) on glibc (/usr/include/x86_64-linux-gnu/bits/cpu-set.h: __CPU_SETSIZE 1024 bits) */
    public static final int SIZEOF_cpu_set_t = 128;
    /** sizeof(struct sched_param) on glibc (bits/types/struct_sched_param.h) */
    public static final int SIZEOF_sched_param = 4;

    /** /usr/include/x86_64-linux-gnu/bits/confname.h: _SC_ARG_MAX 0 */
    public static final int _SC_ARG_MAX = 0;
    /** bits/confname.h: _SC_CHILD_MAX 1 */
    public static final int _SC_CHILD_MAX = 1;
    /** bits/confname.h: _SC_CLK_TCK 2 */
    public static final int _SC_CLK_TCK = 2;
    /** bits/confname.h: _SC_NGROUPS_MAX 3 */
    public static final int _SC_NGROUPS_MAX = 3;
    /** bits/confname.h: _SC_OPEN_MAX 4 */
    public static final int _SC_OPEN_MAX = 4;
    /** bits/confname.h: _SC_STREAM_MAX 5 */
    public static final int _SC_STREAM_MAX = 5;
    /** bits/confname.h: _SC_TZNAME_MAX 6 */
    public static final int _SC_TZNAME_MAX = 6;
    /** bits/confname.h: _SC_JOB_CONTROL 7 */
    public static final int _SC_JOB_CONTROL = 7;
    /** bits/confname.h: _SC_SAVED_IDS 8 */
    public static final int _SC_SAVED_IDS = 8;
    /** bits/confname.h: _SC_VERSION 29 */
    public static final int _SC_VERSION = 29;
    /** bits/confname.h: _SC_PAGESIZE 30 */
    public static final int _SC_PAGESIZE = 30;
    /** bits/confname.h: _SC_PAGE_SIZE = _SC_PAGESIZE */
    public static final int _SC_PAGE_SIZE = 30;
    /** bits/confname.h: _SC_RTSIG_MAX 31 */
    public static final int _SC_RTSIG_MAX = 31;
    /** bits/confname.h: _SC_SIGQUEUE_MAX 34 */
    public static final int _SC_SIGQUEUE_MAX = 34;
    /** bits/confname.h: _SC_LINE_MAX 43 */
    public static final int _SC_LINE_MAX = 43;
    /** bits/confname.h: _SC_IOV_MAX 60 */
    public static final int _SC_IOV_MAX = 60;
    /** bits/confname.h: _SC_GETGR_R_SIZE_MAX 69 */
    public static final int _SC_GETGR_R_SIZE_MAX = 69;
    /** bits/confname.h: _SC_GETPW_R_SIZE_MAX 70 */
    public static final int _SC_GETPW_R_SIZE_MAX = 70;
    /** bits/confname.h: _SC_LOGIN_NAME_MAX 71 */
    public static final int _SC_LOGIN_NAME_MAX = 71;
    /** bits/confname.h: _SC_TTY_NAME_MAX 72 */
    public static final int _SC_TTY_NAME_MAX = 72;
    /** bits/confname.h: _SC_NPROCESSORS_CONF 83 */
    public static final int _SC_NPROCESSORS_CONF = 83;
    /** bits/confname.h: _SC_NPROCESSORS_ONLN 84 */
    public static final int _SC_NPROCESSORS_ONLN = 84;
    /** bits/confname.h: _SC_PHYS_PAGES 85 */
    public static final int _SC_PHYS_PAGES = 85;
    /** bits/confname.h: _SC_AVPHYS_PAGES 86 */
    public static final int _SC_AVPHYS_PAGES = 86;
    /** bits/confname.h: _SC_HOST_NAME_MAX 180 */
    public static final int _SC_HOST_NAME_MAX = 180;
    /** bits/confname.h: _CS_PATH 0 */
    public static final int _CS_PATH = 0;
    /** bits/confname.h: _CS_GNU_LIBC_VERSION 2 */
    public static final int _CS_GNU_LIBC_VERSION = 2;
    /** bits/confname.h: _CS_GNU_LIBPTHREAD_VERSION 3 */
    public static final int _CS_GNU_LIBPTHREAD_VERSION = 3;
}
