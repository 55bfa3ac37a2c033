package io.prockit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * What {@link Os#popen(String, String)} returns: one pipe to a shell command, Python's
 * {@code os.popen} file object. Mode {@code "r"} reads the command's stdout, mode {@code "w"}
 * writes its stdin; the other streams are the caller's.
 *
 * <pre>{@code
 * Popen p = Os.popen("echo hello", "r");
 * String text = p.read();              // "hello\n"
 * Long status = p.close();             // null: exited 0
 * }</pre>
 *
 * <p>{@link #close()} closes the pipe, waits for the command and returns {@code null} when it exited
 * with 0, otherwise its wait status (decode it with {@link Os#waitstatusToExitcode}); a second
 * {@code close()} returns the same. Text is decoded and encoded with the platform's native charset,
 * as Python's text mode does.
 *
 * <p>Platform notes: POSIX runs {@code /bin/sh -c}, Windows {@code %COMSPEC% /c}; on Windows the
 * status is the exit code, as in Python. For a command killed by a signal CPython returns
 * {@code returncode << 8} (a negative number); prockit returns the real wait status, which
 * {@link Os#WIFSIGNALED} understands.
 *
 * <p>Availability: Linux, macOS, Windows.
 */
public final class Popen {
    private final Child child;
    private final boolean reading;
    private final Charset charset = nativeCharset();
    private boolean closed;
    private Long status;

    Popen(Child child, boolean reading) {
        this.child = child;
        this.reading = reading;
    }

    private static Charset nativeCharset() {
        String enc = System.getProperty("native.encoding", System.getProperty("sun.jnu.encoding"));
        try {
            return enc != null ? Charset.forName(enc) : Charset.defaultCharset();
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /** @return the command's process id */
    public int pid() {
        return child.pid();
    }

    /**
     * @return the command's stdout (mode {@code "r"})
     * @throws IllegalStateException in mode {@code "w"}
     */
    public InputStream stdout() {
        if (!reading) {
            throw new IllegalStateException("popen mode \"w\" has no stdout to read");
        }
        return child.stdout();
    }

    /**
     * @return the command's stdin (mode {@code "w"})
     * @throws IllegalStateException in mode {@code "r"}
     */
    public OutputStream stdin() {
        if (reading) {
            throw new IllegalStateException("popen mode \"r\" has no stdin to write");
        }
        return child.stdin();
    }

    /**
     * Python's {@code read()}: everything the command writes until it closes its stdout.
     *
     * @return the text
     * @throws UncheckedIOException if reading fails
     */
    public String read() {
        try {
            return new String(stdout().readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Python's {@code write(text)}.
     *
     * @param text what to send to the command's stdin
     * @throws UncheckedIOException if writing fails (e.g. the command exited)
     */
    public void write(String text) {
        try {
            stdin().write(text.getBytes(charset));
            stdin().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the pipe and waits for the command.
     *
     * @return null if it exited with 0, else its wait status (POSIX) or exit code (Windows)
     * @throws OsException of kind {@link ErrorKind#INTERRUPTED} if interrupted while waiting (the command keeps
     *                     running and is still reaped)
     */
    public synchronized Long close() {
        if (closed) {
            return status;
        }
        try {
            if (reading) {
                child.stdout().close();
            } else {
                child.stdin().close();
            }
        } catch (IOException ignored) {
            // closing a pipe end releases it either way
        }
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException("popen.close", Integer.toString(child.pid()), 4, ErrorKind.INTERRUPTED,
                    "Interrupted while waiting for the command (it keeps running and is still reaped)");
        }
        long raw = child.waitStatus().orElseThrow();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        long st = windows ? raw >> 8 : raw;
        closed = true;
        status = st == 0 ? null : st;
        child.close();
        return status;
    }
}
