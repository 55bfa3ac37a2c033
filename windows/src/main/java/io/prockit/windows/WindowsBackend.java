package io.prockit.windows;

import io.prockit.WaitResult;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.CurrentProcess;
import io.prockit.spi.PosixCalls;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.ProcessTableProvider;
import io.prockit.spi.SignalTable;
import io.prockit.spi.SpawnRequest;
import io.prockit.spi.StatusCodec;
import io.prockit.spi.WindowsCalls;
import io.prockit.windows.os.WindowsCurrentProcess;
import io.prockit.windows.os.WindowsDescriptors;
import io.prockit.windows.os.WindowsOnlyCalls;
import io.prockit.windows.os.WindowsProcessTable;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WindowsConstants;
import io.prockit.windows.platform.WindowsSignalTable;
import io.prockit.windows.platform.WindowsStatusCodec;
import io.prockit.windows.process.Children;
import io.prockit.windows.spawn.CommandLine;
import io.prockit.windows.spawn.EnvironmentBlock;
import io.prockit.windows.spawn.ProgramSearch;
import io.prockit.windows.spawn.Spawner;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * prockit's backend for Windows: the system calls behind {@link io.prockit.Os},
 * {@link io.prockit.Command} and {@link io.prockit.Child}, through kernel32.
 *
 * <p>Applications do not call it: they add the {@code prockit-windows} artifact and use the core
 * API, which finds this class with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * // with prockit-windows on the class path, on Windows:
 * Child c = Command.of("cmd.exe", "/c", "echo hi").stdout(Stdio.pipe()).spawn();
 * Os.waitpid(c.pid(), 0);              // WaitResult[pid=..., status=0]  (exit code << 8)
 * }</pre>
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Spawning: {@code CreateProcessW} with {@code STARTUPINFOEXW} and
 *       {@code PROC_THREAD_ATTRIBUTE_HANDLE_LIST} (the child inherits its three standard handles and
 *       nothing else), a UTF-16 environment block sorted as Windows wants ({@link EnvironmentBlock}),
 *       the program found by {@link ProgramSearch} (never in the current directory implicitly), the
 *       arguments quoted by {@link CommandLine} and batch files run through {@code cmd.exe} with
 *       escaping or refused. Unless {@code WindowsOptions.killOnJobClose} is false or the child is
 *       detached, it is created suspended, put in its own job object with
 *       {@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE} and resumed: its whole tree dies with the JVM and
 *       {@code killTree()} ends it at once.</li>
 *   <li>The process table ({@link io.prockit.ProcessTable}, {@link io.prockit.ProcessKiller}): one
 *       Toolhelp32 snapshot, creation times from {@code GetProcessTimes}, the command line from each
 *       process's PEB; every action on a HANDLE whose creation time was checked; terminate is
 *       {@code WM_CLOSE} to the process's windows or else {@code TerminateProcess}, suspend and resume
 *       are {@code NtSuspendProcess} and {@code NtResumeProcess}.</li>
 *   <li>Waiting: one set of waiter threads for all children, each waiting on up to 63 process
 *       handles with {@code WaitForMultipleObjects}; the exit code is read only once the handle is
 *       signalled (259, {@code STILL_ACTIVE}, is a real exit code), as a full 32-bit value. The wait
 *       status is {@code exitcode << 8}, as Python's {@code os.waitpid} reports on Windows.</li>
 *   <li>Signals: {@code CTRL_C_EVENT} (0) and {@code CTRL_BREAK_EVENT} (1) go through
 *       {@code GenerateConsoleCtrlEvent} to a process group; any other number terminates the
 *       process with {@code TerminateProcess} and that number as its exit code, exactly as Python's
 *       {@code os.kill} does on Windows. A child is always signalled through its handle.</li>
 *   <li>Python's {@code os} on the running process, where Python documents it for Windows:
 *       {@code getlogin} ({@code GetUserNameW}), {@code cpu_count} ({@code GetActiveProcessorCount}),
 *       {@code getenv}/{@code putenv}/{@code unsetenv}/{@code environ} on the live environment block
 *       (children with an inherited or changed environment see the changes), {@code getcwd}/{@code chdir},
 *       {@code umask} and {@code strerror} (the C runtime's, as Python), {@code times}
 *       ({@code GetProcessTimes}; the children's and elapsed fields are 0), {@code _exit}
 *       ({@code ExitProcess}), {@code abort} (exit code 3), {@code exec*} emulated by starting the new
 *       program on the same stdio, waiting, and exiting with its exit code, and {@code startfile}
 *       ({@code ShellExecuteExW}). These are its {@link #currentProcess()} ({@link WindowsCurrentProcess})
 *       and {@link #windows()} ({@link WindowsOnlyCalls}) capabilities, separate objects; it offers no
 *       {@link #posix()} one, so everything POSIX-only throws
 *       {@link UnsupportedOperationException} naming the function and Windows (built by {@code Os});
 *       {@code isatty} is the C runtime's {@code _isatty}. The descriptor plumbing ({@code pipe},
 *       {@code dup}, {@code dup2}, {@code read}, {@code write}, {@code close}, {@code closerange}, the
 *       inheritable and blocking flags, {@code get_terminal_size}, {@code fdopen}) is the
 *       {@link #descriptors()} capability, over the C runtime's descriptors with a silent invalid-parameter
 *       handler, so a bad number is an error, not the end of the JVM; {@code Stdio.fd(n)} passes such a
 *       descriptor's handle to a child, which is how pipelines are wired.</li>
 *   <li>Priority classes ({@code WindowsOptions.withPriorityClass}) are creation flags; Python has no
 *       way to read them on Windows ({@code os.getpriority} is Unix-only), so neither has prockit.</li>
 *   <li>{@code Command.pty}: a ConPTY (see {@code spawn.PseudoConsole} for the handle and teardown order).</li>
 * </ul>
 *
 * <p>Composition root: this class only builds the parts and hands each the narrow part it needs; the work is
 * done in {@code spawn} ({@link Spawner}: the one {@code CreateProcessW} path), {@code process}
 * ({@link Children}: the children, their waiter threads, {@code kill} and {@code waitpid}), {@code os} (the
 * process table and the process-wide calls) and {@code platform} (kernel32 helpers, the error mapping, the
 * tables). None of them sees this class.
 *
 * <p>Platform notes: {@link #isSupported()} is true only when {@code os.name} starts with
 * "Windows"; the constructor and {@code isSupported()} load no native code, so the class is safe
 * to instantiate anywhere. There are no process groups to join, no extra descriptors beyond the three
 * standard ones ({@code Command.fd}) and no {@code killpg}: those are refused with
 * {@link UnsupportedOperationException}.
 * {@code ResourceUsage} holds the CPU times and the peak working set ({@code ruMaxrss} in kilobytes).
 */
public final class WindowsBackend implements ProcessBackend {
    /** The children not yet collected and their waiter threads; the spawner registers into it. */
    private final Children children = new Children();
    /** Python's os on this process; {@code exec*} starts the new program through {@link #spawn}. */
    private final WindowsCurrentProcess currentProcess = new WindowsCurrentProcess(this::spawn);
    private final Optional<WindowsCalls> windowsCalls = Optional.of(new WindowsOnlyCalls());
    private volatile WindowsProcessTable table;

    /** Creates the backend; loads nothing. */
    public WindowsBackend() {
    }

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public boolean isSupported() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public String platformName() {
        return "Windows";
    }

    @Override
    public SignalTable signals() {
        return WindowsSignalTable.INSTANCE;
    }

    @Override
    public StatusCodec statusCodec() {
        return WindowsStatusCodec.INSTANCE;
    }

    @Override
    public Map<String, Integer> constants() {
        return WindowsConstants.ALL;
    }

    // ---- capabilities: separate objects; nothing POSIX ---------------------------------------------

    @Override
    public CurrentProcess currentProcess() {
        return currentProcess;
    }

    /** @return empty: Windows has none of Python's Unix-only functions (ids, groups, killpg, wait4, ...) */
    @Override
    public Optional<PosixCalls> posix() {
        return Optional.empty();
    }

    @Override
    public Optional<WindowsCalls> windows() {
        return windowsCalls;
    }

    private volatile WindowsDescriptors descriptors;

    /**
     * Python's descriptor plumbing on Windows ({@code os.pipe}, {@code dup}, {@code dup2}, {@code read}, ...) over
     * the C runtime's descriptors, as CPython does there: see {@link WindowsDescriptors}. Built on first use.
     */
    @Override
    public Optional<io.prockit.spi.Descriptors> descriptors() {
        WindowsDescriptors d = descriptors;
        if (d == null) {
            synchronized (this) {
                d = descriptors;
                if (d == null) {
                    d = new WindowsDescriptors();
                    descriptors = d;
                }
            }
        }
        return Optional.of(d);
    }

    @Override
    public ChildHandle spawn(SpawnRequest request) {
        Objects.requireNonNull(request, "request");
        return Spawner.spawn(request, children, currentProcess::liveEnvironment);
    }

    /** Python's {@code os.system} on Windows returns the shell's exit code, not a wait status. */
    @Override
    public long systemResult(long waitStatus) {
        return (int) (waitStatus >>> 8);
    }

    @Override
    public List<String> shellArgv(String command) {
        String comspec = System.getenv("COMSPEC");
        if (comspec == null || comspec.isBlank()) {
            comspec = "C:\\Windows\\System32\\cmd.exe";
        }
        return List.of(comspec, "/c", command);
    }

    @Override
    public int getpid() {
        return Win32.K32.GetCurrentProcessId();
    }

    @Override
    public int getppid() {
        return Win32.getppid();
    }

    /** A child of ours through its handle, never by pid; another process by pid (see {@link Children#kill}). */
    @Override
    public void kill(int pid, int signo) {
        children.kill(pid, signo);
    }

    /**
     * The process table: a Toolhelp32 snapshot, then each process through a HANDLE checked against its
     * creation time (see {@link io.prockit.ProcessTable}). Created on first use.
     *
     * @return the table
     */
    @Override
    public ProcessTableProvider processTable() {
        WindowsProcessTable t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = new WindowsProcessTable();
                    table = t;
                }
            }
        }
        return t;
    }

    @Override
    public WaitResult waitpid(int pid, int options) {
        return children.waitpid(pid, options);
    }
}
