package io.prockit.posix.platform;

import com.sun.jna.LastErrorException;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.posix.jna.LibC;

/** Turns an errno into an {@link OsException}: the one place native failures become exceptions. */
public final class Errors {
    private final PosixConstants c;

    public Errors(PosixConstants c) {
        this.c = c;
    }

    ErrorKind kind(int errno) {
        if (errno == c.ENOENT || errno == c.ENOTDIR) {
            return ErrorKind.NOT_FOUND;
        }
        if (errno == c.EACCES || errno == c.EPERM || errno == c.ETXTBSY) {
            return ErrorKind.PERMISSION_DENIED;
        }
        if (errno == c.ESRCH) {
            return ErrorKind.NO_SUCH_PROCESS;
        }
        if (errno == c.ECHILD) {
            return ErrorKind.NO_CHILD;
        }
        if (errno == c.EINTR) {
            return ErrorKind.INTERRUPTED;
        }
        if (errno == c.EINVAL || errno == c.ENOEXEC || errno == c.E2BIG || errno == c.ENAMETOOLONG
                || errno == c.EISDIR || errno == c.ELOOP || errno == c.EBADF || errno == c.EFAULT) {
            return ErrorKind.INVALID_ARGUMENT;
        }
        if (errno == c.EAGAIN || errno == c.EMFILE || errno == c.ENFILE || errno == c.ENOMEM) {
            return ErrorKind.RESOURCE_EXHAUSTED;
        }
        if (errno == c.ENOSYS || errno == c.ENOTSUP || errno == c.EOPNOTSUPP) {
            return ErrorKind.UNSUPPORTED;
        }
        return ErrorKind.OTHER;
    }

    public OsException of(String operation, Object subject, int errno) {
        String text;
        try {
            text = LibC.strerror(errno);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            text = "error " + errno;
        }
        return new OsException(operation, subject == null ? null : subject.toString(), errno, kind(errno),
                text == null ? "error " + errno : text);
    }

    public OsException of(String operation, Object subject, LastErrorException e) {
        return of(operation, subject, e.getErrorCode());
    }
}
