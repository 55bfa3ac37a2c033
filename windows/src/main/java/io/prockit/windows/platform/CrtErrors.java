package io.prockit.windows.platform;

import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.windows.jna.WinConstants;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns a failed C runtime descriptor call ({@code _read}, {@code _dup2}, {@code _get_osfhandle}, ...) into an
 * {@link OsException} carrying the runtime's {@code errno}, as Python's {@code OSError} does for the same calls
 * on Windows ({@code read("7"): Bad file descriptor (errno 9)}). Kernel32 failures go through {@link WinErrors}
 * instead and carry the Win32 error code.
 *
 * <p>Two corrections CPython makes on Windows are made here too, from the operating-system error the runtime
 * saw ({@code _doserrno}): an empty non-blocking pipe fails {@code _read} with {@code EINVAL} and
 * {@code ERROR_NO_DATA}, which is {@code EAGAIN}; a full non-blocking pipe makes {@code _write} fail with
 * {@code ENOSPC} (nothing written), which is {@code EAGAIN} too; a pipe whose reader has gone fails
 * {@code _write} with {@code EINVAL} and {@code ERROR_NO_DATA}, which is {@code EPIPE}. Pure Java: tested on
 * every OS.
 */
public final class CrtErrors {

    /** Lookup of the runtime's own texts ({@code _wcserror}) for codes not built in; set on Windows. */
    private static volatile IntFunction<String> runtimeMessages = code -> null;

    /** The Universal CRT's texts for the codes the descriptor calls report ({@code _sys_errlist}). */
    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(WinConstants.CRT_ENOENT, "No such file or directory"),
            Map.entry(WinConstants.CRT_EINTR, "Interrupted function call"),
            Map.entry(WinConstants.CRT_EBADF, "Bad file descriptor"),
            Map.entry(WinConstants.CRT_EAGAIN, "Resource temporarily unavailable"),
            Map.entry(WinConstants.CRT_ENOMEM, "Not enough space"),
            Map.entry(WinConstants.CRT_EACCES, "Permission denied"),
            Map.entry(WinConstants.CRT_EINVAL, "Invalid argument"),
            Map.entry(WinConstants.CRT_ENFILE, "Too many open files in system"),
            Map.entry(WinConstants.CRT_EMFILE, "Too many open files"),
            Map.entry(WinConstants.CRT_ENOSPC, "No space left on device"),
            Map.entry(WinConstants.CRT_EPIPE, "Broken pipe"));

    /** Which call failed, for the corrections that depend on it. */
    public enum Call {
        /** {@code _read}. */
        READ,
        /** {@code _write}. */
        WRITE,
        /** Any other. */
        OTHER
    }

    private CrtErrors() {
    }

    /**
     * @param lookup code to the runtime's text, or null
     */
    public static void useRuntimeMessages(IntFunction<String> lookup) {
        runtimeMessages = lookup;
    }

    /**
     * The {@code errno} a failed call means, with CPython's Windows corrections.
     *
     * @param call     which call failed
     * @param errno    the runtime's {@code errno} right after it
     * @param doserrno the runtime's {@code _doserrno} right after it (0 when no OS call failed)
     * @return the errno to report
     */
    public static int errno(Call call, int errno, int doserrno) {
        if (errno == WinConstants.CRT_EINVAL && doserrno == WinConstants.ERROR_NO_DATA) {
            if (call == Call.READ) {
                return WinConstants.CRT_EAGAIN;
            }
            if (call == Call.WRITE) {
                return WinConstants.CRT_EPIPE;
            }
        }
        if (call == Call.WRITE && errno == WinConstants.CRT_ENOSPC && doserrno == 0) {
            return WinConstants.CRT_EAGAIN;
        }
        if (errno == 0) {
            // A call that failed without setting errno: only validation does that, for a descriptor not open.
            return WinConstants.CRT_EBADF;
        }
        return errno;
    }

    /**
     * @param errno a C runtime errno
     * @return its portable kind, as {@code io.prockit.posix} reports the same errno on POSIX
     */
    public static ErrorKind kind(int errno) {
        switch (errno) {
            case WinConstants.CRT_ENOENT:
                return ErrorKind.NOT_FOUND;
            case WinConstants.CRT_EACCES:
                return ErrorKind.PERMISSION_DENIED;
            case WinConstants.CRT_EINTR:
                return ErrorKind.INTERRUPTED;
            case WinConstants.CRT_EBADF: case WinConstants.CRT_EINVAL:
                return ErrorKind.INVALID_ARGUMENT;
            case WinConstants.CRT_EAGAIN: case WinConstants.CRT_EMFILE: case WinConstants.CRT_ENFILE:
            case WinConstants.CRT_ENOMEM:
                return ErrorKind.RESOURCE_EXHAUSTED;
            default:
                return ErrorKind.OTHER;
        }
    }

    /**
     * @param errno a C runtime errno
     * @return the runtime's text for it
     */
    public static String message(int errno) {
        String t = TEXT.get(errno);
        if (t == null) {
            t = runtimeMessages.apply(errno);
        }
        return t == null || t.isBlank() ? "error " + errno : WinErrors.trim(t);
    }

    /**
     * @param operation the call, as Python names it ({@code read}, {@code dup2}, {@code _get_osfhandle})
     * @param fd        the descriptor it was about
     * @param errno     the errno (already corrected by {@link #errno})
     * @return the exception
     */
    public static OsException exception(String operation, int fd, int errno) {
        return exception(operation, Integer.toString(fd), errno);
    }

    /**
     * @param operation the call
     * @param subject   what it was about, or null
     * @param errno     the errno
     * @return the exception
     */
    public static OsException exception(String operation, String subject, int errno) {
        return new OsException(operation, subject, errno, kind(errno), message(errno));
    }
}
