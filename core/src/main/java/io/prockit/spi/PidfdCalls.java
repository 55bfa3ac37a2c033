package io.prockit.spi;

/**
 * An optional part of {@link PosixCalls} ({@link PosixCalls#pidfd()}): process descriptors. Linux has them
 * (5.3 and later); macOS does not.
 */
public interface PidfdCalls {

    /**
     * @param pid   a process
     * @param flags 0 or {@code PIDFD_NONBLOCK}
     * @return a new pidfd the caller closes ({@link PosixCalls#close})
     */
    int pidfdOpen(int pid, int flags);
}
