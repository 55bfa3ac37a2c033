package io.prockit.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The shell32 function prockit needs with a structure jna-platform does not lay out right
 * ({@link SHELLEXECUTEINFOW}).
 *
 * <pre>{@code
 * boolean ok = Shell32Ext.INSTANCE.ShellExecuteExW(info);
 * }</pre>
 *
 * <p>Platform notes: Windows only; loaded when {@link #INSTANCE} is first touched. Read the error with
 * {@link Native#getLastError()} right after a failed call.
 */
public interface Shell32Ext extends StdCallLibrary {

    /** The mapping, loaded on first use. */
    Shell32Ext INSTANCE = Native.load("shell32", Shell32Ext.class, W32APIOptions.DEFAULT_OPTIONS);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/shellapi/nf-shellapi-shellexecuteexw">ShellExecuteExW</a>.
     *
     * @param lpExecInfo in: what to open; out: {@code hInstApp} and {@code hProcess}
     * @return false on failure
     */
    boolean ShellExecuteExW(SHELLEXECUTEINFOW lpExecInfo);
}
