package io.prockit.posix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** Linux-only libc functions, mapped directly. Loaded only on Linux. */
public final class LinuxLibC {
    static {
        Native.register(LinuxLibC.class, LibC.LIBRARY);
    }

    private LinuxLibC() {
    }

    /** pipe2(2). @param fds receives the ends @param flags {@code O_CLOEXEC}, ... @return 0 */
    public static native int pipe2(int[] fds, int flags) throws LastErrorException;

    /** epoll_create1(2). @param flags {@code EPOLL_CLOEXEC} @return an epoll descriptor */
    public static native int epoll_create1(int flags) throws LastErrorException;

    /**
     * epoll_ctl(2).
     *
     * @param epfd  the epoll descriptor
     * @param op    {@code EPOLL_CTL_ADD}, ...
     * @param fd    the watched descriptor
     * @param event a {@code struct epoll_event} (packed, 12 bytes, on x86_64)
     * @return 0
     */
    public static native int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException;

    /**
     * epoll_wait(2).
     *
     * @param epfd      the epoll descriptor
     * @param events    room for {@code maxevents} events
     * @param maxevents how many
     * @param timeout   milliseconds, -1 for none
     * @return the number of ready events
     */
    public static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeout) throws LastErrorException;
}
