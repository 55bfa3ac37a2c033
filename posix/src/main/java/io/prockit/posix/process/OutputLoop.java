package io.prockit.posix.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.platform.Poller;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.spi.InputFeed;
import io.prockit.spi.OutputSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the output pipes handed to {@code Command.spawn(ProcessListener)} as data arrives: one daemon
 * thread ({@code prockit-output}) for every watched pipe of every child. It waits with the poller the platform
 * hands out ({@link PosixPlatform#newPoller()}: epoll on Linux), else (macOS) with {@code poll(2)} over the
 * watched descriptors and a wake-up pipe.
 *
 * <p>A watched descriptor is made non-blocking (its open file description belongs to the parent alone: the
 * child holds the other end), and each readiness gets reads of up to 64 KiB while they come back full, at
 * most 1 MiB, so a chatty child cannot starve the others and a stale readiness report costs one
 * {@code EAGAIN}. A watched stream's descriptor is held by the loop ({@link FdStreams.Fd#acquire}) from its
 * registration to its end, and its {@link FdStreams.In#close()} goes through {@link Watch#end}: the descriptor
 * leaves the wait set and only then is the hold released (which closes it), under the watch's lock, which every
 * read also holds, so no read or wait ever reaches a number the process has since reused, and nothing is
 * delivered after the end.
 *
 * <p>A sink that throws (an {@code Error} included) is reported through this thread's
 * {@link Thread.UncaughtExceptionHandler} and gets nothing more, but its pipe is still read to its end and the
 * bytes dropped: closing it under the child would kill the child with {@code SIGPIPE}. Other streams are
 * not affected.
 */
public final class OutputLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputLoop.class);
    /** System property: {@code poll} makes the shared loop use {@code poll(2)} where the platform has better. */
    static final String PROPERTY = "prockit.output.poller";
    private static final int BUFFER = 64 * 1024;
    /** The most reads one readiness gets before the loop moves on. */
    private static final int READS_PER_TURN = 16;

    private final Poller poller;
    private final PosixConstants c;
    private final Map<Integer, Watch> watches = new ConcurrentHashMap<>();
    /** The stdin pipes being fed ({@link #feed}), by descriptor. */
    private final Map<Integer, Feed> feeds = new ConcurrentHashMap<>();
    /** The loop thread's staging memory for writes. */
    private final Memory writeBuffer = new Memory(BUFFER);
    private final ByteBuffer writeView = writeBuffer.getByteBuffer(0, BUFFER);
    private final Memory buffer = new Memory(BUFFER);
    private final ByteBuffer view = buffer.getByteBuffer(0, BUFFER).asReadOnlyBuffer();
    private final Object startLock = new Object();
    private volatile Thread thread;

    private static volatile OutputLoop shared;
    private static boolean sharedFailed;

    /**
     * @param platform the running platform: its poller, or {@code poll(2)}
     * @return the loop the backend hands streams to (one per process), created on first use (its thread on the
     *         first watch); null if it cannot be created (logged once), and callers then read on threads of their
     *         own
     */
    public static OutputLoop shared(PosixPlatform platform) {
        OutputLoop l = shared;
        if (l != null) {
            return l;
        }
        synchronized (OutputLoop.class) {
            if (shared == null && !sharedFailed) {
                try {
                    Poller better = "poll".equals(System.getProperty(PROPERTY)) ? null : platform.newPoller();
                    shared = new OutputLoop(platform.constants(), better != null ? better : new PollPoller(platform));
                } catch (LastErrorException e) {
                    sharedFailed = true;
                    LOG.warn("the output loop cannot be created (errno {}); listeners' streams are read"
                            + " on pool threads instead", e.getErrorCode());
                }
            }
            return shared;
        }
    }

    OutputLoop(PosixConstants c, Poller poller) {
        this.c = c;
        this.poller = poller;
    }

    /** @return {@code epoll} or {@code poll} */
    String pollerName() {
        return poller.name();
    }

    /** @return the shared loop if it was created (tests in this package read it), else null */
    static OutputLoop sharedIfCreated() {
        return shared;
    }

    /** @return how many streams are being read now (tests in this package read it) */
    int watching() {
        return watches.size();
    }

    /**
     * Starts reading {@code in} for {@code sink}.
     *
     * @param in   a pipe's read end, not a pseudo-terminal master (its descriptor is shared with the
     *             child's stdin stream, which must stay blocking)
     * @param sink where its bytes go
     * @return false if {@code in} is a pseudo-terminal master (the caller reads it)
     */
    public boolean watch(FdStreams.In in, OutputSink sink) {
        if (in.ptyMaster()) {
            return false;
        }
        Watch w = new Watch(in, sink);
        synchronized (w) {
            // The hook first, under the watch's lock: a concurrent close then waits for the registration and
            // undoes it, instead of closing a number this method is about to put in the wait set.
            in.closeHook(w);
            int fd;
            try {
                fd = in.fd().acquire(); // held until Watch.end: the number cannot be closed under the loop
            } catch (IOException closed) {
                w.end(null); // closed before it was watched: nothing to read
                return true;
            }
            int flags;
            try {
                flags = LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFL);
            } catch (LastErrorException e) {
                w.decline();
                return false;
            }
            try {
                LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFL, flags | c.O_NONBLOCK);
                watches.put(fd, w);
                poller.add(fd);
                w.fd = fd;
            } catch (LastErrorException e) {
                // e.g. epoll's max_user_watches reached: the caller reads the stream itself, blocking as before
                watches.remove(fd, w);
                try {
                    LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFL, flags);
                } catch (LastErrorException ignored) {
                    // the reader then sees EAGAIN as an error; nothing better to do
                }
                w.decline();
                LOG.debug("{} (fd {}) not watched (errno {}); read on a pool thread instead",
                        in.name(), fd, e.getErrorCode());
                return false;
            }
        }
        startThread();
        return true;
    }

    /**
     * Starts writing {@code data} into {@code out} as the pipe accepts it, closing it at the end: what
     * {@code Command.input(byte[])} uses. The descriptor is made non-blocking (the child holds the other end,
     * so its open file description is the parent's alone) and watched for writability; each readiness gets
     * writes of up to 64 KiB while the pipe takes them whole, at most 1 MiB. {@code EPIPE} (the child closed
     * its stdin or ended) ends the feed quietly. As for {@link #watch}, the stream's close goes through the feed
     * under its lock, so no write ever reaches a reused number.
     *
     * @param out  a child's stdin pipe, not a terminal
     * @param data the bytes, from its position to its limit
     * @param sink told once when the feed is over
     * @return false if {@code out} is a terminal or the wait set refuses it (the caller writes it)
     */
    public boolean feed(FdStreams.Out out, ByteBuffer data, InputFeed sink) {
        Feed f = new Feed(out, data.duplicate(), sink);
        synchronized (f) {
            out.closeHook(f);
            int fd;
            try {
                fd = out.fd().acquire(); // held until Feed.end: the number cannot be closed under the loop
            } catch (IOException closed) {
                f.end(false, null);
                return true;
            }
            if (LibC.isatty(fd) == 1) {
                out.closeHook(null); // a pty's stdin shares the master with the output: it must stay blocking
                f.declined = true;
                out.fd().release();
                return false;
            }
            int flags;
            try {
                flags = LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFL);
                LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFL, flags | c.O_NONBLOCK);
            } catch (LastErrorException e) {
                out.closeHook(null);
                f.declined = true;
                out.fd().release();
                return false;
            }
            try {
                feeds.put(fd, f);
                poller.addWritable(fd);
                f.fd = fd;
            } catch (LastErrorException e) {
                feeds.remove(fd, f);
                try {
                    LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFL, flags);
                } catch (LastErrorException ignored) {
                    // the writer then sees EAGAIN as an error; nothing better to do
                }
                out.closeHook(null);
                f.declined = true;
                out.fd().release();
                LOG.debug("{} (fd {}) not fed by the loop (errno {}); written on a pool thread instead",
                        out.name(), fd, e.getErrorCode());
                return false;
            }
        }
        startThread();
        return true;
    }

    /** @return how many stdin pipes are being fed now (tests in this package read it) */
    int feeding() {
        return feeds.size();
    }

    private void startThread() {
        if (thread == null) {
            synchronized (startLock) {
                if (thread == null) {
                    Thread t = new Thread(this, "prockit-output");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    /** The loop: wait, then give each ready descriptor one read. */
    @Override
    public void run() {
        while (true) {
            int n;
            try {
                n = poller.await();
            } catch (LastErrorException e) {
                LOG.error("{} failed (errno {}); prockit-output stops, and listeners of running "
                        + "children get no more output", poller.name(), e.getErrorCode());
                return;
            }
            int[] ready = poller.ready();
            for (int i = 0; i < n; i++) {
                Watch w = watches.get(ready[i]);
                if (w != null) {
                    try {
                        w.readable();
                    } catch (RuntimeException | Error e) {
                        // Not the sink (readOnce catches its failures): the loop's own bug. Only this stream ends.
                        LOG.warn("reading {} failed", w.in.name(), e);
                        w.end(new IOException(e));
                    }
                } else {
                    Feed f = feeds.get(ready[i]);
                    if (f != null) {
                        try {
                            f.writable();
                        } catch (RuntimeException | Error e) {
                            LOG.warn("writing {} failed", f.out.name(), e);
                            f.end(false, new IOException(e));
                        }
                    }
                }
            }
        }
    }

    /** One watched stream; also the stream's close hook. */
    final class Watch implements Runnable {
        private final FdStreams.In in;
        private final OutputSink sink;
        /** The number, held (FdStreams.Fd#acquire) from the registration to {@link #end}; -1 when not in the set. */
        private int fd = -1;
        private boolean ended;
        /** The loop gave the stream back to the caller: a close that raced with that only closes it. */
        private boolean declined;
        /** The sink threw: the rest of the stream is read and discarded, so the child's writes never fail. */
        private boolean draining;
        /** A read found the end; {@link #readable} tells the sink after releasing the lock. Guarded by this. */
        private boolean endSeen;
        private IOException endError;

        Watch(FdStreams.In in, OutputSink sink) {
            this.in = in;
            this.sink = sink;
        }

        /** Gives the stream back to the caller (under this watch's lock, in {@link #watch}): the hold ends. */
        void decline() {
            declined = true;
            in.closeHook(null);
            in.fd().release();
        }

        /** The stream was closed by its owner ({@code Child.close()}). */
        @Override
        public void run() {
            end(null);
        }

        /**
         * Non-blocking reads while they fill the buffer, at most {@value #READS_PER_TURN} (1 MiB) before the
         * other descriptors get their turn: a full read means more is likely waiting, a short one that the
         * pipe is drained (so {@code EAGAIN}, whose exception costs more than a read, stays rare). On the
         * loop's thread only.
         */
        void readable() {
            synchronized (this) {
                for (int turn = 0; turn < READS_PER_TURN && !ended; turn++) {
                    if (readOnce() < BUFFER) {
                        break;
                    }
                }
                if (!endSeen) {
                    return;
                }
                endSeen = false;
            }
            tellSink(endError); // the end this read found, told after the lock is released (see end)
        }

        /** @return the bytes read and delivered, 0 at the end or when nothing was there */
        private long readOnce() {
            while (true) {
                long n;
                try {
                    n = LibC.read(fd, buffer, BUFFER);
                } catch (LastErrorException e) {
                    int err = e.getErrorCode();
                    if (err == c.EINTR) {
                        continue;
                    }
                    if (err == c.EAGAIN) {
                        return 0; // a stale report: nothing there yet
                    }
                    endFound(new IOException("read(" + in.name() + "): " + LibC.strerror(err) + " (errno " + err + ")"));
                    return 0;
                }
                if (n == 0) {
                    endFound(null);
                    return 0;
                }
                if (!draining) {
                    view.clear();
                    view.limit((int) n);
                    try {
                        sink.data(view);
                    } catch (Throwable e) { // Error included: this stream is drained from now on, nothing else
                        draining = true;
                        report(e);
                    }
                }
                return n;
            }
        }

        /**
         * Leaves the wait set, closes the descriptor, then tells the sink; once. The sink hears of the end after
         * this watch's lock is released: its listener may take locks of its own (the join of both streams) that
         * a thread delivering the other stream holds while it calls {@code close()} on this one, so calling it
         * under the lock could close a cycle. No data can follow: {@link #readable} checks {@code ended} under
         * the lock, and a delivery in progress finishes before the end is marked.
         */
        void end(IOException error) {
            synchronized (this) {
                if (!close()) {
                    return;
                }
            }
            tellSink(error);
        }

        /** A read found the end (under the lock, in {@link #readable}, which tells the sink once it is released). */
        private void endFound(IOException error) {
            if (close()) {
                endSeen = true;
                endError = error;
            }
        }

        /** @return whether this call ended the watch (under the lock): out of the wait set, descriptor closed */
        private boolean close() {
            if (declined) {
                in.fd().close(in); // the caller's reader sees the close and ends the sink itself
                return false;
            }
            if (ended) {
                return false;
            }
            ended = true;
            in.fd().close(); // refuses new uses; the number stays open while the loop still holds it
            if (fd >= 0) {
                watches.remove(fd, this);
                poller.remove(fd);
                fd = -1;
                in.fd().release(); // the loop's hold: the number is closed now, out of the wait set
            }
            return true;
        }

        private void tellSink(IOException error) {
            try {
                sink.end(error);
            } catch (Throwable e) {
                report(e);
            }
        }
    }

    /**
     * Hands a sink's failure to the calling thread's {@link Thread.UncaughtExceptionHandler} (which prints it
     * when the application set none), so it is seen without a logging binding; the loop goes on.
     */
    static void report(Throwable e) {
        Thread t = Thread.currentThread();
        try {
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        } catch (Throwable ignored) {
            // a handler that throws: nothing more can be done for it here
        }
    }

    /** One stdin pipe being fed; also the stream's close hook. */
    final class Feed implements Runnable {
        private final FdStreams.Out out;
        private final ByteBuffer data;
        private final InputFeed sink;
        private int fd = -1;
        private boolean ended;
        /** The loop gave the stream back to the caller: a close that raced with that only closes it. */
        private boolean declined;

        Feed(FdStreams.Out out, ByteBuffer data, InputFeed sink) {
            this.out = out;
            this.data = data;
            this.sink = sink;
        }

        /** The stream was closed by its owner ({@code Child.close()}): the feed stops. */
        @Override
        public void run() {
            end(false, null);
        }

        /** Writes while the pipe takes whole chunks, at most {@value #READS_PER_TURN} of them; on the loop's thread. */
        synchronized void writable() {
            for (int turn = 0; turn < READS_PER_TURN && !ended; turn++) {
                int chunk = Math.min(BUFFER, data.remaining());
                if (chunk == 0) {
                    end(true, null);
                    return;
                }
                writeView.clear();
                ByteBuffer slice = data.duplicate();
                slice.limit(slice.position() + chunk);
                writeView.put(slice);
                long n = writeOnce(chunk);
                if (n <= 0) {
                    return;
                }
                data.position(data.position() + (int) n);
                if (!data.hasRemaining()) {
                    end(true, null);
                    return;
                }
                if (n < chunk) {
                    return; // the pipe is full: wait for the next readiness
                }
            }
        }

        /** @return the bytes written, 0 when the pipe was full or the feed ended */
        private long writeOnce(int chunk) {
            while (true) {
                try {
                    return LibC.write(fd, writeBuffer, chunk);
                } catch (LastErrorException e) {
                    int err = e.getErrorCode();
                    if (err == c.EINTR) {
                        continue;
                    }
                    if (err == c.EAGAIN) {
                        return 0;
                    }
                    end(false, err == c.EPIPE ? null : new IOException("write(" + out.name() + "): "
                            + LibC.strerror(err) + " (errno " + err + ")"));
                    return 0;
                }
            }
        }

        /** Leaves the wait set, closes the descriptor (the child sees end of file), then tells the sink; once. */
        synchronized void end(boolean complete, IOException error) {
            if (declined) {
                out.fd().close();
                return;
            }
            if (ended) {
                return;
            }
            ended = true;
            out.fd().close(); // refuses new uses; the number stays open while the loop still holds it
            if (fd >= 0) {
                feeds.remove(fd, this);
                poller.remove(fd);
                fd = -1;
                out.fd().release(); // the loop's hold: the number is closed now, out of the wait set
            }
            sink.end(complete, error);
        }
    }

    /**
     * Any POSIX system: {@code poll(2)} over the watched descriptors (the array is rebuilt only after a change),
     * plus the
     * read end of a non-blocking wake-up pipe that {@link #add} and {@link #remove} write to, so a change
     * takes effect at once.
     */
    static final class PollPoller extends Poller {
        private final PosixConstants c;
        private final PosixPlatform platform;
        private final Set<Integer> fds = ConcurrentHashMap.newKeySet();
        /** The fed stdin pipes, polled for POLLOUT. */
        private final Set<Integer> writeFds = ConcurrentHashMap.newKeySet();
        private final int wakeRead;
        private final int wakeWrite;
        private final Memory one = new Memory(1);
        private final Memory drained = new Memory(64);
        private Memory pollfds = new Memory(8L * 64);
        private int[] order = new int[64];
        private int total;
        /** Set by {@link #add}/{@link #remove}: the loop rebuilds its {@code struct pollfd} array before the next poll. */
        private volatile boolean dirty = true;

        PollPoller(PosixPlatform platform) {
            this.platform = platform;
            this.c = platform.constants();
            int[] p = new int[2];
            platform.cloexecPipe(p);
            for (int fd : p) {
                int flags = LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFL);
                LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFL, flags | c.O_NONBLOCK);
            }
            wakeRead = p[0];
            wakeWrite = p[1];
        }

        @Override
        public void add(int fd) {
            fds.add(fd);
            dirty = true;
            wake();
        }

        @Override
        public void addWritable(int fd) {
            writeFds.add(fd);
            dirty = true;
            wake();
        }

        @Override
        public void remove(int fd) {
            if (fds.remove(fd) | writeFds.remove(fd)) {
                dirty = true;
                wake();
            }
        }

        private void wake() {
            try {
                LibC.write(wakeWrite, one, 1);
            } catch (LastErrorException ignored) {
                // EAGAIN: the pipe is full, so a wake-up is pending anyway
            }
        }

        @Override
        public int await() {
            if (dirty) {
                dirty = false; // cleared first: a change made while rebuilding marks it again
                rebuild();
            } // otherwise the array stands as it was: poll(2) rewrites every revents itself
            try {
                platform.poll(pollfds, total, -1);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == c.EINTR) {
                    return 0;
                }
                throw e;
            }
            if (pollfds.getShort(6) != 0) {
                drain();
            }
            if (ready.length < total) {
                ready = new int[order.length];
            }
            int n = 0;
            int events = c.POLLIN | c.POLLOUT | c.POLLHUP | c.POLLERR | c.POLLNVAL;
            for (int i = 1; i < total; i++) {
                if ((pollfds.getShort(8L * i + 6) & events) != 0) {
                    ready[n++] = order[i];
                }
            }
            return n;
        }

        /** Lays out the wake-up pipe and the watched descriptors as {@code struct pollfd}s. */
        private void rebuild() {
            int count = 0;
            for (Integer fd : fds) {
                if (count + 1 >= order.length) {
                    order = Arrays.copyOf(order, order.length * 2);
                }
                order[++count] = fd;
            }
            int readers = count;
            for (Integer fd : writeFds) {
                if (count + 1 >= order.length) {
                    order = Arrays.copyOf(order, order.length * 2);
                }
                order[++count] = fd;
            }
            order[0] = wakeRead;
            total = count + 1;
            if (pollfds.size() < 8L * total) {
                pollfds = new Memory(8L * Math.max(total, order.length));
            }
            for (int i = 0; i < total; i++) {
                pollfds.setInt(8L * i, order[i]);
                pollfds.setShort(8L * i + 4, (short) (i <= readers ? c.POLLIN : c.POLLOUT));
                pollfds.setShort(8L * i + 6, (short) 0);
            }
        }

        private void drain() {
            try {
                while (LibC.read(wakeRead, drained, 64) > 0) {
                    // empty the wake-up pipe
                }
            } catch (LastErrorException ignored) {
                // EAGAIN: empty
            }
        }

        @Override
        public String name() {
            return "poll";
        }
    }
}
