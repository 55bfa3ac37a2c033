package io.prockit.spi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A backend's live child process, wrapped by {@link io.prockit.Child}.
 *
 * <p>The backend reaps the child exactly once and then completes {@link #termination()}; after
 * that it never signals the pid again (it may have been reused). Implementations are thread-safe.
 */
public interface ChildHandle {

    /** @return the process id */
    int pid();

    /** @return the parent's end of the stdin pipe, or null when stdin was not {@code Stdio.pipe()} */
    OutputStream stdin();

    /** @return the parent's end of the stdout pipe, or null when stdout was not {@code Stdio.pipe()} */
    InputStream stdout();

    /** @return the parent's end of the stderr pipe, or null when stderr was not {@code Stdio.pipe()} */
    InputStream stderr();

    /**
     * The backend's own completion: completed once, when it has reaped the child, on whatever thread reaped it
     * (a reaper or a waiter). Never handed to users as is: {@link io.prockit.Child#onExit()} completes a
     * dependent future on a pool thread, so user callbacks cannot stall the reaper. Library code attaching
     * to this future directly must not block.
     *
     * @return the future; callers must not complete it
     */
    CompletableFuture<Termination> termination();

    /**
     * Blocks until the child has been reaped, or at most {@code nanos}; what {@link io.prockit.Child#waitFor()}
     * and {@link io.prockit.Child#waitFor(java.time.Duration)} call.
     *
     * <p>The default waits for {@link #termination()}. A backend may instead wait on the process itself in
     * the calling thread and reap it there, saving the hand-off from its reaper thread to the waiting one,
     * provided the child is still reaped exactly once, {@link #termination()} is completed as always, and an
     * interrupt still ends the wait promptly with {@link InterruptedException}.
     *
     * @param nanos the longest wait in nanoseconds, {@link Long#MAX_VALUE} for no limit
     * @return how the child ended
     * @throws InterruptedException if interrupted while waiting (the child is still reaped)
     * @throws ExecutionException   if reaping failed ({@link #termination()} completed exceptionally)
     * @throws TimeoutException     if the child was still running after {@code nanos}
     */
    default Termination awaitTermination(long nanos) throws InterruptedException, ExecutionException,
            TimeoutException {
        CompletableFuture<Termination> f = termination();
        return nanos == Long.MAX_VALUE ? f.get() : f.get(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Sends a signal to the child unless it has been reaped.
     *
     * @param signo the platform's signal number (validated by the caller)
     * @return true if sent, false if the child was already reaped
     */
    boolean signal(int signo);

    /**
     * Asks the child to stop: {@code SIGTERM} on POSIX; on Windows {@code CTRL_BREAK_EVENT} for a child in
     * its own process group followed by {@link #kill()} after a grace period, else {@code TerminateProcess}.
     *
     * @return true if the request was made, false if the child was already reaped
     */
    boolean terminate();

    /**
     * Forces the child to stop: {@code SIGKILL} on POSIX, {@code TerminateProcess} on Windows.
     *
     * @return true if done, false if the child was already reaped
     */
    boolean kill();

    /**
     * Forces the child and every descendant to stop, signalling only processes proved to descend from it at
     * that moment (see {@link io.prockit.Child#killTree()}); never a pid the backend has reaped.
     *
     * @return true if the child itself was still there
     */
    boolean killTree();

    /**
     * Sends a signal to the child and every descendant still running.
     *
     * @param signo the platform's signal number
     * @return true if the child itself was still there to signal
     */
    boolean signalTree(int signo);

    /**
     * Tells the backend the caller has seen the exit status through {@link io.prockit.Child}, so
     * {@code Os.wait()} need not report this child any more. Called after every successful wait.
     */
    void collected();

    /**
     * Tells the backend that the {@link io.prockit.Child} given out for this handle is no longer
     * reachable, so nobody can collect the status through it any more. The backend then treats the
     * child as {@linkplain #collected() collected} as soon as it has ended (right away if it already
     * has): a child that was started and dropped holds no memory once it is gone, as Python's
     * {@code subprocess} reaps the {@code Popen} objects nobody waited for. Until it ends it stays
     * known (signalled at JVM exit unless detached, reported by {@code Os.waitpid}). Called on the
     * {@link SharedCleaner} thread; must not block.
     *
     * <p>The default does nothing: the child stays reportable by {@code Os.wait()} until someone
     * collects it.
     */
    default void abandoned() {
    }

    /**
     * Changes the size of the child's pseudo-terminal (it gets {@code SIGWINCH} on POSIX).
     *
     * @param rows    rows
     * @param columns columns
     * @throws UnsupportedOperationException if the child was not started with a pty
     */
    default void resizePty(int rows, int columns) {
        throw new UnsupportedOperationException("child " + pid() + " was not started with a pty (Command.pty)");
    }

    /** Closes the parent's ends of the pipes. Does not signal or wait for the child. */
    void closeStreams();
}
