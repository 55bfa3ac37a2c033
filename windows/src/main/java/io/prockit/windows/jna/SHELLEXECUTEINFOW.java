package io.prockit.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinNT;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/shellapi/ns-shellapi-shellexecuteinfow">SHELLEXECUTEINFOW</a>,
 * 112 bytes on Win64. Declared here rather than taken from jna-platform because jna-platform's
 * {@code SHELLEXECUTEINFO} has no {@code dwHotKey} (so its {@code hMonitor} and {@code hProcess} sit 8
 * bytes early) and types its strings as {@code String}, which a structure without a W32 type mapper
 * passes as narrow strings.
 *
 * <pre>{@code
 * SHELLEXECUTEINFOW info = new SHELLEXECUTEINFOW();   // cbSize set
 * info.fMask = WinConstants.SEE_MASK_NOCLOSEPROCESS | WinConstants.SEE_MASK_FLAG_NO_UI;
 * info.lpFile = new WString("report.pdf");
 * info.nShow = WinConstants.SW_SHOWNORMAL;
 * }</pre>
 *
 * <p>Platform notes: a Windows structure; all its fields are ABI-stable, so a Linux test checks its
 * layout against the Win64 headers. {@code hIcon} and {@code hMonitor} are one union member.
 */
@Structure.FieldOrder({"cbSize", "fMask", "hwnd", "lpVerb", "lpFile", "lpParameters", "lpDirectory", "nShow",
        "hInstApp", "lpIDList", "lpClass", "hkeyClass", "dwHotKey", "hIcon", "hProcess"})
public class SHELLEXECUTEINFOW extends Structure {
    /** The structure's size. */
    public int cbSize;
    /** {@code SEE_MASK_*} flags. */
    public int fMask;
    /** The owner window for dialogs, or null. */
    public Pointer hwnd;
    /** The verb, or null for the default. */
    public WString lpVerb;
    /** The file, folder, program or URL. */
    public WString lpFile;
    /** The parameters for a program, or null. */
    public WString lpParameters;
    /** The working directory, or null. */
    public WString lpDirectory;
    /** An {@code SW_*} value. */
    public int nShow;
    /** Out: greater than 32 on success, else an {@code SE_ERR_*} value. */
    public Pointer hInstApp;
    /** An item identifier list, unused here. */
    public Pointer lpIDList;
    /** A class name, unused here. */
    public WString lpClass;
    /** A class key, unused here. */
    public Pointer hkeyClass;
    /** A hot key, unused here. */
    public int dwHotKey;
    /** The union of {@code hIcon} and {@code hMonitor}, unused here. */
    public Pointer hIcon;
    /** Out, with {@code SEE_MASK_NOCLOSEPROCESS}: the started process, or null when none was started. */
    public WinNT.HANDLE hProcess;

    /** Creates a zeroed structure whose {@code cbSize} is its own size. */
    public SHELLEXECUTEINFOW() {
        cbSize = size();
    }
}
