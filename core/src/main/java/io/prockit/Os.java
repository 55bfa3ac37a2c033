package io.prockit;

import io.prockit.internal.Backends;
import io.prockit.internal.Checks;
import io.prockit.spi.StatusCodec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Python's {@code os} process management, one static method per function, so a Python program
 * ports line by line.
 *
 * <pre>{@code
 * // Python: pid = os.spawnlp(os.P_NOWAIT, "sleep", "sleep", "1"); os.waitpid(pid, 0)
 * int pid = Os.spawnlp(Os.P_NOWAIT, "sleep", "sleep", "1");
 * WaitResult r = Os.waitpid(pid, 0);
 * int code = Os.waitstatusToExitcode(r.status());          // 0
 * }</pre>
 *
 * <p>Names follow Python's: {@code waitstatus_to_exitcode} is {@link #waitstatusToExitcode},
 * the status macros and constants keep their upper-case names ({@link #WIFEXITED},
 * {@link #WNOHANG}). Python's tuples are records ({@link WaitResult}); {@code OSError} is
 * {@link OsException}; Python's {@code ValueError} for bad input is {@link IllegalArgumentException},
 * thrown before any system call.
 *
 * <p><b>Constants.</b> Values that differ between systems ({@link #WCONTINUED} is 8 on Linux and
 * 16 on macOS) are read from the running backend's table when this class initialises. A constant
 * the running platform does not have (Python would raise {@code AttributeError}) is {@code -1};
 * every function refuses {@code -1} as an unknown value, and {@link #hasConstant(String)} tells
 * beforehand.
 *
 * <p><b>Availability.</b> Each method's Javadoc carries Python's "Availability" line. A function the
 * running platform lacks throws {@link UnsupportedOperationException} naming it and the platform
 * ({@code "os.getuid is not available on Windows"}): the backend offers no capability for it (see
 * {@link io.prockit.spi.ProcessBackend}), and this class builds the exception, in one place.
 *
 * <p><b>Children.</b> Every child started here is reaped by prockit as soon as it ends (it never
 * lingers as a zombie); its status is kept until {@link #waitpid} collects it, as a zombie
 * would keep it. All methods are thread-safe.
 */
public final class Os {
    private Os() {
    }

    private static final Map<String, Integer> C = Backends.constantsOrEmpty();

    private static int constant(String name) {
        Integer v = C.get(name);
        return v == null ? -1 : v;
    }

    /**
     * Whether the running platform defines one of Python's {@code os} constants.
     *
     * @param name e.g. {@code "WCONTINUED"}
     * @return true if it has a value here
     */
    public static boolean hasConstant(String name) {
        return Backends.constantsOrEmpty().containsKey(name);
    }

    // ---- <sys/wait.h> options ------------------------------------------------------------------

    /** {@code waitpid} option: return at once if no child has changed state. Availability: Unix, not WASI. */
    public static final int WNOHANG = constant("WNOHANG");
    /** {@code waitpid} option: also report stopped children. Availability: Unix, not WASI. */
    public static final int WUNTRACED = constant("WUNTRACED");
    /** {@code waitpid} option: also report continued children (8 on Linux, 16 on macOS). Availability: Unix, not WASI. */
    public static final int WCONTINUED = constant("WCONTINUED");


    // ---- waitid, pidfd, priority, scheduler, posix_spawn, open (issue 3) ----------------------------

    /** {@code waitid} option: report children that exited. Availability: Unix, not WASI. */
    public static final int WEXITED = constant("WEXITED");
    /** {@code waitid} option: report children stopped by a signal (2 on Linux, 8 on macOS). Availability: Unix, not WASI. */
    public static final int WSTOPPED = constant("WSTOPPED");
    /** {@code waitid} option: leave the child waitable (0x1000000 on Linux, 0x20 on macOS). Availability: Unix, not WASI. */
    public static final int WNOWAIT = constant("WNOWAIT");
    /** {@code waitid} idtype: one process. Availability: Unix, not WASI. */
    public static final int P_PID = constant("P_PID");
    /** {@code waitid} idtype: a process group. Availability: Unix, not WASI. */
    public static final int P_PGID = constant("P_PGID");
    /** {@code waitid} idtype: any child. Availability: Unix, not WASI. */
    public static final int P_ALL = constant("P_ALL");
    /** {@code waitid} idtype: a pidfd ({@link #pidfdOpen}). Availability: Linux &gt;= 5.4; -1 elsewhere. */
    public static final int P_PIDFD = constant("P_PIDFD");
    /** {@code waitid} si_code: the child exited. Availability: Unix, not WASI. */
    public static final int CLD_EXITED = constant("CLD_EXITED");
    /** {@code waitid} si_code: a signal killed the child. Availability: Unix, not WASI. */
    public static final int CLD_KILLED = constant("CLD_KILLED");
    /** {@code waitid} si_code: a signal killed the child and it dumped core. Availability: Unix, not WASI. */
    public static final int CLD_DUMPED = constant("CLD_DUMPED");
    /** {@code waitid} si_code: a traced child trapped. Availability: Unix, not WASI. */
    public static final int CLD_TRAPPED = constant("CLD_TRAPPED");
    /** {@code waitid} si_code: the child stopped. Availability: Unix, not WASI. */
    public static final int CLD_STOPPED = constant("CLD_STOPPED");
    /** {@code waitid} si_code: the child continued. Availability: Unix, not WASI. */
    public static final int CLD_CONTINUED = constant("CLD_CONTINUED");
    /** {@link #pidfdOpen} flag: a non-blocking pidfd. Availability: Linux &gt;= 5.10; -1 elsewhere. */
    public static final int PIDFD_NONBLOCK = constant("PIDFD_NONBLOCK");
    /** {@link #getpriority} which: a process. Availability: Unix, not WASI. */
    public static final int PRIO_PROCESS = constant("PRIO_PROCESS");
    /** {@link #getpriority} which: a process group. Availability: Unix, not WASI. */
    public static final int PRIO_PGRP = constant("PRIO_PGRP");
    /** {@link #getpriority} which: a user's processes. Availability: Unix, not WASI. */
    public static final int PRIO_USER = constant("PRIO_USER");
    /** Scheduling policy: the default time-sharing one (0 on Linux, 1 on macOS). Availability: Unix. */
    public static final int SCHED_OTHER = constant("SCHED_OTHER");
    /** Scheduling policy: CPU-bound batch work. Availability: Linux; -1 elsewhere. */
    public static final int SCHED_BATCH = constant("SCHED_BATCH");
    /** Scheduling policy: very low priority background work. Availability: Linux; -1 elsewhere. */
    public static final int SCHED_IDLE = constant("SCHED_IDLE");
    /** Scheduling policy: sporadic server. Availability: where defined (neither Linux nor macOS: -1). */
    public static final int SCHED_SPORADIC = constant("SCHED_SPORADIC");
    /** Scheduling policy: real-time first in, first out. Availability: Unix. */
    public static final int SCHED_FIFO = constant("SCHED_FIFO");
    /** Scheduling policy: real-time round robin. Availability: Unix. */
    public static final int SCHED_RR = constant("SCHED_RR");
    /** Flag or-ed into a policy: children get the default policy. Availability: Linux; -1 elsewhere. */
    public static final int SCHED_RESET_ON_FORK = constant("SCHED_RESET_ON_FORK");
    /** {@link FileAction} tag of Python's tuple form: open. Availability: Unix, not WASI. */
    public static final int POSIX_SPAWN_OPEN = constant("POSIX_SPAWN_OPEN");
    /** {@link FileAction} tag: close. Availability: Unix, not WASI. */
    public static final int POSIX_SPAWN_CLOSE = constant("POSIX_SPAWN_CLOSE");
    /** {@link FileAction} tag: dup2. Availability: Unix, not WASI. */
    public static final int POSIX_SPAWN_DUP2 = constant("POSIX_SPAWN_DUP2");
    /** {@link FileAction} tag: closefrom. Availability: Linux with glibc &gt;= 2.34; -1 elsewhere. */
    public static final int POSIX_SPAWN_CLOSEFROM = constant("POSIX_SPAWN_CLOSEFROM");
    /** {@code open} flag, for {@link FileAction#open}: read only. Availability: Unix. */
    public static final int O_RDONLY = constant("O_RDONLY");
    /** {@code open} flag: write only. Availability: Unix. */
    public static final int O_WRONLY = constant("O_WRONLY");
    /** {@code open} flag: read and write. Availability: Unix. */
    public static final int O_RDWR = constant("O_RDWR");
    /** {@code open} flag: create the file. Availability: Unix. */
    public static final int O_CREAT = constant("O_CREAT");
    /** {@code open} flag: truncate the file. Availability: Unix. */
    public static final int O_TRUNC = constant("O_TRUNC");
    /** {@code open} flag: append. Availability: Unix. */
    public static final int O_APPEND = constant("O_APPEND");

    // ---- spawn modes (Python's values; prockit's own, not the system's) -------------------------

    /** {@code spawn*} mode: wait for the child and return its exit code, or {@code -signal}. */
    public static final int P_WAIT = constant("P_WAIT");
    /** {@code spawn*} mode: return the child's pid at once. */
    public static final int P_NOWAIT = constant("P_NOWAIT");
    /** {@code spawn*} mode: as {@link #P_NOWAIT} (equal to it on POSIX, as in Python). */
    public static final int P_NOWAITO = constant("P_NOWAITO");
    /** {@code spawn*} mode: replace the current process, as {@code exec*}. */
    public static final int P_OVERLAY = constant("P_OVERLAY");
    /** {@code spawn*} mode: start the child detached (new session, stdio on the null device) and return its pid. */
    public static final int P_DETACH = constant("P_DETACH");

    // ---- <sysexits.h> ----------------------------------------------------------------------------
    // Unix only, as in CPython (Windows has no <sysexits.h>: every EX_* is -1 there).

    /** Exit code: no error. Availability: Unix, not WASI. */
    public static final int EX_OK = constant("EX_OK");
    /** Exit code: the command was used incorrectly. Availability: Unix, not WASI. */
    public static final int EX_USAGE = constant("EX_USAGE");
    /** Exit code: the input data was incorrect. Availability: Unix, not WASI. */
    public static final int EX_DATAERR = constant("EX_DATAERR");
    /** Exit code: an input file did not exist or was not readable. Availability: Unix, not WASI. */
    public static final int EX_NOINPUT = constant("EX_NOINPUT");
    /** Exit code: a specified user did not exist. Availability: Unix, not WASI. */
    public static final int EX_NOUSER = constant("EX_NOUSER");
    /** Exit code: a specified host did not exist. Availability: Unix, not WASI. */
    public static final int EX_NOHOST = constant("EX_NOHOST");
    /** Exit code: a required service is unavailable. Availability: Unix, not WASI. */
    public static final int EX_UNAVAILABLE = constant("EX_UNAVAILABLE");
    /** Exit code: an internal software error was detected. Availability: Unix, not WASI. */
    public static final int EX_SOFTWARE = constant("EX_SOFTWARE");
    /** Exit code: an operating system error was detected. Availability: Unix, not WASI. */
    public static final int EX_OSERR = constant("EX_OSERR");
    /** Exit code: a system file did not exist, could not be opened, or had some other error. Availability: Unix, not WASI. */
    public static final int EX_OSFILE = constant("EX_OSFILE");
    /** Exit code: a user-specified output file could not be created. Availability: Unix, not WASI. */
    public static final int EX_CANTCREAT = constant("EX_CANTCREAT");
    /** Exit code: an error occurred while doing I/O on some file. Availability: Unix, not WASI. */
    public static final int EX_IOERR = constant("EX_IOERR");
    /** Exit code: a temporary failure occurred; the operation may be retried. Availability: Unix, not WASI. */
    public static final int EX_TEMPFAIL = constant("EX_TEMPFAIL");
    /** Exit code: a protocol exchange was illegal, invalid, or not understood. Availability: Unix, not WASI. */
    public static final int EX_PROTOCOL = constant("EX_PROTOCOL");
    /** Exit code: insufficient permissions. Availability: Unix, not WASI. */
    public static final int EX_NOPERM = constant("EX_NOPERM");
    /** Exit code: a configuration error occurred. Availability: Unix, not WASI. */
    public static final int EX_CONFIG = constant("EX_CONFIG");
    /**
     * Exit code: something like "an entry was not found". Availability: where the C library's
     * {@code <sysexits.h>} defines it (CPython adds it only then): neither glibc nor macOS does, so it is
     * {@code -1} on Linux, macOS and Windows.
     */
    public static final int EX_NOTFOUND = constant("EX_NOTFOUND");

    // ---- ids -------------------------------------------------------------------------------------

    /**
     * Python's {@code os.getpid()}. Availability: Unix, Windows.
     *
     * @return the current process id
     */
    public static int getpid() {
        return Backends.get().getpid();
    }

    /**
     * Python's {@code os.getppid()}: the parent's process id. On Windows, the id of the process
     * that created this one, which may have exited. Availability: Unix, Windows.
     *
     * @return the parent's process id
     */
    public static int getppid() {
        return Backends.get().getppid();
    }

    // ---- signals ---------------------------------------------------------------------------------

    /**
     * Python's {@code os.kill(pid, sig)}: send signal {@code sig} to process {@code pid}.
     *
     * <p>Unlike C's {@code kill}, {@code pid} must be positive: process groups go through
     * {@link #killpg}, and {@code -1} ("every process you may signal") is refused outright.
     * On Windows, {@code CTRL_C_EVENT} and {@code CTRL_BREAK_EVENT} go to the console process group
     * {@code pid}; any other value ends the process with {@code TerminateProcess} and that value as
     * its exit code, as Python documents.
     *
     * <p><b>An exited child not yet waited for.</b> A child prockit spawned is reaped by prockit as soon as
     * it ends, and its status is kept until {@link #waitpid} (or {@link Child#waitFor()}) collects it. From
     * the moment it is reaped its pid may belong to another process, so {@code kill} never passes it to
     * {@code kill(2)} again: it throws {@link OsException} with {@link ErrorKind#NO_SUCH_PROCESS}
     * ({@code ESRCH}) and no signal is sent to anyone. While prockit's child is alive, the signal goes
     * through the child's pidfd on Linux, so it cannot reach a recycled pid. Any other pid goes to
     * {@code kill(2)} as it is: a zombie prockit did not spawn (its parent has not waited yet) still holds its
     * pid, so {@code kill} succeeds and the signal does nothing, as in C and Python. On Windows a child
     * prockit spawned is signalled through its handle; once it has ended, {@code kill} does nothing.
     *
     * <pre>{@code
     * int pid = Os.spawnlp(Os.P_NOWAIT, "true", "true");
     * // ... once it has ended, before Os.waitpid(pid, 0):
     * Os.kill(pid, 15);   // OsException NO_SUCH_PROCESS: prockit reaped it; nothing is signalled
     * }</pre>
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param pid a process id, &gt; 0
     * @param sig a signal number of the running platform (0 only checks that {@code pid} exists)
     * @throws IllegalArgumentException if {@code pid <= 0} or {@code sig} is no signal here
     * @throws OsException              {@link ErrorKind#NO_SUCH_PROCESS}, {@link ErrorKind#PERMISSION_DENIED}
     */
    public static void kill(int pid, int sig) {
        Checks.positivePid("os.kill", pid);
        checkSignal(sig);
        Backends.get().kill(pid, sig);
    }

    /**
     * Python's {@code os.killpg(pgid, sig)}: send {@code sig} to every process in group {@code pgid}.
     *
     * <p>Availability: Unix, not WASI.
     *
     * @param pgid a process group id, &gt; 0
     * @param sig  a signal number of the running platform
     * @throws IllegalArgumentException if {@code pgid <= 0} or {@code sig} is no signal here
     * @throws OsException              {@link ErrorKind#NO_SUCH_PROCESS}, {@link ErrorKind#PERMISSION_DENIED}
     */
    public static void killpg(int pgid, int sig) {
        if (pgid <= 0) {
            throw new IllegalArgumentException("os.killpg: process group id must be > 0 (got " + pgid + ")");
        }
        checkSignal(sig);
        posix("os.killpg").killpg(pgid, sig);
    }

    private static void checkSignal(int sig) {
        if (!Backends.get().signals().acceptsForKill(sig)) {
            throw new IllegalArgumentException("unknown signal number: " + sig + " on " + Backends.get().platformName());
        }
    }

    // ---- wait ------------------------------------------------------------------------------------

    /**
     * Python's {@code os.waitpid(pid, options)}.
     *
     * <ul>
     *   <li>{@code pid > 0}: wait for that child. For a child prockit started, its status comes
     *       from prockit's reaper, so it is still reaped exactly once.</li>
     *   <li>{@code pid == 0}: any child in the caller's process group; {@code pid == -1}: any child;
     *       {@code pid < -1}: any child in group {@code -pid}. Children prockit started are reported
     *       from its reaper; other children (the JDK's {@code ProcessBuilder}'s, another library's)
     *       are reaped by this call, and their owner will then find them gone.</li>
     * </ul>
     * With {@link #WNOHANG} and nothing ready, the result's pid is 0; it never waits. Group membership is
     * the child's group when the call looks (a child that called {@code setsid()} or {@code setpgid()} has
     * left the group it was started in). A wait for one child ends with {@link ErrorKind#INTERRUPTED} when
     * the thread is interrupted and leaves the child as it was (still prockit's, signalled through its
     * pidfd, collected by a later call); a wait for a group or any child blocks in the kernel and does not
     * notice interrupts. On Windows {@code pid} is a
     * process id started by prockit and the status is its exit code shifted left by 8 bits.
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param pid     which child, as above
     * @param options {@link #WNOHANG}, {@link #WUNTRACED}, {@link #WCONTINUED}, or 0
     * @return the pid and its raw status
     * @throws OsException {@link ErrorKind#NO_CHILD} when there is no such child (Python's {@code ChildProcessError})
     */
    public static WaitResult waitpid(int pid, int options) {
        checkOptions("os.waitpid", options, WNOHANG, WUNTRACED, WCONTINUED);
        return Backends.get().waitpid(pid, options);
    }

    static void checkOptions(String function, int options, int... allowed) {
        int mask = 0;
        for (int a : allowed) {
            if (a > 0) {
                mask |= a;
            }
        }
        if ((options & ~mask) != 0) {
            throw new IllegalArgumentException(function + ": unknown option bits 0x" + Integer.toHexString(options & ~mask)
                    + " in options 0x" + Integer.toHexString(options) + " on " + Backends.get().platformName());
        }
    }

    // ---- status macros -------------------------------------------------------------------------

    private static StatusCodec codec() {
        return Backends.get().statusCodec();
    }

    /** The codec, once {@code status} has the platform's width (Python: OverflowError / ValueError). */
    private static StatusCodec codec(String function, long status) {
        StatusCodec c = codec();
        if (!c.inRange(status)) {
            throw new IllegalArgumentException(function + ": invalid wait status " + status + " (0x"
                    + Long.toHexString(status) + "): wider than a wait status on " + Backends.get().platformName());
        }
        return c;
    }

    /**
     * Python's {@code os.waitstatus_to_exitcode(status)}: the exit code if the process exited, or
     * {@code -signal} if a signal killed it.
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param status a raw wait status
     * @return the exit code, or the negated signal number
     * @throws IllegalArgumentException if the status is "stopped" or "continued", as Python raises {@code ValueError},
     *                                  or wider than the platform's status (more than 32 bits on POSIX, read signed
     *                                  or unsigned; an exit code beyond 32 bits on Windows), naming the value
     */
    public static int waitstatusToExitcode(long status) {
        StatusCodec c = codec("os.waitstatus_to_exitcode", status);
        if (c.ifExited(status)) {
            return c.exitStatus(status);
        }
        if (c.ifSignaled(status)) {
            return -c.termSig(status);
        }
        throw new IllegalArgumentException("invalid wait status: " + status + " (0x" + Long.toHexString(status)
                + "): the process is stopped or continued, not ended");
    }

    /**
     * Python's {@code os.WIFEXITED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether the process exited normally
     */
    public static boolean WIFEXITED(long status) {
        return codec("os.WIFEXITED", status).ifExited(status);
    }

    /**
     * Python's {@code os.WEXITSTATUS}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return the exit code (meaningful when {@link #WIFEXITED})
     */
    public static int WEXITSTATUS(long status) {
        return codec("os.WEXITSTATUS", status).exitStatus(status);
    }

    /**
     * Python's {@code os.WIFSIGNALED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether a signal ended the process
     */
    public static boolean WIFSIGNALED(long status) {
        return codec("os.WIFSIGNALED", status).ifSignaled(status);
    }

    /**
     * Python's {@code os.WTERMSIG}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return the signal that ended the process (meaningful when {@link #WIFSIGNALED})
     */
    public static int WTERMSIG(long status) {
        return codec("os.WTERMSIG", status).termSig(status);
    }

    /**
     * Python's {@code os.WCOREDUMP}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether a core dump was written
     */
    public static boolean WCOREDUMP(long status) {
        return codec("os.WCOREDUMP", status).coreDump(status);
    }

    /**
     * Python's {@code os.WIFSTOPPED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether the process is stopped (reported under {@link #WUNTRACED})
     */
    public static boolean WIFSTOPPED(long status) {
        return codec("os.WIFSTOPPED", status).ifStopped(status);
    }

    /**
     * Python's {@code os.WSTOPSIG}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return the signal that stopped the process
     */
    public static int WSTOPSIG(long status) {
        return codec("os.WSTOPSIG", status).stopSig(status);
    }

    /**
     * Python's {@code os.WIFCONTINUED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether a stopped process was continued (reported under {@link #WCONTINUED})
     */
    public static boolean WIFCONTINUED(long status) {
        return codec("os.WIFCONTINUED", status).ifContinued(status);
    }

    // ---- spawn -----------------------------------------------------------------------------------

    /**
     * Python's {@code os.spawnv(mode, path, args)}: run {@code path} (not searched in PATH) with
     * {@code args} ({@code args[0]} is the name the program sees).
     *
     * <p>{@link #P_WAIT} returns the exit code, or {@code -signal}; {@link #P_NOWAIT} (and
     * {@link #P_NOWAITO}) the pid, for {@link #waitpid}; {@link #P_DETACH} the pid of a detached
     * child; {@link #P_OVERLAY} replaces the current process and does not return. Unlike Python on
     * POSIX, a program that cannot be started is an {@link OsException} here, never a child exiting 127.
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param path the program's path
     * @param args the argument vector; not empty, and {@code args[0]} not empty
     * @return exit code or pid, as above
     * @throws OsException if the program cannot be started
     */
    public static int spawnv(int mode, String path, List<String> args) {
        return spawn(mode, path, args, null, false);
    }

    /**
     * Python's {@code os.spawnve(mode, path, args, env)}: as {@link #spawnv}, with {@code env} as the
     * child's whole environment. Availability: Unix, Windows, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param path the program's path
     * @param args the argument vector; not empty, and {@code args[0]} not empty
     * @param env  the child's environment
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnve(int mode, String path, List<String> args, Map<String, String> env) {
        return spawn(mode, path, args, Objects.requireNonNull(env, "env"), false);
    }

    /**
     * Python's {@code os.spawnvp(mode, file, args)}: as {@link #spawnv}, looking {@code file} up in
     * PATH. Availability: Unix, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param file the program, searched in PATH when it has no slash
     * @param args the argument vector; not empty, and {@code args[0]} not empty
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnvp(int mode, String file, List<String> args) {
        notOnWindows("os.spawnvp");
        return spawn(mode, file, args, null, true);
    }

    /**
     * Python's {@code os.spawnvpe(mode, file, args, env)}: as {@link #spawnvp}, with {@code env} as
     * the child's environment, whose PATH is the one searched. Availability: Unix, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param file the program, searched in {@code env}'s PATH when it has no slash
     * @param args the argument vector; not empty, and {@code args[0]} not empty
     * @param env  the child's environment
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnvpe(int mode, String file, List<String> args, Map<String, String> env) {
        notOnWindows("os.spawnvpe");
        return spawn(mode, file, args, Objects.requireNonNull(env, "env"), true);
    }

    /**
     * Python's {@code os.spawnl(mode, path, arg0, ...)}. Availability: Unix, Windows, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param path the program's path
     * @param arg0 the name the program sees
     * @param args further arguments
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnl(int mode, String path, String arg0, String... args) {
        return spawnv(mode, path, list(arg0, args));
    }

    /**
     * Python's {@code os.spawnle(mode, path, arg0, ..., env)}; Java takes the environment before the
     * arguments. Availability: Unix, Windows, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param path the program's path
     * @param env  the child's environment
     * @param arg0 the name the program sees
     * @param args further arguments
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnle(int mode, String path, Map<String, String> env, String arg0, String... args) {
        return spawnve(mode, path, list(arg0, args), env);
    }

    /**
     * Python's {@code os.spawnlp(mode, file, arg0, ...)}. Availability: Unix, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param file the program, searched in PATH
     * @param arg0 the name the program sees
     * @param args further arguments
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnlp(int mode, String file, String arg0, String... args) {
        notOnWindows("os.spawnlp");
        return spawnvp(mode, file, list(arg0, args));
    }

    /**
     * Python's {@code os.spawnlpe(mode, file, arg0, ..., env)}; Java takes the environment before the
     * arguments. Availability: Unix, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param file the program, searched in {@code env}'s PATH
     * @param env  the child's environment
     * @param arg0 the name the program sees
     * @param args further arguments
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnlpe(int mode, String file, Map<String, String> env, String arg0, String... args) {
        notOnWindows("os.spawnlpe");
        return spawnvpe(mode, file, list(arg0, args), env);
    }

    /** Python's {@code spawn*p*} forms do not exist on Windows (the seed: "not available on Windows"). */
    private static void notOnWindows(String function) {
        posix(function); // throws where the platform is not POSIX
    }

    private static List<String> list(String arg0, String... args) {
        List<String> l = new ArrayList<>(args.length + 1);
        l.add(Objects.requireNonNull(arg0, "arg0"));
        l.addAll(Arrays.asList(args));
        return l;
    }

    private static int spawn(int mode, String program, List<String> args, Map<String, String> env, boolean search) {
        // As execv and posix_spawn (and Python's spawnv: "arg 2 first element cannot be empty").
        checkArgv("spawn", args);
        if (mode != P_WAIT && mode != P_NOWAIT && mode != P_NOWAITO && mode != P_DETACH && mode != P_OVERLAY) {
            throw new IllegalArgumentException("spawn: unknown mode " + mode);
        }
        Command cmd = new Command(program).argv0(args.get(0)).args(args.subList(1, args.size())).searchPath(search);
        if (env != null) {
            cmd.environment(env);
        }
        if (mode == P_OVERLAY) {
            exec(program, args, env, search);
        }
        if (mode == P_DETACH) {
            cmd.detach();
        }
        if (mode != P_WAIT) {
            return cmd.spawnForPid().pid();
        }
        Child child = cmd.spawn();
        return waitUninterruptibly(child).toExitcode();
    }

    /**
     * Waits as Python does since PEP 475: an interruption does not abandon the wait (the child would be
     * left running unobserved); the thread's interrupt status is restored when the wait is over.
     */
    private static ExitStatus waitUninterruptibly(Child child) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- system ----------------------------------------------------------------------------------

    /**
     * Python's {@code os.system(command)}: run {@code command} in a subshell ({@code /bin/sh -c} on
     * POSIX, {@code %COMSPEC% /c} on Windows) with the parent's stdio, and wait for it.
     *
     * <p>The shell sees the live process environment, so a value set with {@code Os.putenv} is
     * there. Returns the encoded wait status on POSIX (decode it with {@link #waitstatusToExitcode});
     * on Windows the shell's exit code.
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param command the shell command line
     * @return the wait status (POSIX) or exit code (Windows)
     */
    public static long system(String command) {
        Checks.noNul("command", command);
        Child c = Command.shell(command).spawn();
        waitUninterruptibly(c);
        return Backends.get().systemResult(c.waitStatus().orElseThrow());
    }

    // ---- startfile -------------------------------------------------------------------------------

    /** {@code SW_SHOWNORMAL}, Python's default {@code show_cmd}. */
    private static final int SW_SHOWNORMAL = 1;

    /**
     * Python's {@code os.startfile(path)}: opens {@code path} with the application associated with it, as
     * double-clicking it in Explorer does, and returns as soon as that application has been started
     * (there is no way to wait for it or read its exit status).
     *
     * <pre>{@code
     * Os.startfile("report.pdf");                    // the PDF viewer opens it
     * Os.startfile("https://example.org/");          // the default browser
     * }</pre>
     *
     * <p>Platform notes: {@code ShellExecuteExW}; a relative path is resolved against the process's
     * current directory ({@link #chdir}), and an absolute path must not start with {@code /}.
     * Availability: Windows.
     *
     * @param path the file, directory or URL
     * @throws OsException when nothing can open it (no association, not found, access denied)
     * @throws UnsupportedOperationException on other platforms
     */
    public static void startfile(String path) {
        startfile(path, null, null, null, SW_SHOWNORMAL);
    }

    /**
     * Python's {@code os.startfile(path, operation)}: performs a shell verb on {@code path}.
     * Availability: Windows.
     *
     * <pre>{@code
     * Os.startfile("report.txt", "print");
     * Os.startfile("C:\\Users", "explore");
     * }</pre>
     *
     * @param path      the file, directory or URL
     * @param operation a verb: {@code "open"}, {@code "print"}, {@code "edit"}, {@code "explore"}, {@code "find"},
     *                  {@code "runas"}, ...; null for the default one
     */
    public static void startfile(String path, String operation) {
        startfile(path, operation, null, null, SW_SHOWNORMAL);
    }

    /**
     * Python's {@code os.startfile(path, operation, arguments, cwd)} (Python 3.10). Availability: Windows.
     *
     * <pre>{@code
     * Os.startfile("notepad.exe", null, "notes.txt", "C:\\work");
     * }</pre>
     *
     * @param path      the file, directory, program or URL; a relative path is resolved against {@code cwd}
     * @param operation a verb, or null for the default
     * @param arguments one string passed to an application that is started, or null
     * @param cwd       the working directory (absolute), or null for the process's
     */
    public static void startfile(String path, String operation, String arguments, String cwd) {
        startfile(path, operation, arguments, cwd, SW_SHOWNORMAL);
    }

    /**
     * Python's {@code os.startfile(path, operation, arguments, cwd, show_cmd)} (Python 3.10).
     * Availability: Windows.
     *
     * <pre>{@code
     * Os.startfile("setup.exe", "runas", "/quiet", null, 0);   // elevated, SW_HIDE
     * }</pre>
     *
     * <p>Platform notes: {@code ShellExecuteExW} with {@code SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI}
     * (no error dialogs; errors become {@link OsException}); a process handle it returns is closed at once.
     *
     * @param path      the file, directory, program or URL; not empty
     * @param operation a verb, or null for the default
     * @param arguments one string passed to an application that is started, or null
     * @param cwd       the working directory (absolute), or null for the process's
     * @param showCmd   an {@code SW_*} value, 0..11 ({@code SW_HIDE} 0, {@code SW_SHOWNORMAL} 1, ...)
     * @throws IllegalArgumentException for an empty path, NUL in any string or an unknown {@code showCmd}
     */
    public static void startfile(String path, String operation, String arguments, String cwd, int showCmd) {
        Checks.noNul("os.startfile path", Objects.requireNonNull(path, "path"));
        if (path.isEmpty()) {
            throw new IllegalArgumentException("os.startfile: path is empty");
        }
        if (operation != null) {
            Checks.noNul("os.startfile operation", operation);
        }
        if (arguments != null) {
            Checks.noNul("os.startfile arguments", arguments);
        }
        if (cwd != null) {
            Checks.noNul("os.startfile cwd", cwd);
        }
        if (showCmd < 0 || showCmd > 11) {
            throw new IllegalArgumentException("os.startfile: show_cmd must be an SW_* value 0..11 (got " + showCmd + ")");
        }
        windows("os.startfile").startfile(path, operation, arguments, cwd, showCmd);
    }

    // =============================================================================================
    // Python os parity (issue 3)
    // =============================================================================================

    private static io.prockit.spi.ProcessBackend b() {
        return Backends.get();
    }

    // ---- availability: the one place its exception is built ----------------------------------------

    /**
     * Python's "Availability" as behaviour: the exception every function the running platform lacks throws.
     * The only place it is built; the backend says what it lacks by an empty capability.
     *
     * @param function Python's name, e.g. {@code "os.fork"}, with an explanation where one helps
     * @return {@code UnsupportedOperationException("os.getuid is not available on Windows")}
     */
    private static UnsupportedOperationException unavailable(String function) {
        return new UnsupportedOperationException(function + " is not available on " + b().platformName());
    }

    private static io.prockit.spi.CurrentProcess current() {
        return b().currentProcess();
    }

    private static io.prockit.spi.PosixCalls posix(String function) {
        java.util.Optional<io.prockit.spi.PosixCalls> p = b().posix();
        if (p.isEmpty()) {
            throw unavailable(function);
        }
        return p.get();
    }

    private static io.prockit.spi.SavedIdCalls savedIds(String function) {
        java.util.Optional<io.prockit.spi.SavedIdCalls> p = posix(function).savedIds();
        if (p.isEmpty()) {
            throw unavailable(function);
        }
        return p.get();
    }

    private static io.prockit.spi.SchedulerCalls scheduler(String function) {
        java.util.Optional<io.prockit.spi.SchedulerCalls> p = posix(function).scheduler();
        if (p.isEmpty()) {
            throw unavailable(function);
        }
        return p.get();
    }

    private static io.prockit.spi.PidfdCalls pidfd(String function) {
        java.util.Optional<io.prockit.spi.PidfdCalls> p = posix(function).pidfd();
        if (p.isEmpty()) {
            throw unavailable(function);
        }
        return p.get();
    }

    private static io.prockit.spi.WindowsCalls windows(String function) {
        java.util.Optional<io.prockit.spi.WindowsCalls> p = b().windows();
        if (p.isEmpty()) {
            throw unavailable(function);
        }
        return p.get();
    }

    private static void checkArgv(String function, List<String> args) {
        Objects.requireNonNull(args, "args");
        if (args.isEmpty()) {
            throw new IllegalArgumentException(function + ": args is empty; args[0] must name the program");
        }
        if (args.get(0) == null || args.get(0).isEmpty()) {
            throw new IllegalArgumentException(function + ": args[0] must not be empty");
        }
        for (String a : args) {
            Checks.noNul(function + " argument", a);
        }
    }

    private static Map<String, String> checkEnv(String function, Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Map<String, String> copy = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            Checks.envName(k);
            copy.put(k, Checks.noNul(function + " environment value of " + k, v));
        });
        return copy;
    }

    private static void exec(String program, List<String> args, Map<String, String> env, boolean search) {
        Checks.noNul("program", program);
        if (program.isEmpty()) {
            throw new IllegalArgumentException("exec: program is empty");
        }
        checkArgv("exec", args);
        Map<String, String> e = env == null ? null : checkEnv("exec", env);
        current().execve(program, List.copyOf(args), e, search);
    }

    // ---- exec ------------------------------------------------------------------------------------

    /**
     * Python's {@code os.execv(path, args)}: replaces the current process (the whole JVM, same pid) with
     * {@code path} run with {@code args}. Never returns on success. {@link System#out} and
     * {@link System#err} are flushed first; nothing else is (no shutdown hooks, no finalisation, open
     * buffered streams lose their buffers), exactly as the Python documentation warns.
     *
     * <pre>{@code
     * Os.execv("/bin/echo", List.of("echo", "replaced"));   // the JVM is gone; echo runs as this pid
     * }</pre>
     *
     * <p>Descriptors without close-on-exec stay open in the new program, as Python's inheritable ones do;
     * the JVM holds about ten such descriptors of its own. The calling thread's signal mask is emptied.
     *
     * <p>Availability: Unix, Windows, not WASI. Platform notes: {@code execve(2)} on POSIX; on Windows
     * (where Python emulates it by spawning and exiting) the backend decides.
     *
     * @param path the program's path (not searched)
     * @param args the argument vector; not empty, {@code args[0]} not empty
     * @throws OsException if the program cannot be run (the JVM keeps running)
     */
    public static void execv(String path, List<String> args) {
        exec(path, args, null, false);
    }

    /**
     * Python's {@code os.execve(path, args, env)}: as {@link #execv}, with {@code env} as the whole
     * environment. Availability: Unix, Windows, not WASI.
     *
     * @param path the program's path
     * @param args the argument vector
     * @param env  the new program's environment
     */
    public static void execve(String path, List<String> args, Map<String, String> env) {
        exec(path, args, env, false);
    }

    /**
     * Python's {@code os.execvp(file, args)}: as {@link #execv}, searching {@code file} in this process's
     * PATH. Availability: Unix, Windows, not WASI.
     *
     * @param file the program, searched in PATH when it has no slash
     * @param args the argument vector
     */
    public static void execvp(String file, List<String> args) {
        exec(file, args, null, true);
    }

    /**
     * Python's {@code os.execvpe(file, args, env)}: as {@link #execvp}, searching the PATH of {@code env}
     * and passing {@code env}. Availability: Unix, Windows, not WASI.
     *
     * @param file the program
     * @param args the argument vector
     * @param env  the new environment, whose PATH is searched
     */
    public static void execvpe(String file, List<String> args, Map<String, String> env) {
        exec(file, args, env, true);
    }

    /**
     * Python's {@code os.execl(path, arg0, ...)}. Availability: Unix, Windows, not WASI.
     *
     * @param path the program's path
     * @param arg0 the name the program sees
     * @param args further arguments
     */
    public static void execl(String path, String arg0, String... args) {
        exec(path, list(arg0, args), null, false);
    }

    /**
     * Python's {@code os.execle(path, arg0, ..., env)}; Java takes the environment before the arguments.
     * Availability: Unix, Windows, not WASI.
     *
     * @param path the program's path
     * @param env  the new environment
     * @param arg0 the name the program sees
     * @param args further arguments
     */
    public static void execle(String path, Map<String, String> env, String arg0, String... args) {
        exec(path, list(arg0, args), env, false);
    }

    /**
     * Python's {@code os.execlp(file, arg0, ...)}. Availability: Unix, Windows, not WASI.
     *
     * @param file the program, searched in PATH
     * @param arg0 the name the program sees
     * @param args further arguments
     */
    public static void execlp(String file, String arg0, String... args) {
        exec(file, list(arg0, args), null, true);
    }

    /**
     * Python's {@code os.execlpe(file, arg0, ..., env)}; Java takes the environment before the arguments.
     * Availability: Unix, Windows, not WASI.
     *
     * @param file the program, searched in {@code env}'s PATH
     * @param env  the new environment
     * @param arg0 the name the program sees
     * @param args further arguments
     */
    public static void execlpe(String file, Map<String, String> env, String arg0, String... args) {
        exec(file, list(arg0, args), env, true);
    }

    /**
     * Python's {@code os._exit(n)}: ends the process at once with status {@code n}, without shutdown
     * hooks or flushing ({@code System.exit} runs them). Availability: Unix, Windows.
     *
     * <pre>{@code
     * Os._exit(Os.EX_SOFTWARE);
     * }</pre>
     *
     * @param n the exit status (the low 8 bits are seen by the parent on POSIX)
     */
    public static void _exit(int n) {
        current()._exit(n);
    }

    /**
     * Python's {@code os.abort()}: ends the process with {@code SIGABRT} (a core dump where the limits
     * allow one); shutdown hooks do not run. Availability: Unix, Windows.
     *
     * <pre>{@code
     * Os.abort();
     * }</pre>
     */
    public static void abort() {
        current().abort();
    }

    // ---- what a JVM cannot do -------------------------------------------------------------------

    private static final String FORK_WHY = " cannot work in a JVM: the forked child holds only the calling thread, and the"
            + " first garbage collection or safepoint deadlocks it. Use JavaChild.of(MainClass.class, args).spawn()"
            + " (Python multiprocessing's \"spawn\") or Command.spawn()";

    /**
     * Python's {@code os.fork()}: not possible in a JVM; always throws. Availability: Unix (Python); never here.
     *
     * <pre>{@code
     * Child worker = JavaChild.of(Worker.class, "1").spawn();   // instead of os.fork()
     * }</pre>
     *
     * @return never
     * @throws UnsupportedOperationException always, naming {@link JavaChild} and {@link Command}
     */
    public static int fork() {
        throw new UnsupportedOperationException("os.fork" + FORK_WHY);
    }

    /**
     * Python's {@code os.forkpty()}: not possible in a JVM; always throws. Availability: Unix (Python); never here.
     *
     * <pre>{@code
     * OpenptyResult pty = Os.openpty();   // then spawn with Stdio.fd(pty.slaveFd()) and a new session
     * }</pre>
     *
     * @return never
     * @throws UnsupportedOperationException always, naming {@link JavaChild} and {@link #openpty()}
     */
    public static int forkpty() {
        throw new UnsupportedOperationException("os.forkpty" + FORK_WHY
                + "; for a child on a pseudo-terminal use Os.openpty() and Command with the slave as its stdio");
    }

    /**
     * Python's {@code os.register_at_fork(...)}: there is no fork to hook; always throws.
     * Availability: Unix (Python); never here.
     *
     * <pre>{@code
     * Os.registerAtFork(null, null, null);   // throws
     * }</pre>
     *
     * @param before        ignored
     * @param afterInParent ignored
     * @param afterInChild  ignored
     * @throws UnsupportedOperationException always
     */
    public static void registerAtFork(Runnable before, Runnable afterInParent, Runnable afterInChild) {
        throw new UnsupportedOperationException("os.register_at_fork: prockit never forks (posix_spawn is used), so there"
                + " is nothing to hook; os.fork" + FORK_WHY);
    }

    /**
     * Python's {@code os.plock(op)}: locks program segments in memory. glibc and macOS have no
     * {@code plock}, so Python lacks it there too; always throws. Availability: some Unix (not Linux, not macOS).
     *
     * <pre>{@code
     * Os.plock(0);   // throws
     * }</pre>
     *
     * @param op ignored
     * @throws UnsupportedOperationException always
     */
    public static void plock(int op) {
        throw unavailable("os.plock (the C library has no plock; use mlockall through JNA if needed)");
    }

    // ---- popen -----------------------------------------------------------------------------------

    /**
     * Python's {@code os.popen(cmd, mode)}: runs {@code cmd} through the shell with one pipe, to read
     * its output ({@code "r"}) or write its input ({@code "w"}). The other streams are inherited.
     * On POSIX the shell leads a process group of its own, so a job it leaves in the background
     * ({@code "job &"}) still ends with {@link Child#killTree()}-style cleanup at JVM exit; unless this
     * process's controlling terminal has its group in the foreground (a JVM run interactively), where the shell
     * stays in this group (as Python's does) so that it can use the terminal. The same holds for
     * {@code popen2/3/4}.
     *
     * <pre>{@code
     * Popen p = Os.popen("echo $HOME", "r");
     * String home = p.read().strip();
     * Long status = p.close();        // null on success
     * }</pre>
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param cmd  the shell command line
     * @param mode {@code "r"} or {@code "w"}
     * @return the pipe; {@link Popen#close()} returns null on success, else the wait status
     * @throws IllegalArgumentException for another mode
     */
    public static Popen popen(String cmd, String mode) {
        Checks.noNul("command", cmd);
        boolean read;
        if ("r".equals(mode)) {
            read = true;
        } else if ("w".equals(mode)) {
            read = false;
        } else {
            throw new IllegalArgumentException("os.popen: invalid mode " + mode + " (expected \"r\" or \"w\")");
        }
        Command c = Command.shell(cmd);
        if (read) {
            c.stdout(Stdio.pipe());
        } else {
            c.stdin(Stdio.pipe());
        }
        return new Popen(popenGroup(c).spawn(), read);
    }

    /**
     * On POSIX, popen's shell leads a process group of its own, so what it leaves running in the background
     * ({@code "job &"}, then the shell exits) stays in a group prockit knows: {@link Child#killTree()} and the
     * exit hook end it even after the shell is gone. The one exception: when this process's controlling terminal
     * has this process's group in the foreground (a JVM run interactively), the shell stays in this group, as
     * Python's popen child does, so that it, or a program it runs ({@code ssh} or {@code sudo} asking for a
     * password on {@code /dev/tty}), can use the terminal (a background group would be stopped by
     * {@code SIGTTIN}/{@code SIGTTOU}) and the terminal's Ctrl-C reaches it; its background jobs then outlive a
     * {@code System.exit}. Windows: unchanged (the child's job object already holds its descendants).
     *
     * @param c the shell command
     * @return the command, in a new group where that is safe
     */
    private static Command popenGroup(Command c) {
        java.util.Optional<io.prockit.spi.PosixCalls> p = b().posix();
        if (p.isEmpty() || p.get().foregroundOfControllingTerminal()) {
            return c;
        }
        return c.newProcessGroup();
    }

    /**
     * Python's {@code os.popen(cmd)}: {@link #popen(String, String)} in mode {@code "r"}.
     * Availability: Unix, Windows, not WASI.
     *
     * @param cmd the shell command line
     * @return the pipe
     */
    public static Popen popen(String cmd) {
        return popen(cmd, "r");
    }

    private static Child popenChild(Command c, Stdio err) {
        return popenGroup(c.stdin(Stdio.pipe()).stdout(Stdio.pipe()).stderr(err)).spawn();
    }

    /**
     * Python 2's {@code os.popen2(cmd)}: runs {@code cmd} through the shell with pipes to its stdin and from its
     * stdout; stderr is inherited.
     *
     * <pre>{@code
     * Popen2 p = Os.popen2("cat -");
     * }</pre>
     *
     * <p>Availability: Unix, Windows (Python 2; removed in Python 3 in favour of subprocess).
     *
     * @param cmd the shell command line
     * @return {@code (child_stdin, child_stdout)}
     */
    public static Popen2 popen2(String cmd) {
        Child c = popenChild(Command.shell(cmd), Stdio.inherit());
        return new Popen2(c.stdin(), c.stdout(), c.pid());
    }

    /**
     * Python 2's {@code os.popen2([program, args...])}: as {@link #popen2(String)}, running the program
     * directly (searched in PATH) instead of through the shell. Availability: Unix, Windows (Python 2).
     *
     * @param argv the program and its arguments; not empty
     * @return {@code (child_stdin, child_stdout)}
     */
    public static Popen2 popen2(List<String> argv) {
        Child c = popenChild(Command.of(argv), Stdio.inherit());
        return new Popen2(c.stdin(), c.stdout(), c.pid());
    }

    /**
     * Python 2's {@code os.popen3(cmd)}: pipes to stdin and from stdout and stderr.
     * Availability: Unix, Windows (Python 2).
     *
     * <pre>{@code
     * Popen3 p = Os.popen3("cat -; echo \";to stderr\" 1>&2");
     * }</pre>
     *
     * @param cmd the shell command line
     * @return {@code (child_stdin, child_stdout, child_stderr)}
     */
    public static Popen3 popen3(String cmd) {
        Child c = popenChild(Command.shell(cmd), Stdio.pipe());
        return new Popen3(c.stdin(), c.stdout(), c.stderr(), c.pid());
    }

    /**
     * Python 2's {@code os.popen3([program, args...])}. Availability: Unix, Windows (Python 2).
     *
     * @param argv the program and its arguments; not empty
     * @return {@code (child_stdin, child_stdout, child_stderr)}
     */
    public static Popen3 popen3(List<String> argv) {
        Child c = popenChild(Command.of(argv), Stdio.pipe());
        return new Popen3(c.stdin(), c.stdout(), c.stderr(), c.pid());
    }

    /**
     * Python 2's {@code os.popen4(cmd)}: a pipe to stdin and one from stdout and stderr merged.
     * Availability: Unix, Windows (Python 2).
     *
     * <pre>{@code
     * Popen4 p = Os.popen4("cat -; echo \";to stderr\" 1>&2");
     * }</pre>
     *
     * @param cmd the shell command line
     * @return {@code (child_stdin, child_stdout_and_stderr)}
     */
    public static Popen4 popen4(String cmd) {
        Child c = popenChild(Command.shell(cmd), Stdio.toStdout());
        return new Popen4(c.stdin(), c.stdout(), c.pid());
    }

    /**
     * Python 2's {@code os.popen4([program, args...])}. Availability: Unix, Windows (Python 2).
     *
     * @param argv the program and its arguments; not empty
     * @return {@code (child_stdin, child_stdout_and_stderr)}
     */
    public static Popen4 popen4(List<String> argv) {
        Child c = popenChild(Command.of(argv), Stdio.toStdout());
        return new Popen4(c.stdin(), c.stdout(), c.pid());
    }

    // ---- wait family -----------------------------------------------------------------------------

    /**
     * Python's {@code os.wait()}: waits for any child, {@code waitpid(-1, 0)}. Named {@code waitAny}
     * because {@code Object.wait()} is final in Java and a static {@code wait()} cannot exist.
     *
     * <p>What it can steal: a child of the JDK's {@code ProcessBuilder} or of another library is reaped
     * by this call, and its owner then finds it gone (the JDK reports exit code 0 or fails). Children
     * prockit started are reported from prockit's reaper and stay consistent: one that has just been
     * spawned is registered before this call can see it, so it is never taken for a foreign child; and a
     * foreign child that its owner reaps first is looked for again, not reported as "no child" while others
     * are pending. Prefer {@link #waitpid}
     * with a pid, or {@link Child#waitFor()}.
     *
     * <p>Which prockit children it reports: those of {@link #spawnv} and friends ({@code P_NOWAIT}) and
     * {@link #posixSpawn} until they are waited for, and those of {@link Command#spawn()} whose
     * {@link Child} has not been waited on, but not a {@code Child} that was dropped (became unreachable)
     * and has ended, which prockit forgets, as Python's {@code subprocess} reaps dropped {@code Popen}
     * objects. Which of those a call sees therefore depends on the garbage collector's timing.
     *
     * <pre>{@code
     * WaitResult r = Os.waitAny();
     * }</pre>
     *
     * <p>Availability: Unix, not WASI.
     *
     * @return the pid and its raw status
     * @throws OsException {@link ErrorKind#NO_CHILD} when there is no child (Python's {@code ChildProcessError})
     */
    public static WaitResult waitAny() {
        return b().waitpid(-1, 0);
    }

    /**
     * Python's {@code os.wait3(options)}: {@link #wait4}{@code (-1, options)}. Availability: Unix, not WASI.
     *
     * <pre>{@code
     * Wait4Result r = Os.wait3(0);
     * }</pre>
     *
     * @param options {@link #WNOHANG}, {@link #WUNTRACED}, {@link #WCONTINUED}, or 0
     * @return pid, status and resource usage; pid 0 under WNOHANG when nothing changed
     */
    public static Wait4Result wait3(int options) {
        return wait4(-1, options);
    }

    /**
     * Python's {@code os.wait4(pid, options)}: as {@link #waitpid}, also returning the child's resource
     * usage ({@code getrusage} fields). For children prockit started the usage is what its reaper
     * recorded when it reaped them; reaping another library's children has the effect {@link #waitAny()}
     * describes.
     *
     * <pre>{@code
     * Wait4Result r = Os.wait4(pid, 0);
     * double cpu = r.rusage().ruUtime() + r.rusage().ruStime();
     * }</pre>
     *
     * <p>Availability: Unix, not WASI.
     *
     * @param pid     as {@link #waitpid}
     * @param options {@link #WNOHANG}, {@link #WUNTRACED}, {@link #WCONTINUED}, or 0
     * @return pid, status and usage (zero usage for stop/continue reports and when pid is 0)
     * @throws OsException {@link ErrorKind#NO_CHILD} when there is no such child
     */
    public static Wait4Result wait4(int pid, int options) {
        checkOptions("os.wait4", options, WNOHANG, WUNTRACED, WCONTINUED);
        return posix("os.wait4").wait4(pid, options);
    }

    /**
     * Python's {@code os.waitid(idtype, id, options)}. With {@link #WNOWAIT} the child stays waitable;
     * without it, an exited child is reaped (children prockit started: collected from its reaper, which
     * reaped them). Under {@link #WNOHANG} with nothing ready it returns {@code null}, as Python returns None.
     * Reaping another library's children has the effect {@link #waitAny()} describes. With
     * {@link #P_PIDFD} and a pidfd opened with {@link #PIDFD_NONBLOCK}, a call without {@link #WNOHANG}
     * for a child that has not exited fails with {@code EAGAIN}, as the kernel's does.
     *
     * <pre>{@code
     * WaitidResult r = Os.waitid(Os.P_PID, pid, Os.WEXITED);
     * }</pre>
     *
     * <p>Availability: Unix, not WASI ({@link #P_PIDFD}: Linux &gt;= 5.4).
     *
     * @param idtype  {@link #P_PID}, {@link #P_PGID}, {@link #P_ALL} or {@link #P_PIDFD}
     * @param id      the pid, group or pidfd (ignored for P_ALL)
     * @param options {@link #WEXITED}, {@link #WSTOPPED}, {@link #WCONTINUED} (at least one), with {@link #WNOHANG}, {@link #WNOWAIT}
     * @return the child's siginfo, or null
     * @throws IllegalArgumentException for an unknown idtype or option, or none of the three events
     * @throws OsException {@link ErrorKind#NO_CHILD} when nothing matches
     */
    public static WaitidResult waitid(int idtype, int id, int options) {
        if (idtype < 0 || (idtype != P_PID && idtype != P_PGID && idtype != P_ALL && idtype != P_PIDFD)) {
            throw new IllegalArgumentException("os.waitid: unknown idtype " + idtype + " on " + b().platformName());
        }
        checkOptions("os.waitid", options, WEXITED, WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT);
        int events = 0;
        for (int e : new int[] {WEXITED, WSTOPPED, WCONTINUED}) {
            if (e > 0) {
                events |= e;
            }
        }
        if ((options & events) == 0) {
            throw new IllegalArgumentException("os.waitid: options 0x" + Integer.toHexString(options)
                    + " name no event: add WEXITED, WSTOPPED or WCONTINUED");
        }
        return posix("os.waitid").waitid(idtype, id, options);
    }

    /**
     * Python's {@code os.pidfd_open(pid, flags)}: a descriptor referring to process {@code pid}, for
     * {@link #waitid} with {@link #P_PIDFD} or for polling. The caller owns it and must {@link #close} it;
     * it is close-on-exec. prockit reaps its own children as soon as they exit, so open the pidfd of
     * such a child while it runs: after its exit the pid is gone ({@link ErrorKind#NO_SUCH_PROCESS}).
     *
     * <pre>{@code
     * int fd = Os.pidfdOpen(pid, 0);
     * try { Os.waitid(Os.P_PIDFD, fd, Os.WEXITED); } finally { Os.close(fd); }
     * }</pre>
     *
     * <p>Availability: Linux &gt;= 5.3, Android &gt;= 12.
     *
     * @param pid   a process, &gt; 0
     * @param flags 0 or {@link #PIDFD_NONBLOCK}
     * @return the pidfd
     */
    public static int pidfdOpen(int pid, int flags) {
        Checks.positivePid("os.pidfd_open", pid);
        checkOptions("os.pidfd_open", flags, PIDFD_NONBLOCK);
        return pidfd("os.pidfd_open").pidfdOpen(pid, flags);
    }

    /**
     * Python's {@code os.pidfd_open(pid)}. Availability: Linux &gt;= 5.3.
     *
     * @param pid a process, &gt; 0
     * @return the pidfd; close it with {@link #close}
     */
    public static int pidfdOpen(int pid) {
        return pidfdOpen(pid, 0);
    }

    /**
     * Python's {@code os.close(fd)}: closes a raw descriptor this API returned ({@link #pipe}, {@link #dup},
     * {@link #pidfdOpen}, {@link #openpty}). Availability: Unix, Windows.
     *
     * <pre>{@code
     * Os.close(fd);
     * }</pre>
     *
     * <p>Platform notes: on Windows the descriptor is the C runtime's ({@code _close}, which closes its handle);
     * one that is not open is an {@link OsException} ({@code EBADF}), as on POSIX.
     *
     * @param fd the descriptor, &gt;= 0
     */
    public static void close(int fd) {
        checkFd("os.close", fd);
        java.util.Optional<io.prockit.spi.PosixCalls> posix = b().posix();
        if (posix.isPresent()) {
            posix.get().close(fd);
        } else {
            descriptors("os.close").close(fd);
        }
    }

    /**
     * Python's {@code os.isatty(fd)}. Availability: Unix, Windows.
     *
     * <pre>{@code
     * boolean interactive = Os.isatty(0);
     * }</pre>
     *
     * <p>Platform notes: on Windows the C runtime's {@code _isatty}: true for any character device, so also for
     * {@code NUL}, as in CPython; false for a descriptor that is not open.
     *
     * @param fd a descriptor
     * @return whether it is a terminal
     */
    public static boolean isatty(int fd) {
        checkFd("os.isatty", fd);
        java.util.Optional<io.prockit.spi.PosixCalls> posix = b().posix();
        if (posix.isPresent()) {
            return posix.get().isatty(fd);
        }
        return b().windows().orElseThrow(() -> unavailable("os.isatty")).isatty(fd);
    }

    private static void checkFd(String function, int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException(function + ": file descriptor must be >= 0 (got " + fd + ")");
        }
    }

    // ---- the process's owner ---------------------------------------------------------------------

    private static int id(String function, int id) {
        if (id < 0) {
            throw new IllegalArgumentException(function + ": id must be >= 0 (got " + id + ")");
        }
        return id;
    }

    private static int idOrKeep(String function, int id) {
        if (id < -1) {
            throw new IllegalArgumentException(function + ": id must be >= 0, or -1 to keep it (got " + id + ")");
        }
        return id;
    }

    /** Python's {@code os.getuid()}. Availability: Unix. {@code int uid = Os.getuid();} @return the real user id */
    public static int getuid() {
        return posix("os.getuid").getuid();
    }

    /** Python's {@code os.geteuid()}. Availability: Unix. {@code int euid = Os.geteuid();} @return the effective user id */
    public static int geteuid() {
        return posix("os.geteuid").geteuid();
    }

    /** Python's {@code os.getgid()}. Availability: Unix. {@code int gid = Os.getgid();} @return the real group id */
    public static int getgid() {
        return posix("os.getgid").getgid();
    }

    /** Python's {@code os.getegid()}. Availability: Unix. {@code int egid = Os.getegid();} @return the effective group id */
    public static int getegid() {
        return posix("os.getegid").getegid();
    }

    /**
     * Python's {@code os.getgroups()}: the supplementary group ids. Availability: Unix.
     * Platform notes: on macOS the list may differ from {@link #getgrouplist} (see Python's note).
     * {@code int[] groups = Os.getgroups();}
     *
     * @return the ids
     */
    public static int[] getgroups() {
        return posix("os.getgroups").getgroups();
    }

    /**
     * Python's {@code os.getgrouplist(user, group)}: the groups {@code user} belongs to, {@code group}
     * included. Availability: Unix. {@code int[] g = Os.getgrouplist("root", 0);}
     *
     * @param user  a user name
     * @param group a group id always in the result
     * @return the ids
     */
    public static int[] getgrouplist(String user, int group) {
        Checks.noNul("user", user);
        return posix("os.getgrouplist").getgrouplist(user, id("os.getgrouplist", group));
    }

    /**
     * Python's {@code os.getlogin()}: the user logged in on the controlling terminal (from utmp).
     * Availability: Unix, Windows. {@code String who = Os.getlogin();}
     *
     * @return the login name
     * @throws OsException when there is no controlling terminal or utmp entry (e.g. ENOTTY, ENXIO)
     */
    public static String getlogin() {
        return current().getlogin();
    }

    /**
     * Python's {@code os.getresuid()}: real, effective and saved user ids. Availability: Unix (Linux; not macOS).
     * {@code int[] ids = Os.getresuid();}
     *
     * @return {ruid, euid, suid}
     */
    public static int[] getresuid() {
        return savedIds("os.getresuid").getresuid();
    }

    /**
     * Python's {@code os.getresgid()}: real, effective and saved group ids. Availability: Unix (Linux; not macOS).
     * {@code int[] ids = Os.getresgid();}
     *
     * @return {rgid, egid, sgid}
     */
    public static int[] getresgid() {
        return savedIds("os.getresgid").getresgid();
    }

    /**
     * Python's {@code os.setuid(uid)}: sets the user ids of the whole process (every JVM thread: glibc
     * broadcasts it). Availability: Unix. {@code Os.setuid(65534);}
     *
     * @param uid a user id
     * @throws OsException {@link ErrorKind#PERMISSION_DENIED} without the privilege
     */
    public static void setuid(int uid) {
        posix("os.setuid").setuid(id("os.setuid", uid));
    }

    /** Python's {@code os.seteuid(euid)}. Availability: Unix. {@code Os.seteuid(65534);} @param euid the effective user id */
    public static void seteuid(int euid) {
        posix("os.seteuid").seteuid(id("os.seteuid", euid));
    }

    /** Python's {@code os.setgid(gid)}. Availability: Unix. {@code Os.setgid(65534);} @param gid the group id */
    public static void setgid(int gid) {
        posix("os.setgid").setgid(id("os.setgid", gid));
    }

    /** Python's {@code os.setegid(egid)}. Availability: Unix. {@code Os.setegid(65534);} @param egid the effective group id */
    public static void setegid(int egid) {
        posix("os.setegid").setegid(id("os.setegid", egid));
    }

    /**
     * Python's {@code os.setreuid(ruid, euid)}; -1 keeps a value. Availability: Unix. {@code Os.setreuid(-1, 65534);}
     *
     * @param ruid real user id or -1
     * @param euid effective user id or -1
     */
    public static void setreuid(int ruid, int euid) {
        posix("os.setreuid").setreuid(idOrKeep("os.setreuid", ruid), idOrKeep("os.setreuid", euid));
    }

    /**
     * Python's {@code os.setregid(rgid, egid)}; -1 keeps a value. Availability: Unix. {@code Os.setregid(-1, 65534);}
     *
     * @param rgid real group id or -1
     * @param egid effective group id or -1
     */
    public static void setregid(int rgid, int egid) {
        posix("os.setregid").setregid(idOrKeep("os.setregid", rgid), idOrKeep("os.setregid", egid));
    }

    /**
     * Python's {@code os.setresuid(ruid, euid, suid)}; -1 keeps a value. Availability: Unix (Linux; not macOS).
     * {@code Os.setresuid(65534, 65534, 65534);}
     *
     * @param ruid real or -1
     * @param euid effective or -1
     * @param suid saved or -1
     */
    public static void setresuid(int ruid, int euid, int suid) {
        savedIds("os.setresuid").setresuid(idOrKeep("os.setresuid", ruid), idOrKeep("os.setresuid", euid), idOrKeep("os.setresuid", suid));
    }

    /**
     * Python's {@code os.setresgid(rgid, egid, sgid)}; -1 keeps a value. Availability: Unix (Linux; not macOS).
     * {@code Os.setresgid(65534, 65534, 65534);}
     *
     * @param rgid real or -1
     * @param egid effective or -1
     * @param sgid saved or -1
     */
    public static void setresgid(int rgid, int egid, int sgid) {
        savedIds("os.setresgid").setresgid(idOrKeep("os.setresgid", rgid), idOrKeep("os.setresgid", egid), idOrKeep("os.setresgid", sgid));
    }

    /**
     * Python's {@code os.setgroups(groups)}: needs privilege. Availability: Unix. {@code Os.setgroups(new int[0]);}
     *
     * @param groups the supplementary group ids
     */
    public static void setgroups(int[] groups) {
        for (int g : groups) {
            id("os.setgroups", g);
        }
        posix("os.setgroups").setgroups(groups.clone());
    }

    /**
     * Python's {@code os.initgroups(username, gid)}: sets the supplementary groups from the group database.
     * Availability: Unix. {@code Os.initgroups("nobody", 65534);}
     *
     * @param username a user name
     * @param gid      a group id added to the list
     */
    public static void initgroups(String username, int gid) {
        Checks.noNul("username", username);
        posix("os.initgroups").initgroups(username, id("os.initgroups", gid));
    }

    // ---- process groups, sessions, terminal --------------------------------------------------------

    private static int pidOrSelf(String function, int pid) {
        if (pid < 0) {
            throw new IllegalArgumentException(function + ": pid must be >= 0 (0 is the caller; got " + pid + ")");
        }
        return pid;
    }

    /** Python's {@code os.getpgid(pid)}. Availability: Unix. {@code int g = Os.getpgid(0);} @param pid a process, 0 for the caller @return its process group */
    public static int getpgid(int pid) {
        return posix("os.getpgid").getpgid(pidOrSelf("os.getpgid", pid));
    }

    /** Python's {@code os.getpgrp()}. Availability: Unix. {@code int g = Os.getpgrp();} @return the caller's process group */
    public static int getpgrp() {
        return posix("os.getpgrp").getpgrp();
    }

    /**
     * Python's {@code os.setpgid(pid, pgrp)}. Availability: Unix. {@code Os.setpgid(child, child);}
     *
     * @param pid  a process (the caller or a child not yet exec'd... with posix_spawn, only the caller), 0 for the caller
     * @param pgrp the group, 0 for {@code pid}'s own
     */
    public static void setpgid(int pid, int pgrp) {
        posix("os.setpgid").setpgid(pidOrSelf("os.setpgid", pid), pidOrSelf("os.setpgid", pgrp));
    }

    /** Python's {@code os.setpgrp()}: the caller leads a new process group. Availability: Unix. {@code Os.setpgrp();} */
    public static void setpgrp() {
        posix("os.setpgrp").setpgrp();
    }

    /** Python's {@code os.getsid(pid)}. Availability: Unix. {@code int s = Os.getsid(0);} @param pid a process, 0 for the caller @return its session id */
    public static int getsid(int pid) {
        return posix("os.getsid").getsid(pidOrSelf("os.getsid", pid));
    }

    /**
     * Python's {@code os.setsid()}: the caller starts a new session. Fails with EPERM when the JVM already
     * leads a process group (as it does when started from an interactive shell). Availability: Unix.
     * {@code Os.setsid();}
     */
    public static void setsid() {
        posix("os.setsid").setsid();
    }

    /** Python's {@code os.tcgetpgrp(fd)}. Availability: Unix. {@code int fg = Os.tcgetpgrp(0);} @param fd a terminal @return its foreground process group */
    public static int tcgetpgrp(int fd) {
        checkFd("os.tcgetpgrp", fd);
        return posix("os.tcgetpgrp").tcgetpgrp(fd);
    }

    /**
     * Python's {@code os.tcsetpgrp(fd, pg)}. Availability: Unix. {@code Os.tcsetpgrp(0, Os.getpgrp());}
     *
     * @param fd a terminal
     * @param pg the new foreground process group, &gt; 0
     */
    public static void tcsetpgrp(int fd, int pg) {
        checkFd("os.tcsetpgrp", fd);
        if (pg <= 0) {
            throw new IllegalArgumentException("os.tcsetpgrp: process group must be > 0 (got " + pg + ")");
        }
        posix("os.tcsetpgrp").tcsetpgrp(fd, pg);
    }

    /** Python's {@code os.ctermid()}. Availability: Unix. {@code String t = Os.ctermid();} @return the controlling terminal's path (usually {@code /dev/tty}) */
    public static String ctermid() {
        return posix("os.ctermid").ctermid();
    }

    // ---- environment and working directory ---------------------------------------------------------

    /**
     * Python's {@code os.getenv(key)}: the value in the <em>live</em> C environment, which
     * {@link #putenv} changes ({@link System#getenv} is a snapshot taken at JVM start and does not
     * follow). Availability: Unix, Windows.
     *
     * <pre>{@code
     * String home = Os.getenv("HOME");
     * }</pre>
     *
     * @param key a name
     * @return the value, or null
     */
    public static String getenv(String key) {
        return current().getenv(Checks.envName(key));
    }

    /**
     * Python's {@code os.getenv(key, default)}. Availability: Unix, Windows.
     *
     * @param key          a name
     * @param defaultValue returned when unset
     * @return the value or {@code defaultValue}
     */
    public static String getenv(String key, String defaultValue) {
        String v = getenv(key);
        return v != null ? v : defaultValue;
    }

    /**
     * Python's {@code os.putenv(key, value)}: sets a variable in the process's real environment
     * ({@code setenv(3)}), which children started with an inherited environment ({@link #system},
     * {@link Command} without environment changes) see. {@link System#getenv} does not change.
     *
     * <pre>{@code
     * Os.putenv("TESTVAR", "value");
     * Os.system("echo $TESTVAR");   // prints value
     * }</pre>
     *
     * <p>Platform notes: the C environment is not thread-safe; prockit serialises its own changes, but
     * native code that calls {@code getenv} concurrently on another thread can race with this, as in any
     * C program. Availability: Unix, Windows.
     *
     * @param key   a name: not empty, no {@code =}
     * @param value the value
     */
    public static void putenv(String key, String value) {
        Checks.envName(key);
        Checks.noNul("environment value of " + key, value);
        current().putenv(key, value);
    }

    /**
     * Python's {@code os.unsetenv(key)}: removes a variable from the real environment.
     * Availability: Unix, Windows. {@code Os.unsetenv("TESTVAR");}
     *
     * @param key a name
     */
    public static void unsetenv(String key) {
        current().unsetenv(Checks.envName(key));
    }

    /**
     * Python's {@code os.environ}, read now: a copy of the live environment, in its order. Change it
     * with {@link #putenv} / {@link #unsetenv}. Availability: Unix, Windows.
     *
     * <pre>{@code
     * Map<String, String> env = Os.environ();
     * }</pre>
     *
     * @return an unmodifiable copy
     */
    public static Map<String, String> environ() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(current().liveEnvironment()));
    }

    /**
     * Python's {@code os.get_exec_path()} without an argument: {@link #getExecPath(Map)} of the live
     * environment ({@link #getenv getenv("PATH")}, which {@link #putenv} changes). Availability: Unix, Windows.
     *
     * <pre>{@code
     * List<String> dirs = Os.getExecPath();
     * }</pre>
     *
     * @return the directories, in order
     */
    public static List<String> getExecPath() {
        return getExecPath(null);
    }

    /**
     * Python's {@code os.get_exec_path(env)}: the directories a program name is searched in, from the
     * PATH of {@code env} (the live environment when null), or {@code /bin:/usr/bin} without PATH.
     * Availability: Unix, Windows.
     *
     * <pre>{@code
     * List<String> dirs = Os.getExecPath(null);
     * }</pre>
     *
     * @param env an environment, or null for the live one
     * @return the directories, in order (an empty entry, meaning the current directory, is kept as "")
     */
    public static List<String> getExecPath(Map<String, String> env) {
        String path = env != null ? env.get("PATH") : getenv("PATH");
        if (path == null) {
            path = "/bin:/usr/bin";
        }
        return List.of(path.split(java.io.File.pathSeparator, -1));
    }

    /**
     * Python's {@code os.getcwd()}: the process's real working directory, which {@link #chdir} changes.
     * Availability: Unix, Windows.
     *
     * <pre>{@code
     * String here = Os.getcwd();
     * }</pre>
     *
     * @return the absolute path
     */
    public static String getcwd() {
        return current().getcwd();
    }

    /**
     * Python's {@code os.chdir(path)}: changes the process's real working directory ({@code chdir(2)}).
     * Children started afterwards inherit it, and prockit resolves relative PATH entries against it.
     *
     * <p>Java's own relative paths do <em>not</em> follow: {@link java.io.File} and {@link Path} resolve
     * against the {@code user.dir} property, which the JDK reads once at start and which cannot be
     * changed at run time. After {@code Os.chdir("/tmp")}, {@code Path.of("x").toAbsolutePath()} still names
     * the old directory while a child's {@code open("x")} uses {@code /tmp}. Resolve paths yourself with
     * {@code Path.of(Os.getcwd()).resolve(...)} when mixing both.
     *
     * <pre>{@code
     * Os.chdir("/tmp");
     * Os.system("pwd");   // /tmp
     * }</pre>
     *
     * <p>Availability: Unix, Windows.
     *
     * @param path the new working directory
     */
    public static void chdir(String path) {
        current().chdir(Checks.noNul("path", path));
    }

    /**
     * {@link #chdir(String)} for a {@link Path}, resolved against {@code user.dir} when relative.
     * Availability: Unix, Windows.
     *
     * @param path the new working directory
     */
    public static void chdir(Path path) {
        chdir(path.toString());
    }

    // ---- priority, mask, system information ----------------------------------------------------------

    /**
     * Python's {@code os.nice(increment)}: adds {@code increment} to the process's niceness (lowering it
     * needs privilege). Availability: Unix, not WASI. {@code int now = Os.nice(5);}
     *
     * <p>Platform notes: on Linux the niceness is per thread; like glibc's {@code nice}, this changes the
     * calling thread's (the JVM's other threads keep theirs) and children spawned from it.
     *
     * @param increment added to the niceness
     * @return the new niceness
     * @throws OsException {@link ErrorKind#PERMISSION_DENIED} with errno {@code EPERM} when a process without
     *                     privilege lowers its niceness, as the C library's {@code nice()} reports it
     *                     ({@code setpriority} itself says {@code EACCES})
     */
    public static int nice(int increment) {
        return posix("os.nice").nice(increment);
    }

    private static int which(String function, int which) {
        if (which < 0 || (which != PRIO_PROCESS && which != PRIO_PGRP && which != PRIO_USER)) {
            throw new IllegalArgumentException(function + ": unknown which " + which + " (PRIO_PROCESS, PRIO_PGRP, PRIO_USER)");
        }
        return which;
    }

    /**
     * Python's {@code os.getpriority(which, who)}. Availability: Unix, not WASI.
     * {@code int n = Os.getpriority(Os.PRIO_PROCESS, 0);}
     *
     * @param which {@link #PRIO_PROCESS}, {@link #PRIO_PGRP} or {@link #PRIO_USER}
     * @param who   the id, 0 for the caller's
     * @return the niceness, -20..19
     */
    public static int getpriority(int which, int who) {
        return posix("os.getpriority").getpriority(which("os.getpriority", which), id("os.getpriority", who));
    }

    /**
     * Python's {@code os.setpriority(which, who, priority)}. Availability: Unix, not WASI.
     * {@code Os.setpriority(Os.PRIO_PROCESS, pid, 10);}
     *
     * @param which    {@link #PRIO_PROCESS}, {@link #PRIO_PGRP} or {@link #PRIO_USER}
     * @param who      the id, 0 for the caller's
     * @param priority the niceness, -20..19 (out-of-range values are clamped by the kernel)
     */
    public static void setpriority(int which, int who, int priority) {
        posix("os.setpriority").setpriority(which("os.setpriority", which), id("os.setpriority", who), priority);
    }

    /**
     * Python's {@code os.umask(mask)}: sets the file creation mask, returns the previous one.
     * Availability: Unix, Windows. {@code int old = Os.umask(022);}
     *
     * @param mask the new mask, 0..0777
     * @return the previous mask
     */
    public static int umask(int mask) {
        if (mask < 0 || mask > 0777) {
            throw new IllegalArgumentException("os.umask: mask must be 0..0777 (got 0" + Integer.toOctalString(mask) + ")");
        }
        return current().umask(mask);
    }

    /**
     * Python's {@code os.uname()}. Availability: Unix. {@code String kernel = Os.uname().release();}
     *
     * @return sysname, nodename, release, version, machine
     */
    public static UnameResult uname() {
        return posix("os.uname").uname();
    }

    /**
     * Python's {@code os.strerror(code)}: the C library's message for an error number. Availability: Unix, Windows.
     * {@code Os.strerror(2)  // "No such file or directory"}
     *
     * @param code an error number
     * @return its message
     */
    public static String strerror(int code) {
        return current().strerror(code);
    }

    /**
     * Python's {@code os.times()}: this process's and its waited-for children's processor times, in
     * seconds. Availability: Unix, Windows. {@code double cpu = Os.times().user();}
     *
     * @return the times
     */
    public static TimesResult times() {
        return current().times();
    }

    /**
     * Python's {@code os.getloadavg()}: the 1, 5 and 15 minute load averages. Availability: Unix.
     * {@code double oneMinute = Os.getloadavg()[0];}
     *
     * @return three averages
     * @throws OsException when they are unobtainable
     */
    public static double[] getloadavg() {
        return posix("os.getloadavg").getloadavg();
    }

    /**
     * Python's {@code os.cpu_count()}: logical CPUs in the system (not those this process may use: see
     * {@link #processCpuCount}). Availability: all. {@code Integer n = Os.cpuCount();}
     *
     * @return the count, or null when undetermined (Python's None)
     */
    public static Integer cpuCount() {
        int n = current().cpuCount();
        return n > 0 ? n : null;
    }

    /**
     * Python's {@code os.process_cpu_count()} (3.13): logical CPUs the calling thread may run on (its
     * affinity mask on Linux; {@link #cpuCount} elsewhere). Availability: all.
     * {@code Integer n = Os.processCpuCount();}
     *
     * @return the count, or null when undetermined
     */
    public static Integer processCpuCount() {
        int n = current().processCpuCount();
        return n > 0 ? n : null;
    }

    private static Map<String, Integer> names(String prefix) {
        Map<String, Integer> m = new TreeMap<>();
        Backends.constantsOrEmpty().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(1), v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * Python's {@code os.sysconf_names}: names accepted by {@link #sysconf(String)} ({@code "SC_ARG_MAX"},
     * ...) to the running platform's numbers. Availability: Unix.
     * {@code Set<String> known = Os.sysconfNames().keySet();}
     *
     * @return name to value; a curated table citing the headers, not every name the C library knows
     */
    public static Map<String, Integer> sysconfNames() {
        return names("_SC_");
    }

    /**
     * Python's {@code os.sysconf(name)} by number. Availability: Unix.
     *
     * @param name a {@code _SC_*} value of the running platform
     * @return the value; -1 when the limit is indeterminate
     * @throws OsException {@link ErrorKind#INVALID_ARGUMENT} for a number the system does not know
     */
    public static long sysconf(int name) {
        return posix("os.sysconf").sysconf(name);
    }

    /**
     * Python's {@code os.sysconf(name)} by name. Availability: Unix.
     * {@code long pageSize = Os.sysconf("SC_PAGESIZE");}
     *
     * @param name a key of {@link #sysconfNames()}
     * @return the value; -1 when indeterminate
     * @throws IllegalArgumentException for an unknown name, as Python raises ValueError
     */
    public static long sysconf(String name) {
        posix("os.sysconf"); // not "unrecognized name" where the function itself is missing
        Integer v = sysconfNames().get(name);
        if (v == null) {
            throw new IllegalArgumentException("os.sysconf: unrecognized configuration name " + name);
        }
        return sysconf(v);
    }

    /**
     * Python's {@code os.confstr_names}. Availability: Unix.
     * {@code Os.confstrNames().containsKey("CS_PATH")}
     *
     * @return name ({@code "CS_PATH"}, ...) to value
     */
    public static Map<String, Integer> confstrNames() {
        return names("_CS_");
    }

    /**
     * Python's {@code os.confstr(name)} by number. Availability: Unix.
     *
     * @param name a {@code _CS_*} value
     * @return the string, or null when undefined (Python's None)
     */
    public static String confstr(int name) {
        return posix("os.confstr").confstr(name);
    }

    /**
     * Python's {@code os.confstr(name)} by name. Availability: Unix.
     * {@code String path = Os.confstr("CS_PATH");  // "/bin:/usr/bin"}
     *
     * @param name a key of {@link #confstrNames()}
     * @return the string, or null when undefined
     * @throws IllegalArgumentException for an unknown name
     */
    public static String confstr(String name) {
        posix("os.confstr"); // not "unrecognized name" where the function itself is missing
        Integer v = confstrNames().get(name);
        if (v == null) {
            throw new IllegalArgumentException("os.confstr: unrecognized configuration name " + name);
        }
        return confstr(v);
    }

    // ---- scheduler -------------------------------------------------------------------------------

    private static int policy(String function, int policy) {
        int base = policy & ~(SCHED_RESET_ON_FORK > 0 ? SCHED_RESET_ON_FORK : 0);
        for (int p : new int[] {SCHED_OTHER, SCHED_BATCH, SCHED_IDLE, SCHED_SPORADIC, SCHED_FIFO, SCHED_RR}) {
            if (p >= 0 && p == base) {
                return policy;
            }
        }
        throw new IllegalArgumentException(function + ": unknown scheduling policy " + policy + " on " + b().platformName());
    }

    /** Python's {@code os.sched_get_priority_min(policy)}. Availability: Unix. {@code Os.schedGetPriorityMin(Os.SCHED_FIFO)  // 1} @param policy a SCHED_* policy @return its minimum priority */
    public static int schedGetPriorityMin(int policy) {
        return posix("os.sched_get_priority_min").schedGetPriorityMin(policy("os.sched_get_priority_min", policy));
    }

    /** Python's {@code os.sched_get_priority_max(policy)}. Availability: Unix. {@code Os.schedGetPriorityMax(Os.SCHED_FIFO)  // 99} @param policy a SCHED_* policy @return its maximum priority */
    public static int schedGetPriorityMax(int policy) {
        return posix("os.sched_get_priority_max").schedGetPriorityMax(policy("os.sched_get_priority_max", policy));
    }

    /**
     * Python's {@code os.sched_setscheduler(pid, policy, param)}. Real-time policies need privilege.
     * Availability: Linux &gt;= 2.6.23, Android (not macOS). {@code Os.schedSetscheduler(0, Os.SCHED_BATCH, new SchedParam(0));}
     *
     * @param pid    a process, 0 for the calling thread
     * @param policy a SCHED_* policy, optionally or-ed with {@link #SCHED_RESET_ON_FORK}
     * @param param  its parameters
     */
    public static void schedSetscheduler(int pid, int policy, SchedParam param) {
        scheduler("os.sched_setscheduler").schedSetscheduler(pidOrSelf("os.sched_setscheduler", pid), policy("os.sched_setscheduler", policy),
                Objects.requireNonNull(param, "param"));
    }

    /** Python's {@code os.sched_getscheduler(pid)}. Availability: Linux (not macOS). {@code Os.schedGetscheduler(0)} @param pid a process, 0 for the caller @return its policy */
    public static int schedGetscheduler(int pid) {
        return scheduler("os.sched_getscheduler").schedGetscheduler(pidOrSelf("os.sched_getscheduler", pid));
    }

    /** Python's {@code os.sched_setparam(pid, param)}. Availability: Linux (not macOS). {@code Os.schedSetparam(0, new SchedParam(0));} @param pid a process, 0 for the caller @param param the parameters */
    public static void schedSetparam(int pid, SchedParam param) {
        scheduler("os.sched_setparam").schedSetparam(pidOrSelf("os.sched_setparam", pid), Objects.requireNonNull(param, "param"));
    }

    /** Python's {@code os.sched_getparam(pid)}. Availability: Linux (not macOS). {@code Os.schedGetparam(0).schedPriority()} @param pid a process, 0 for the caller @return its parameters */
    public static SchedParam schedGetparam(int pid) {
        return scheduler("os.sched_getparam").schedGetparam(pidOrSelf("os.sched_getparam", pid));
    }

    /** Python's {@code os.sched_rr_get_interval(pid)}. Availability: Linux (not macOS). {@code double q = Os.schedRrGetInterval(0);} @param pid a process, 0 for the caller @return its round-robin quantum in seconds */
    public static double schedRrGetInterval(int pid) {
        return scheduler("os.sched_rr_get_interval").schedRrGetInterval(pidOrSelf("os.sched_rr_get_interval", pid));
    }

    /** Python's {@code os.sched_yield()}. Availability: Unix. {@code Os.schedYield();} */
    public static void schedYield() {
        posix("os.sched_yield").schedYield();
    }

    /**
     * Python's {@code os.sched_setaffinity(pid, mask)}. Availability: Linux (not macOS, as in Python).
     * {@code Os.schedSetaffinity(0, Set.of(0));}
     *
     * @param pid  a process, 0 for the calling thread
     * @param mask CPU numbers, each &gt;= 0
     */
    public static void schedSetaffinity(int pid, Set<Integer> mask) {
        for (int cpu : mask) {
            if (cpu < 0 || cpu >= (1 << 16)) {
                throw new IllegalArgumentException("os.sched_setaffinity: invalid CPU number " + cpu);
            }
        }
        scheduler("os.sched_setaffinity").schedSetaffinity(pidOrSelf("os.sched_setaffinity", pid), Set.copyOf(mask));
    }

    /** Python's {@code os.sched_getaffinity(pid)}. Availability: Linux (not macOS). {@code Set<Integer> cpus = Os.schedGetaffinity(0);} @param pid a process, 0 for the caller @return the CPUs it may run on */
    public static Set<Integer> schedGetaffinity(int pid) {
        return scheduler("os.sched_getaffinity").schedGetaffinity(pidOrSelf("os.sched_getaffinity", pid));
    }

    // ---- posix_spawn -----------------------------------------------------------------------------

    /**
     * Python's {@code os.posix_spawn(path, argv, env, *, file_actions, setpgroup, resetids, setsid,
     * setsigmask, setsigdef, scheduler)}: starts {@code path} and returns its pid. The child is reaped by
     * prockit; collect its status with {@link #waitpid}.
     *
     * <pre>{@code
     * int pid = Os.posixSpawn("/bin/echo", List.of("echo", "hi"), Os.environ(), PosixSpawnAttributes.defaults());
     * Os.waitpid(pid, 0);
     * }</pre>
     *
     * <p>The child starts the way every prockit child does, through the same spawn path as {@link Command}:
     * an empty signal mask and default dispositions unless {@code setsigmask} / {@code setsigdef} say
     * otherwise (the JVM's threads block SIGQUIT and ignore some signals, which Python's {@code posix_spawn}
     * would pass on). A failure names what failed: the program, or the file of an {@code OPEN} action
     * ({@code open("/no/such/file")}), or the descriptor of a {@code DUP2} ({@code dup2(999)}).
     *
     * <p>Platform notes: see {@link PosixSpawnAttributes} (descriptors beyond the file actions' targets are
     * not inherited; scheduler and CLOSEFROM are Linux-only). Availability: Unix, not WASI.
     *
     * @param path       the program's path (not searched)
     * @param argv       the argument vector; not empty
     * @param env        the child's whole environment
     * @param attributes Python's keyword arguments
     * @return the child's pid
     * @throws OsException if the program cannot be started
     */
    public static int posixSpawn(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes attributes) {
        return posixSpawn(path, argv, env, attributes, false);
    }

    /**
     * Python's {@code os.posix_spawn(path, argv, env)} with no keyword arguments. Availability: Unix, not WASI.
     *
     * @param path the program's path
     * @param argv the argument vector
     * @param env  the child's environment
     * @return the child's pid
     */
    public static int posixSpawn(String path, List<String> argv, Map<String, String> env) {
        return posixSpawn(path, argv, env, PosixSpawnAttributes.defaults(), false);
    }

    /**
     * Python's {@code os.posix_spawnp(...)}: as {@link #posixSpawn}, searching {@code path} in the PATH of
     * {@code env}. Availability: Unix, not WASI.
     *
     * <pre>{@code
     * int pid = Os.posixSpawnp("echo", List.of("echo", "hi"), Os.environ(), PosixSpawnAttributes.defaults());
     * }</pre>
     *
     * @param path       the program, searched when it has no slash
     * @param argv       the argument vector
     * @param env        the child's environment, whose PATH is searched
     * @param attributes Python's keyword arguments
     * @return the child's pid
     */
    public static int posixSpawnp(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes attributes) {
        return posixSpawn(path, argv, env, attributes, true);
    }

    /**
     * Python's {@code os.posix_spawnp(path, argv, env)} with no keyword arguments: as
     * {@link #posixSpawnp(String, List, Map, PosixSpawnAttributes)} with {@link PosixSpawnAttributes#defaults()}.
     * Availability: Unix, not WASI.
     *
     * <pre>{@code
     * int pid = Os.posixSpawnp("echo", List.of("echo", "hi"), Os.environ());
     * }</pre>
     *
     * @param path the program, searched in {@code env}'s PATH when it has no slash
     * @param argv the argument vector; not empty
     * @param env  the child's environment
     * @return the child's pid
     */
    public static int posixSpawnp(String path, List<String> argv, Map<String, String> env) {
        return posixSpawn(path, argv, env, PosixSpawnAttributes.defaults(), true);
    }

    private static int posixSpawn(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes a,
                                  boolean search) {
        String fn = search ? "os.posix_spawnp" : "os.posix_spawn";
        io.prockit.spi.PosixCalls posix = posix(fn);
        Checks.noNul("path", path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException(fn + ": path is empty");
        }
        checkArgv(fn, argv);
        Map<String, String> e = checkEnv(fn, env);
        Objects.requireNonNull(a, "attributes");
        for (FileAction fa : a.fileActions()) {
            if (fa instanceof FileAction.Closefrom && POSIX_SPAWN_CLOSEFROM < 0) {
                throw unavailable("os.POSIX_SPAWN_CLOSEFROM");
            }
        }
        if (a.scheduler() != null) {
            if (!C.containsKey("POSIX_SPAWN_SETSCHEDULER")) {
                throw unavailable(fn + " with scheduler");
            }
            policy(fn, a.scheduler().policy());
        }
        return posix.posixSpawn(path, List.copyOf(argv), e, a, search);
    }

    // ---- pseudo-terminals ------------------------------------------------------------------------

    /**
     * Python's {@code os.openpty()}: a new pseudo-terminal pair. Both descriptors are close-on-exec and
     * opened with {@code O_NOCTTY}; close them with {@link #close}.
     *
     * <pre>{@code
     * OpenptyResult p = Os.openpty();
     * Os.close(p.slaveFd()); Os.close(p.masterFd());
     * }</pre>
     *
     * <p>Availability: Unix, not WASI.
     *
     * @return master, slave and the slave's path
     */
    public static OpenptyResult openpty() {
        return posix("os.openpty").openpty();
    }

    /**
     * Sets a terminal's window size ({@code ioctl(fd, TIOCSWINSZ)}); the foreground process group gets
     * {@code SIGWINCH}. Python spells it {@code fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack(...))}.
     * Availability: Unix.
     *
     * <pre>{@code
     * Os.setWindowSize(p.masterFd(), 50, 132);
     * }</pre>
     *
     * @param fd      a terminal (either side of a pty)
     * @param rows    rows, 1..65535
     * @param columns columns, 1..65535
     */
    public static void setWindowSize(int fd, int rows, int columns) {
        checkFd("setWindowSize", fd);
        if (rows <= 0 || rows > 0xffff || columns <= 0 || columns > 0xffff) {
            throw new IllegalArgumentException("setWindowSize: size must be 1..65535 rows and columns (got " + rows + "x"
                    + columns + ")");
        }
        posix("TIOCSWINSZ").setWindowSize(fd, rows, columns);
    }

    // ---- file descriptor operations (issue 15) ------------------------------------------------------

    /** Python's {@code os.O_NONBLOCK}, for {@link #pipe2}; -1 where the platform has none. */
    public static final int O_NONBLOCK = constant("O_NONBLOCK");
    /** Python's {@code os.O_CLOEXEC}, for {@link #pipe2}; -1 where the platform has none. */
    public static final int O_CLOEXEC = constant("O_CLOEXEC");

    /** The backend's descriptor capability, or the Availability exception naming {@code function}. */
    private static io.prockit.spi.Descriptors descriptors(String function) {
        return b().descriptors().orElseThrow(() -> unavailable(function));
    }

    /**
     * Python's {@code os.pipe()}: a new pipe, both ends non-inheritable (close-on-exec). Pass an end to a child
     * with {@link Stdio#fd(int)} or {@link Command#fd(int, int)} (the child gets its own copy), then close the
     * parent's copy.
     *
     * <pre>{@code
     * int[] p = Os.pipe();                               // {read end, write end}
     * Child c = Command.of("ls").stdout(Stdio.fd(p[1])).spawn();
     * Os.close(p[1]);
     * try (InputStream in = Os.fdopenInput(p[0])) { in.transferTo(System.out); }
     * }</pre>
     *
     * <p>Availability: Unix, Windows. Platform notes: on Windows the ends are C runtime descriptors over a
     * {@code CreatePipe} pair (as CPython's), binary, non-inheritable; {@link Stdio#fd(int)} passes their handles
     * to a child.
     *
     * @return {@code {read end, write end}}
     */
    public static int[] pipe() {
        return descriptors("os.pipe").pipe();
    }

    /**
     * Python's {@code os.pipe2(flags)}: a pipe with {@link #O_NONBLOCK} and/or {@link #O_CLOEXEC} set atomically.
     *
     * <p>Availability: Linux ({@link UnsupportedOperationException} elsewhere).
     *
     * @param flags {@code 0}, {@code O_NONBLOCK}, {@code O_CLOEXEC} or both
     * @return {@code {read end, write end}}
     * @throws IllegalArgumentException for any other bit
     */
    public static int[] pipe2(int flags) {
        io.prockit.spi.Descriptors d = descriptors("os.pipe2");
        if (!d.hasPipe2()) {
            throw unavailable("os.pipe2");
        }
        int allowed = Math.max(0, O_NONBLOCK) | Math.max(0, O_CLOEXEC);
        if ((flags & ~allowed) != 0) {
            throw new IllegalArgumentException("os.pipe2: flags may hold only O_NONBLOCK and O_CLOEXEC (got 0x"
                    + Integer.toHexString(flags) + ")");
        }
        return d.pipe2(flags);
    }

    /**
     * Python's {@code os.dup(fd)}: a new, non-inheritable descriptor for the same open file.
     *
     * <p>Availability: Unix, Windows (the C runtime's {@code _dup}; a console's handle is left inheritable, as
     * CPython leaves it).
     *
     * @param fd a descriptor, &gt;= 0
     * @return the new descriptor
     */
    public static int dup(int fd) {
        checkFd("os.dup", fd);
        return descriptors("os.dup").dup(fd);
    }

    /**
     * Python's {@code os.dup2(fd, fd2)}: {@code fd2} becomes a copy of {@code fd} (closed first if open),
     * inheritable by children as Python's default.
     *
     * <p>Availability: Unix, Windows.
     *
     * @param fd  a descriptor, &gt;= 0
     * @param fd2 the target number, &gt;= 0
     * @return {@code fd2}
     */
    public static int dup2(int fd, int fd2) {
        return dup2(fd, fd2, true);
    }

    /**
     * Python's {@code os.dup2(fd, fd2, inheritable)}.
     *
     * <pre>{@code
     * int saved = Os.dup(1);
     * Os.dup2(logFd, 1);          // stdout now goes to the log, for this process and its children
     * ...
     * Os.dup2(saved, 1); Os.close(saved);
     * }</pre>
     *
     * <p>Availability: Unix, Windows.
     *
     * @param fd          a descriptor, &gt;= 0
     * @param fd2         the target number, &gt;= 0
     * @param inheritable whether children inherit {@code fd2}
     * @return {@code fd2}
     */
    public static int dup2(int fd, int fd2, boolean inheritable) {
        checkFd("os.dup2", fd);
        checkFd("os.dup2", fd2);
        return descriptors("os.dup2").dup2(fd, fd2, inheritable);
    }

    /**
     * Python's {@code os.read(fd, n)}: at most {@code n} bytes, blocking as the descriptor does.
     *
     * <p>Availability: Unix, Windows (the C runtime's {@code _read}; an empty non-blocking pipe is {@code EAGAIN}
     * there too).
     *
     * @param fd a descriptor, &gt;= 0
     * @param n  the most bytes, &gt;= 0
     * @return the bytes read; empty at end of file
     * @throws OsException e.g. {@code EAGAIN} ({@link ErrorKind#RESOURCE_EXHAUSTED}) on an empty non-blocking pipe
     */
    public static byte[] read(int fd, int n) {
        checkFd("os.read", fd);
        if (n < 0) {
            throw new IllegalArgumentException("os.read: n must be >= 0 (got " + n + ")");
        }
        return descriptors("os.read").read(fd, n);
    }

    /**
     * Python's {@code os.write(fd, data)}: one {@code write(2)}; may write fewer bytes than given.
     *
     * <p>Availability: Unix, Windows (the C runtime's {@code _write}; a non-blocking pipe without room is
     * {@code EAGAIN}, one without reader {@code EPIPE}).
     *
     * @param fd   a descriptor, &gt;= 0
     * @param data the bytes
     * @return how many were written
     */
    public static int write(int fd, byte[] data) {
        checkFd("os.write", fd);
        java.util.Objects.requireNonNull(data, "data");
        return descriptors("os.write").write(fd, data, 0, data.length);
    }

    /**
     * Python's {@code os.closerange(fd_low, fd_high)}: closes every descriptor from {@code low} up to but not
     * including {@code high}, ignoring errors. Closing descriptors the JVM uses breaks it: meant for numbers
     * you own.
     *
     * <p>Availability: Unix, Windows (up to the C runtime's limit of 8192 descriptors).
     *
     * @param low  the first, &gt;= 0
     * @param high one past the last, &gt;= low
     */
    public static void closerange(int low, int high) {
        checkFd("os.closerange", low);
        if (high < low) {
            throw new IllegalArgumentException("os.closerange: fd_high (" + high + ") < fd_low (" + low + ")");
        }
        descriptors("os.closerange").closerange(low, high);
    }

    /**
     * Python's {@code os.get_inheritable(fd)}.
     *
     * <p>Availability: Unix, Windows ({@code HANDLE_FLAG_INHERIT} of the descriptor's handle).
     *
     * @param fd a descriptor, &gt;= 0
     * @return whether children started with {@code exec} inherit it (close-on-exec is clear)
     */
    public static boolean getInheritable(int fd) {
        checkFd("os.get_inheritable", fd);
        return descriptors("os.get_inheritable").getInheritable(fd);
    }

    /**
     * Python's {@code os.set_inheritable(fd, inheritable)}. prockit's own spawns pass only descriptors 0..2 and
     * those named with {@link Command#fd} whatever this flag says (PEP 446's reason to default to false).
     *
     * <p>Availability: Unix, Windows ({@code SetHandleInformation}).
     *
     * @param fd          a descriptor, &gt;= 0
     * @param inheritable the new flag
     */
    public static void setInheritable(int fd, boolean inheritable) {
        checkFd("os.set_inheritable", fd);
        descriptors("os.set_inheritable").setInheritable(fd, inheritable);
    }

    /**
     * Python's {@code os.get_blocking(fd)}.
     *
     * <p>Availability: Unix, Windows (pipes only, as Python 3.12: {@code PIPE_NOWAIT} of
     * {@code GetNamedPipeHandleState}; any other descriptor is an {@link OsException}).
     *
     * @param fd a descriptor, &gt;= 0
     * @return whether it is in blocking mode ({@code O_NONBLOCK} clear)
     */
    public static boolean getBlocking(int fd) {
        checkFd("os.get_blocking", fd);
        return descriptors("os.get_blocking").getBlocking(fd);
    }

    /**
     * Python's {@code os.set_blocking(fd, blocking)}.
     *
     * <p>Availability: Unix, Windows (pipes only, as Python 3.12: {@code SetNamedPipeHandleState}).
     *
     * @param fd       a descriptor, &gt;= 0
     * @param blocking the new mode
     */
    public static void setBlocking(int fd, boolean blocking) {
        checkFd("os.set_blocking", fd);
        descriptors("os.set_blocking").setBlocking(fd, blocking);
    }

    /**
     * Python's {@code os.get_terminal_size(fd)}.
     *
     * <pre>{@code
     * int width = Os.isatty(1) ? Os.getTerminalSize(1).columns() : 80;
     * }</pre>
     *
     * <p>Availability: Unix, Windows ({@code GetConsoleScreenBufferInfo}: the visible window of a console; a
     * descriptor that is not a console is an {@link OsException}).
     *
     * @param fd a terminal, &gt;= 0
     * @return its size
     * @throws OsException ({@code ENOTTY}) when {@code fd} is not a terminal
     */
    public static TerminalSize getTerminalSize(int fd) {
        checkFd("os.get_terminal_size", fd);
        return descriptors("os.get_terminal_size").getTerminalSize(fd);
    }

    /**
     * Python's {@code os.get_terminal_size()}: of stdout.
     *
     * <p>Availability: Unix, Windows.
     *
     * @return the size of the terminal on descriptor 1
     */
    public static TerminalSize getTerminalSize() {
        return getTerminalSize(1);
    }

    /**
     * Python's {@code os.fdopen(fd, "rb")}: a blocking stream that owns {@code fd} from now on (closing the
     * stream closes it; so does the garbage collector if the stream is dropped unclosed).
     *
     * <p>Availability: Unix, Windows.
     *
     * @param fd a readable descriptor, &gt;= 0; do not close it yourself afterwards
     * @return the stream
     */
    public static java.io.InputStream fdopenInput(int fd) {
        checkFd("os.fdopen", fd);
        return descriptors("os.fdopen").openInput(fd);
    }

    /**
     * Python's {@code os.fdopen(fd, "wb")}: a blocking, unbuffered stream that owns {@code fd} from now on.
     *
     * <p>Availability: Unix, Windows.
     *
     * @param fd a writable descriptor, &gt;= 0; do not close it yourself afterwards
     * @return the stream
     */
    public static java.io.OutputStream fdopenOutput(int fd) {
        checkFd("os.fdopen", fd);
        return descriptors("os.fdopen").openOutput(fd);
    }
}
