package io.prockit.posix.darwin;

/**
 * macOS (xnu-11417.101.15 / macOS 15.4, arm64 and x86_64) values of the system constants prockit uses,
 * each citing Apple's header. Checked against {@code darwin-constants.txt} ({@code DarwinConstantsTest}).
 * Shared code never holds these numbers: it reads them through {@link io.prockit.posix.platform.PosixConstants}.
 */
public final class DarwinConstants {
    private DarwinConstants() {
    }

    /** bsd/sys/signal.h:79 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NSIG = 32;
    /** bsd/sys/signal.h:84 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGHUP = 1;
    /** bsd/sys/signal.h:85 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGINT = 2;
    /** bsd/sys/signal.h:86 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGQUIT = 3;
    /** bsd/sys/signal.h:87 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGILL = 4;
    /** bsd/sys/signal.h:88 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGTRAP = 5;
    /** bsd/sys/signal.h:89 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGABRT = 6;
    /** bsd/sys/signal.h:94 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGEMT = 7;
    /** bsd/sys/signal.h:96 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGFPE = 8;
    /** bsd/sys/signal.h:97 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGKILL = 9;
    /** bsd/sys/signal.h:98 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGBUS = 10;
    /** bsd/sys/signal.h:99 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGSEGV = 11;
    /** bsd/sys/signal.h:100 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGSYS = 12;
    /** bsd/sys/signal.h:101 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGPIPE = 13;
    /** bsd/sys/signal.h:102 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGALRM = 14;
    /** bsd/sys/signal.h:103 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGTERM = 15;
    /** bsd/sys/signal.h:104 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGURG = 16;
    /** bsd/sys/signal.h:105 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGSTOP = 17;
    /** bsd/sys/signal.h:106 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGTSTP = 18;
    /** bsd/sys/signal.h:107 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGCONT = 19;
    /** bsd/sys/signal.h:108 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGCHLD = 20;
    /** bsd/sys/signal.h:109 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGTTIN = 21;
    /** bsd/sys/signal.h:110 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGTTOU = 22;
    /** bsd/sys/signal.h:112 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGIO = 23;
    /** bsd/sys/signal.h:114 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGXCPU = 24;
    /** bsd/sys/signal.h:115 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGXFSZ = 25;
    /** bsd/sys/signal.h:116 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGVTALRM = 26;
    /** bsd/sys/signal.h:117 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGPROF = 27;
    /** bsd/sys/signal.h:119 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGWINCH = 28;
    /** bsd/sys/signal.h:120 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGINFO = 29;
    /** bsd/sys/signal.h:122 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGUSR1 = 30;
    /** bsd/sys/signal.h:123 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIGUSR2 = 31;
    /** bsd/sys/signal.h:488 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIG_BLOCK = 1;
    /** bsd/sys/signal.h:489 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIG_UNBLOCK = 2;
    /** bsd/sys/signal.h:490 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIG_SETMASK = 3;
    /** bsd/sys/signal.h:461 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_ONSTACK = 1;
    /** bsd/sys/signal.h:462 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_RESTART = 2;
    /** bsd/sys/signal.h:466 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_RESETHAND = 4;
    /** bsd/sys/signal.h:467 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_NOCLDSTOP = 8;
    /** bsd/sys/signal.h:468 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_NODEFER = 16;
    /** bsd/sys/signal.h:469 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_NOCLDWAIT = 32;
    /** bsd/sys/signal.h:470 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SA_SIGINFO = 64;
    /** bsd/sys/signal.h:351 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CLD_EXITED = 1;
    /** bsd/sys/signal.h:352 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CLD_KILLED = 2;
    /** bsd/sys/signal.h:353 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CLD_DUMPED = 3;
    /** bsd/sys/signal.h:354 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CLD_TRAPPED = 4;
    /** bsd/sys/signal.h:355 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CLD_STOPPED = 5;
    /** bsd/sys/signal.h:356 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CLD_CONTINUED = 6;
    /** bsd/sys/wait.h:121 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WNOHANG = 1;
    /** bsd/sys/wait.h:122 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WUNTRACED = 2;
    /** bsd/sys/wait.h:132 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WCOREFLAG = 128;
    /** bsd/sys/wait.h:168 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WEXITED = 4;
    /** bsd/sys/wait.h:171 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WSTOPPED = 8;
    /** bsd/sys/wait.h:173 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WCONTINUED = 16;
    /** bsd/sys/wait.h:174 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WNOWAIT = 32;
    /** bsd/sys/wait.h:183 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WAIT_ANY = -1;
    /** bsd/sys/wait.h:184 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int WAIT_MYPGRP = 0;
    /** bsd/sys/wait.h:80 @ apple-oss-distributions/xnu xnu-11417.101.15  [enum idtype_t { P_ALL, P_PID, P_PGID }] */
    public static final int P_ALL = 0;
    /** bsd/sys/wait.h:81 @ apple-oss-distributions/xnu xnu-11417.101.15  [enum idtype_t] */
    public static final int P_PID = 1;
    /** bsd/sys/wait.h:82 @ apple-oss-distributions/xnu xnu-11417.101.15  [enum idtype_t] */
    public static final int P_PGID = 2;
    /** bsd/sys/spawn.h:45 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_RESETIDS = 1;
    /** bsd/sys/spawn.h:46 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_SETPGROUP = 2;
    /** bsd/sys/spawn.h:47 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_SETSIGDEF = 4;
    /** bsd/sys/spawn.h:48 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_SETSIGMASK = 8;
    /** bsd/sys/spawn.h:59 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_SETEXEC = 64;
    /** bsd/sys/spawn.h:60 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_START_SUSPENDED = 128;
    /** bsd/sys/spawn.h:65 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_SETSID = 0x400;
    /** bsd/sys/spawn.h:73 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int POSIX_SPAWN_CLOEXEC_DEFAULT = 0x4000;
    /** bsd/sys/errno.h:90 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EPERM = 1;
    /** bsd/sys/errno.h:91 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOENT = 2;
    /** bsd/sys/errno.h:92 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ESRCH = 3;
    /** bsd/sys/errno.h:93 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EINTR = 4;
    /** bsd/sys/errno.h:94 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EIO = 5;
    /** bsd/sys/errno.h:95 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENXIO = 6;
    /** bsd/sys/errno.h:96 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int E2BIG = 7;
    /** bsd/sys/errno.h:97 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOEXEC = 8;
    /** bsd/sys/errno.h:98 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EBADF = 9;
    /** bsd/sys/errno.h:99 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ECHILD = 10;
    /** bsd/sys/errno.h:100 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EDEADLK = 11;
    /** bsd/sys/errno.h:102 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOMEM = 12;
    /** bsd/sys/errno.h:103 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EACCES = 13;
    /** bsd/sys/errno.h:104 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EFAULT = 14;
    /** bsd/sys/errno.h:108 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EBUSY = 16;
    /** bsd/sys/errno.h:109 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EEXIST = 17;
    /** bsd/sys/errno.h:112 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOTDIR = 20;
    /** bsd/sys/errno.h:113 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EISDIR = 21;
    /** bsd/sys/errno.h:114 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EINVAL = 22;
    /** bsd/sys/errno.h:115 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENFILE = 23;
    /** bsd/sys/errno.h:116 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EMFILE = 24;
    /** bsd/sys/errno.h:117 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOTTY = 25;
    /** bsd/sys/errno.h:118 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ETXTBSY = 26;
    /** bsd/sys/errno.h:124 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EPIPE = 32;
    /** bsd/sys/errno.h:128 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ERANGE = 34;
    /** bsd/sys/errno.h:131 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EAGAIN = 35;
    /** bsd/sys/errno.h:132 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EWOULDBLOCK = 35;
    /** bsd/sys/errno.h:133 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EINPROGRESS = 36;
    /** bsd/sys/errno.h:146 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOTSUP = 45;
    /** bsd/sys/errno.h:179 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ETIMEDOUT = 60;
    /** bsd/sys/errno.h:182 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ELOOP = 62;
    /** bsd/sys/errno.h:183 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENAMETOOLONG = 63;
    /** bsd/sys/errno.h:211 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int ENOSYS = 78;
    /** bsd/sys/errno.h:253 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EOPNOTSUPP = 102;
    /** bsd/sys/resource.h:106 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_PROCESS = 0;
    /** bsd/sys/resource.h:107 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_PGRP = 1;
    /** bsd/sys/resource.h:108 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_USER = 2;
    /** bsd/sys/resource.h:111 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_DARWIN_THREAD = 3;
    /** bsd/sys/resource.h:112 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_DARWIN_PROCESS = 4;
    /** bsd/sys/resource.h:118 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_MIN = -20;
    /** bsd/sys/resource.h:119 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_MAX = 20;
    /** bsd/sys/resource.h:126 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PRIO_DARWIN_BG = 0x1000;
    /** bsd/sys/resource.h:146 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int RUSAGE_SELF = 0;
    /** bsd/sys/resource.h:147 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int RUSAGE_CHILDREN = -1;
    /** bsd/sys/resource.h:515 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int RLIMIT_NOFILE = 8;
    /** include/pthread/pthread_impl.h:54 @ apple-oss-distributions/libpthread libpthread-539 */
    public static final int SCHED_OTHER = 1;
    /** include/pthread/pthread_impl.h:55 @ apple-oss-distributions/libpthread libpthread-539 */
    public static final int SCHED_FIFO = 4;
    /** include/pthread/pthread_impl.h:56 @ apple-oss-distributions/libpthread libpthread-539 */
    public static final int SCHED_RR = 2;
    /** bsd/sys/fcntl.h:98 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_RDONLY = 0;
    /** bsd/sys/fcntl.h:99 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_WRONLY = 1;
    /** bsd/sys/fcntl.h:100 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_RDWR = 2;
    /** bsd/sys/fcntl.h:115 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_NONBLOCK = 4;
    /** bsd/sys/fcntl.h:116 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_APPEND = 8;
    /** bsd/sys/fcntl.h:125 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_NOFOLLOW = 0x100;
    /** bsd/sys/fcntl.h:127 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_CREAT = 0x200;
    /** bsd/sys/fcntl.h:128 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_TRUNC = 0x400;
    /** bsd/sys/fcntl.h:129 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_EXCL = 0x800;
    /** bsd/sys/fcntl.h:147 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_NOCTTY = 0x20000;
    /** bsd/sys/fcntl.h:155 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_DIRECTORY = 0x100000;
    /** bsd/sys/fcntl.h:170 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int O_CLOEXEC = 0x1000000;
    /** bsd/sys/fcntl.h:278 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_DUPFD = 0;
    /** bsd/sys/fcntl.h:279 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_GETFD = 1;
    /** bsd/sys/fcntl.h:280 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_SETFD = 2;
    /** bsd/sys/fcntl.h:281 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_GETFL = 3;
    /** bsd/sys/fcntl.h:282 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_SETFL = 4;
    /** bsd/sys/fcntl.h:303 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_GETPATH = 50;
    /** bsd/sys/fcntl.h:446 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int F_DUPFD_CLOEXEC = 67;
    /** bsd/sys/fcntl.h:450 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int FD_CLOEXEC = 1;
    /** bsd/sys/poll.h @ apple-oss-distributions/xnu xnu-11417.101.15: POLLIN 0x0001 */
    public static final int POLLIN = 0x1;
    /** bsd/sys/poll.h @ apple-oss-distributions/xnu xnu-11417.101.15: POLLOUT 0x0004 */
    public static final int POLLOUT = 0x4;
    /** bsd/sys/poll.h @ apple-oss-distributions/xnu xnu-11417.101.15: POLLERR 0x0008 */
    public static final int POLLERR = 0x8;
    /** bsd/sys/poll.h @ apple-oss-distributions/xnu xnu-11417.101.15: POLLHUP 0x0010 */
    public static final int POLLHUP = 0x10;
    /** bsd/sys/poll.h @ apple-oss-distributions/xnu xnu-11417.101.15: POLLNVAL 0x0020 */
    public static final int POLLNVAL = 0x20;
    /** bsd/sys/ttycom.h:160 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCSCTTY = 0x20007461;
    /** bsd/sys/ttycom.h:136 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCNOTTY = 0x20007471;
    /** bsd/sys/ttycom.h:154 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCSWINSZ = (int) 0x80087467L;
    /** bsd/sys/ttycom.h:153 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCGWINSZ = 0x40087468;
    /** bsd/sys/ttycom.h:132 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCSPGRP = (int) 0x80047476L;
    /** bsd/sys/ttycom.h:131 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCGPGRP = 0x40047477;
    /** bsd/sys/ttycom.h:180 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCPTYGRANT = 0x20007454;
    /** bsd/sys/ttycom.h:181 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCPTYGNAME = 0x40807453;
    /** bsd/sys/ttycom.h:182 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int TIOCPTYUNLK = 0x20007452;
    /** bsd/sys/event.h:70 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EVFILT_READ = -1;
    /** bsd/sys/event.h:71 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EVFILT_WRITE = -2;
    /** bsd/sys/event.h:74 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EVFILT_PROC = -5;
    /** bsd/sys/event.h:75 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EVFILT_SIGNAL = -6;
    /** bsd/sys/event.h:76 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EVFILT_TIMER = -7;
    /** bsd/sys/event.h:79 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EVFILT_USER = -10;
    /** bsd/sys/event.h:144 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_ADD = 1;
    /** bsd/sys/event.h:145 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_DELETE = 2;
    /** bsd/sys/event.h:146 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_ENABLE = 4;
    /** bsd/sys/event.h:147 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_DISABLE = 8;
    /** bsd/sys/event.h:150 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_ONESHOT = 16;
    /** bsd/sys/event.h:151 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_CLEAR = 32;
    /** bsd/sys/event.h:152 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_RECEIPT = 64;
    /** bsd/sys/event.h:174 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_EOF = 0x8000;
    /** bsd/sys/event.h:175 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int EV_ERROR = 0x4000;
    /** bsd/sys/event.h:268 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_EXIT = (int) 0x80000000L;
    /** bsd/sys/event.h:269 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_FORK = 0x40000000;
    /** bsd/sys/event.h:270 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_EXEC = 0x20000000;
    /** bsd/sys/event.h:272 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_SIGNAL = 0x8000000;
    /** bsd/sys/event.h:273 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_EXITSTATUS = 0x4000000;
    /** bsd/sys/event.h:274 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_EXIT_DETAIL = 0x2000000;
    /** bsd/sys/event.h:276 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int NOTE_PDATAMASK = 0xfffff;
    /** bsd/sys/syslimits.h:111 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PATH_MAX = 1024;
    /** bsd/sys/param.h:206 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int MAXPATHLEN = 1024;
    /** bsd/sys/param.h:95 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int MAXCOMLEN = 16;
    /** bsd/sys/proc_info.h:51 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_ALL_PIDS = 1;
    /** bsd/sys/proc_info.h:718 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDLISTFDS = 1;
    /** bsd/sys/proc_info.h:721 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDTASKALLINFO = 2;
    /** bsd/sys/proc_info.h:724 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDTBSDINFO = 3;
    /** bsd/sys/proc_info.h:727 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDTASKINFO = 4;
    /** bsd/sys/proc_info.h:748 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDPATHINFO = 11;
    /** bsd/sys/proc_info.h:749 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDPATHINFO_SIZE = 1024;
    /** bsd/sys/proc_info.h:750 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_PIDPATHINFO_MAXSIZE = 4096;
    /** bsd/sys/proc_info.h:103 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_FLAG_SYSTEM = 1;
    /** bsd/sys/proc_info.h:104 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_FLAG_TRACED = 2;
    /** bsd/sys/proc_info.h:105 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_FLAG_INEXIT = 4;
    /** bsd/sys/proc_info.h:107 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_FLAG_LP64 = 16;
    /** bsd/sys/proc_info.h:108 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_FLAG_SLEADER = 32;
    /** bsd/sys/proc_info.h:110 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int PROC_FLAG_CONTROLT = 128;
    /** bsd/sys/proc.h:159 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SIDL = 1;
    /** bsd/sys/proc.h:160 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SRUN = 2;
    /** bsd/sys/proc.h:161 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SSLEEP = 3;
    /** bsd/sys/proc.h:162 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SSTOP = 4;
    /** bsd/sys/proc.h:163 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int SZOMB = 5;
    /** bsd/sys/sysctl.h:108 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CTL_MAXNAME = 12;
    /** bsd/sys/sysctl.h:695 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int CTL_KERN = 1;
    /** bsd/sys/sysctl.h:725 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_MAXPROC = 6;
    /** bsd/sys/sysctl.h:727 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_ARGMAX = 8;
    /** bsd/sys/sysctl.h:733 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_PROC = 14;
    /** bsd/sys/sysctl.h:758 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_PROCARGS = 38;
    /** bsd/sys/sysctl.h:772 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_PROCARGS2 = 49;
    /** bsd/sys/sysctl.h:946 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_PROC_ALL = 0;
    /** bsd/sys/sysctl.h:947 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_PROC_PID = 1;
    /** bsd/sys/sysctl.h:948 @ apple-oss-distributions/xnu xnu-11417.101.15 */
    public static final int KERN_PROC_PGRP = 2;

