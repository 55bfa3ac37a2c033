package io.prockit;

import io.prockit.internal.Backends;
import io.prockit.internal.Checks;
import io.prockit.spi.StatusCodec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * running platform lacks throws {@link UnsupportedOperationException} naming it and the platform.
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
    /** Exit code: something like "an entry was not found". Availability: Unix, not WASI. */
    public static final int EX_NOTFOUND = constant("EX_NOTFOUND");

    // ---- ids -------------------------------------------------------------------------------------

    /**
     * Python's {@code os.getpid()}.
     *
     * @return the current process id
     */
    public static int getpid() {
        return Backends.get().getpid();
    }

    /**
     * Python's {@code os.getppid()}: the parent's process id. On Windows, the id of the process
     * that created this one, which may have exited.
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
        Backends.get().killpg(pgid, sig);
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
     * With {@link #WNOHANG} and nothing ready, the result's pid is 0. On Windows {@code pid} is a
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

    /**
     * Python's {@code os.waitstatus_to_exitcode(status)}: the exit code if the process exited, or
     * {@code -signal} if a signal killed it.
     *
     * <p>Availability: Unix, Windows, not WASI.
     *
     * @param status a raw wait status
     * @return the exit code, or the negated signal number
     * @throws IllegalArgumentException if the status is "stopped" or "continued", as Python raises {@code ValueError}
     */
    public static int waitstatusToExitcode(long status) {
        StatusCodec c = codec();
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
        return codec().ifExited(status);
    }

    /**
     * Python's {@code os.WEXITSTATUS}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return the exit code (meaningful when {@link #WIFEXITED})
     */
    public static int WEXITSTATUS(long status) {
        return codec().exitStatus(status);
    }

    /**
     * Python's {@code os.WIFSIGNALED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether a signal ended the process
     */
    public static boolean WIFSIGNALED(long status) {
        return codec().ifSignaled(status);
    }

    /**
     * Python's {@code os.WTERMSIG}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return the signal that ended the process (meaningful when {@link #WIFSIGNALED})
     */
    public static int WTERMSIG(long status) {
        return codec().termSig(status);
    }

    /**
     * Python's {@code os.WCOREDUMP}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether a core dump was written
     */
    public static boolean WCOREDUMP(long status) {
        return codec().coreDump(status);
    }

    /**
     * Python's {@code os.WIFSTOPPED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether the process is stopped (reported under {@link #WUNTRACED})
     */
    public static boolean WIFSTOPPED(long status) {
        return codec().ifStopped(status);
    }

    /**
     * Python's {@code os.WSTOPSIG}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return the signal that stopped the process
     */
    public static int WSTOPSIG(long status) {
        return codec().stopSig(status);
    }

    /**
     * Python's {@code os.WIFCONTINUED}. Availability: Unix, not WASI.
     *
     * @param status a raw wait status
     * @return whether a stopped process was continued (reported under {@link #WCONTINUED})
     */
    public static boolean WIFCONTINUED(long status) {
        return codec().ifContinued(status);
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
     * @param args the argument vector; not empty
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
     * @param args the argument vector; not empty
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
     * @param args the argument vector; not empty
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnvp(int mode, String file, List<String> args) {
        return spawn(mode, file, args, null, true);
    }

    /**
     * Python's {@code os.spawnvpe(mode, file, args, env)}: as {@link #spawnvp}, with {@code env} as
     * the child's environment, whose PATH is the one searched. Availability: Unix, not WASI.
     *
     * @param mode a {@code P_*} mode
     * @param file the program, searched in {@code env}'s PATH when it has no slash
     * @param args the argument vector; not empty
     * @param env  the child's environment
     * @return exit code or pid, as {@link #spawnv}
     */
    public static int spawnvpe(int mode, String file, List<String> args, Map<String, String> env) {
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
        return spawnvpe(mode, file, list(arg0, args), env);
    }

    private static List<String> list(String arg0, String... args) {
        List<String> l = new ArrayList<>(args.length + 1);
        l.add(Objects.requireNonNull(arg0, "arg0"));
        l.addAll(Arrays.asList(args));
        return l;
    }

    private static int spawn(int mode, String program, List<String> args, Map<String, String> env, boolean search) {
        Objects.requireNonNull(args, "args");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("spawn: args is empty; args[0] must name the program");
        }
        if (mode != P_WAIT && mode != P_NOWAIT && mode != P_NOWAITO && mode != P_DETACH && mode != P_OVERLAY) {
            throw new IllegalArgumentException("spawn: unknown mode " + mode);
        }
        Command cmd = new Command(program).argv0(args.get(0)).args(args.subList(1, args.size())).searchPath(search);
        if (env != null) {
            cmd.environment(env);
        }
        if (mode == P_OVERLAY) {
            throw Backends.get().unsupported("os.spawn* with P_OVERLAY");
        }
        if (mode == P_DETACH) {
            cmd.detach();
        }
        Child child = cmd.spawn();
        if (mode != P_WAIT) {
            return child.pid();
        }
        try {
            return child.waitFor().toExitcode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException("waitpid", Integer.toString(child.pid()), 4, ErrorKind.INTERRUPTED,
                    "Interrupted while waiting for the child (it keeps running and is still reaped)");
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
        try {
            c.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException("system", command, 4, ErrorKind.INTERRUPTED,
                    "Interrupted while waiting for the shell (it keeps running and is still reaped)");
        }
        long status = c.waitStatus().orElseThrow();
        return Backends.get().name().equals("windows") ? status >> 8 : status;
    }
}
