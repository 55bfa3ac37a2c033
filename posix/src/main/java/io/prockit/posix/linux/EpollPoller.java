package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.platform.Poller;

/**
 * Linux: the output loop's wait set as an epoll set; data of each event is the descriptor. {@code struct
 * epoll_event} has the layout {@link EpollReaper} chooses (packed, 12 bytes, on x86_64).
 */
public final class EpollPoller extends Poller {
    private static final int EVENT_SIZE = EpollReaper.EVENT_SIZE;
    private static final int DATA_OFFSET = EpollReaper.DATA_OFFSET;
    private static final int MAX_EVENTS = 256;

    private final int epfd = LinuxLibC.epoll_create1(LinuxConstants.EPOLL_CLOEXEC);
    private final Memory events = new Memory((long) EVENT_SIZE * MAX_EVENTS);
    private final Memory change = new Memory(EVENT_SIZE);

    /** @throws LastErrorException if {@code epoll_create1} fails */
    public EpollPoller() {
        // fields above
    }

    @Override
    public synchronized void add(int fd) {
        change.clear();
        change.setInt(0, LinuxConstants.EPOLLIN);
        change.setInt(DATA_OFFSET, fd);
        LinuxLibC.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_ADD, fd, change);
    }

    @Override
    public synchronized void addWritable(int fd) {
        change.clear();
        change.setInt(0, LinuxConstants.EPOLLOUT);
        change.setInt(DATA_OFFSET, fd);
        LinuxLibC.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_ADD, fd, change);
    }

    @Override
    public void remove(int fd) {
        try {
            LinuxLibC.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_DEL, fd, null);
        } catch (LastErrorException ignored) {
            // not in the set
        }
    }

    @Override
    public int await() {
        int n;
        try {
            n = LinuxLibC.epoll_wait(epfd, events, MAX_EVENTS, -1);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LinuxConstants.EINTR) {
                return 0;
            }
            throw e;
        }
        for (int i = 0; i < n; i++) {
            ready[i] = events.getInt((long) i * EVENT_SIZE + DATA_OFFSET);
        }
        return n;
    }

    @Override
    public String name() {
        return "epoll";
    }
}
