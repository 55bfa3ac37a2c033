package io.prockit.windows.platform;

import io.prockit.spi.StatusCodec;

/**
 * Windows' wait status, as Python's {@code os.waitpid} reports it there: the process's 32-bit exit
 * code shifted left by 8 bits. A Windows process always "exits"; it is never stopped, continued or
 * killed by a signal in the POSIX sense (even {@code TerminateProcess} just sets an exit code).
 */
public final class WindowsStatusCodec implements StatusCodec {
    public static final WindowsStatusCodec INSTANCE = new WindowsStatusCodec();

    private WindowsStatusCodec() {
    }

    /**
     * Encodes an exit code.
     *
     * @param exitCode the 32-bit exit code (read as unsigned)
     * @return {@code (exitCode & 0xffffffff) << 8}
     */
    public static long encode(int exitCode) {
        return (exitCode & 0xffffffffL) << 8;
    }

    /** A 32-bit exit code shifted left by 8: Python refuses an exit code beyond {@code UINT_MAX} ("invalid exit code"). */
    @Override
    public boolean inRange(long status) {
        return status >= 0 && (status >>> 8) <= 0xffffffffL;
    }

    @Override
    public boolean ifExited(long status) {
        return true;
    }

    @Override
    public int exitStatus(long status) {
        return (int) (status >>> 8);
    }

    @Override
    public boolean ifSignaled(long status) {
        return false;
    }

    @Override
    public int termSig(long status) {
        return 0;
    }

    @Override
    public boolean coreDump(long status) {
        return false;
    }

    @Override
    public boolean ifStopped(long status) {
        return false;
    }

    @Override
    public int stopSig(long status) {
        return 0;
    }

    @Override
    public boolean ifContinued(long status) {
        return false;
    }
}
