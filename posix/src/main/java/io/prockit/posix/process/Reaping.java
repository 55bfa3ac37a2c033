package io.prockit.posix.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's reaper and the polling reaper it falls back to: a child is watched by the reaper when it can
 * be (a pidfd reaper needs the child's pidfd), else polled, and a watch that fails falls back to polling too,
 * so every child is always watched and reaped (DESIGN.md non-negotiable 3).
 */
public final class Reaping {
    private static final Logger LOG = LoggerFactory.getLogger(Reaping.class);

    private final Reaper reaper;
    private final Reaper fallback;
    private final boolean needsPidfd;

    /**
     * @param reaper     the platform's reaper (epoll over pidfds, kqueue) or the fallback itself
     * @param fallback   the polling reaper
     * @param needsPidfd whether {@code reaper} watches pidfds (a child without one is polled instead)
     */
    public Reaping(Reaper reaper, Reaper fallback, boolean needsPidfd) {
        this.reaper = reaper;
        this.fallback = fallback;
        this.needsPidfd = needsPidfd;
    }

    /** @return whether a fresh child should get a pidfd for the reaper */
    boolean needsPidfd() {
        return needsPidfd;
    }

    /** Starts watching a fresh child; never throws. */
    void register(PosixChild child, boolean hasPidfd) {
        Reaper r = hasPidfd || !needsPidfd ? reaper : fallback;
        try {
            r.register(child);
        } catch (RuntimeException e) {
            LOG.warn("watching pid {} with {} failed ({}); polling instead", child.pid(), r.name(), e.toString());
            fallback.register(child);
        }
    }

    /**
     * Hands a child back to the reaper after the threads waiting on it in {@code waitFor} left without
     * reaping it; never throws (falls back to polling).
     */
    void watch(PosixChild child) {
        try {
            reaper.register(child);
        } catch (RuntimeException e) {
            LOG.warn("watching pid {} with {} failed ({}); polling instead", child.pid(), reaper.name(),
                    e.toString());
            fallback.register(child);
        }
    }

    /** Stops watching; see {@link Reaper#forget}. */
    void forget(PosixChild child, int pidfd) {
        reaper.forget(child, pidfd);
    }
}
