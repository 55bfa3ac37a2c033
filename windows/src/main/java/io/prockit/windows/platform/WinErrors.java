package io.prockit.windows.platform;

import io.prockit.ErrorKind;
import io.prockit.OsException;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns Win32 error codes ({@code GetLastError}) into {@link OsException}s: the portable
 * {@link ErrorKind} and the system's text for the code, so a failure reads
 * {@code CreateProcessW("frob.exe"): The system cannot find the file specified (errno 2)}.
 *
 * <p>The texts of the common codes are built in (Microsoft's wording, without the final period),
 * so messages are the same whatever the display language; others come from {@code FormatMessageW}
 * when the backend runs on Windows. Codes from
 * <a href="https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes">System Error Codes</a>.
 */
public final class WinErrors {

    /** Looks up the system's message for codes not built in; replaced by the backend on Windows. */
    private static volatile IntFunction<String> systemMessages = code -> null;

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(1, "Incorrect function"),
            Map.entry(2, "The system cannot find the file specified"),
            Map.entry(3, "The system cannot find the path specified"),
            Map.entry(4, "The system cannot open the file"),
            Map.entry(5, "Access is denied"),
            Map.entry(6, "The handle is invalid"),
            Map.entry(8, "Not enough memory resources are available to process this command"),
            Map.entry(11, "An attempt was made to load a program with an incorrect format"),
            Map.entry(13, "The data is invalid"),
            Map.entry(14, "Not enough memory resources are available to complete this operation"),
            Map.entry(15, "The system cannot find the drive specified"),
            Map.entry(32, "The process cannot access the file because it is being used by another process"),
            Map.entry(50, "The request is not supported"),
            Map.entry(53, "The network path was not found"),
            Map.entry(67, "The network name cannot be found"),
            Map.entry(87, "The parameter is incorrect"),
            Map.entry(109, "The pipe has been ended"),
            Map.entry(120, "This function is not supported on this system"),
            Map.entry(122, "The data area passed to a system call is too small"),
            Map.entry(123, "The filename, directory name, or volume label syntax is incorrect"),
            Map.entry(128, "There are no child processes to wait for"),
            Map.entry(193, "%1 is not a valid Win32 application"),
            Map.entry(206, "The filename or extension is too long"),
            Map.entry(216, "This version of %1 is not compatible with the version of Windows you're running"),
            Map.entry(232, "The pipe is being closed"),
            Map.entry(267, "The directory name is invalid"),
            Map.entry(740, "The requested operation requires elevation"),
            Map.entry(995, "The I/O operation has been aborted because of either a thread exit or an application request"),
            Map.entry(1314, "A required privilege is not held by the client"),
            Map.entry(1450, "Insufficient system resources exist to complete the requested service"),
            Map.entry(1455, "The paging file is too small for this operation to complete"));

    private WinErrors() {
    }

    /**
     * Lets the backend supply {@code FormatMessageW} for codes without a built-in text.
     *
     * @param lookup code to message, or null when the system has none
     */
    public static void useSystemMessages(IntFunction<String> lookup) {
        systemMessages = lookup;
    }

    /**
     * The portable kind of a Win32 error code.
     *
     * @param operation the call that failed: {@code OpenProcess} reports a pid that is not there as
     *                  {@code ERROR_INVALID_PARAMETER}
     * @param code      the error code
     * @return its kind
     */
    public static ErrorKind kind(String operation, int code) {
        switch (code) {
            case 2: case 3: case 15: case 53: case 67: case 267: case 1168:
                return ErrorKind.NOT_FOUND;
            case 5: case 32: case 33: case 740: case 1314:
                return ErrorKind.PERMISSION_DENIED;
            case 87:
                return "OpenProcess".equals(operation) ? ErrorKind.NO_SUCH_PROCESS : ErrorKind.INVALID_ARGUMENT;
            case 1: case 6: case 11: case 13: case 123: case 160: case 193: case 206: case 216:
                return ErrorKind.INVALID_ARGUMENT;
            case 4: case 8: case 14: case 1450: case 1455: case 1816:
                return ErrorKind.RESOURCE_EXHAUSTED;
            case 50: case 120:
                return ErrorKind.UNSUPPORTED;
            case 995:
                return ErrorKind.INTERRUPTED;
            case 128:
                return ErrorKind.NO_CHILD;
            default:
                return ErrorKind.OTHER;
        }
    }

    /**
     * The text for a code: built in, else the system's, else {@code "Windows error N"}.
     *
     * @param code the error code
     * @return the text, without trailing period or line break
     */
    public static String message(int code) {
        String t = TEXT.get(code);
        if (t == null) {
            t = systemMessages.apply(code);
        }
        if (t == null || t.isBlank()) {
            return "Windows error " + Integer.toUnsignedString(code);
        }
        return trim(t);
    }

    /**
     * Builds the exception for a failed call.
     *
     * @param operation the call, e.g. {@code CreateProcessW}
     * @param subject   what it was about (program, pid, path), or null
     * @param code      the Win32 error code
     * @return the exception
     */
    public static OsException exception(String operation, String subject, int code) {
        return new OsException(operation, subject, code, kind(operation, code), message(code));
    }

    public static String trim(String text) {
        String t = text.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
