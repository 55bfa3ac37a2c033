package io.prockit.windows.os;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.ptr.IntByReference;
import io.prockit.TimesResult;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.CurrentProcess;
import io.prockit.spi.SpawnRequest;
import io.prockit.windows.jna.Ucrt;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;
import io.prockit.windows.spawn.EnvironmentBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Python's {@code os} on the running process, where Python documents it for Windows: the backend's
 * {@link CurrentProcess} capability. {@code getlogin} ({@code GetUserNameW}), {@code cpu_count}
 * ({@code GetActiveProcessorCount}), {@code getenv}/{@code putenv}/{@code unsetenv}/{@code environ} on the live
 * environment block (children with an inherited or changed environment see the changes: the spawner reads
 * {@link #liveEnvironment()}), {@code getcwd}/{@code chdir}, {@code umask} and {@code strerror} (the C
 * runtime's, as Python), {@code times} ({@code GetProcessTimes}; the children's and elapsed fields are 0),
 * {@code _exit} ({@code ExitProcess}), {@code abort} (exit code 3) and {@code exec*}, emulated by starting the
 * new program on the same stdio, waiting, and exiting with its exit code.
 *
 * <p>Creating it loads no native code; the pure decisions behind it are in {@link LiveProcess}.
 */
public final class WindowsCurrentProcess implements CurrentProcess {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsCurrentProcess.class);

    private final Function<SpawnRequest, ChildHandle> spawner;

    /**
     * @param spawner the backend's one spawn path, which {@code exec*} starts the new program through
     */
    public WindowsCurrentProcess(Function<SpawnRequest, ChildHandle> spawner) {
        this.spawner = Objects.requireNonNull(spawner, "spawner");
    }

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
        return read();
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
        ChildHandle child = spawner.apply(request);
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

    /** @return the live process environment (what {@code SetEnvironmentVariableW} changed too), names case-insensitive */
    private static Map<String, String> read() {
        Pointer block = Win32.K32.GetEnvironmentStrings();
        if (block == null) {
            throw Win32.lastError("GetEnvironmentStringsW", null);
        }
        try {
            // Find the terminating empty string: two NUL units in a row (or one at the very start).
            long off = 0;
            while (true) {
                char c = (char) block.getShort(off);
                if (c == 0 && (off == 0 || block.getShort(off - 2) == 0)) {
                    break;
                }
                off += 2;
            }
            int n = (int) (off / 2);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) block.getShort(2L * i);
            }
            return EnvironmentBlock.decode(chars, n);
        } finally {
            Win32.K32.FreeEnvironmentStrings(block);
        }
    }
}
