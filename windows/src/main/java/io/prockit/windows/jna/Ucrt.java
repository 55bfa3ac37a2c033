package io.prockit.windows.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;

/**
 * The Universal C runtime ({@code ucrtbase.dll}) functions Python's {@code os} calls on Windows and
 * kernel32 has no equivalent for: the file creation mask, the C library's error texts, and the C runtime's
 * descriptors ({@code _open_osfhandle}, {@code _get_osfhandle}, {@code _dup}, {@code _dup2}, {@code _read},
 * {@code _write}, {@code _close}, {@code _isatty}) behind {@code os.pipe}, {@code os.dup2}, {@code os.read}, ... The JVM
 * itself links this runtime, so its {@code _umask} and its descriptor table are the process's.
 *
 * <p>The descriptor functions reach the runtime's invalid-parameter handler on a descriptor that is not
 * open, and its default ends the process ({@code _invoke_watson}). Call them only with a silent handler
 * installed for the calling thread ({@link #_set_thread_local_invalid_parameter_handler}), as CPython's
 * {@code _Py_BEGIN_SUPPRESS_IPH} does; they then fail with {@code EBADF}, read with {@link #_get_errno}.
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

    /**
     * The signature of an invalid-parameter handler: {@code void (const wchar_t *expression, const wchar_t
     * *function, const wchar_t *file, unsigned int line, uintptr_t reserved)}; the release runtime passes
     * nulls and 0. A handler that returns makes the failing function return its error value.
     */
    interface InvalidParameterHandler extends com.sun.jna.Callback {
        /**
         * @param expression null in the release runtime
         * @param function   null in the release runtime
         * @param file       null in the release runtime
         * @param line       0 in the release runtime
         * @param reserved   reserved
         */
        void invoke(Pointer expression, Pointer function, Pointer file, int line, Pointer reserved);
    }

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/set-invalid-parameter-handler-set-thread-local-invalid-parameter-handler">_set_thread_local_invalid_parameter_handler</a>.
     *
     * @param handler the handler's function pointer, or null for the global one
     * @return the thread's previous handler (null when none was set)
     */
    Pointer _set_thread_local_invalid_parameter_handler(Pointer handler);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/get-errno">_get_errno</a>.
     *
     * @param value receives the calling thread's {@code errno}
     * @return 0
     */
    int _get_errno(IntByReference value);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/get-doserrno">_get_doserrno</a>:
     * the operating-system error the runtime last mapped to {@code errno} (0 when the runtime failed by itself).
     *
     * @param value receives the calling thread's {@code _doserrno}
     * @return 0
     */
    int _get_doserrno(IntByReference value);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/open-osfhandle">_open_osfhandle</a>:
     * a descriptor that owns {@code osfhandle} from now on ({@code _close} closes it).
     *
     * @param osfhandle an operating-system handle
     * @param flags     {@code _O_RDONLY}, {@code _O_WRONLY}, {@code _O_NOINHERIT}, ...
     * @return the descriptor, or -1 ({@code errno} set)
     */
    int _open_osfhandle(WinNT.HANDLE osfhandle, int flags);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/get-osfhandle">_get_osfhandle</a>.
     *
     * @param fd a descriptor
     * @return its handle (still owned by the descriptor); -1 ({@code EBADF}) when not open, -2 for 0..2 of a
     *         process without a console
     */
    Pointer _get_osfhandle(int fd);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/dup-dup2">_dup</a>.
     *
     * @param fd a descriptor
     * @return the lowest free descriptor, now for the same file, or -1
     */
    int _dup(int fd);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/dup-dup2">_dup2</a>.
     *
     * @param fd  a descriptor
     * @param fd2 the target, closed first if open
     * @return 0 on success (not {@code fd2}, unlike POSIX), or -1
     */
    int _dup2(int fd, int fd2);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/read">_read</a>.
     *
     * @param fd    a descriptor
     * @param buf   the buffer
     * @param count the most bytes
     * @return the bytes read, 0 at end of file, or -1
     */
    int _read(int fd, Pointer buf, int count);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/write">_write</a>.
     *
     * @param fd    a descriptor
     * @param buf   the bytes
     * @param count how many
     * @return the bytes written, or -1
     */
    int _write(int fd, Pointer buf, int count);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/close">_close</a>: closes the
     * descriptor and its handle.
     *
     * @param fd a descriptor
     * @return 0, or -1
     */
    int _close(int fd);

    /**
     * <a href="https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/isatty">_isatty</a>.
     *
     * @param fd a descriptor
     * @return nonzero for a character device, 0 otherwise (and for a descriptor not open: {@code EBADF})
     */
    int _isatty(int fd);
}
