package io.prockit;

import java.nio.ByteBuffer;

/**
 * Receives a child's output as it arrives and then its exit, without a thread per child: the callback
 * side of {@link Command#spawn(ProcessListener)}, for programs that run hundreds or thousands of children
 * at once (NuProcess's handler model).
 *
 * <pre>{@code
 * Child c = Command.of("make", "-j4").spawn(new ProcessListener() {
 *     public void onStdout(ByteBuffer data) { log.write(data); }
 *     public void onStderr(ByteBuffer data) { log.write(data); }
 *     public void onExit(ExitStatus status) { done.complete(status); }
 * });
 * }</pre>
 *
 * <p>The order is fixed: {@link #onStart} first, on the thread that called {@code spawn}; then
 * {@link #onStdout} and {@link #onStderr}, each stream's bytes in the order the child wrote them; and
 * {@link #onExit} last, exactly once, when the child has ended <em>and</em> both streams have reached
 * their end (or were closed by {@link Child#close()}). A descendant that inherited the pipes and outlives
 * the child therefore delays {@code onExit} until it closes them, as it delays the end of file of a
 * blocking read. Calls for one child never overlap.
 *
 * <p>The buffers are read-only views of memory the reader reuses: copy what you keep before the call
 * returns. Callbacks run on prockit's threads and must not block: on Linux one thread
 * ({@code prockit-output}) reads the pipes of every child with epoll, so a slow callback delays every
 * other child's output (the child itself then blocks once its pipe is full, 64 KiB on Linux). Hand heavy
 * work to an executor of your own. {@code onExit} runs on the thread that saw the last of the three events:
 * the output thread when a stream ended last (or one that calls {@link Child#close()}; a callback that closes
 * its own child may therefore see {@code onExit} before it returns); when the child's exit came last, on one
 * of the {@code prockit-onexit} pool threads that complete {@link Child#onExit()} — never on the reaper, so
 * even a blocking {@code onExit} delays no other child's exit.
 *
 * <p>A callback that throws, an {@code Error} included, is reported through the calling thread's
 * {@link Thread.UncaughtExceptionHandler} (so it shows up without a logging binding: the default prints it
 * to {@code System.err}; it is also logged at WARN by the SLF4J logger {@code io.prockit.ProcessListener}).
 * The reading thread goes on serving every other child. After {@link #onStdout} or {@link #onStderr} has
 * thrown, the listener gets no more output of that child: its pipes are still read to their end and the
 * bytes dropped, so the child is not killed by {@code SIGPIPE} or blocked on a full pipe, and
 * {@link #onExit} still comes, once.
 *
 * <p>Availability: Linux (one epoll thread for all pipes), macOS and other POSIX systems (one
 * {@code poll} thread). Windows: supported, but each stream is read by a pool thread
 * ({@code prockit-io-N}), so a thousand children there take two thousand threads; overlapped I/O is not
 * implemented yet. A pseudo-terminal's output ({@link Command#pty}) is read by a pool thread on every
 * platform; on POSIX {@link Child#close()} wakes that thread's read and hangs the terminal up (the child
 * gets {@code SIGHUP}), on Windows it does not interrupt the read: end such a child with {@link Child#kill()}.
 */
public interface ProcessListener {

    /**
     * The child has started; called before any output is delivered, on the thread that called
     * {@link Command#spawn(ProcessListener)}. Write to {@link Child#stdin()} here or later, from any thread.
     * If this method throws, the child is killed and reaped and the exception propagates from {@code spawn}.
     *
     * @param child the child
     */
    default void onStart(Child child) {
    }

    /**
     * Bytes the child wrote to its stdout.
     *
     * @param data the bytes from its position to its limit; read-only, valid only during the call
     */
    default void onStdout(ByteBuffer data) {
    }

    /**
     * Bytes the child wrote to its stderr (not called when stderr goes into stdout).
     *
     * @param data the bytes from its position to its limit; read-only, valid only during the call
     */
    default void onStderr(ByteBuffer data) {
    }

    /**
     * The child has ended and all of its output has been delivered; the last call, made exactly once.
     * Not called if prockit failed to reap the child (logged; {@link Child#waitFor()} then throws).
     *
     * @param status how the child ended
     */
    default void onExit(ExitStatus status) {
    }

    /**
     * A listener that delivers whole lines instead of buffers: each stream decoded with {@code charset} and
     * split at {@code \n}, {@code \r\n} or {@code \r} (terminators dropped), a last line without a
     * terminator delivered when the stream ends, then {@code exit}. Keeps the decoding state of one child:
     * make one per spawn. The calls follow {@link ProcessListener}'s rules (in order, never overlapping, on
     * prockit's threads: do not block).
     *
     * <pre>{@code
     * Command.of("make").spawn(ProcessListener.ofLines(StandardCharsets.UTF_8,
     *         line -> log.info(line), line -> log.warn(line), status -> done.complete(status)));
     * }</pre>
     *
     * @param charset     the encoding of both streams
     * @param stdoutLines receives each stdout line
     * @param stderrLines receives each stderr line
     * @param exit        receives the exit status, after the last line
     * @return the listener
     */
    static ProcessListener ofLines(java.nio.charset.Charset charset, java.util.function.Consumer<String> stdoutLines,
                                   java.util.function.Consumer<String> stderrLines,
                                   java.util.function.Consumer<ExitStatus> exit) {
        java.util.Objects.requireNonNull(charset, "charset");
        java.util.Objects.requireNonNull(stdoutLines, "stdoutLines");
        java.util.Objects.requireNonNull(stderrLines, "stderrLines");
        java.util.Objects.requireNonNull(exit, "exit");
        LineDecoder out = new LineDecoder(charset, stdoutLines);
        LineDecoder err = new LineDecoder(charset, stderrLines);
        return new ProcessListener() {
            @Override
            public void onStdout(ByteBuffer data) {
                out.accept(data);
            }

            @Override
            public void onStderr(ByteBuffer data) {
                err.accept(data);
            }

            @Override
            public void onExit(ExitStatus status) {
                out.finish();
                err.finish();
                exit.accept(status);
            }
        };
    }
}
