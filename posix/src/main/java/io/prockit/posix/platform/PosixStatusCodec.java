package io.prockit.posix.platform;

import io.prockit.spi.StatusCodec;

/**
 * The {@code <sys/wait.h>} macros, transcribed per OS. Linux (glibc {@code bits/waitstatus.h}) and
 * macOS ({@code bsd/sys/wait.h}) agree on exit and signal encoding and differ on "continued":
 * glibc reports {@code 0xffff}, macOS {@code W_STOPCODE(SIGCONT)} = {@code 0x137f}, which glibc
 * would read as "stopped by signal 19". Pure functions, checked against the C macros by a test.
 */
public abstract class PosixStatusCodec implements StatusCodec {
    private static final int WSTOPPED_LOW = 0x7f;

    /** glibc's macros. */
    public static final PosixStatusCodec LINUX = new PosixStatusCodec() {
        @Override
        public boolean ifSignaled(long s) {
            // ((signed char) ((status & 0x7f) + 1) >> 1) > 0
            return ((byte) ((s & 0x7f) + 1) >> 1) > 0;
        }

        @Override
        public boolean ifStopped(long s) {
            return (s & 0xff) == WSTOPPED_LOW;
        }

        @Override
        public int stopSig(long s) {
            return exitStatus(s);
        }

        @Override
        public boolean ifContinued(long s) {
            return (int) s == 0xffff;
        }

        @Override
        public long continuedStatus() {
            return 0xffff;
        }
    };

    /** xnu's macros ({@code bsd/sys/wait.h}). */
    public static final PosixStatusCodec DARWIN = new PosixStatusCodec() {
        private static final int SIGCONT = 0x13;

        @Override
        public boolean ifSignaled(long s) {
            int w = (int) s & 0177;
            return w != WSTOPPED_LOW && w != 0;
        }

        @Override
        public boolean ifStopped(long s) {
            return ((int) s & 0177) == WSTOPPED_LOW && ((int) s >> 8) != SIGCONT;
        }

        @Override
        public int stopSig(long s) {
            return (int) s >> 8;
        }

        @Override
        public boolean ifContinued(long s) {
            return ((int) s & 0177) == WSTOPPED_LOW && ((int) s >> 8) == SIGCONT;
        }

        @Override
        public long continuedStatus() {
            return (SIGCONT << 8) | WSTOPPED_LOW;
        }
    };

    PosixStatusCodec() {
    }

    /** A C {@code int}: Python's {@code os.W*} take one; prockit reports it unsigned ({@code & 0xffffffff}). */
    @Override
    public boolean inRange(long s) {
        return s >= Integer.MIN_VALUE && s <= 0xffffffffL;
    }

    @Override
    public boolean ifExited(long s) {
        return termSig(s) == 0;
    }

    @Override
    public int exitStatus(long s) {
        return (int) ((s & 0xff00) >> 8);
    }

    @Override
    public int termSig(long s) {
        return (int) (s & 0x7f);
    }

    @Override
    public boolean coreDump(long s) {
        return (s & 0x80) != 0;
    }

    /** @return the status a "continued" event encodes to on this OS */
    public abstract long continuedStatus();

    /**
     * @param signo the stopping signal
     * @return the status a "stopped" event encodes to ({@code W_STOPCODE})
     */
    public long stoppedStatus(int signo) {
        return ((long) signo << 8) | WSTOPPED_LOW;
    }

    /**
     * @param code exit code
     * @return {@code W_EXITCODE(code, 0)}
     */
    public long exitedStatus(int code) {
        return (long) (code & 0xff) << 8;
    }

    /**
     * @param signo the signal
     * @param core  core dumped
     * @return {@code W_EXITCODE(0, signo)} with the core flag
     */
    public long signaledStatus(int signo, boolean core) {
        return signo | (core ? 0x80 : 0);
    }
}
