package io.prockit.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.TimesResult;
import io.prockit.WaitResult;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.CurrentProcess;
import io.prockit.spi.PosixCalls;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.ProcessTableProvider;
import io.prockit.spi.SignalTable;
import io.prockit.spi.SpawnRequest;
import io.prockit.spi.StatusCodec;
import io.prockit.spi.Termination;
import io.prockit.spi.WindowsCalls;
import io.prockit.windows.jna.Ucrt;
import io.prockit.windows.jna.WinConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

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
 *       ({@code ShellExecuteExW}). These are its {@link #currentProcess()} and {@link #windows()}
 *       capabilities; it offers no {@link #posix()} one, so everything POSIX-only throws
 *       {@link UnsupportedOperationException} naming the function and Windows (built by {@code Os});
 *       {@code isatty} is the C runtime's {@code _isatty}. The descriptor plumbing ({@code pipe},
 *       {@code dup}, {@code dup2}, {@code read}, {@code write}, {@code close}, {@code closerange}, the
 *       inheritable and blocking flags, {@code get_terminal_size}, {@code fdopen}) is the
 *       {@link #descriptors()} capability, over the C runtime's descriptors with a silent invalid-parameter
 *       handler, so a bad number is an error, not the end of the JVM; {@code Stdio.fd(n)} passes such a
 *       descriptor's handle to a child, which is how pipelines are wired.</li>
 *   <li>Priority classes ({@code WindowsOptions.withPriorityClass}) are creation flags; Python has no
 *       way to read them on Windows ({@code os.getpriority} is Unix-only), so neither has prockit.</li>
 *   <li>{@code Command.pty}: a ConPTY (see {@link PseudoConsole} for the handle and teardown order).</li>
 * </ul>
 *
 * <p>Platform notes: {@link #isSupported()} is true only when {@code os.name} starts with
 * "Windows"; the constructor and {@code isSupported()} load no native code, so the class is safe
 * to instantiate anywhere. There are no process groups to join, no extra descriptors beyond the three
 * standard ones ({@code Command.fd}) and no {@code killpg}: those are refused with
 * {@link UnsupportedOperationException}.
 * {@code ResourceUsage} holds the CPU times and the peak working set ({@code ruMaxrss} in kilobytes).
 */
public final class WindowsBackend implements ProcessBackend, CurrentProcess, WindowsCalls {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsBackend.class);

    /** ECHILD in the Microsoft C runtime's {@code <errno.h>}, for waitpid on a pid that is not our child. */
    static final int ECHILD = 10;
    /** EINTR in the Microsoft C runtime's {@code <errno.h>}. */
    static final int EINTR = 4;

    /** Children not yet collected, by pid; each holds its process handle, so its pid is not reused meanwhile. */
    private final Map<Integer, WindowsChild> children = new ConcurrentHashMap<>();
    private volatile WaitGroups<WinNT.HANDLE> waiters;
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

    // ---- capabilities: this object itself; nothing POSIX ----------------------------------------------

    @Override
    public CurrentProcess currentProcess() {
        return this;
    }

    /** @return empty: Windows has none of Python's Unix-only functions (ids, groups, killpg, wait4, ...) */
    @Override
    public Optional<PosixCalls> posix() {
        return Optional.empty();
    }

    @Override
    public Optional<WindowsCalls> windows() {
        return Optional.of(this);
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
        return Spawner.spawn(request, registry);
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

    @Override
    public void kill(int pid, int signo) {
        WindowsChild child = children.get(pid);
        if (child != null) {
            // Our own child: through its handle, never by pid. Already ended: nothing to do, as
            // kill(2) of a zombie.
            child.signal(signo);
            return;
        }
        if (signo == WinConstants.CTRL_C_EVENT || signo == WinConstants.CTRL_BREAK_EVENT) {
            if (!Win32.K32.GenerateConsoleCtrlEvent(signo, pid)) {
                throw Win32.lastError("GenerateConsoleCtrlEvent", Integer.toString(pid));
            }
            return;
        }
        WinNT.HANDLE h = Win32.K32.OpenProcess(WinConstants.PROCESS_TERMINATE, false, pid);
        if (!Win32.isValid(h)) {
            throw Win32.lastError("OpenProcess", Integer.toString(pid));
        }
        try {
            if (!Win32.K32.TerminateProcess(h, signo)) {
                throw Win32.lastError("TerminateProcess", Integer.toString(pid));
            }
            LOG.debug("terminated pid {} with exit code {}", pid, signo);
        } finally {
            Win32.close(h);
        }
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
        WindowsChild child = pid > 0 ? children.get(pid) : null;
        if (child == null) {
            throw new OsException("waitpid", Integer.toString(pid), ECHILD, ErrorKind.NO_CHILD,
                    pid > 0 ? "No child processes (pid " + pid + " is not a child prockit started and has not collected)"
                            : "No child processes (Windows has no process groups: waitpid takes a child's pid)");
        }
        Termination t;
        try {
            t = child.termination().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException("waitpid", Integer.toString(pid), EINTR, ErrorKind.INTERRUPTED,
                    "Interrupted while waiting for the child (it keeps running and is still reaped)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        child.collected();
        return new WaitResult(pid, t.waitStatus());
    }

    // ---- Python os on the running process ----------------------------------------------------------

    /** Python's {@code os.getlogin()} on Windows: {@code GetUserNameW}. */
    @Override
    public String getlogin() {
        char[] buf = new char[WinConstants.UNLEN + 1];
        IntByReference len = new IntByReference(buf.length);
        if (!Advapi32.INSTANCE.GetUserNameW(buf, len)) {
            throw Win32.lastError("GetUserNameW", null);
        }
        // len counts the terminating NUL.
        return new String(buf, 0, Math.max(0, len.getValue() - 1));
    }

    /** Python's {@code os.cpu_count()} on Windows: {@code GetActiveProcessorCount(ALL_PROCESSOR_GROUPS)}. */
    @Override
    public int cpuCount() {
        return Win32.EXT.GetActiveProcessorCount((short) WinConstants.ALL_PROCESSOR_GROUPS);
    }

    /** Python's {@code os.process_cpu_count()} is {@code cpu_count()} where there is no {@code sched_getaffinity}. */
    @Override
    public int processCpuCount() {
        return cpuCount();
    }

    /** The live process environment, which {@code SetEnvironmentVariableW} changes ({@code GetEnvironmentVariableW}). */
    @Override
    public String getenv(String name) {
        WString wname = new WString(name);
        char[] buf = new char[256];
        while (true) {
            Win32.K32.SetLastError(0);
            int n = Win32.EXT.GetEnvironmentVariableW(wname, buf, buf.length);
            if (n == 0) {
                int err = Native.getLastError();
                if (err == WinConstants.ERROR_ENVVAR_NOT_FOUND) {
                    return null;
                }
                if (err != 0) {
                    throw WinErrors.exception("GetEnvironmentVariableW", name, err);
                }
                return "";
            }
            if (n < buf.length) {
                return new String(buf, 0, n);
            }
            buf = new char[n]; // n includes the NUL when the buffer was too small
        }
    }

    /**
     * Python's {@code os.putenv} on Windows: {@code SetEnvironmentVariableW}. Children started with an
     * inherited environment get the process's block, and a changed one starts from
     * {@code GetEnvironmentStringsW}, so both see it; {@link System#getenv} does not.
     */
    @Override
    public void putenv(String name, String value) {
        LiveProcess.checkPutenv(name, value);
        if (!Win32.EXT.SetEnvironmentVariableW(new WString(name), new WString(value))) {
            throw Win32.lastError("SetEnvironmentVariableW", name);
        }
    }

    @Override
    public void unsetenv(String name) {
        if (!Win32.EXT.SetEnvironmentVariableW(new WString(name), null)) {
            int err = Native.getLastError();
            if (err != WinConstants.ERROR_ENVVAR_NOT_FOUND) {
                throw WinErrors.exception("SetEnvironmentVariableW", name, err);
            }
        }
    }

    @Override
    public Map<String, String> liveEnvironment() {
        return Win32.liveEnvironment();
    }

    @Override
    public String getcwd() {
        return Win32.currentDirectory();
    }

    /**
     * {@code SetCurrentDirectoryW}, then the drive's {@code =X:} variable, as the C runtime's {@code _wchdir}
     * and Python's {@code os.chdir} keep it.
     */
    @Override
    public void chdir(String path) {
        if (!Win32.EXT.SetCurrentDirectoryW(new WString(path))) {
            throw Win32.lastError("SetCurrentDirectoryW", path);
        }
        String now = getcwd();
        String drive = LiveProcess.driveVariable(now);
        if (drive != null && !Win32.EXT.SetEnvironmentVariableW(new WString(drive), new WString(now))) {
            LOG.debug("SetEnvironmentVariableW({}) failed: error {}", drive, Native.getLastError());
        }
    }

    /**
     * The C runtime's {@code _umask}: only the owner read and write bits (0400, 0200) mean anything on
     * Windows, the others are dropped before the call, as the runtime itself ignores them.
     */
    @Override
    public int umask(int mask) {
        return Ucrt.INSTANCE._umask(mask & (WinConstants.S_IREAD | WinConstants.S_IWRITE));
    }

    /** The C runtime's message for an errno value, as Python's {@code os.strerror} (the wide form, {@code _wcserror}). */
    @Override
    public String strerror(int code) {
        Pointer p = Ucrt.INSTANCE._wcserror(code);
        return p == null ? "Unknown error" : p.getWideString(0);
    }

    /** {@code GetProcessTimes} of this process; the children's and the elapsed fields are 0, as in Python. */
    @Override
    public TimesResult times() {
        WinBase.FILETIME created = new WinBase.FILETIME();
        WinBase.FILETIME exited = new WinBase.FILETIME();
        WinBase.FILETIME kernel = new WinBase.FILETIME();
        WinBase.FILETIME user = new WinBase.FILETIME();
        if (!Win32.K32.GetProcessTimes(Win32.K32.GetCurrentProcess(), created, exited, kernel, user)) {
            throw Win32.lastError("GetProcessTimes", null);
        }
        return LiveProcess.times(Win32.ticks(user), Win32.ticks(kernel));
    }

    /** {@code ExitProcess}: no shutdown hooks, no flushing of Java buffers. */
    @Override
    public void _exit(int status) {
        LOG.debug("_exit({})", status);
        Win32.K32.ExitProcess(status);
    }

    /**
     * Exit code 3 at once, as Python documents for {@code os.abort()} on Windows:
     * {@code TerminateProcess} of the current process, which runs no handlers and shows no dialog
     * (the C runtime's {@code abort()} may report the fault to Windows Error Reporting instead).
     */
    @Override
    public void abort() {
        Win32.K32.TerminateProcess(Win32.K32.GetCurrentProcess(), WinConstants.ABORT_EXIT_CODE);
    }

    /**
     * {@code exec*} as the Windows C runtime emulates it: the new program is started with this process's
     * stdio and the given (or live) environment, then this process exits. Unlike the C runtime, which
     * exits with 0 at once, prockit waits for the program and exits with its exit code, so a parent
     * waiting for this process sees the new program's result, as after a POSIX {@code exec}. The pid
     * changes. If the program cannot be started this throws and the JVM keeps running.
     */
    @Override
    public void execve(String path, List<String> argv, Map<String, String> env, boolean searchPath) {
        SpawnRequest request = LiveProcess.execRequest(path, argv, env, searchPath);
        System.out.flush();
        System.err.flush();
        ChildHandle child = spawn(request);
        LOG.debug("exec emulation: {} started as pid {}; this process exits with its exit code", path, child.pid());
        int code;
        while (true) {
            try {
                code = child.termination().get().status().code().orElse(1);
                break;
            } catch (InterruptedException e) {
                // The process is being replaced: nothing may interrupt the wait.
                Thread.interrupted();
            } catch (ExecutionException e) {
                code = 1;
                break;
            }
        }
        Win32.K32.ExitProcess(code);
    }

    /** Python's {@code os.isatty} on Windows: the C runtime's {@code _isatty}, under a silent invalid-parameter handler. */
    @Override
    public boolean isatty(int fd) {
        return Crt.isatty(fd);
    }

    /** Python's {@code os.startfile}: {@code ShellExecuteExW}, see {@link ShellExecute}. */
    @Override
    public void startfile(String path, String operation, String arguments, String cwd, int showCmd) {
        ShellExecute.startfile(path, operation, arguments, cwd, showCmd);
    }

    // ---- registry and reaper ---------------------------------------------------------------------

    /** The narrow part the spawner and the children get (not the backend itself). */
    private final ChildRegistry registry = new ChildRegistry() {
        @Override
        public void register(WindowsChild child) {
            WindowsBackend.this.register(child);
        }

        @Override
        public void forget(WindowsChild child) {
            WindowsBackend.this.forget(child);
        }
    };

    void register(WindowsChild child) {
        children.put(child.pid(), child);
        waiters().add(child.processHandle(), child::reap);
    }

    void forget(WindowsChild child) {
        children.remove(child.pid(), child);
    }

    private WaitGroups<WinNT.HANDLE> waiters() {
        WaitGroups<WinNT.HANDLE> w = waiters;
        if (w == null) {
            synchronized (this) {
                w = waiters;
                if (w == null) {
                    w = new WaitGroups<>(new KernelWaitOps(), "prockit-windows-waiter");
                    waiters = w;
                }
            }
        }
        return w;
    }

    /** {@link WaitGroups.Ops} over kernel32 events and {@code WaitForMultipleObjects}. */
    private static final class KernelWaitOps implements WaitGroups.Ops<WinNT.HANDLE> {
        @Override
        public WinNT.HANDLE newWakeEvent() {
            WinNT.HANDLE e = Win32.K32.CreateEvent(null, false, false, null);
            if (!Win32.isValid(e)) {
                throw Win32.lastError("CreateEventW", null);
            }
            return e;
        }

        @Override
        public void wake(WinNT.HANDLE event) {
            if (!Win32.K32.SetEvent(event)) {
                throw Win32.lastError("SetEvent", null);
            }
        }

        @Override
        public int waitAny(List<WinNT.HANDLE> handles) {
            WinNT.HANDLE[] array = handles.toArray(new WinNT.HANDLE[0]);
            int r = Win32.K32.WaitForMultipleObjects(array.length, array, false, WinBase.INFINITE);
            if (r >= WinConstants.WAIT_OBJECT_0 && r < WinConstants.WAIT_OBJECT_0 + array.length) {
                return r - WinConstants.WAIT_OBJECT_0;
            }
            return -1;
        }

        @Override
        public void closeEvent(WinNT.HANDLE event) {
            Win32.close(event);
        }
    }
}
