package io.prockit.posix.darwin;

import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixStatusCodec;

/** macOS: the table of {@link DarwinConstants}, the BSD status layout; no pidfds (kqueue watches children). */
public final class DarwinPlatform implements PosixPlatform {
    private final PosixConstants constants = new PosixConstants("macOS", DarwinConstants.class);

    @Override
    public String name() {
        return "macOS";
    }

    @Override
    public PosixConstants constants() {
        return constants;
    }

    @Override
    public PosixStatusCodec statusCodec() {
        return PosixStatusCodec.DARWIN;
    }

    @Override
    public void signalPidfd(int pidfd, int signo) {
        throw new UnsupportedOperationException("macOS has no pidfds (fd " + pidfd + ")");
    }
}
