package io.prockit.posix.linux;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Platform;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.process.PosixChild;
import io.prockit.posix.process.Reaper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linux: every child's pidfd in one epoll set, one thread ({@code prockit-reaper}) waiting on it.
 * A pidfd becomes readable when its process exits; the thread then reaps that one pid with
 * {@code wait4(pid, WNOHANG)}. No thread per child, no {@code waitpid(-1)}, no SIGCHLD handler.
 *
 * <p>{@code struct epoll_event} is packed (12 bytes, data at offset 4) on x86_64 and natural
 * (16 bytes, data at offset 8) elsewhere; the layout is chosen at run time.
 */
public final class EpollReaper implements Reaper, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EpollReaper.class);
    private static final int MAX_EVENTS = 256;
    private static final boolean PACKED = Platform.isIntel() && Platform.is64Bit();
    /** {@code sizeof(struct epoll_event)} here; the output loop's {@link EpollPoller} uses the same layout. */
    static final int EVENT_SIZE = PACKED ? 12 : 16;
    /** Offset of {@code epoll_event.data}. */
    static final int DATA_OFFSET = PACKED ? 4 : 8;

    /** One {@code struct epoll_event} per registering thread, so registering allocates nothing native. */
    private static final ThreadLocal<Memory> EVENT = new EventBuffer();

    /** A named class rather than a lambda: it runs during a cold JVM's first spawn, where a lambda costs a class spun at run time. */
    private static final class EventBuffer extends ThreadLocal<Memory> {
        @Override
        protected Memory initialValue() {
            return new Memory(EVENT_SIZE);
        }
    }

    private final Map<Integer, PosixChild> byPidfd = new ConcurrentHashMap<>();
    private final int epfd;
    private final Object startLock = new Object();
    private volatile Thread thread;

    public EpollReaper() {
        epfd = LinuxLibC.epoll_create1(LinuxConstants.EPOLL_CLOEXEC);
    }

    @Override
    public void register(PosixChild child) {
        int pidfd = child.pidfd();
        byPidfd.put(pidfd, child);
        try {
            Memory ev = EVENT.get();
            ev.clear();
            ev.setInt(0, LinuxConstants.EPOLLIN);
            ev.setInt(DATA_OFFSET, pidfd);
            LinuxLibC.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_ADD, pidfd, ev);
        } catch (LastErrorException e) {
            byPidfd.remove(pidfd);
            throw e;
        }
        if (thread == null) {
            synchronized (startLock) {
                if (thread == null) {
                    Thread t = new Thread(this, "prockit-reaper");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    @Override
    public void forget(PosixChild child, int pidfd) {
        if (pidfd >= 0 && byPidfd.remove(pidfd, child)) {
            try {
                LinuxLibC.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_DEL, pidfd, null);
            } catch (LastErrorException ignored) {
                // closing the pidfd removes it from the set anyway
            }
        }
    }

    /** The reaper thread's loop (the class is its own {@code Runnable}: no lambda on a cold first spawn). */
    @Override
    public void run() {
        Memory events = new Memory((long) EVENT_SIZE * MAX_EVENTS);
        while (true) {
            int n;
            try {
                n = LinuxLibC.epoll_wait(epfd, events, MAX_EVENTS, -1);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LinuxConstants.EINTR) {
                    continue;
                }
                LOG.error("epoll_wait failed (errno {}); the reaper stops", e.getErrorCode());
                return;
            }
            for (int i = 0; i < n; i++) {
                int pidfd = events.getInt((long) i * EVENT_SIZE + DATA_OFFSET);
                PosixChild c = byPidfd.get(pidfd);
                if (c != null) {
                    try {
                        c.reapForReaper();
                    } catch (RuntimeException e) {
                        LOG.warn("reaping {} failed", c, e);
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return "pidfd+epoll";
    }
}
