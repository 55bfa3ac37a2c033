package io.prockit.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winbase/ns-winbase-startupinfoexw">STARTUPINFOEXW</a>:
 * jna-platform's {@code STARTUPINFO} followed by the attribute list pointer. 112 bytes on Win64.
 *
 * <pre>{@code
 * STARTUPINFOEXW si = new STARTUPINFOEXW();   // StartupInfo.cb is set to size()
 * si.lpAttributeList = list;
 * }</pre>
 *
 * <p>Platform notes: a Windows structure; its layout is the same computed on any 64-bit JVM, which
 * is what lets a Linux test check it.
 */
@Structure.FieldOrder({"StartupInfo", "lpAttributeList"})
public class STARTUPINFOEXW extends Structure {
    /** The classic start-up information; its {@code cb} must be the size of this whole structure. */
    public WinBase.STARTUPINFO StartupInfo = new WinBase.STARTUPINFO();
    /** The {@code PROC_THREAD_ATTRIBUTE_LIST}, or null. */
    public Pointer lpAttributeList;

    /** Creates a zeroed structure whose {@code StartupInfo.cb} is its own size. */
    public STARTUPINFOEXW() {
        StartupInfo.cb = new WinDef.DWORD(size());
    }
}
