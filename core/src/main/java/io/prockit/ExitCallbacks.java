package io.prockit;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where user-facing exit completions run: {@link Child#onExit()}'s futures and a {@link ProcessListener}'s
 * {@code onExit} when the exit was the last event. Never the reaper thread, so a callback that blocks delays no
 * other child's exit.
 *
 * <p>A {@link ForkJoinPool} rather than a cached pool: it keeps at most as many running threads as there are
 * processors (at least two), so a thousand children ending together do not start a thousand threads; and a
 * callback that blocks on another child's {@code onExit()} ({@code CompletableFuture.join/get} is a managed
 * block inside a fork-join worker) makes the pool add a spare thread, so chains of such callbacks never
 * deadlock however long they are. Idle threads end after 30 seconds. Built on first use only: a program that
 * never asks for {@code onExit()} never has this pool.
 */
final class ExitCallbacks {
    private ExitCallbacks() {
    }

    /** @return the pool, built on first use */
    static Executor pool() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ForkJoinPool POOL = build();
    }

    private static ForkJoinPool build() {
        int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
        // corePoolSize 0: no thread kept when idle; maximumPoolSize: room for the spare threads of blocked
        // chains (only managed blocks get spares); minimumRunnable 1: a spare when every thread is blocked.
        return new ForkJoinPool(parallelism, new Threads(), null, true, 0, 0x7fff, 1, null, 30, TimeUnit.SECONDS);
    }

    /** Daemon threads named {@code prockit-onexit-N}. */
    private static final class Threads implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread t = new Worker(pool);
            t.setName("prockit-onexit-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    private static final class Worker extends ForkJoinWorkerThread {
        Worker(ForkJoinPool pool) {
            super(pool);
        }
    }
}
