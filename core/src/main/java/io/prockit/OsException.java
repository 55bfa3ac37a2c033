package io.prockit;

import java.util.Objects;

/**
 * A system call failed: prockit's {@code OSError}.
 *
 * <p>It carries the call that failed ({@link #operation()}, e.g. {@code posix_spawnp}), the raw
 * error code ({@link #errno()}: {@code errno} on POSIX, the Win32 error code on Windows), the
 * argument that matters ({@link #subject()}: a program path, a pid, a file) and a portable
 * {@link #kind()}. The message reads like
 * {@code posix_spawnp("frob"): No such file or directory (errno 2)}.
 *
 * <p>It is unchecked, as Python's exceptions are: a ported program does not have to declare it,
 * and a Java caller still catches it by type and branches on {@link #kind()}.
 *
 * <pre>{@code
 * try {
 *     Os.kill(pid, Signal.SIGTERM.number());
 * } catch (OsException e) {
 *     if (e.kind() != ErrorKind.NO_SUCH_PROCESS) throw e;   // already gone is fine
 * }
 * }</pre>
 *
 * <p>Availability: all platforms.
 */
public class OsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String subject;
    private final int errno;
    private final ErrorKind kind;
    private final String description;

    /**
     * Creates an exception for a failed call.
     *
     * @param operation   the call that failed, e.g. {@code "posix_spawnp"}; not null
     * @param subject     the argument that matters (program, pid, path), or null when none does
     * @param errno       the raw platform error code
     * @param kind        the portable kind; not null
     * @param description the platform's text for the code (e.g. from {@code strerror}); not null
     */
    public OsException(String operation, String subject, int errno, ErrorKind kind, String description) {
        super(format(operation, subject, errno, description));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.subject = subject;
        this.errno = errno;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
    }

    private static String format(String operation, String subject, int errno, String description) {
        StringBuilder sb = new StringBuilder(operation);
        sb.append('(');
        if (subject != null) {
            sb.append('"').append(subject).append('"');
        }
        sb.append("): ").append(description).append(" (errno ").append(errno).append(')');
        return sb.toString();
    }

    /** @return the call that failed, e.g. {@code "posix_spawnp"}, {@code "pidfd_send_signal"}, {@code "CreateProcessW"} */
    public String operation() {
        return operation;
    }

    /** @return the argument the failure is about (program, pid, path), or null */
    public String subject() {
        return subject;
    }

    /** @return the raw error code: {@code errno} on POSIX, {@code GetLastError()} on Windows */
    public int errno() {
        return errno;
    }

    /** @return the portable meaning of {@link #errno()} */
    public ErrorKind kind() {
        return kind;
    }

    /** @return the platform's description of the error code, without operation or subject */
    public String description() {
        return description;
    }
}
