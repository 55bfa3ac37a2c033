package io.prockit.windows.process;

import io.prockit.spi.SharedCleaner;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A handle used by streams from several threads and closed once, after its last use: a read
 * blocked in {@code ReadFile} keeps the handle open even when another thread closes the stream,
 * so the handle value is never closed (and possibly reused by the system) under a call that still
 * uses it. The same discipline as the JDK's file descriptor use counts.
 *
 * @param <H> the handle type
 */
public final class SharedHandle<H> {
    private final H handle;
    private final Consumer<H> closer;
    private int users;
    private boolean closeRequested;
    private boolean closed;

    public SharedHandle(H handle, Consumer<H> closer) {
        this.handle = Objects.requireNonNull(handle);
        this.closer = Objects.requireNonNull(closer);
    }

    /**
     * Starts a use.
     *
     * @return the handle, valid until {@link #release()}
     * @throws IOException if the handle was closed
     */
    public synchronized H acquire() throws IOException {
        if (closeRequested) {
            throw new IOException("Stream closed");
        }
        users++;
        return handle;
    }

    /** Ends a use; closes the handle if a close was asked for meanwhile. */
    public void release() {
        boolean doClose;
        synchronized (this) {
            users--;
            doClose = users == 0 && closeRequested && !closed;
            if (doClose) {
                closed = true;
            }
        }
        if (doClose) {
            closer.accept(handle);
        }
    }

    /** Closes the handle now, or after the last current use. Idempotent. */
    public void close() {
        boolean doClose;
        synchronized (this) {
            closeRequested = true;
            doClose = users == 0 && !closed;
            if (doClose) {
                closed = true;
            }
        }
        if (doClose) {
            closer.accept(handle);
        }
    }

    /**
     * Closes the handle when {@code owner} (the stream over it) becomes unreachable unclosed, as the JDK
     * closes the handles of a dropped {@code Process}'s streams. The cleaning action refers to this object
     * only, never to the owner.
     *
     * @param owner the object whose unreachability means nobody can use the handle any more
     */
    void closeWhenUnreachable(Object owner) {
        SharedCleaner.get().register(owner, new Closer(this));
    }

    /** The cleaning action (a named class: no lambda bootstrap on a cold spawn path). */
    private static final class Closer implements Runnable {
        private final SharedHandle<?> shared;

        Closer(SharedHandle<?> shared) {
            this.shared = shared;
        }

        @Override
        public void run() {
            shared.close();
        }
    }

    /**
     * @return whether a close was asked for: a user in the middle of a multi-call operation (a long write)
     *         stops before its next call, with "Stream closed"
     */
    synchronized boolean closing() {
        return closeRequested;
    }

    /** @return whether the handle has really been closed */
    synchronized boolean isClosed() {
        return closed;
    }
}
