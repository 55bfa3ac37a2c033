package io.prockit.spi;

import java.nio.ByteBuffer;

/**
 * Where a backend's event loop delivers what it reads from one of a child's output pipes
 * ({@link ProcessBackend#watchOutput}).
 *
 * <p>{@link #data} is called on the loop's thread only, one call at a time, in the order the bytes
 * arrived. {@link #end} is called exactly once, after the last {@code data} call: on the loop's thread at
 * end of file or on a read error, or on the thread that closed the stream. Implementations must not
 * block: one loop thread serves every child.
 *
 * <p>Availability: all platforms; only backends whose {@link ProcessBackend#watchOutput} takes streams
 * call it (the POSIX backend), and core's own pool-thread reader elsewhere.
 */
public interface OutputSink {

    /**
     * Bytes read from the pipe.
     *
     * @param data the bytes, from its position to its limit; read-only, and valid only during this call
     *             (the loop reuses the memory behind it)
     */
    void data(ByteBuffer data);

    /**
     * The pipe is finished: end of file, a read error, or the stream was closed. Nothing follows.
     *
     * @param error the read error, or null at end of file or close
     */
    void end(java.io.IOException error);
}
