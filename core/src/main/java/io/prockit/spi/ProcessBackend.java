package io.prockit.spi;

import io.prockit.OpenptyResult;
import io.prockit.PosixSpawnAttributes;
import io.prockit.SchedParam;
import io.prockit.TimesResult;
import io.prockit.UnameResult;
import io.prockit.Wait4Result;
import io.prockit.WaitResult;
import io.prockit.WaitidResult;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    default java.util.Optional<Descriptors> descriptors() {
        return java.util.Optional.empty();
    }

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

    // ---- Python os parity (issue 3): platforms without a function keep these defaults ------------

    /**
     * Replaces the current process image (never returns on success); stdout/stderr are flushed by the caller.
     *
     * @param path       program path, or a name to search when {@code searchPath}
     * @param argv       argument vector, not empty
     * @param env        the new environment, or null to keep the live one
     * @param searchPath search PATH (of {@code env} when given) for a name without a slash
     */
    default void execve(String path, List<String> argv, Map<String, String> env, boolean searchPath) {
        throw unsupported("os.exec*");
    }

    /**
     * Ends the process at once, without shutdown hooks or flushing.
     *
     * @param status exit status
     */
    default void _exit(int status) {
        throw unsupported("os._exit");
    }

    /**
     * Ends the process with SIGABRT (a core dump where enabled).
     */
    default void abort() {
        throw unsupported("os.abort");
    }

    /**
     * Python's {@code os.wait4}; for children of this backend the status and rusage come from its reaper.
     *
     * @param pid     as {@code waitpid}
     * @param options {@code WNOHANG}, {@code WUNTRACED}, {@code WCONTINUED}
     * @return pid, status, rusage; pid 0 under WNOHANG when nothing changed
     */
    default Wait4Result wait4(int pid, int options) {
        throw unsupported("os.wait4");
    }

    /**
     * Python's {@code os.waitid}.
     *
     * @param idtype  {@code P_PID}, {@code P_PGID}, {@code P_ALL}, {@code P_PIDFD}
     * @param id      the id
     * @param options {@code WEXITED}, {@code WSTOPPED}, {@code WCONTINUED}, {@code WNOHANG}, {@code WNOWAIT}
     * @return the child's siginfo, or null under WNOHANG when nothing is ready
     */
    default WaitidResult waitid(int idtype, int id, int options) {
        throw unsupported("os.waitid");
    }

    /**
     * @param pid process @param flags 0 or {@code PIDFD_NONBLOCK} @return a new pidfd the caller closes
     */
    default int pidfdOpen(int pid, int flags) {
        throw unsupported("os.pidfd_open");
    }

    /**
     * @param fd a descriptor to close
     */
    default void close(int fd) {
        throw unsupported("os.close");
    }

    /**
     * @param fd a descriptor @return whether it is a terminal
     */
    default boolean isatty(int fd) {
        throw unsupported("os.isatty");
    }

    /**
     * @return the real user id
     */
    default int getuid() {
        throw unsupported("os.getuid");
    }

    /**
     * @return the effective user id
     */
    default int geteuid() {
        throw unsupported("os.geteuid");
    }

    /**
     * @return the real group id
     */
    default int getgid() {
        throw unsupported("os.getgid");
    }

    /**
     * @return the effective group id
     */
    default int getegid() {
        throw unsupported("os.getegid");
    }

    /**
     * @return the supplementary group ids
     */
    default int[] getgroups() {
        throw unsupported("os.getgroups");
    }

    /**
     * @param user a user name @param group a group added to the list @return the user's groups
     */
    default int[] getgrouplist(String user, int group) {
        throw unsupported("os.getgrouplist");
    }

    /**
     * @return the login name of the controlling terminal's user
     */
    default String getlogin() {
        throw unsupported("os.getlogin");
    }

    /**
     * @return real, effective and saved user ids
     */
    default int[] getresuid() {
        throw unsupported("os.getresuid");
    }

    /**
     * @return real, effective and saved group ids
     */
    default int[] getresgid() {
        throw unsupported("os.getresgid");
    }

    /**
     * @param uid user id
     */
    default void setuid(int uid) {
        throw unsupported("os.setuid");
    }

    /**
     * @param uid user id
     */
    default void seteuid(int uid) {
        throw unsupported("os.seteuid");
    }

    /**
     * @param gid group id
     */
    default void setgid(int gid) {
        throw unsupported("os.setgid");
    }

    /**
     * @param gid group id
     */
    default void setegid(int gid) {
        throw unsupported("os.setegid");
    }

    /**
     * @param ruid real, -1 unchanged @param euid effective, -1 unchanged
     */
    default void setreuid(int ruid, int euid) {
        throw unsupported("os.setreuid");
    }

    /**
     * @param rgid real, -1 unchanged @param egid effective, -1 unchanged
     */
    default void setregid(int rgid, int egid) {
        throw unsupported("os.setregid");
    }

    /**
     * @param ruid real @param euid effective @param suid saved; -1 unchanged
     */
    default void setresuid(int ruid, int euid, int suid) {
        throw unsupported("os.setresuid");
    }

    /**
     * @param rgid real @param egid effective @param sgid saved; -1 unchanged
     */
    default void setresgid(int rgid, int egid, int sgid) {
        throw unsupported("os.setresgid");
    }

    /**
     * @param groups supplementary group ids
     */
    default void setgroups(int[] groups) {
        throw unsupported("os.setgroups");
    }

    /**
     * @param user a user name @param group a group added to the list
     */
    default void initgroups(String user, int group) {
        throw unsupported("os.initgroups");
    }

    /**
     * @param pid a process, 0 for the caller @return its process group
     */
    default int getpgid(int pid) {
        throw unsupported("os.getpgid");
    }

    /**
     * @return the caller's process group
     */
    default int getpgrp() {
        throw unsupported("os.getpgrp");
    }

    /**
     * @param pid a process, 0 for the caller @param pgrp the group, 0 for {@code pid}
     */
    default void setpgid(int pid, int pgrp) {
        throw unsupported("os.setpgid");
    }

    /**
     * Makes the caller a process group leader ({@code setpgid(0, 0)}).
     */
    default void setpgrp() {
        throw unsupported("os.setpgrp");
    }

    /**
     * @param pid a process, 0 for the caller @return its session id
     */
    default int getsid(int pid) {
        throw unsupported("os.getsid");
    }

    /**
     * Starts a new session. @return nothing; throws when the caller already leads a group
     */
    default void setsid() {
        throw unsupported("os.setsid");
    }

    /**
     * @param fd a terminal @return its foreground process group
     */
    default int tcgetpgrp(int fd) {
        throw unsupported("os.tcgetpgrp");
    }

    /**
     * @param fd a terminal @param pgrp the new foreground group
     */
    default void tcsetpgrp(int fd, int pgrp) {
        throw unsupported("os.tcsetpgrp");
    }

    /**
     * @return the path of the controlling terminal
     */
    default String ctermid() {
        throw unsupported("os.ctermid");
    }

    /**
     * @param name a variable @return its value in the live environment, or null
     */
    default String getenv(String name) {
        throw unsupported("os.getenv");
    }

    /**
     * @param name a variable @param value its new value in the live environment
     */
    default void putenv(String name, String value) {
        throw unsupported("os.putenv");
    }

    /**
     * @param name a variable to remove from the live environment
     */
    default void unsetenv(String name) {
        throw unsupported("os.unsetenv");
    }

    /**
     * @return a copy of the live environment
     */
    default Map<String, String> liveEnvironment() {
        throw unsupported("os.environ");
    }

    /**
     * @return the process's working directory
     */
    default String getcwd() {
        throw unsupported("os.getcwd");
    }

    /**
     * @param path the new working directory of the process
     */
    default void chdir(String path) {
        throw unsupported("os.chdir");
    }

    /**
     * @param increment added to the niceness @return the new niceness
     */
    default int nice(int increment) {
        throw unsupported("os.nice");
    }

    /**
     * @param which {@code PRIO_*} @param who id, 0 for the caller @return the priority
     */
    default int getpriority(int which, int who) {
        throw unsupported("os.getpriority");
    }

    /**
     * @param which {@code PRIO_*} @param who id, 0 for the caller @param priority the niceness
     */
    default void setpriority(int which, int who, int priority) {
        throw unsupported("os.setpriority");
    }

    /**
     * @param mask the new mask @return the previous mask
     */
    default int umask(int mask) {
        throw unsupported("os.umask");
    }

    /**
     * @return the system's identification
     */
    default UnameResult uname() {
        throw unsupported("os.uname");
    }

    /**
     * @param code an error number @return its description
     */
    default String strerror(int code) {
        throw unsupported("os.strerror");
    }

    /**
     * @return the process times
     */
    default TimesResult times() {
        throw unsupported("os.times");
    }

    /**
     * @return the 1, 5 and 15 minute load averages
     */
    default double[] getloadavg() {
        throw unsupported("os.getloadavg");
    }

    /**
     * @return the number of logical CPUs in the system
     */
    default int cpuCount() {
        throw unsupported("os.cpu_count");
    }

    /**
     * @return the number of logical CPUs this process may run on
     */
    default int processCpuCount() {
        throw unsupported("os.process_cpu_count");
    }

    /**
     * @param name a {@code _SC_*} value @return the value, -1 when indeterminate
     */
    default long sysconf(int name) {
        throw unsupported("os.sysconf");
    }

    /**
     * @param name a {@code _CS_*} value @return the value, or null when undefined
     */
    default String confstr(int name) {
        throw unsupported("os.confstr");
    }

    /**
     * @param policy a {@code SCHED_*} policy @return its minimum priority
     */
    default int schedGetPriorityMin(int policy) {
        throw unsupported("os.sched_get_priority_min");
    }

    /**
     * @param policy a {@code SCHED_*} policy @return its maximum priority
     */
    default int schedGetPriorityMax(int policy) {
        throw unsupported("os.sched_get_priority_max");
    }

    /**
     * @param pid a process, 0 for the caller @param policy the policy @param param its parameters
     */
    default void schedSetscheduler(int pid, int policy, SchedParam param) {
        throw unsupported("os.sched_setscheduler");
    }

    /**
     * @param pid a process, 0 for the caller @return its policy
     */
    default int schedGetscheduler(int pid) {
        throw unsupported("os.sched_getscheduler");
    }

    /**
     * @param pid a process, 0 for the caller @param param the parameters
     */
    default void schedSetparam(int pid, SchedParam param) {
        throw unsupported("os.sched_setparam");
    }

    /**
     * @param pid a process, 0 for the caller @return its parameters
     */
    default SchedParam schedGetparam(int pid) {
        throw unsupported("os.sched_getparam");
    }

    /**
     * @param pid a process, 0 for the caller @return its round-robin quantum in seconds
     */
    default double schedRrGetInterval(int pid) {
        throw unsupported("os.sched_rr_get_interval");
    }

    /**
     * Yields the processor.
     */
    default void schedYield() {
        throw unsupported("os.sched_yield");
    }

    /**
     * @param pid a process, 0 for the caller @param cpus the CPUs it may run on
     */
    default void schedSetaffinity(int pid, Set<Integer> cpus) {
        throw unsupported("os.sched_setaffinity");
    }

    /**
     * @param pid a process, 0 for the caller @return the CPUs it may run on
     */
    default Set<Integer> schedGetaffinity(int pid) {
        throw unsupported("os.sched_getaffinity");
    }

    /**
     * Python's {@code os.posix_spawn} / {@code os.posix_spawnp}; the child is registered with the reaper.
     *
     * @param path       program path, or a name to search when {@code searchPath}
     * @param argv       argument vector
     * @param env        the child's whole environment
     * @param attributes the keyword arguments
     * @param searchPath whether to search PATH ({@code posix_spawnp})
     * @return the child's pid
     */
    default int posixSpawn(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes attributes, boolean searchPath) {
        throw unsupported("os.posix_spawn");
    }

    /**
     * @return a new pseudo-terminal pair (close-on-exec, O_NOCTTY)
     */
    default OpenptyResult openpty() {
        throw unsupported("os.openpty");
    }

    /**
     * @param fd a terminal @param rows rows @param columns columns
     */
    default void setWindowSize(int fd, int rows, int columns) {
        throw unsupported("TIOCSWINSZ");
    }

    /**
     * Python's {@code os.startfile}: opens a file with its associated application through the shell.
     *
     * @param path      the file, directory or URL; relative to {@code cwd} or the current directory
     * @param operation a verb ({@code "open"}, {@code "print"}, {@code "edit"}, {@code "explore"}, ...), or null for
     *                  the default
     * @param arguments the parameters passed to an application, or null
     * @param cwd       the working directory, or null for the process's
     * @param showCmd   an {@code SW_*} value
     */
    default void startfile(String path, String operation, String arguments, String cwd, int showCmd) {
        throw unsupported("os.startfile");
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
