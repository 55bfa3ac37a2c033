package io.prockit.posix.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The fallback reaper for systems without pidfds (Linux before 5.3, or where seccomp forbids them):
 * one thread polls {@code wait4(pid, WNOHANG)} for each child, sleeping 1 ms after a change and
 * backing off to 20 ms while nothing changes. Still one thread for all children and never
 * {@code waitpid(-1)}; exits are noticed up to 20 ms late.
 */
public final class PollingReaper implements Reaper {
    private static final Logger LOG = LoggerFactory.getLogger(PollingReaper.class);
    private final Set<PosixChild> children = ConcurrentHashMap.newKeySet();
    private final Object startLock = new Object();
    private Thread thread;

    @Override
    public void register(PosixChild child) {
        children.add(child);
        synchronized (startLock) {
            if (thread == null) {
                thread = new Thread(this::run, "prockit-reaper");
                thread.setDaemon(true);
                thread.start();
            }
        }
        LockSupport.unpark(thread);
    }

    @Override
    public void forget(PosixChild child, int pidfd) {
        children.remove(child);
    }

    private void run() {
        long sleepNanos = 1_000_000L;
        while (true) {
            boolean changed = false;
            for (PosixChild c : children) {
                try {
                    if (c.reapForReaper()) {
                        children.remove(c);
                        changed = true;
                    }
                } catch (RuntimeException e) {
                    LOG.debug("reaping {} failed: {}", c, e.toString());
                }
            }
            sleepNanos = changed ? 1_000_000L : Math.min(sleepNanos * 2, 20_000_000L);
            LockSupport.parkNanos(sleepNanos);
        }
    }

    @Override
    public String name() {
        return "polling";
    }
}
