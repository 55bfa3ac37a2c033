package io.prockit.spi;

import java.io.IOException;

/**
 * Told by a backend's event loop when it has finished writing the bytes handed to
 * {@link ProcessBackend#feedInput} into a child's stdin.
 *
 * <p>Called exactly once, on the loop's thread or on the thread that closed the stream. Must not block.
 *
 * <p>Availability: all platforms; only backends whose {@code feedInput} takes streams call it.
 */
public interface InputFeed {

    /**
     * The feed is over; the backend has closed the pipe.
     *
     * @param complete whether every byte was written (false when the child closed its end first, or the
     *                 stream was closed, or writing failed)
     * @param error    a write error other than the reader having gone away ({@code EPIPE}), else null
     */
    void end(boolean complete, IOException error);
}
