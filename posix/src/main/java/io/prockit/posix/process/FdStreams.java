package io.prockit.posix.process;

import io.prockit.posix.platform.PosixConstants;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.spi.SharedCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * Blocking streams over a pipe descriptor, read and written on the caller's thread.
 *
 * <p>Each stream copies through one native buffer of its own (no per-call allocation), retries
 * {@code EINTR}, and closes its descriptor exactly once. A write to a pipe whose reader is gone fails
 * with {@code EPIPE} as an {@link IOException}: the JVM ignores {@code SIGPIPE}, so the process is
 * not killed.
 *
 * <p>One owner per descriptor ({@link Fd}): a read or a write holds the descriptor from its first system call
 * to its last (every 64 KiB chunk, every {@code EINTR} retry), so a {@code close()} from another thread never
 * lets it reach a number the process has since given to another file. Such a close marks the descriptor
 * closing and returns at once; the call in flight fails with {@code IOException("Stream closed")} as soon as
 * its current system call returns, and the last one out closes the descriptor. A write blocked on a full pipe
 * therefore finishes its current chunk (those bytes reach the child) only when the child reads or exits. A
 * read blocked on an empty pipe is woken on Linux (the close puts one byte into the pipe through
 * {@code /proc/self/fd}, which the reader discards), and a read blocked on a pseudo-terminal's master on
 * every system (a byte written to the slave); a pipe read elsewhere returns when the child writes or exits.
 */
public final class FdStreams {
    private static final Logger LOG = LoggerFactory.getLogger(FdStreams.class);
    private static final int BUFFER = 64 * 1024;

    private FdStreams() {
    }

    /** The message of every call on a stream closed before or during it, as the JDK's streams say it. */
    static IOException closed() {
        return new IOException("Stream closed");
    }

    /** The parent's read end of a pipe, or a pseudo-terminal master. */
    public static final class In extends InputStream {
        private final Fd fd;
        private final String name;
        private final boolean ptyMaster;
        private final PosixConstants c;
        private Memory buf;
        /** Set while an {@link OutputLoop} reads this stream: it then owns the descriptor and closes it. */
        private volatile Runnable closeHook;
        /** A pseudo-terminal master's slave path, through which a close wakes a blocked read; else null. */
        private volatile String ptySlave;

        /**
         * @param ptyMaster whether {@code fd} is a pseudo-terminal master: Linux reports {@code EIO} there,
         *                  not 0, once the last holder of the slave has closed it, which is this stream's end
         * @param c         the running OS's constants
         */
        public In(Fd fd, String name, boolean ptyMaster, PosixConstants c) {
            this.fd = fd;
            this.name = name;
            this.ptyMaster = ptyMaster;
            this.c = c;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        /**
         * Reads what the pipe holds, blocking until something is there.
         *
         * @throws IOException "Stream closed" if the stream was closed before or during the call (what a read
         *                     woken by the close got is discarded)
         */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            synchronized (this) {
                int raw = fd.acquire();
                try {
                    if (buf == null) {
                        buf = new Memory(BUFFER);
                    }
                    int want = Math.min(len, BUFFER);
                    while (true) {
                        long n;
                        try {
                            n = LibC.read(raw, buf, want);
                        } catch (LastErrorException e) {
                            if (fd.closing()) {
                                throw closed();
                            }
                            if (ptyMaster && e.getErrorCode() == c.EIO) {
                                return -1;
                            }
                            if (e.getErrorCode() == c.EINTR) {
                                continue;
                            }
                            throw new IOException("read(" + name + "): " + LibC.strerror(e.getErrorCode())
                                    + " (errno " + e.getErrorCode() + ")");
                        }
                        if (fd.closing()) {
                            throw closed(); // perhaps the close's wake-up byte: nothing read now is delivered
                        }
                        if (n == 0) {
                            return -1;
                        }
                        buf.read(0, b, off, (int) n);
                        return (int) n;
                    }
                } finally {
                    fd.release();
                }
            }
        }

        /** Closes the descriptor now, or when the read in flight returns (woken first where possible). */
        @Override
        public void close() {
            Runnable hook = closeHook;
            if (hook != null) {
                hook.run();
            } else {
                fd.close(this);
            }
        }

