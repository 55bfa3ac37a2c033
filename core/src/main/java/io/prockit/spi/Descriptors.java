package io.prockit.spi;

import io.prockit.TerminalSize;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The descriptor plumbing of Python's {@code os} ("File Descriptor Operations", "Inheritance of File
 * Descriptors"): a capability a backend hands out through {@link ProcessBackend#descriptors()} when the
 * platform has it. {@link io.prockit.Os} turns its absence into the Availability exception, and
 * {@link io.prockit.Pipeline} uses its pipes to wire members together.
 *
 * <p>Every descriptor it creates is non-inheritable (close-on-exec), as Python's are (PEP 446). Arguments
 * arrive checked by core (descriptors {@code >= 0}, counts {@code >= 0}); every system failure is an
 * {@link io.prockit.OsException} naming the call. Thread-safe.
 */
public interface Descriptors {

    /** @return a new pipe, {@code [read end, write end]}, both close-on-exec */
    int[] pipe();

    /** @return whether {@link #pipe2} exists here (Linux) */
    boolean hasPipe2();

    /**
     * @param flags {@code O_NONBLOCK} and/or {@code O_CLOEXEC} of this platform
     * @return a new pipe with those flags
     */
    int[] pipe2(int flags);

    /**
     * @param fd a descriptor
     * @return a new, non-inheritable descriptor for the same open file
     */
    int dup(int fd);

    /**
     * @param fd          a descriptor
     * @param fd2         the number it is duplicated to (closed first if open)
     * @param inheritable whether {@code fd2} is inherited by children (Python's default: true)
     * @return {@code fd2}
     */
    int dup2(int fd, int fd2, boolean inheritable);

    /**
     * @param fd a descriptor
     * @param n  the most bytes to read
     * @return the bytes read; empty at end of file
     */
    byte[] read(int fd, int n);

    /**
     * @param fd   a descriptor
     * @param data the bytes
     * @param off  the first byte
     * @param len  how many
     * @return how many were written
     */
    int write(int fd, byte[] data, int off, int len);

    /** @param fd a descriptor to close */
    void close(int fd);

    /**
     * Closes every descriptor from {@code low} (inclusive) to {@code high} (exclusive), ignoring errors.
     *
     * @param low  the first
     * @param high one past the last
     */
    void closerange(int low, int high);

    /** @param fd a descriptor @return whether children inherit it (close-on-exec is clear) */
    boolean getInheritable(int fd);

    /** @param fd a descriptor @param inheritable whether children inherit it */
    void setInheritable(int fd, boolean inheritable);

    /** @param fd a descriptor @return whether it is in blocking mode ({@code O_NONBLOCK} clear) */
    boolean getBlocking(int fd);

    /** @param fd a descriptor @param blocking the new mode */
    void setBlocking(int fd, boolean blocking);

    /** @param fd a terminal @return its size */
    TerminalSize getTerminalSize(int fd);

    /**
     * @param fd a descriptor the stream takes over: closing the stream closes it
     * @return a blocking stream reading it
     */
    InputStream openInput(int fd);

    /**
     * @param fd a descriptor the stream takes over: closing the stream closes it
     * @return a blocking stream writing it
     */
    OutputStream openOutput(int fd);
}