    // ---- not in the shared table ------------------------------------------------------------------

    /** bsd/sys/spawn_internal.h: posix_spawnattr_t is an opaque pointer on Darwin (spawn.h:51) */
    public static final int SIZEOF_posix_spawnattr_t = 8;
    /** spawn.h:52: posix_spawn_file_actions_t is an opaque pointer on Darwin */
    public static final int SIZEOF_posix_spawn_file_actions_t = 8;
    /** bsd/sys/_types/_sigset.h: sigset_t is a 32-bit mask */
    public static final int SIZEOF_sigset_t = 4;
    /** bsd/sys/signal.h: sizeof(siginfo_t) 104 */
    public static final int SIZEOF_siginfo_t = 104;
    /** bsd/sys/signal.h: offsetof(siginfo_t, si_code) */
    public static final int OFFSETOF_siginfo_si_code = 8;
    /** bsd/sys/signal.h: offsetof(siginfo_t, si_pid) */
    public static final int OFFSETOF_siginfo_si_pid = 12;
    /** bsd/sys/signal.h: offsetof(siginfo_t, si_uid) */
    public static final int OFFSETOF_siginfo_si_uid = 16;
    /** bsd/sys/signal.h: offsetof(siginfo_t, si_status) */
    public static final int OFFSETOF_siginfo_si_status = 20;
    /** bsd/sys/resource.h: sizeof(struct rusage) 144 */
    public static final int SIZEOF_rusage = 144;
    /** bsd/sys/event.h: sizeof(struct kevent) 32 */
    public static final int SIZEOF_kevent = 32;

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

