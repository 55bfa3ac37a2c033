package io.prockit.posix.linux;

import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixStatusCodec;

import java.util.function.Supplier;

/** Linux (glibc): the table of {@link LinuxConstants}, glibc's status layout, pidfds. */
public final class LinuxPlatform implements PosixPlatform {
    private final PosixConstants constants = new PosixConstants("Linux", LinuxConstants.class);
    private final Supplier<Pidfds> pidfds;

    /** @param pidfds the pidfd calls, created with the backend's native state on first use */
    public LinuxPlatform(Supplier<Pidfds> pidfds) {
        this.pidfds = pidfds;
    }

    @Override
    public String name() {
        return "Linux";
    }

    @Override
    public PosixConstants constants() {
        return constants;
    }

    @Override
    public PosixStatusCodec statusCodec() {
        return PosixStatusCodec.LINUX;
    }

    @Override
    public void signalPidfd(int pidfd, int signo) {
        pidfds.get().sendSignal(pidfd, signo);
    }
}
