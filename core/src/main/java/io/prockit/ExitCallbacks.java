package io.prockit;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Where user-facing exit completions run: {@link Child#onExit()}'s futures and a {@link ProcessListener}'s
 * {@code onExit} when the exit was the last event. Never the reaper thread, so a callback that blocks delays no
 * child's exit.
 *
 * <p>A pool of {@code prockit-onexit-N} daemon threads that grows with need, not with load:
 * <ul>
 *   <li>Up to {@link #parallelism} threads (the processors, at least two) are started as work arrives; after
 *       that, work queues behind them. So a thousand children ending together take a few threads, not a
 *       thousand (a cached pool starts one per completion in such a burst).</li>
 *   <li>While work waits and no thread has taken any for {@link #STALL_MILLIS} ms, every thread is taken to be
 *       blocked (on another child's {@code onExit()}, a lock, a latch), and one more thread is started; and
 *       again after each such stall. So callbacks that wait for each other, or for something only a later
 *       completion brings, never deadlock the pool; a blocked chain costs one thread per link, as with the
 *       JDK's own thread-per-process waits. A single watchdog thread ({@code prockit-onexit-watch}) does this,
 *       only while work is waiting.</li>
 *   <li>Idle threads end after {@link #KEEP_ALIVE_SECONDS} seconds; the interrupt status a callback leaves
 *       behind is cleared before the next one runs; a callback's exception goes to its thread's
 *       {@link Thread.UncaughtExceptionHandler} and the thread goes on.</li>
 * </ul>
 * Built on first use: a program that never asks for {@code onExit()} never has these threads.
 */
final class ExitCallbacks implements Executor {
    static final long STALL_MILLIS = 250;
    static final long KEEP_ALIVE_SECONDS = 30;

    private final int parallelism;
    /** Guarded by this: the waiting work, the threads, how many of them wait for work, work taken so far. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private int threads;
    private int idle;
    private long taken;
    private boolean watching;
    private int names;

    ExitCallbacks(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1 (got " + parallelism + ")");
        }
        this.parallelism = parallelism;
    }

    /** @return the pool, built on first use */
    static Executor pool() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ExitCallbacks POOL = new ExitCallbacks(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            queue.add(task);
            if (idle >= queue.size()) {
                notify(); // a waiting thread takes it
                return;
            }
            if (threads < parallelism) {
                start();
                return;
            }
            if (!watching) {
                watching = true;
                Thread w = new Thread(this::watch, "prockit-onexit-watch");
                w.setDaemon(true);
                w.start();
            }
        }
    }

    /** Starts one more thread; under the lock. */
    private void start() {
        threads++;
        Thread t = new Thread(this::work, "prockit-onexit-" + (++names));
        t.setDaemon(true);
        t.start();
    }

    private void work() {
        for (Runnable r; (r = take()) != null; ) {
            Thread.interrupted(); // what the last callback left must not reach this one
            try {
                r.run();
            } catch (Throwable e) {
                Thread t = Thread.currentThread();
                try {
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                } catch (Throwable ignored) {
                    // a handler that throws: nothing more can be done for it here
                }
            }
        }
    }

    /** @return the next task, or null when this thread has been idle for the keep-alive (it then ends) */
    private synchronized Runnable take() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS);
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                threads--;
                return null;
            }
            idle++;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                // nobody interrupts these threads on purpose; the flag is cleared before the next task anyway
            } finally {
                idle--;
            }
        }
        taken++;
        return queue.poll();
    }

    /** While work waits: after each stall with nothing taken, one more thread. Ends when nothing waits. */
    private void watch() {
        while (true) {
            long before;
            synchronized (this) {
                if (queue.isEmpty()) {
                    watching = false;
                    return;
                }
                before = taken;
            }
            try {
                Thread.sleep(STALL_MILLIS);
            } catch (InterruptedException e) {
                // not expected: go on watching
            }
            synchronized (this) {
                if (queue.isEmpty()) {
                    watching = false;
                    return;
                }
                if (taken == before && idle < queue.size()) {
                    start();
                }
            }
        }
    }

    /** @return the threads this pool has now (for tests in this package) */
    synchronized int threads() {
        return threads;
    }
}