    // ---- os parity (issue 3): from Apple's headers; sysconf/confstr keys share 4.4BSD numbering ------------

    /** CPython Modules/posixmodule.c: POSIX_SPAWN_OPEN 0 (Python's own file-action tag) */
    public static final int POSIX_SPAWN_OPEN = 0;
    /** CPython Modules/posixmodule.c: POSIX_SPAWN_CLOSE 1 */
    public static final int POSIX_SPAWN_CLOSE = 1;
    /** CPython Modules/posixmodule.c: POSIX_SPAWN_DUP2 2 (POSIX_SPAWN_CLOSEFROM is absent: macOS has no addclosefrom_np) */
    public static final int POSIX_SPAWN_DUP2 = 2;
    /** bsd/sys/utsname.h: _SYS_NAMELEN 256, five fields (sysname, nodename, release, version, machine) */
    public static final int SIZEOF_utsname = 1280;
    /** bsd/sys/utsname.h: _SYS_NAMELEN 256 */
    public static final int UTSNAME_FIELD_LENGTH = 256;
    /** include/pthread/sched.h: struct sched_param { int sched_priority; char __opaque[4]; } = 8 bytes */
    public static final int SIZEOF_sched_param = 8;

    /** include/unistd.h: _SC_ARG_MAX 1 */
    public static final int _SC_ARG_MAX = 1;
    /** include/unistd.h: _SC_CHILD_MAX 2 */
    public static final int _SC_CHILD_MAX = 2;
    /** include/unistd.h: _SC_CLK_TCK 3 */
    public static final int _SC_CLK_TCK = 3;
    /** include/unistd.h: _SC_NGROUPS_MAX 4 */
    public static final int _SC_NGROUPS_MAX = 4;
    /** include/unistd.h: _SC_OPEN_MAX 5 */
    public static final int _SC_OPEN_MAX = 5;
    /** include/unistd.h: _SC_JOB_CONTROL 6 */
    public static final int _SC_JOB_CONTROL = 6;
    /** include/unistd.h: _SC_SAVED_IDS 7 */
    public static final int _SC_SAVED_IDS = 7;
    /** include/unistd.h: _SC_VERSION 8 */
    public static final int _SC_VERSION = 8;
    /** include/unistd.h: _SC_PAGESIZE 29 */
    public static final int _SC_PAGESIZE = 29;
    /** include/unistd.h: _SC_PAGE_SIZE = _SC_PAGESIZE */
    public static final int _SC_PAGE_SIZE = 29;
    /** include/unistd.h: _SC_IOV_MAX 56 */
    public static final int _SC_IOV_MAX = 56;
    /** include/unistd.h: _SC_NPROCESSORS_CONF 57 */
    public static final int _SC_NPROCESSORS_CONF = 57;
    /** include/unistd.h: _SC_NPROCESSORS_ONLN 58 */
    public static final int _SC_NPROCESSORS_ONLN = 58;
    /** include/unistd.h: _SC_PHYS_PAGES 200 (Apple's value; FreeBSD uses 121) */
    public static final int _SC_PHYS_PAGES = 200;
    /** include/unistd.h: _CS_PATH 1 */
    public static final int _CS_PATH = 1;
    /** include/unistd.h: _CS_DARWIN_USER_DIR 65536 */
    public static final int _CS_DARWIN_USER_DIR = 65536;
    /** include/unistd.h: _CS_DARWIN_USER_TEMP_DIR 65537 */
    public static final int _CS_DARWIN_USER_TEMP_DIR = 65537;
    /** include/unistd.h: _CS_DARWIN_USER_CACHE_DIR 65538 */
    public static final int _CS_DARWIN_USER_CACHE_DIR = 65538;
}
