package io.prockit.windows.os;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import io.prockit.OsException;
import io.prockit.windows.jna.SHELLEXECUTEINFOW;
import io.prockit.windows.jna.Shell32Ext;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code os.startfile} through {@code ShellExecuteExW}.
 *
 * <p>Flags: {@code SEE_MASK_NOCLOSEPROCESS} (a started process's handle comes back and is closed at once:
 * as in Python there is no way to wait for it), {@code SEE_MASK_FLAG_NO_UI} (no error dialogs; failures
 * become an {@link OsException}) and {@code SEE_MASK_NOASYNC} (the calling thread has no message loop, so
 * the shell must finish before the call returns). Errors: {@code GetLastError} when it is set, else the
 * {@code SE_ERR_*} value in {@code hInstApp} mapped to the Win32 code with the same meaning
 * ({@link #win32Code}).
 */
final class ShellExecute {
    private static final Logger LOG = LoggerFactory.getLogger(ShellExecute.class);

    private ShellExecute() {
    }

    /**
     * The Win32 error code of a failed {@code ShellExecuteExW}.
     *
     * @param lastError {@code GetLastError()} right after the call
     * @param hInstApp  the structure's {@code hInstApp}, an {@code SE_ERR_*} value when 32 or less
     * @return the code to report
     */
    static int win32Code(int lastError, long hInstApp) {
        if (lastError != 0) {
            return lastError;
        }
        switch ((int) hInstApp) {
            case WinConstants.SE_ERR_FNF: return WinConstants.ERROR_FILE_NOT_FOUND;
            case WinConstants.SE_ERR_PNF: return WinConstants.ERROR_PATH_NOT_FOUND;
            case WinConstants.SE_ERR_ACCESSDENIED: return WinConstants.ERROR_ACCESS_DENIED;
            case 0:
            case WinConstants.SE_ERR_OOM: return WinConstants.ERROR_NOT_ENOUGH_MEMORY;
            case WinConstants.SE_ERR_SHARE: return WinConstants.ERROR_SHARING_VIOLATION;
            case WinConstants.SE_ERR_ASSOCINCOMPLETE:
            case WinConstants.SE_ERR_NOASSOC: return WinConstants.ERROR_NO_ASSOCIATION;
            case WinConstants.SE_ERR_DDETIMEOUT:
            case WinConstants.SE_ERR_DDEFAIL:
            case WinConstants.SE_ERR_DDEBUSY: return WinConstants.ERROR_DDE_FAIL;
            case WinConstants.SE_ERR_DLLNOTFOUND: return WinConstants.ERROR_DLL_NOT_FOUND;
            default: return (int) hInstApp;
        }
    }

    /** The mask passed to {@code ShellExecuteExW}. */
    static final int MASK = WinConstants.SEE_MASK_NOCLOSEPROCESS | WinConstants.SEE_MASK_FLAG_NO_UI
            | WinConstants.SEE_MASK_NOASYNC;

    /**
     * Opens {@code path}; arguments are checked by {@code Os.startfile}.
     *
     * @param path      the file, directory, program or URL
     * @param operation the verb, or null
     * @param arguments the parameters, or null
     * @param cwd       the working directory, or null
     * @param showCmd   an {@code SW_*} value
     */
    static void startfile(String path, String operation, String arguments, String cwd, int showCmd) {
        SHELLEXECUTEINFOW info = new SHELLEXECUTEINFOW();
        info.fMask = MASK;
        info.lpVerb = operation == null ? null : new WString(operation);
        info.lpFile = new WString(path);
        info.lpParameters = arguments == null || arguments.isEmpty() ? null : new WString(arguments);
        info.lpDirectory = cwd == null ? null : new WString(cwd);
        info.nShow = showCmd;
        boolean ok = Shell32Ext.INSTANCE.ShellExecuteExW(info);
        int lastError = Native.getLastError();
        info.read();
        if (!ok) {
            long inst = info.hInstApp == null ? 0 : Pointer.nativeValue(info.hInstApp);
            throw WinErrors.exception("ShellExecuteExW", path, win32Code(lastError, inst));
        }
        if (Win32.isValid(info.hProcess)) {
            LOG.debug("startfile({}) started pid {}", path, Win32.K32.GetProcessId(info.hProcess));
            Win32.close(info.hProcess);
        } else {
            LOG.debug("startfile({}) handed to a running application (no new process)", path);
        }
    }
}
