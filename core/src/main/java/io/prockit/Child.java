package io.prockit;

import io.prockit.internal.Checks;
import io.prockit.internal.Durations;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.SharedCleaner;
import io.prockit.spi.Termination;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running (or finished) child process started by {@link Command#spawn()}.
 *
 * <pre>{@code
 * try (Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn()) {
 *     c.stdin().write("hello\n".getBytes());
 *     c.stdin().close();
 *     String echoed = new String(c.stdout().readAllBytes());
 *     ExitStatus s = c.waitFor();                    // exit status: 0
 * }
 * }</pre>
 *
 * <p>The child is reaped exactly once, by prockit's reaper (on Linux one thread waits on every
 * child's pidfd with epoll; on macOS kqueue; on Windows the process handle) whether or not anyone
 * calls {@link #waitFor()}, so it never lingers as a zombie. After it has been reaped its pid is
 * never signalled again: {@link #signal} then returns false.
 *
 * <p>{@link #close()} closes the parent's ends of the pipes; it does not kill or wait for the child.
 * A {@code Child} that becomes unreachable without being waited for costs nothing once its process has
 * ended: prockit then forgets it (so {@code Os.waitAny()} does not report it) and, on POSIX, closes
 * the pipe descriptors of the streams nobody holds any more, as the JDK does for a dropped
 * {@link Process}. Closing or waiting is still the way to release them at a known time.
 * A child that is still running when the JVM exits normally (or by {@code System.exit}, or on SIGTERM /
 * SIGINT / SIGHUP) is killed then with everything it started (on POSIX SIGKILL from a shutdown hook to its
 * tree and its process group, as {@link #killTree()} does; the kill-on-close job on Windows), unless it was
 * started with {@link Command#detach()}; spawns are refused from then on. See the README, "When the JVM exits".
 *
 * <p>Thread-safe: any number of threads may wait, signal and read its status at once; they all see
 * the same {@link ExitStatus}.
 *
 * <p>Availability: Linux, macOS, Windows. {@link #resizePty} needs a child started with {@link Command#pty}.
 */
public final class Child implements AutoCloseable {
    /**
     * Daemon threads for blocking work that needs a thread per stream: {@link Command#output()}'s second
     * stream, a listened stream the backend cannot watch (Windows, a pty), {@code input(InputStream)}.
     */
    private static final AtomicInteger IO_THREADS = new AtomicInteger();
    static final ExecutorService IO_POOL = Executors.newCachedThreadPool(new IoThreads());

    /**
     * A named class rather than a lambda: this class initialises on a cold JVM's first spawn, where the first
     * lambda costs the invokedynamic bootstrap (milliseconds).
     */
    private static final class IoThreads implements java.util.concurrent.ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "prockit-io-" + IO_THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    private final ChildHandle handle;
    /** Whether stdout and stderr go to a {@link ProcessListener} instead of being handed out. */
    private final boolean listened;
    private volatile boolean closed;

    /**
     * @param handle      the backend's child
     * @param abandonable whether the backend may forget the child once this object is unreachable and the
     *                    child has ended ({@link ChildHandle#abandoned()}); false where a pid is handed out
     *                    for {@code Os.waitpid} instead ({@code Os.spawn} with {@code P_NOWAIT})
     */
    Child(ChildHandle handle, boolean abandonable) {
        this(handle, abandonable, false);
    }

    /**
     * @param handle      the backend's child
     * @param abandonable see {@link #Child(ChildHandle, boolean)}
     * @param listened    whether stdout and stderr are delivered to a {@link ProcessListener}
     */
    Child(ChildHandle handle, boolean abandonable, boolean listened) {
        this.handle = Objects.requireNonNull(handle);
        this.listened = listened;
        if (abandonable) {
            SharedCleaner.get().register(this, new Abandon(handle));
        }
    }

    /** Cleaning action: refers to the handle only, never to the {@code Child}. */
    private static final class Abandon implements Runnable {
        private final ChildHandle handle;

        Abandon(ChildHandle handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            handle.abandoned();
        }
    }

    /** @return the process id */
    public int pid() {
        return handle.pid();
    }

    /**
     * The pipe to the child's stdin. A write blocks while the pipe is full (the child reads too slowly) and
     * fails with an {@link java.io.IOException} once the child has closed its end (no {@code SIGPIPE}).
     *
     * <p>Closing from another thread ({@code close()} on the stream, or {@link #close()}) is safe at any
     * moment: the descriptor belongs to the stream, which holds it for each system call it makes, so a write
     * in flight never reaches a descriptor number the process has meanwhile given to another file. The close
     * returns at once; the write fails with {@code IOException("Stream closed")} when its current system call
     * returns (the bytes of that call reach the child: a write blocked on a full pipe therefore returns only
     * when the child reads or exits), and the descriptor is closed then. Every later call fails the same way.
     *
     * @return the pipe to the child's stdin
     * @throws IllegalStateException if stdin was not {@link Stdio#pipe()} or the child was closed
     */
    public OutputStream stdin() {
        return stream(handle.stdin(), "stdin");
    }

    /**
     * The pipe from the child's stdout; {@code read} returns -1 once every holder of the write end (the child
     * and any descendant that inherited it) has closed it.
     *
     * <p>Closing from another thread ({@code close()} on the stream, or {@link #close()}) is safe at any
     * moment: a read in flight holds the descriptor, so it never reads from a number the process has meanwhile
     * given to another file. It fails with {@code IOException("Stream closed")} (what it may have read then is
     * dropped), and the descriptor is closed when it returns. A blocked read returns at once when the close
     * can wake it: a pipe on Linux, a {@link Command#pty pseudo-terminal} on Linux and macOS; otherwise (a pipe
     * on macOS, Windows) it returns when the child next writes or exits. Every later call fails the same way.
     *
     * @return the pipe from the child's stdout
     * @throws IllegalStateException if stdout was not {@link Stdio#pipe()}, goes to a {@link ProcessListener},
     *                               or the child was closed
     */
    public InputStream stdout() {
        return listenedStream(handle.stdout(), "stdout");
    }

    /**
     * The pipe from the child's stderr; a concurrent close behaves as for {@link #stdout()}.
     *
     * @return the pipe from the child's stderr
     * @throws IllegalStateException if stderr was not {@link Stdio#pipe()}, goes to a {@link ProcessListener},
     *                               or the child was closed
     */
    public InputStream stderr() {
        return listenedStream(handle.stderr(), "stderr");
    }

    private InputStream listenedStream(InputStream s, String name) {
        if (listened) {
            throw new IllegalStateException(name + " of child " + pid()
                    + " is delivered to its ProcessListener (Command.spawn(ProcessListener))");
        }
        return stream(s, name);
    }

    boolean hasStdin() {
        return handle.stdin() != null;
    }

    boolean hasStdout() {
        return handle.stdout() != null;
    }

    boolean hasStderr() {
        return handle.stderr() != null;
    }

    private <T> T stream(T s, String name) {
        if (closed) {
            throw new IllegalStateException("child " + pid() + " is closed; its " + name + " pipe is gone");
        }
        if (s == null) {
            throw new IllegalStateException(name + " of child " + pid() + " is not a pipe (set Stdio.pipe())");
        }
        return s;
    }

    /**
     * Waits until the child has ended.
     *
     * @return how it ended
     * @throws InterruptedException if interrupted while waiting; the child keeps running and is still reaped
     */
    public ExitStatus waitFor() throws InterruptedException {
        ExitStatus s = termination().status();
        handle.collected();
        return s;
    }

    /**
     * Waits at most {@code timeout} for the child to end.
     *
     * @param timeout how long to wait; zero checks without waiting; anything up to {@code ChronoUnit.FOREVER}
     *                is accepted (beyond about 146 years it means "no limit")
     * @return how it ended, or empty if it is still running
     * @throws IllegalArgumentException if the timeout is negative
     * @throws InterruptedException     if interrupted while waiting
     */
    public Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException {
        Checks.timeout(timeout);
        CompletableFuture<Termination> f = handle.termination();
        if (f.isDone()) {
            handle.collected();
            return Optional.of(f.join().status());
        }
        long nanos = Durations.toNanos(timeout); // saturates: up to ChronoUnit.FOREVER is fine
        try {
            ExitStatus s = handle.awaitTermination(nanos).status();
            handle.collected();
            return Optional.of(s);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reaper failed for child " + pid(), e.getCause());
        }
    }

    /** @return how the child ended, or empty if it is still running; never blocks */
    public Optional<ExitStatus> tryWait() {
        CompletableFuture<Termination> f = handle.termination();
        if (!f.isDone()) {
            return Optional.empty();
        }
        handle.collected();
        return Optional.of(f.join().status());
    }

    /**
     * A future completed with the exit status when the child ends.
     *
     * <pre>{@code
     * child.onExit().thenAccept(s -> log.info("{} ended: {}", child.pid(), s));
     * }</pre>
     *
     * <p>Like the JDK's {@link Process#onExit()}, the future is completed asynchronously: on one of
     * prockit's {@code prockit-onexit} daemon threads, never on the reaper thread or on a thread that reaped
     * the child in {@link #waitFor()}, so a callback may block without delaying any child's exit. That pool
     * starts at most as many threads as there are processors (at least two) for work that keeps moving, so
     * many children ending together do not start a thread each; when its threads have all been blocked for a
     * quarter of a second while completions wait (callbacks waiting for another child's {@code onExit()}, a
     * lock, a latch), it adds a thread, so callbacks that wait for each other never deadlock it. Long work still
     * belongs on an executor of your own ({@code thenApplyAsync(fn, executor)}).
     * Each call returns a new future; completing or cancelling it does not affect the child.
     *
     * @return a future completed with the exit status when the child ends
     */
    public CompletableFuture<ExitStatus> onExit() {
        return handle.termination().thenApplyAsync(Termination::status, ExitCallbacks.pool());
    }

    /**
     * The backend's own termination future, for prockit's bookkeeping only: it completes on the thread that
     * reaped the child (the reaper, or one in {@link #waitFor()}), so what is chained on it must never block.
     * User code gets {@link #onExit()} instead.
     */
    CompletableFuture<Termination> ended() {
        return handle.termination();
    }

    /**
     * Sends {@code signal} to the child, unless it has already been reaped.
     *
     * @param signal the signal
     * @return true if sent, false if the child had already been reaped (its pid is never reused by mistake)
     * @throws UnsupportedOperationException if the platform has no such signal
     */
    public boolean signal(Signal signal) {
        return handle.signal(signal.number());
    }

    /**
     * Asks the child to stop: {@code SIGTERM} on POSIX; on Windows {@code CTRL_BREAK_EVENT} for a
     * child in its own process group on the JVM's console, then {@link #kill()} after a grace period (5 s),
     * and {@code TerminateProcess} at once for any other child. A JVM child ({@code java.exe},
     * {@code javaw.exe}: a {@link JavaChild}) is terminated at once too: a JVM answers CTRL_BREAK with a
     * thread dump and keeps running, and CTRL_C cannot be aimed at one process group. Ask a JVM child to
     * shut down through its own channel (stdin, a socket) when it must end cleanly.
     *
     * @return false if the child had already been reaped
     */
    public boolean terminate() {
        return handle.terminate();
    }

    /**
     * Forces the child to stop: {@code SIGKILL} on POSIX, {@code TerminateProcess} on Windows.
     *
     * @return false if the child had already been reaped
     */
    public boolean kill() {
        return handle.kill();
    }

    /**
     * Kills the child and every process descended from it, and signals nothing else.
     *
     * <pre>{@code
     * Child make = Command.of("make", "-j8").newProcessGroup().spawn();
     * ...
     * make.killTree();   // make, the compilers it started, and what they started
     * }</pre>
     *
     * <p><b>Linux.</b> The child is frozen ({@code SIGSTOP}) and, when it leads its own process group
     * ({@link Command#newProcessGroup()}, {@link Command#newSession()}, a pty), so is its group. Then the
     * process table is walked again and again: each process whose parent is already in the set is opened as a
     * pidfd, its parent checked again after the opening, and frozen through the pidfd; the walk repeats until
     * every member is stopped and a walk finds nothing new, so a tree that keeps forking cannot outrun it.
     * Then each member gets {@code SIGKILL} through its pidfd. A pid is never passed to {@code kill(2)}: a
     * process that exits during the walk and whose pid is reused at once is not reached. The group is
     * signalled through the child's own pidfd ({@code PIDFD_SIGNAL_PROCESS_GROUP}, Linux 6.9+), which reaches
     * exactly the group this child created, also after the child itself has exited: a group id is not reused
     * while any member lives, and the kernel never hands that group's identity to a new one.
     *
     * <p><b>macOS</b> (and Linux without pidfds): the same walk over the process table, each signal sent
     * with {@code kill(2)} right after the process's (pid, start time) was checked again: a pid freed and
     * reused within those microseconds could still be hit. The group of a child that has already been reaped
     * is not signalled there (its id could have been reused).
     *
     * <p><b>Windows.</b> The child's job object ({@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE}, no breakaway
     * allowed) is terminated: every process started in it, however deep, including ones whose parent has
     * exited. A child started with {@link Command#detach()} has no job: its descendants are found by parent
     * pid and creation time in a Toolhelp snapshot while it runs, and orphans escape.
     *
     * <p><b>What escapes on POSIX, plainly:</b> a descendant that left the tree before the kill, that is a
     * daemon that double-forked (its parent exited, so it was re-parented to init) and, by {@code setsid()},
     * left the child's process group; and, after the child was reaped, the orphans of a child that did not
     * lead its own group. Run such programs in their own group, and know that a {@code setsid} daemon
     * still escapes: only a cgroup (Linux: {@link PosixOptions#withOwnCgroup(boolean)}, then
     * {@code cgroup.kill} ends everything in it first) or a job object (Windows) holds those. A descendant
     * prockit may not signal (a set-user-ID program) is not killed either.
     *
     * <p>Once the child has been reaped, its pid is never signalled again: then only its group (if it led one,
     * see above) is killed.
     *
     * @return false if the child itself had already been reaped (its group, when it led one, is still killed)
     */
    public boolean killTree() {
        return handle.killTree();
    }

    /** Sends {@code signo} to the child's tree for a timeout's polite first step; a failure is only logged. */
    void signalTreeQuietly(int signo) {
        try {
            handle.signalTree(signo);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Command.class).debug("signalling the tree of pid {} failed: {}",
                    pid(), e.toString());
        }
    }

    /**
     * Changes the size of the child's pseudo-terminal; the child gets {@code SIGWINCH} (POSIX) or its
     * console buffer is resized (Windows ConPTY).
     *
     * @param rows    rows, 1..65535
     * @param columns columns, 1..65535
     * @throws UnsupportedOperationException if the child was not started with {@link Command#pty}
     */
    public void resizePty(int rows, int columns) {
        PtyOptions checked = new PtyOptions(rows, columns);
        handle.resizePty(checked.rows(), checked.columns());
    }

    /** @return the resources the child used, once it has ended */
    public Optional<ResourceUsage> resourceUsage() {
        CompletableFuture<Termination> f = handle.termination();
        return f.isDone() ? Optional.of(f.join().rusage()) : Optional.empty();
    }

    /**
     * The raw wait status once the child has ended, as {@link Os#waitpid} would have returned it.
     *
     * @return the status, or empty while it runs
     */
    public Optional<Long> waitStatus() {
        CompletableFuture<Termination> f = handle.termination();
        return f.isDone() ? Optional.of(f.join().waitStatus()) : Optional.empty();
    }

    /** @return whether the child has ended and been reaped */
    public boolean hasExited() {
        return handle.termination().isDone();
    }

    private Termination termination() throws InterruptedException {
        try {
            return handle.awaitTermination(Long.MAX_VALUE);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reaper failed for child " + pid(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("unbounded wait for child " + pid() + " timed out", e);
        }
    }

    /**
     * Closes the parent's ends of the child's pipes; safe while other threads read or write them (see
     * {@link #stdin()} and {@link #stdout()}). Does not kill or wait for the child, with one
     * exception: for a child started with {@link Command#pty}, closing the terminal's master side hangs
     * the terminal up, so a child still running gets {@code SIGHUP} (POSIX), as when a terminal window
     * is closed.
     */
    @Override
    public void close() {
        closed = true;
        handle.closeStreams();
    }

    @Override
    public String toString() {
        CompletableFuture<Termination> f = handle.termination();
        return "Child[pid=" + pid() + (f.isDone() ? ", " + f.join().status() : ", running") + "]";
    }
}
