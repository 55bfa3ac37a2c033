package io.prockit.windows.os;

import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.WinErrors;

/**
 * The process table's errors: which Win32 failure means "no such process", "access denied" or
 * "exited"; pure Java, so the mapping is tested on any OS.
 *
 * <p>{@code OpenProcess} reports a pid nobody has as {@code ERROR_INVALID_PARAMETER} (87); access
 * denied (5) stays {@code PERMISSION_DENIED} and concerns only the field being read. A process that
 * has exited while another process still holds a handle to it keeps its kernel object, so it can be
 * opened but no longer read: Windows' zombie, reported as {@code ZOMBIE} for the fields it lost.
 */
final class TableErrors {
    private TableErrors() {
    }

    /**
     * An {@code OpenProcess} failure.
     *
     * @param pid  the pid
     * @param code its Win32 error code
     * @return NO_SUCH_PROCESS for 87; PERMISSION_DENIED for 5 and for pid 0 (the System Idle
     *         Process, which exists but no one may open); the code's kind otherwise
     */
    static OsException open(int pid, int code) {
        if (pid == 0) {
            return new OsException("OpenProcess", "0", code, ErrorKind.PERMISSION_DENIED,
                    "The System Idle Process (pid 0) cannot be opened");
        }
        if (code == WinConstants.ERROR_INVALID_PARAMETER) {
            return gone("OpenProcess", pid);
        }
        return WinErrors.exception("OpenProcess", Integer.toString(pid), code);
    }

    /**
     * A failed read of one field through an open, verified handle.
     *
     * @param operation the call that failed
     * @param pid       the pid
     * @param code      its Win32 error code
     * @param exited    whether the process has exited (its handle is signalled)
     * @return ZOMBIE when it has exited; else the code's kind (5: PERMISSION_DENIED)
     */
    static OsException field(String operation, int pid, int code, boolean exited) {
        if (exited) {
            return exited(operation, pid);
        }
        return WinErrors.exception(operation, Integer.toString(pid), code);
    }

    /** @return NO_SUCH_PROCESS: the pid names no process */
    static OsException gone(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), WinConstants.ERROR_INVALID_PARAMETER,
                ErrorKind.NO_SUCH_PROCESS, "No such process");
    }

    /** @return NO_SUCH_PROCESS: the pid now names a newer process */
    static OsException reused(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), WinConstants.ERROR_INVALID_PARAMETER,
                ErrorKind.NO_SUCH_PROCESS, "No such process (the pid now names a newer process)");
    }

    /** @return NO_SUCH_PROCESS: the entry's creation time could not be read, so the pid cannot be tied to it */
    static OsException unverifiable(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), WinConstants.ERROR_ACCESS_DENIED,
                ErrorKind.PERMISSION_DENIED,
                "Access is denied (the process's creation time was unreadable when listed, so its identity cannot be checked)");
    }

    /** @return ZOMBIE: the process has exited, another handle keeps its object */
    static OsException exited(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), WinConstants.ERROR_PARTIAL_COPY, ErrorKind.ZOMBIE,
                "The process has exited (a handle held elsewhere keeps its object)");
    }

    /** @return NO_SUCH_PROCESS for an action on a process that has exited */
    static OsException ended(String operation, int pid) {
        return new OsException(operation, Integer.toString(pid), WinConstants.ERROR_INVALID_PARAMETER,
                ErrorKind.NO_SUCH_PROCESS, "No such process (it has exited)");
    }
}
