package io.prockit;

/**
 * The portable meaning of an {@link OsException}: what a caller usually branches on, while
 * {@link OsException#errno()} keeps the raw platform code.
 *
 * <p>Python raises subclasses of {@code OSError} for some of these ({@code FileNotFoundError},
 * {@code PermissionError}, {@code ProcessLookupError}, {@code ChildProcessError},
 * {@code InterruptedError}); prockit keeps one exception type and says which in its kind.
 *
 * <p>Availability: all platforms; each backend maps its own error numbers (errno, Win32 error codes) onto these
 * kinds.
 */
public enum ErrorKind {
    /** The program, file or directory does not exist ({@code ENOENT}, {@code ENOTDIR}; Windows {@code ERROR_FILE_NOT_FOUND}, {@code ERROR_PATH_NOT_FOUND}). */
    NOT_FOUND,
    /** Not allowed ({@code EACCES}, {@code EPERM}; Windows {@code ERROR_ACCESS_DENIED}); psutil's {@code AccessDenied}. */
    PERMISSION_DENIED,
    /** The process does not exist, or no longer exists ({@code ESRCH}; Windows {@code ERROR_INVALID_PARAMETER} from {@code OpenProcess}). */
    NO_SUCH_PROCESS,
    /** There is no such child to wait for ({@code ECHILD}): Python's {@code ChildProcessError}. */
    NO_CHILD,
    /** A call was interrupted and could not be retried ({@code EINTR}). */
    INTERRUPTED,
    /** The system refused an argument ({@code EINVAL}, {@code ENOEXEC}, {@code E2BIG}, {@code ENAMETOOLONG}, {@code EISDIR}). */
    INVALID_ARGUMENT,
    /** Out of processes, file descriptors, handles or memory ({@code EAGAIN}, {@code EMFILE}, {@code ENFILE}, {@code ENOMEM}). */
    RESOURCE_EXHAUSTED,
    /** The running system does not offer the call ({@code ENOSYS}, {@code ENOTSUP}, {@code EOPNOTSUPP}). */
    UNSUPPORTED,
    /** The process has exited but has not been reaped yet: psutil's {@code ZombieProcess}. */
    ZOMBIE,
    /** Anything else; see {@link OsException#errno()}. */
    OTHER
}
