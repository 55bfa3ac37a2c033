package io.prockit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a child's standard stream goes: one of a small set of choices, as libuv and Rust have.
 *
 * <pre>{@code
 * Command.of("sort")
 *        .stdin(Stdio.from(Path.of("in.txt")))
 *        .stdout(Stdio.pipe())
 *        .stderr(Stdio.toStdout())      // 2>&1
 *        .spawn();
 * }</pre>
 *
 * <p>A relative file path is resolved when the child is spawned, against the process's real working
 * directory ({@link Os#getcwd()}, which {@link Os#chdir} moves), not against the child's
 * {@link Command#directory working directory}.
 *
 * <p>Platform notes: {@link #discard()} is {@code /dev/null} on POSIX and {@code NUL} on Windows.
 * {@link #fd(int)} passes one of the parent's descriptors: on Windows a C runtime descriptor
 * ({@link Os#pipe()}, {@link Os#dup}, 0..2), whose handle the child gets as that standard stream.
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public sealed interface Stdio
        permits Stdio.Inherit, Stdio.Pipe, Stdio.Discard, Stdio.ReadFile, Stdio.WriteFile, Stdio.ToStdout,
        Stdio.Fd {

    /** @return the parent's own stream (the default for {@link Command#status()} and {@link Command#spawn()}) */
    static Stdio inherit() {
        return Inherit.INSTANCE;
    }

    /** @return a pipe the caller reads or writes through {@link Child#stdin()}, {@link Child#stdout()}, {@link Child#stderr()} */
    static Stdio pipe() {
        return Pipe.INSTANCE;
    }

    /** @return the null device */
    static Stdio discard() {
        return Discard.INSTANCE;
    }

    /**
     * Reads from a file (for stdin).
     *
     * @param file the file
     * @return the redirect
     */
    static Stdio from(Path file) {
        return new ReadFile(file);
    }

    /**
     * Writes to a file, created or truncated (for stdout, stderr).
     *
     * @param file the file
     * @return the redirect
     */
    static Stdio to(Path file) {
        return new WriteFile(file, false);
    }

    /**
     * Appends to a file, created if missing (for stdout, stderr).
     *
     * @param file the file
     * @return the redirect
     */
    static Stdio appendTo(Path file) {
        return new WriteFile(file, true);
    }

    /**
     * @return for stderr only: write where stdout goes ({@code 2>&1}): the same file as stdout's redirect,
     *         or the parent's descriptor stdout names (as it is at spawn)
     */
    static Stdio toStdout() {
        return ToStdout.INSTANCE;
    }

    /**
     * Passes one of the parent's open descriptors. {@code parentFd} is the parent's descriptor
     * as it is when the child is spawned, even when the child's own descriptor of that number is replaced
     * by another redirect: {@code stdout(pipe()).stderr(Stdio.fd(1))} sends stderr to the parent's stdout,
     * not into the pipe. The child's descriptors are assigned from the parent's all at once (see
     * {@link Command#fd(int, int)}). A descriptor the parent does not have open fails the spawn with an
     * {@link OsException} naming {@code dup2} and the descriptor.
     *
     * <pre>{@code
     * Command.of("prog").stdout(Stdio.pipe()).stderr(Stdio.fd(1)).spawn();   // stderr on the JVM's stdout
     * }</pre>
     *
     * <p>Platform notes: on Windows {@code parentFd} is a C runtime descriptor ({@link Os#pipe()}, {@link Os#dup},
     * 0..2); the child gets a duplicate of its handle (the descriptor stays the parent's, and its inheritable flag
     * does not matter), and one that is not open fails the spawn with an {@link OsException} ({@code EBADF})
     * naming {@code Stdio.fd} and the descriptor.
     *
     * @param parentFd the parent's descriptor, {@code >= 0}
     * @return the redirect
     */
    static Stdio fd(int parentFd) {
        return new Fd(parentFd);
    }

    /** The parent's own stream. */
    enum Inherit implements Stdio {
        /** The only instance. */
        INSTANCE
    }

    /** A new pipe, the parent's end exposed on the {@link Child}. */
    enum Pipe implements Stdio {
        /** The only instance. */
        INSTANCE
    }

    /** The null device. */
    enum Discard implements Stdio {
        /** The only instance. */
        INSTANCE
    }

    /** stderr into stdout. */
    enum ToStdout implements Stdio {
        /** The only instance. */
        INSTANCE
    }

    /**
     * A file read by the child.
     *
     * @param file the file
     */
    record ReadFile(Path file) implements Stdio {
        /**
         * Checks the path.
         *
         * @param file the file; not null, no NUL character
         */
        public ReadFile {
            Objects.requireNonNull(file, "file");
            io.prockit.internal.Checks.noNul("file", file.toString());
        }
    }

    /**
     * A file written by the child.
     *
     * @param file   the file
     * @param append append instead of truncating
     */
    record WriteFile(Path file, boolean append) implements Stdio {
        /**
         * Checks the path.
         *
         * @param file   the file; not null, no NUL character
         * @param append append instead of truncating
         */
        public WriteFile {
            Objects.requireNonNull(file, "file");
            io.prockit.internal.Checks.noNul("file", file.toString());
        }
    }

    /**
     * One of the parent's descriptors.
     *
     * @param parentFd the descriptor
     */
    record Fd(int parentFd) implements Stdio {
        /**
         * Checks the descriptor.
         *
         * @param parentFd the descriptor, {@code >= 0}
         */
        public Fd {
            if (parentFd < 0) {
                throw new IllegalArgumentException("file descriptor must be >= 0: " + parentFd);
            }
        }
    }
}
