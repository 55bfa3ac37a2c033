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

    /**
     * poll(2): https://man7.org/linux/man-pages/man2/poll.2.html
     *
     * @param fds     {@code nfds} {@code struct pollfd} (int fd, short events, short revents: 8 bytes each)
     * @param nfds    how many
     * @param timeout milliseconds, -1 for none
     * @return the number of descriptors with events, 0 on timeout
     */
    public static native int poll(Pointer fds, long nfds, int timeout) throws LastErrorException;

    // ---- os parity (issue 3): Linux-only --------------------------------------------------------------

    /** getresuid(2). @param r real @param e effective @param s saved (int[1] each) @return 0 */
    public static native int getresuid(int[] r, int[] e, int[] s) throws LastErrorException;

    /** getresgid(2). @param r real @param e effective @param s saved (int[1] each) @return 0 */
    public static native int getresgid(int[] r, int[] e, int[] s) throws LastErrorException;

    /** setresuid(2). @param r real @param e effective @param s saved @return 0 */
    public static native int setresuid(int r, int e, int s) throws LastErrorException;

    /** setresgid(2). @param r real @param e effective @param s saved @return 0 */
    public static native int setresgid(int r, int e, int s) throws LastErrorException;

    /** setgroups(2) (size_t size on glibc). @param size count @param list ids @return 0 */
    public static native int setgroups(long size, int[] list) throws LastErrorException;

    /** sched_setscheduler(2). @param pid process @param policy policy @param param sched_param @return 0 */
    public static native int sched_setscheduler(int pid, int policy, Pointer param) throws LastErrorException;

    /** sched_getscheduler(2). @param pid process @return policy */
    public static native int sched_getscheduler(int pid) throws LastErrorException;

    /** sched_setparam(2). @param pid process @param param sched_param @return 0 */
    public static native int sched_setparam(int pid, Pointer param) throws LastErrorException;

    /** sched_getparam(2). @param pid process @param param receives sched_param @return 0 */
    public static native int sched_getparam(int pid, Pointer param) throws LastErrorException;

    /** sched_rr_get_interval(2). @param pid process @param tp receives a timespec @return 0 */
    public static native int sched_rr_get_interval(int pid, Pointer tp) throws LastErrorException;

    /** sched_setaffinity(2). @param pid process @param size mask bytes @param mask cpu_set_t @return 0 */
    public static native int sched_setaffinity(int pid, long size, Pointer mask) throws LastErrorException;

    /** sched_getaffinity(2). @param pid process @param size mask bytes @param mask receives cpu_set_t @return 0 */
    public static native int sched_getaffinity(int pid, long size, Pointer mask) throws LastErrorException;
}
