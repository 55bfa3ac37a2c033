package io.prockit.posix.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.posix.PosixBackend;
import io.prockit.posix.jna.LibC;
import io.prockit.spi.SharedCleaner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * Blocking streams over a pipe descriptor, read and written on the caller's thread.
 *
 * <p>Each stream copies through one native buffer of its own (no per-call allocation), retries
 * {@code EINTR}, and closes its descriptor exactly once. A write to a pipe whose reader is gone fails
 * with {@code EPIPE} as an {@link IOException}: the JVM ignores {@code SIGPIPE}, so the process is
 * not killed.
 */
public final class FdStreams {
    private static final int BUFFER = 64 * 1024;

    private FdStreams() {
    }

    /** The parent's read end of a pipe, or a pseudo-terminal master. */
    public static final class In extends InputStream {
        private final Fd fd;
        private final String name;
        private final boolean ptyMaster;
        private Memory buf;
        /** Set while an {@link OutputLoop} reads this stream: it then owns the descriptor and closes it. */
        private volatile Runnable closeHook;

        public In(Fd fd, String name) {
            this(fd, name, false);
        }

        /**
         * @param ptyMaster whether {@code fd} is a pseudo-terminal master: Linux reports {@code EIO} there,
         *                  not 0, once the last holder of the slave has closed it, which is this stream's end
         */
        public In(Fd fd, String name, boolean ptyMaster) {
            this.fd = fd;
            this.name = name;
            this.ptyMaster = ptyMaster;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            synchronized (this) {
                int raw = fd.get(name);
                if (buf == null) {
                    buf = new Memory(BUFFER);
                }
                int want = Math.min(len, BUFFER);
                while (true) {
                    try {
                        long n = LibC.read(raw, buf, want);
                        if (n == 0) {
                            return -1;
                        }
                        buf.read(0, b, off, (int) n);
                        return (int) n;
                    } catch (LastErrorException e) {
                        if (ptyMaster && e.getErrorCode() == PosixBackend.table().EIO) {
                            return -1;
                        }
                        if (e.getErrorCode() != PosixBackend.table().EINTR) {
                            throw new IOException("read(" + name + "): " + LibC.strerror(e.getErrorCode())
                                    + " (errno " + e.getErrorCode() + ")");
                        }
                    }
                }
            }
        }

        @Override
        public void close() {
            Runnable hook = closeHook;
            if (hook != null) {
                hook.run();
            } else {
                fd.close();
            }
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
        private Memory buf;

        public Out(Fd fd, String name) {
            this.fd = fd;
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            synchronized (this) {
                int raw = fd.get(name);
                if (buf == null) {
                    buf = new Memory(BUFFER);
                }
                while (len > 0) {
                    int chunk = Math.min(len, BUFFER);
                    buf.write(0, b, off, chunk);
                    int done = 0;
                    while (done < chunk) {
                        try {
                            done += (int) LibC.write(raw, buf.share(done), chunk - done);
                        } catch (LastErrorException e) {
                            if (e.getErrorCode() != PosixBackend.table().EINTR) {
                                throw new IOException("write(" + name + "): " + LibC.strerror(e.getErrorCode())
                                        + " (errno " + e.getErrorCode() + ")"
                                        + (e.getErrorCode() == PosixBackend.table().EPIPE
                                        ? ": the child closed its end" : ""));
                            }
                        }
                    }
                    off += chunk;
                    len -= chunk;
                }
            }
        }

        @Override
        public void close() {
            fd.close();
        }
    }

    /**
     * A descriptor closed exactly once; afterwards every use is refused instead of hitting a reused number.
     * One that becomes unreachable unclosed (a dropped stream) is closed by the {@link SharedCleaner}, as
     * the JDK closes the descriptors of a dropped {@code Process}'s streams.
     */
    public static final class Fd {
        private final Raw raw;
        private final Cleaner.Cleanable cleanable;

        public Fd(int fd) {
            this.raw = new Raw(fd);
            this.cleanable = SharedCleaner.get().register(this, raw);
        }

        int get(String name) throws IOException {
            synchronized (raw) {
                if (raw.fd < 0) {
                    throw new IOException(name + " is closed");
                }
                return raw.fd;
            }
        }

        /** Synchronized on this object, which holders (the pty resize) also lock while they use the number. */
        synchronized void close() {
            cleanable.clean();
        }
    }

    /** The number itself, and the cleaning action: refers to no stream. */
    private static final class Raw implements Runnable {
        private int fd;

        Raw(int fd) {
            this.fd = fd;
        }

        @Override
        public void run() {
            int f;
            synchronized (this) {
                f = fd;
                fd = -1;
            }
            if (f >= 0) {
                try {
                    LibC.close(f);
                } catch (LastErrorException ignored) {
                    // close(2) releases the descriptor even when it reports an error (EINTR included) on Linux
                    // and macOS; retrying could close a descriptor another thread has since opened.
                }
            }
        }
    }
}
