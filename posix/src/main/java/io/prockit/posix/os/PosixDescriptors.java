package io.prockit.posix.os;

import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.process.FdStreams;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.TerminalSize;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.spi.Descriptors;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Python's descriptor functions on POSIX, straight over libc: {@code pipe} (close-on-exec, with {@code pipe2}
 * on Linux and {@code pipe} + {@code fcntl} on macOS, as CPython does), {@code dup} as
 * {@code fcntl(F_DUPFD_CLOEXEC)}, {@code dup2} then {@code FD_CLOEXEC} when not inheritable, the
 * inheritable and blocking flags with {@code fcntl}, the terminal size with {@code TIOCGWINSZ}, and
 * {@code fdopen} as the same blocking streams that {@link FdStreams} gives a child's pipes.
 */
public final class PosixDescriptors implements Descriptors {
    private final PosixPlatform platform;
    private final PosixConstants c;
    private final Errors errors;
    private final IntConsumer close;
    private final IntFunction<int[]> windowSize;

    /**
     * @param platform   the running platform (constants, {@code pipe2} or {@code pipe})
     * @param errors     turns errno into {@link io.prockit.OsException}
     * @param close      the backend's {@code os.close} (which also forgets a pidfd it handed out)
     * @param windowSize {@code TIOCGWINSZ} of a descriptor: {rows, columns}
     */
    public PosixDescriptors(PosixPlatform platform, Errors errors, IntConsumer close, IntFunction<int[]> windowSize) {
        this.platform = platform;
        this.c = platform.constants();
        this.errors = errors;
        this.close = close;
        this.windowSize = windowSize;
    }

    @Override
    public int[] pipe() {
        int[] fds = new int[2];
        try {
            platform.cloexecPipe(fds);
        } catch (LastErrorException e) {
            throw errors.of(platform.cloexecPipeCall(), null, e);
        }
        return fds;
    }

    @Override
    public boolean hasPipe2() {
        return platform.hasPipe2();
    }

    @Override
    public int[] pipe2(int flags) {
        int[] fds = new int[2];
        try {
            platform.pipe2(fds, flags);
        } catch (LastErrorException e) {
            throw errors.of("pipe2", flags, e);
        }
        return fds;
    }

    @Override
    public int dup(int fd) {
        try {
            return LibCVarargs.INSTANCE.fcntl(fd, c.optional("F_DUPFD_CLOEXEC").orElseThrow(), 0);
        } catch (LastErrorException e) {
            throw errors.of("dup", fd, e);
        }
    }

    @Override
    public int dup2(int fd, int fd2, boolean inheritable) {
        int r;
        try {
            r = LibC.dup2(fd, fd2);
        } catch (LastErrorException e) {
            throw errors.of("dup2", fd + " -> " + fd2, e);
        }
        if (!inheritable && fd != fd2) {
            setInheritable(fd2, false);
        }
        return r;
    }

    @Override
    public byte[] read(int fd, int n) {
        if (n == 0) {
            return new byte[0];
        }
        try (Memory buf = new Memory(n)) {
            while (true) {
                try {
                    long got = LibC.read(fd, buf, n);
                    return buf.getByteArray(0, (int) got);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != c.EINTR) {
                        throw errors.of("read", fd, e);
                    }
                }
            }
        }
    }

    @Override
    public int write(int fd, byte[] data, int off, int len) {
        if (len == 0) {
            return 0;
        }
        try (Memory buf = new Memory(len)) {
            buf.write(0, data, off, len);
            while (true) {
                try {
                    return (int) LibC.write(fd, buf, len);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != c.EINTR) {
                        throw errors.of("write", fd, e);
                    }
                }
            }
        }
    }

    @Override
    public void close(int fd) {
        close.accept(fd);
    }

    @Override
    public void closerange(int low, int high) {
        long max = LibC.sysconf(c.optional("_SC_OPEN_MAX").orElseThrow());
        int end = max > 0 ? (int) Math.min(high, Math.min(max, Integer.MAX_VALUE)) : high;
        for (int fd = low; fd < end; fd++) {
            try {
                LibC.close(fd);
            } catch (LastErrorException ignored) {
                // Python's closerange ignores errors (EBADF for numbers not open)
            }
        }
    }

    @Override
    public boolean getInheritable(int fd) {
        try {
            return (LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFD) & c.FD_CLOEXEC) == 0;
        } catch (LastErrorException e) {
            throw errors.of("fcntl(F_GETFD)", fd, e);
        }
    }

    @Override
    public void setInheritable(int fd, boolean inheritable) {
        try {
            int flags = LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFD);
            int wanted = inheritable ? flags & ~c.FD_CLOEXEC : flags | c.FD_CLOEXEC;
            if (wanted != flags) {
                LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFD, wanted);
            }
        } catch (LastErrorException e) {
            throw errors.of("fcntl(F_SETFD)", fd, e);
        }
    }

    @Override
    public boolean getBlocking(int fd) {
        try {
            return (LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFL) & c.O_NONBLOCK) == 0;
        } catch (LastErrorException e) {
            throw errors.of("fcntl(F_GETFL)", fd, e);
        }
    }

    @Override
    public void setBlocking(int fd, boolean blocking) {
        try {
            int flags = LibCVarargs.INSTANCE.fcntl(fd, c.F_GETFL);
            int wanted = blocking ? flags & ~c.O_NONBLOCK : flags | c.O_NONBLOCK;
            if (wanted != flags) {
                LibCVarargs.INSTANCE.fcntl(fd, c.F_SETFL, wanted);
            }
        } catch (LastErrorException e) {
            throw errors.of("fcntl(F_SETFL)", fd, e);
        }
    }

    @Override
    public TerminalSize getTerminalSize(int fd) {
        int[] rc = windowSize.apply(fd);
        return new TerminalSize(rc[1], rc[0]);
    }

    @Override
    public InputStream openInput(int fd) {
        return new FdStreams.In(new FdStreams.Fd(fd), "fd " + fd, false, c);
    }

    @Override
    public OutputStream openOutput(int fd) {
        return new FdStreams.Out(new FdStreams.Fd(fd), "fd " + fd, c);
    }
}
