package io.prockit.windows.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The Universal C runtime ({@code ucrtbase.dll}) functions Python's {@code os} calls on Windows and
 * kernel32 has no equivalent for: the file creation mask and the C library's error texts. The JVM
 * itself links this runtime, so its {@code _umask} is the process's. Only functions that never reach
 * the runtime's invalid-parameter handler (which ends the process) are mapped.
 *
 * <pre>{@code
 * int previous = Ucrt.INSTANCE._umask(022);
 * }</pre>
 *
 * <p>Platform notes: Windows 10 and later ship {@code ucrtbase.dll}; loaded when {@link #INSTANCE} is
 * first touched. C calling convention (on Win64 there is only one).
 */
public interface Ucrt extends Library {

    /** The mapping, loaded on first use. */
    Ucrt INSTANCE = Native.load("ucrtbase", Ucrt.class);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/umask">_umask</a>.
     *
     * @param pmode the new mask: only {@code _S_IREAD | _S_IWRITE} bits (0400, 0200)
     * @return the previous mask
     */
    int _umask(int pmode);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/strerror-strerror-wcserror-wcserror">_wcserror</a>:
     * the wide form of {@code strerror}.
     *
     * @param errnum an errno value
     * @return the message, in a per-thread buffer of the runtime
     */
    Pointer _wcserror(int errnum);
}
