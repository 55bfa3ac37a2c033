package io.prockit.posix.process;

import com.sun.jna.LastErrorException;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.spi.PidfdCalls;

/**
 * {@code Os.pidfdOpen} (Linux): opens the pidfd through the platform and tells the {@link WaitEngine}, so a
 * {@code waitid(P_PIDFD, fd, ...)} on it honours {@code PIDFD_NONBLOCK}; a capability object the composition root
 * builds on Linux. A kernel without pidfds fails with ENOSYS (kind UNSUPPORTED).
 */
public final class PidfdOpener implements PidfdCalls {
    private final PosixPlatform platform;
    private final Errors errors;
    private final WaitEngine waits;

    public PidfdOpener(PosixPlatform platform, Errors errors, WaitEngine waits) {
        this.platform = platform;
        this.errors = errors;
        this.waits = waits;
    }

    @Override
    public int pidfdOpen(int pid, int flags) {
        try {
            int fd = platform.openPidfd(pid, flags);
            waits.pidfdOpened(fd, pid, flags);
            return fd;
        } catch (LastErrorException e) {
            throw errors.of("pidfd_open", pid, e);
        }
    }
}
