package io.prockit.windows.platform;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.OsException;
import io.prockit.windows.jna.Kernel32Ext;
import io.prockit.windows.jna.WinConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Small helpers over kernel32: error capture, handle closing, system directories, the current
 * directory, the process snapshot, exit codes and times. Every failure becomes an {@link OsException} naming the call.
 * Touching this class loads JNA and kernel32; only the running Windows backend does.
 */
public final class Win32 {
    private static final Logger LOG = LoggerFactory.getLogger(Win32.class);

    public static final Kernel32 K32 = Kernel32.INSTANCE;
    public static final Kernel32Ext EXT = Kernel32Ext.INSTANCE;

    static {
        WinErrors.useSystemMessages(code -> {
            try {
                return Kernel32Util.formatMessageFromLastErrorCode(code);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    private Win32() {
    }

    /**
     * @param operation the call that just failed
     * @param subject   what it was about, or null
     * @return the exception for the calling thread's last error
     */
    public static OsException lastError(String operation, String subject) {
        return WinErrors.exception(operation, subject, Native.getLastError());
    }

    public static boolean isValid(WinNT.HANDLE h) {
        return h != null && Pointer.nativeValue(h.getPointer()) != 0 && !WinBase.INVALID_HANDLE_VALUE.equals(h);
    }

    public static void close(WinNT.HANDLE h) {
        if (isValid(h) && !K32.CloseHandle(h)) {
            LOG.debug("CloseHandle({}) failed: error {}", h, Native.getLastError());
        }
    }

    public static String systemDirectory() {
        char[] buf = new char[WinDef.MAX_PATH + 1];
        int n = EXT.GetSystemDirectoryW(buf, buf.length);
        if (n == 0 || n >= buf.length) {
            throw lastError("GetSystemDirectoryW", null);
        }
        return new String(buf, 0, n);
    }

    public static String windowsDirectory() {
        char[] buf = new char[WinDef.MAX_PATH + 1];
        int n = EXT.GetWindowsDirectoryW(buf, buf.length);
        if (n == 0 || n >= buf.length) {
            throw lastError("GetWindowsDirectoryW", null);
        }
        return new String(buf, 0, n);
    }

    /** @return pid to parent pid for every process, from one Toolhelp32 snapshot */
    public static Map<Integer, Integer> processParents() {
        WinNT.HANDLE snap = K32.CreateToolhelp32Snapshot(new WinDef.DWORD(WinConstants.TH32CS_SNAPPROCESS),
                new WinDef.DWORD(0));
        if (!isValid(snap)) {
            throw lastError("CreateToolhelp32Snapshot", null);
        }
        try {
            Map<Integer, Integer> parents = new HashMap<>();
            Tlhelp32.PROCESSENTRY32.ByReference e = new Tlhelp32.PROCESSENTRY32.ByReference();
            boolean more = K32.Process32First(snap, e);
            while (more) {
                parents.put(e.th32ProcessID.intValue(), e.th32ParentProcessID.intValue());
                more = K32.Process32Next(snap, e);
            }
            return parents;
        } finally {
            close(snap);
        }
    }

    /**
     * @param process a process handle with query rights
     * @return its creation time in 100 ns units since 1601, or -1 if unreadable
     */
    public static long creationTime(WinNT.HANDLE process) {
        WinBase.FILETIME c = new WinBase.FILETIME();
        WinBase.FILETIME e = new WinBase.FILETIME();
        WinBase.FILETIME k = new WinBase.FILETIME();
        WinBase.FILETIME u = new WinBase.FILETIME();
        if (!K32.GetProcessTimes(process, c, e, k, u)) {
            return -1;
        }
        return ticks(c);
    }

    public static long ticks(WinBase.FILETIME t) {
        return ((long) t.dwHighDateTime << 32) | (t.dwLowDateTime & 0xffffffffL);
    }

    public static int getppid() {
        int self = K32.GetCurrentProcessId();
        Integer parent = processParents().get(self);
        if (parent == null) {
            throw new OsException("Process32NextW", Integer.toString(self), WinConstants.ERROR_FILE_NOT_FOUND,
                    io.prockit.ErrorKind.NO_SUCH_PROCESS, "The current process is not in the process snapshot");
        }
        return parent;
    }

    /**
     * Reads a process's exit code. Only call once the handle is signalled: before that the code
     * reads {@code STILL_ACTIVE} (259), which is also a legal exit code.
     */
    public static int exitCode(WinNT.HANDLE process, int pid) {
        IntByReference code = new IntByReference();
        if (!K32.GetExitCodeProcess(process, code)) {
            throw lastError("GetExitCodeProcess", Integer.toString(pid));
        }
        return code.getValue();
    }

    /**
     * {@code GetCurrentDirectoryW}: the process's real current directory, which {@code Os.chdir} changes and
     * {@code user.dir} does not follow.
     *
     * @return the directory
     */
    public static String currentDirectory() {
        char[] buf = new char[WinConstants.MAX_PATH_CHARS];
        while (true) {
            int n = EXT.GetCurrentDirectoryW(buf.length, buf);
            if (n == 0) {
                throw lastError("GetCurrentDirectoryW", null);
            }
            if (n < buf.length) {
                return new String(buf, 0, n);
            }
            buf = new char[n];
        }
    }

    /**
     * The limit flags of the job this process runs in ({@code QueryInformationJobObject(NULL, ...)}: the
     * innermost job), or empty when it runs in none or they cannot be read.
     *
     * @return {@code JOBOBJECT_BASIC_LIMIT_INFORMATION.LimitFlags}
     */
    public static java.util.OptionalInt ownJobLimitFlags() {
        IntByReference inJob = new IntByReference();
        if (!EXT.IsProcessInJob(K32.GetCurrentProcess(), null, inJob) || inJob.getValue() == 0) {
            return java.util.OptionalInt.empty();
        }
        io.prockit.windows.jna.JOBOBJECT_EXTENDED_LIMIT_INFORMATION info =
                new io.prockit.windows.jna.JOBOBJECT_EXTENDED_LIMIT_INFORMATION();
        if (!EXT.QueryInformationJobObject(null, WinConstants.JobObjectExtendedLimitInformation, info, info.size(),
                null)) {
            LOG.debug("QueryInformationJobObject of our own job failed: error {}", Native.getLastError());
            return java.util.OptionalInt.empty();
        }
        info.read();
        return java.util.OptionalInt.of(info.BasicLimitInformation.LimitFlags);
    }
}
