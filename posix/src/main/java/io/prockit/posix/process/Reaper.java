package io.prockit.posix.process;

/**
 * Watches every child for its exit and reaps it, on one thread for all children (DESIGN.md
 * non-negotiable 3): Linux pidfds in one epoll set, macOS one kqueue with {@code EVFILT_PROC},
 * otherwise a single polling thread.
 */
public interface Reaper {
    /**
     * Starts watching a freshly spawned child.
     *
     * @param child the child
     */
    void register(PosixChild child);

    /**
     * Stops watching (the child was reaped). Called under the child's lock, before its pidfd is closed.
     *
     * @param child the child
     * @param pidfd its pidfd, or -1
     */
    void forget(PosixChild child, int pidfd);

    /** @return a short name for logs */
    String name();
}