        /**
         * Wakes a read blocked on this stream's descriptor, which the caller (a close) holds: one byte into the
         * pipe (Linux) or the terminal's slave, which the woken read discards.
         */
        void wake(int number) {
            if (!ptyMaster) {
                Wake.pipeReader(number, c);
            } else {
                String slave = ptySlave;
                if (slave != null) {
                    Wake.ptyReader(slave, c);
                }
            }
        }

        /** @param slave the pseudo-terminal's slave path: a close then wakes a blocked read through it */
        void wakeThrough(String slave) {
            this.ptySlave = slave;
        }

        /** @return whether this is a pseudo-terminal master */
        boolean ptyMaster() {
            return ptyMaster;
        }

        /** @return the descriptor */
        Fd fd() {
            return fd;
        }

        /** @return the name used in messages ({@code stdout}, ...) */
        String name() {
            return name;
        }

        /** @param hook what {@link #close()} runs instead of closing the descriptor itself */
        void closeHook(Runnable hook) {
            this.closeHook = hook;
        }
    }

    /** The parent's write end of a pipe. */
    public static final class Out extends OutputStream {
        private final Fd fd;
        private final String name;
        private final PosixConstants c;
        private Memory buf;
        /** Set while an {@link OutputLoop} feeds this stream: it then owns the descriptor and closes it. */
        private volatile Runnable closeHook;

        /** @param c the running OS's constants */
        public Out(Fd fd, String name, PosixConstants c) {
            this.fd = fd;
            this.name = name;
            this.c = c;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        /**
         * Writes every byte, blocking while the pipe is full.
         *
         * @throws IOException "Stream closed" if the stream was closed before or during the call: the bytes of
         *                     the system call in flight at the close reach the child, nothing after them
         */
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            synchronized (this) {
                int raw = fd.acquire();
                try {
                    if (buf == null) {
                        buf = new Memory(BUFFER);
                    }
                    while (len > 0) {
                        int chunk = Math.min(len, BUFFER);
                        buf.write(0, b, off, chunk);
                        int done = 0;
                        while (done < chunk) {
                            if (fd.closing()) {
                                throw closed();
                            }
                            try {
                                done += (int) LibC.write(raw, buf.share(done), chunk - done);
                            } catch (LastErrorException e) {
                                if (fd.closing()) {
                                    throw closed();
                                }
                                if (e.getErrorCode() != c.EINTR) {
                                    throw new IOException("write(" + name + "): " + LibC.strerror(e.getErrorCode())
                                            + " (errno " + e.getErrorCode() + ")"
                                            + (e.getErrorCode() == c.EPIPE
                                            ? ": the child closed its end" : ""));
                                }
                            }
                        }
                        off += chunk;
                        len -= chunk;
                    }
                } finally {
                    fd.release();
                }
            }
        }

        /** Closes the descriptor now, or when the write in flight returns from its current system call. */
        @Override
        public void close() {
            Runnable hook = closeHook;
            if (hook != null) {
                hook.run();
            } else {
                fd.close();
            }
        }

        /** @return the descriptor */
        Fd fd() {
            return fd;
        }

        /** @return the name used in messages ({@code stdin of 42}) */
        String name() {
            return name;
        }

        /** @param hook what {@link #close()} runs instead of closing the descriptor itself */
        void closeHook(Runnable hook) {
            this.closeHook = hook;
        }
    }

    /**
     * The one owner of a descriptor number: whoever uses the number holds this object while it does, and the
     * number is closed exactly once, after its last use, so no use ever reaches a number the process has since
     * reused.
     *
     * <p>A use is {@link #acquire()} ... {@link #release()} (an atomic increment and decrement: no system call,
     * no allocation). {@link #close} marks the descriptor closing, after which every {@code acquire} fails with
     * "Stream closed"; the real {@code close(2)} runs at once when nobody holds it, else when the last holder
     * releases it. Holders check {@link #closing()} between system calls and stop early. One that becomes
     * unreachable unclosed (a dropped stream) is closed by the {@link SharedCleaner}, as the JDK closes the
     * descriptors of a dropped {@code Process}'s streams; nobody can hold it then.
     */
    public static final class Fd {
        /** Set by the first {@link #close}: the sign bit, so {@code state < 0} reads "closing". */
        private static final int CLOSING = 0x8000_0000;
        /** Set by whoever runs the real close, once. */
        private static final int CLOSED = 0x4000_0000;
        /** The holders in flight. */
        private static final int USERS = 0x3fff_ffff;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Fd.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final int number;
        private final Cleaner.Cleanable cleanable;
        /** {@link #CLOSING}, {@link #CLOSED} and the count of {@link #USERS}; changed through {@link #STATE}. */
        private volatile int state;

