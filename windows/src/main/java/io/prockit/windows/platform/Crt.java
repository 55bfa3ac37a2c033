package io.prockit.windows.platform;

import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.OsException;
import io.prockit.windows.jna.Ucrt;
import io.prockit.windows.jna.WinConstants;

import java.util.function.LongSupplier;

/**
 * The C runtime's descriptor calls made safe to call with any number: each runs with a silent
 * invalid-parameter handler installed for the calling thread only (and the previous one put back after), as
 * CPython wraps them in {@code _Py_BEGIN_SUPPRESS_IPH} / {@code _Py_END_SUPPRESS_IPH}. Without it the Universal
 * CRT answers a descriptor that is not open ({@code _close(12345)}, {@code _get_osfhandle(-1)}) by ending the
 * whole JVM through {@code _invoke_watson}; with it the call returns -1 with {@code errno} {@code EBADF}.
 * A thread-local handler leaves the JVM's own (global) handling, and other threads, untouched.
 *
 * <p>{@code errno} and {@code _doserrno} are read on the same thread right after the call, before anything
 * else runs there ({@link Result}). The handler belongs to the OS thread: between installing and restoring it
 * only the JNA calls run, nothing that blocks, so a virtual thread cannot move to another carrier in between
 * (the first call of each mapped function, which links it, is the one exception JNA leaves). Touching this
 * class loads JNA and {@code ucrtbase.dll}: only the running Windows backend does.
 */
public final class Crt {
    private static final Ucrt U = Ucrt.INSTANCE;

    /** Kept reachable for the life of the JVM: the runtime may call its native trampoline any time it is set. */
    private static final Ucrt.InvalidParameterHandler SILENT = new Silent();
    private static final Pointer SILENT_FN = CallbackReference.getFunctionPointer(SILENT);

    static {
        CrtErrors.useRuntimeMessages(code -> {
            Pointer p = U._wcserror(code);
            return p == null ? null : p.getWideString(0);
        });
    }

    private Crt() {
    }

    /** Returns at once: the failing runtime function then returns its error value with {@code errno} set. */
    private static final class Silent implements Ucrt.InvalidParameterHandler {
        @Override
        public void invoke(Pointer expression, Pointer function, Pointer file, int line, Pointer reserved) {
            // nothing: the call fails with EBADF / EINVAL instead of ending the process
        }
    }

    /**
     * What one guarded call returned, with the thread's {@code errno} and {@code _doserrno} when it failed.
     *
     * @param value    the return value (a descriptor, a count, a handle value, 0)
     * @param errno    {@code errno} when {@code value < 0}, else 0
     * @param doserrno {@code _doserrno} when {@code value < 0}, else 0
     */
    public record Result(long value, int errno, int doserrno) {
        public boolean failed() {
            return value < 0;
        }

        /** @return the errno to report for {@code call}, corrected as {@link CrtErrors#errno} says */
        public int errnoFor(CrtErrors.Call call) {
            return CrtErrors.errno(call, errno, doserrno);
        }
    }

    /**
     * Runs one C runtime call with the silent handler installed on this thread.
     *
     * @param call the call; its result is negative on failure
     * @return the result and, on failure, the error values read right after it
     */
    public static Result call(LongSupplier call) {
        // Allocated before the handler is installed: between installing and restoring it nothing may block (a
        // virtual thread only leaves its carrier, whose thread-local handler this is, where it blocks).
        IntByReference errno = new IntByReference();
        IntByReference doserrno = new IntByReference();
        long v;
        Pointer previous = U._set_thread_local_invalid_parameter_handler(SILENT_FN);
        try {
            v = call.getAsLong();
            if (v < 0) {
                U._get_errno(errno);
                U._get_doserrno(doserrno);
            }
        } finally {
            U._set_thread_local_invalid_parameter_handler(previous);
        }
        return v < 0 ? new Result(v, errno.getValue(), doserrno.getValue()) : new Result(v, 0, 0);
    }

    /**
     * The operating-system handle of a descriptor, still owned by the descriptor.
     *
     * @param fd        a descriptor
     * @param operation what asks, for the error ({@code get_inheritable}, {@code Stdio.fd}, ...)
     * @return the handle
     * @throws OsException {@code EBADF} when {@code fd} is not open, or is 0..2 of a process without a console
     */
    public static WinNT.HANDLE osHandle(int fd, String operation) {
        Result r = call(() -> Pointer.nativeValue(U._get_osfhandle(fd)));
        if (r.value() == -2) {
            // _NO_CONSOLE_FILENO: the descriptor exists but the process has no console behind 0..2.
            throw new OsException(operation, Integer.toString(fd), WinConstants.CRT_EBADF,
                    CrtErrors.kind(WinConstants.CRT_EBADF), CrtErrors.message(WinConstants.CRT_EBADF)
                            + " (the process has no console handle behind descriptor " + fd + ")");
        }
        if (r.failed() || r.value() == 0) {
            throw CrtErrors.exception(operation, fd, r.failed() ? r.errnoFor(CrtErrors.Call.OTHER)
                    : WinConstants.CRT_EBADF);
        }
        return new WinNT.HANDLE(new Pointer(r.value()));
    }

    /**
     * {@code _open_osfhandle}: a descriptor that owns {@code h}.
     *
     * @param h     a handle, owned by the caller until this returns successfully
     * @param flags {@code _O_*} flags
     * @return the descriptor, or a failure
     */
    public static Result openOsfhandle(WinNT.HANDLE h, int flags) {
        return call(() -> U._open_osfhandle(h, flags));
    }

    public static Result dup(int fd) {
        return call(() -> U._dup(fd));
    }

    public static Result dup2(int fd, int fd2) {
        return call(() -> U._dup2(fd, fd2));
    }

    public static Result read(int fd, Pointer buf, int n) {
        return call(() -> U._read(fd, buf, n));
    }

    public static Result write(int fd, Pointer buf, int n) {
        return call(() -> U._write(fd, buf, n));
    }

    public static Result close(int fd) {
        return call(() -> U._close(fd));
    }

    /** @return {@code _isatty(fd) != 0}; false for a descriptor that is not open, as CPython's {@code os.isatty} */
    public static boolean isatty(int fd) {
        return call(() -> U._isatty(fd)).value() != 0;
    }

    /**
     * Closes every descriptor in {@code [low, high)}, ignoring errors, with the silent handler installed once.
     *
     * @param low  the first
     * @param high one past the last
     */
    public static void closeRange(int low, int high) {
        Pointer previous = U._set_thread_local_invalid_parameter_handler(SILENT_FN);
        try {
            for (int fd = low; fd < high; fd++) {
                U._close(fd);
            }
        } finally {
            U._set_thread_local_invalid_parameter_handler(previous);
        }
    }
}
