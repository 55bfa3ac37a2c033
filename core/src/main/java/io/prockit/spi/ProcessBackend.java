package io.prockit.spi;

import io.prockit.WaitResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform module implements: the small contract every backend fulfils, and the capability
 * objects it hands out for the rest.
 *
 * <p><b>The contract.</b> These members are what {@link io.prockit.Command}, {@link io.prockit.Child},
 * {@link io.prockit.Signal}, {@link io.prockit.ProcessTable} and the portable part of {@link io.prockit.Os}
 * need on every platform: spawning, the signal table, the wait-status codec, the constants, output
 * watching, the process table, and {@code getpid}/{@code getppid}/{@code kill}/{@code waitpid}.
 *
 * <p><b>Capabilities.</b> Everything else is grouped in capability interfaces that a backend offers or
 * not: {@link #currentProcess()} (what every platform has on the running process: environment, working
 * directory, exec, {@code _exit}, ...), {@link #posix()} (ids, process groups and sessions, priority and
 * scheduling, {@code wait4}/{@code waitid}, terminals, system information, {@code posix_spawn}), and
 * {@link #windows()} ({@code startfile}). A function the platform lacks is an empty capability, never a
 * method that throws: {@link io.prockit.Os} turns the empty {@link Optional} into the one
 * {@link UnsupportedOperationException} Python's "Availability" line calls for
 * ({@code "os.getuid is not available on Windows"}).
 *
 * <pre>{@code
 * // what Os.getuid() does:
 * backend.posix().orElseThrow(() -> unavailable("os.getuid")).getuid();
 * }</pre>
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
 * {@link io.prockit.OsException} naming the call. Every backend is checked by the same contract test
 * suite ({@code io.prockit.contract.BackendContract} in core's test jar).
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
     * {@code EX_OK}, {@code P_NOWAITO}, {@code SCHED_BATCH}, ...): only those CPython defines on the platform.
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
     * Hands one of a child's output streams to the backend's event loop, which reads it as data arrives and
     * passes what it reads to {@code sink}, without a thread per stream: what
     * {@link io.prockit.Command#spawn(io.prockit.ProcessListener)} uses. From then on only the loop reads
     * the stream; closing it (through {@link ChildHandle#closeStreams()}) ends the delivery with
     * {@link OutputSink#end}.
     *
     * <p>The default declines, and the caller then reads the stream on a pool thread of its own.
     *
     * @param stream the {@link ChildHandle#stdout()} or {@link ChildHandle#stderr()} of a child this backend
     *               spawned, not yet read
     * @param sink   where the bytes go
     * @return true if the loop took the stream; false if this backend cannot watch it (the caller reads it)
     */
    default boolean watchOutput(java.io.InputStream stream, OutputSink sink) {
        return false;
    }

    /**
     * Hands a child's stdin to the backend's event loop, which writes {@code data} into it as the pipe
     * accepts it and then closes it, without a thread per child: what {@link io.prockit.Command#input(byte[])}
     * uses, so that input is written while the output is read, for any sizes, without deadlock. From then on
     * only the loop writes and closes the stream; closing it (through {@link ChildHandle#closeStreams()})
     * stops the feed, which then ends with {@code complete == false}.
     *
     * <p>The default declines, and the caller then writes the stream on a pool thread of its own.
     *
     * @param stream the {@link ChildHandle#stdin()} of a child this backend spawned, not yet written
     * @param data   the bytes to write, from its position to its limit; the loop reads it until the feed ends
     *               (the caller must not change it)
     * @param feed   told once when the feed is over
     * @return true if the loop took the stream; false if this backend cannot feed it (the caller writes it)
     */
    default boolean feedInput(java.io.OutputStream stream, java.nio.ByteBuffer data, InputFeed feed) {
        return false;
    }

    /**
     * The descriptor plumbing of Python's {@code os} ({@code pipe}, {@code dup2}, {@code read}, ...), where
     * the platform has it: a capability, so that a backend without it declares nothing that only throws.
     *
     * @return the capability, or empty when this backend does not offer it ({@link io.prockit.Os} then throws
     *         its Availability exception)
     */
    java.util.Optional<Descriptors> descriptors();

    /**
     * The argument vector that runs {@code command} through the platform's shell.
     *
     * @param command a shell command line
     * @return {@code [/bin/sh, -c, command]} on POSIX, {@code [%COMSPEC%, /c, command]} on Windows
     */
    List<String> shellArgv(String command);

    /**
     * What {@code Os.system} returns for a shell that ended with this wait status: the status itself on
     * POSIX (Python returns the encoded status there), the exit code on Windows.
     *
     * @param waitStatus the shell's wait status
     * @return the value {@code Os.system} returns
     */
    default long systemResult(long waitStatus) {
        return waitStatus;
    }

    /** @return the calling process's id */
    int getpid();

    /** @return the parent process's id */
    int getppid();

    /**
     * Sends a signal to one process. A child this backend spawned is signalled through what the backend
     * holds for it (pidfd, handle); once reaped, never by its number again.
     *
     * @param pid   a process id, &gt; 0
     * @param signo a signal number of this platform (0 checks existence)
     */
    void kill(int pid, int signo);

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
     * The process table of this platform: listing, inspecting and signalling other processes.
     *
     * @return the provider
     */
    ProcessTableProvider processTable();

    // ---- capabilities ----------------------------------------------------------------------------

    /**
     * The calls on the running process that every platform has (Python documents them for Unix and Windows).
     *
     * @return the capability; never null
     */
    CurrentProcess currentProcess();

    /**
     * The POSIX functions of Python's {@code os} ("Availability: Unix").
     *
     * @return the capability, or empty where the platform is not POSIX
     */
    Optional<PosixCalls> posix();

    /**
     * The functions of Python's {@code os} that only Windows has ("Availability: Windows").
     *
     * @return the capability, or empty where the platform is not Windows
     */
    Optional<WindowsCalls> windows();
}
