package io.prockit;

import io.prockit.spi.ChildHandle;
import io.prockit.spi.Termination;
import io.prockit.spi.OutputSink;
import io.prockit.spi.ProcessBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machinery behind {@link Command#spawn(ProcessListener)}: hands the child's output streams to the
 * backend's event loop (or to a pool thread where the backend has none) and calls {@code onExit} once the
 * child has been reaped and every stream has ended.
 */
final class Listening {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessListener.class);
    private static final int BUFFER = 64 * 1024;

    private Listening() {
    }

    /**
     * @param backend  the backend that spawned {@code handle}
     * @param handle   the new child
     * @param listener the user's listener
     * @return the child, its output already being delivered
     */
    static Child start(ProcessBackend backend, ChildHandle handle, ProcessListener listener) {
        Child child = new Child(handle, true, true);
        InputStream out = handle.stdout();
        InputStream err = handle.stderr();
        Join join = new Join(child, listener, (out != null ? 1 : 0) + (err != null ? 1 : 0) + 1);
        try {
            listener.onStart(child);
        } catch (RuntimeException | Error e) {
            handle.kill();
            handle.closeStreams();
            throw e;
        }
        if (out != null) {
            watch(backend, out, new Sink(join, true));
        }
        if (err != null) {
            watch(backend, err, new Sink(join, false));
        }
        child.ended().whenComplete((status, failure) -> join.exited());
        return child;
    }

    private static void watch(ProcessBackend backend, InputStream stream, Sink sink) {
        boolean taken;
        try {
            taken = backend.watchOutput(stream, sink);
        } catch (RuntimeException e) {
            LOG.warn("the {} backend failed to watch a stream; reading it on a pool thread", backend.name(), e);
            taken = false;
        }
        if (!taken) {
            Child.IO_POOL.execute(new Pump(stream, sink));
        }
    }

    /**
     * prockit's own listeners (behind {@code Command.status()}, {@code output()}, output targets, pipelines):
     * each stream's end is reported on the thread that read it, and {@code onExit} only completes a future, so
     * it runs inline on whichever thread saw the last event, the reaper included. A user's listener instead
     * gets {@code onExit} on {@link ExitCallbacks} when the exit came last.
     */
    interface Internal extends ProcessListener {
        /**
         * A stream reached its end; called once per piped stream, before {@link #onExit}; must not block.
         *
         * @param stdout true for stdout, false for stderr
         */
        void streamEnded(boolean stdout);
    }

    /**
     * Counts the events that must happen before {@code onExit}; serialises every call to the listener. A
     * callback that throws (an {@code Error} included) is reported ({@link #report}) and detaches the listener
     * from the rest of this child's output: the streams are still read to their end and the bytes dropped, so
     * the child never meets a closed pipe, and {@code onExit} still comes once.
     */
    private static final class Join {
        private final Child child;
        private final ProcessListener listener;
        private final AtomicInteger pending;
        /** Set when a data callback threw: no more data for this listener. Guarded by this object. */
        private boolean detached;

        Join(Child child, ProcessListener listener, int pending) {
            this.child = child;
            this.listener = listener;
            this.pending = new AtomicInteger(pending);
        }

        synchronized void deliver(boolean stdout, ByteBuffer data) {
            if (detached) {
                return;
            }
            try {
                if (stdout) {
                    listener.onStdout(data);
                } else {
                    listener.onStderr(data);
                }
            } catch (Throwable e) {
                detached = true;
                report(e, stdout ? "onStdout" : "onStderr", child.pid());
            }
        }

        /**
         * A stream reached its end, on the thread that read it: an {@link Internal} listener hears of it here
         * (so a user's line consumer gets its last line on the reading thread, never on the reaper).
         */
        void streamEnded(boolean stdout) {
            if (listener instanceof Internal internal) {
                synchronized (this) {
                    try {
                        internal.streamEnded(stdout);
                    } catch (Throwable e) {
                        report(e, stdout ? "end of stdout" : "end of stderr", child.pid());
                    }
                }
            }
            arrive();
        }

        /** A stream reached its end: the last event calls {@code onExit} on this (the reading) thread. */
        private void arrive() {
            if (pending.decrementAndGet() == 0) {
                finish();
            }
        }

        /**
         * The child was reaped, on the reaper or a waiting thread: if that was the last event, {@code onExit}
         * of a user's listener moves to {@link ExitCallbacks} so it can never hold up the reaper. prockit's own
         * listeners (behind {@code Command.status()}, {@code output()}, pipelines) only complete a future and
         * run here.
         */
        void exited() {
            if (pending.decrementAndGet() == 0) {
                if (listener instanceof Internal) {
                    finish();
                } else {
                    ExitCallbacks.pool().execute(this::finish);
                }
            }
        }

        private void finish() {
            CompletableFuture<Termination> exit = child.ended();
            if (exit.isCompletedExceptionally()) {
                LOG.warn("pid {}: reaping failed, so ProcessListener.onExit is not called", child.pid());
                return;
            }
            synchronized (this) {
                try {
                    listener.onExit(exit.join().status());
                } catch (Throwable e) {
                    report(e, "onExit", child.pid());
                }
            }
        }
    }

    /**
     * Reports what a listener threw through the calling thread's {@link Thread.UncaughtExceptionHandler} (its
     * own, else its group's, which hands it to the default handler or prints it to {@code System.err}), so it
     * is seen without a logging binding; the thread itself goes on serving other children.
     */
    static void report(Throwable e, String callback, int pid) {
        LOG.warn("ProcessListener.{} of pid {} threw {}; reported to the thread's UncaughtExceptionHandler{}",
                callback, pid, e.toString(), callback.equals("onExit") || callback.startsWith("end of") ? ""
                        : ", and the listener gets no more output of this child (its pipes are drained)");
        Thread t = Thread.currentThread();
        try {
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        } catch (Throwable ignored) {
            // a handler that throws: nothing more can be done for it here
        }
    }

    /** One stream's end of the join: delivers its bytes and counts its end once. */
    private static final class Sink implements OutputSink {
        private final Join join;
        private final boolean stdout;
        private final AtomicBoolean ended = new AtomicBoolean();

        Sink(Join join, boolean stdout) {
            this.join = join;
            this.stdout = stdout;
        }

        @Override
        public void data(ByteBuffer data) {
            join.deliver(stdout, data);
        }

        @Override
        public void end(IOException error) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (error != null) {
                LOG.debug("pid {}: reading {} failed: {}", join.child.pid(), stdout ? "stdout" : "stderr",
                        error.toString());
            }
            join.streamEnded(stdout);
        }
    }

    /** Where the backend has no event loop for a stream: a pool thread reads it to its end. */
    private static final class Pump implements Runnable {
        private final InputStream stream;
        private final Sink sink;

        Pump(InputStream stream, Sink sink) {
            this.stream = stream;
            this.sink = sink;
        }

        @Override
        public void run() {
            byte[] buf = new byte[BUFFER];
            IOException error = null;
            try {
                int n;
                while ((n = stream.read(buf)) >= 0) {
                    if (n > 0) {
                        sink.data(ByteBuffer.wrap(buf, 0, n).asReadOnlyBuffer()); // never throws (Join.deliver)
                    }
                }
            } catch (IOException e) {
                error = e;
            } finally {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // the stream is finished either way
                }
                sink.end(error);
            }
        }
    }
}