        public Fd(int fd) {
            this.number = fd;
            this.cleanable = SharedCleaner.get().register(this, new Raw(fd));
        }

        /**
         * Starts a use of the number; pair with {@link #release()} in a {@code finally}.
         *
         * @return the number, valid until the matching {@link #release()}
         * @throws IOException "Stream closed" once {@link #close} was called
         */
        int acquire() throws IOException {
            int s;
            do {
                s = state;
                if (s < 0) {
                    throw closed();
                }
            } while (!STATE.weakCompareAndSet(this, s, s + 1));
            return number;
        }

        /** Ends a use; the last use after a {@link #close} closes the number. */
        void release() {
            int s = (int) STATE.getAndAdd(this, -1) - 1;
            if (s == CLOSING) {
                finish();
            }
        }

        /** @return whether {@link #close} has been called: a holder stops before its next system call */
        boolean closing() {
            return state < 0;
        }

        /** Closes the number now, or after the last use in flight. Idempotent. */
        void close() {
            close(null);
        }

        /**
         * @param reader the stream whose read, if one is in flight, is to be woken ({@link In#wake}), while this
         *               close still holds the number; null for none
         */
        void close(In reader) {
            int s;
            do {
                s = state;
                if (s < 0) {
                    return;
                }
            } while (!STATE.weakCompareAndSet(this, s, (s | CLOSING) + 1)); // the closer holds one use meanwhile
            try {
                if (reader != null && (s & USERS) != 0) {
                    reader.wake(number);
                }
            } finally {
                release();
            }
        }

        private void finish() {
            if (STATE.compareAndSet(this, CLOSING, CLOSING | CLOSED)) {
                cleanable.clean();
            }
        }
    }

    /** Wakes a read blocked on a pipe's read end or a terminal's master without touching any other descriptor. */
    private static final class Wake {
        /** Linux's {@code /proc/self/fd} (a feature probe, not an OS test: macOS has no {@code /proc}). */
        private static final boolean PROC = new java.io.File("/proc/self/fd").isDirectory();
        private static final Memory BYTE = new Memory(1);

        static {
            BYTE.setByte(0, (byte) 0);
        }

        private Wake() {
        }

        /** @param fd a pipe's read end the caller holds */
        static void pipeReader(int fd, PosixConstants c) {
            if (PROC) {
                // Linux opens a new write end of the same pipe (fs/pipe.c fifo_open); never blocks with
                // O_NONBLOCK, since the pipe has a reader: this stream.
                writeOne("/proc/self/fd/" + fd, 0, c);
            }
        }

        /**
         * @param slave the slave of a terminal whose master the caller holds: what is written there is read on
         *              the master. {@code O_NOCTTY}: it never becomes the JVM's controlling terminal.
         */
        static void ptyReader(String slave, PosixConstants c) {
            writeOne(slave, c.O_NOCTTY, c);
        }

        private static void writeOne(String path, int flags, PosixConstants c) {
            int w;
            try {
                w = LibCVarargs.INSTANCE.open(path, c.O_WRONLY | c.O_NONBLOCK | c.O_CLOEXEC | flags);
            } catch (LastErrorException e) {
                LOG.debug("waking a reader through {}: open failed (errno {})", path, e.getErrorCode());
                return;
            }
            try {
                LibC.write(w, BYTE, 1);
            } catch (LastErrorException e) {
                // EAGAIN: the pipe is full, so the reader is not blocked
            } finally {
                try {
                    LibC.close(w);
                } catch (LastErrorException ignored) {
                    // released either way
                }
            }
        }
    }

    /** The number itself, and the cleaning action that closes it: refers to no stream. */
    private static final class Raw implements Runnable {
        private final int fd;

        Raw(int fd) {
            this.fd = fd;
        }

        @Override
        public void run() {
            try {
                LibC.close(fd);
            } catch (LastErrorException ignored) {
                // close(2) releases the descriptor even when it reports an error (EINTR included) on Linux
                // and macOS; retrying could close a descriptor another thread has since opened.
            }
        }
    }
}
