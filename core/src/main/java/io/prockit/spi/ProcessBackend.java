package io.prockit.spi;

import io.prockit.WaitResult;

import java.util.List;
import java.util.Map;

/**
 * What a platform module implements: the system calls behind {@link io.prockit.Os},
 * {@link io.prockit.Command} and {@link io.prockit.Child}.
 *
 * <p>Implementations are registered for {@link java.util.ServiceLoader} (both
 * {@code provides io.prockit.spi.ProcessBackend with ...} in {@code module-info.java} and
 * {@code META-INF/services/io.prockit.spi.ProcessBackend}) and must have a public no-argument
 * constructor that loads no native code: {@link #isSupported()} is asked first, looking at
 * {@code os.name} only. One backend is chosen per JVM, lazily; {@code -Dprockit.backend=NAME}
 * picks one by {@link #name()}.
 *
 * <p>Every method is thread-safe. Arguments arrive validated by core (no NUL, {@code pid > 0} for
 * {@link #kill(int, int)}, known signal numbers); the backend still maps every system failure to an
 * {@link io.prockit.OsException} naming the call.
 */
public interface ProcessBackend {

    /** @return the backend's name for {@code -Dprockit.backend}: {@code "posix"} or {@code "windows"} */
    String name();

    /** @return whether this backend serves the running OS; must not load native code */
    boolean isSupported();

    /** @return the running platform's name as users know it, e.g. {@code "Linux"}, {@code "macOS"}, {@code "Windows"} */
    String platformName();

    /** @return the platform's signals */
    SignalTable signals();

    /** @return the platform's wait-status macros */
    StatusCodec statusCodec();

    /**
     * The platform's values of Python's {@code os} constants ({@code WNOHANG}, {@code WCONTINUED},
     * {@code EX_OK}, {@code P_NOWAITO}, {@code SCHED_BATCH}, ...): only those the platform has.
     *
     * @return name to value; immutable
     */
    Map<String, Integer> constants();

    /**
     * Starts a child process.
     *
     * @param request the validated request
     * @return the running child, registered with the backend's reaper
     * @throws io.prockit.OsException if the program cannot be started (not found, not executable, ...)
     */
    ChildHandle spawn(SpawnRequest request);

    /**
     * The argument vector that runs {@code command} through the platform's shell.
     *
     * @param command a shell command line
     * @return {@code [/bin/sh, -c, command]} on POSIX, {@code [%COMSPEC%, /c, command]} on Windows
     */
    List<String> shellArgv(String command);

    /** @return the calling process's id */
    int getpid();

    /** @return the parent process's id */
    int getppid();

    /**
     * Sends a signal to one process.
     *
     * @param pid   a process id, &gt; 0
     * @param signo a signal number of this platform (0 checks existence)
     */
    void kill(int pid, int signo);

    /**
     * Sends a signal to a process group.
     *
     * @param pgid  a process group id, &gt; 0
     * @param signo a signal number of this platform
     */
    void killpg(int pgid, int signo);

    /**
     * Python's {@code os.waitpid}. For a child this backend spawned, the status comes from the
     * backend's reaper, so the child is still reaped exactly once.
     *
     * @param pid     as {@code waitpid(2)}: &gt; 0 one process, 0 the caller's group, -1 any child, &lt; -1 that group
     * @param options {@code WNOHANG}, {@code WUNTRACED}, {@code WCONTINUED}
     * @return the pid and raw status; pid 0 under {@code WNOHANG} when nothing changed
     */
    WaitResult waitpid(int pid, int options);

    /**
     * The process table of this platform (issue: process inspection and killing). Backends that
     * have one override this.
     *
     * @return the provider
     * @throws UnsupportedOperationException if this backend has no process table
     */
    default ProcessTableProvider processTable() {
        throw unsupported("the process table");
    }

    /**
     * Builds the exception every {@code Os} function throws when this platform lacks it.
     *
     * @param function Python's name, e.g. {@code "os.fork"}
     * @return the exception to throw
     */
    default UnsupportedOperationException unsupported(String function) {
        return new UnsupportedOperationException(function + " is not available on " + platformName());
    }
}
