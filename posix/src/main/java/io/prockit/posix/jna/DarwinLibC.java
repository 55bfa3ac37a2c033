package io.prockit.posix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** macOS-only libSystem functions, mapped directly. Loaded only on macOS. */
public final class DarwinLibC {
    static {
        Native.register(DarwinLibC.class, LibC.LIBRARY);
    }

    private DarwinLibC() {
    }

    /** kqueue(2). @return a kqueue descriptor */
    public static native int kqueue() throws LastErrorException;

    /**
     * kevent(2).
     *
     * @param kq         the kqueue
     * @param changelist {@code nchanges} {@code struct kevent} (32 bytes each)
     * @param nchanges   how many changes
     * @param eventlist  room for {@code nevents} events
     * @param nevents    how many
     * @param timeout    a {@code struct timespec}, or null to block
     * @return the number of events
     */
    public static native int kevent(int kq, Pointer changelist, int nchanges, Pointer eventlist, int nevents,
                                    Pointer timeout) throws LastErrorException;

    /** _NSGetEnviron() from crt_externs.h. @return {@code char ***}: the address of environ */
    public static native Pointer _NSGetEnviron();

    /**
     * poll(2) ({@code nfds_t} is an unsigned int on macOS).
     *
     * @param fds     {@code nfds} {@code struct pollfd} (int fd, short events, short revents: 8 bytes each)
     * @param nfds    how many
     * @param timeout milliseconds, -1 for none
     * @return the number of descriptors with events, 0 on timeout
     */
    public static native int poll(Pointer fds, int nfds, int timeout) throws LastErrorException;

    /** setgroups(2) (int size on macOS, unistd.h). @param size count @param list ids @return 0 */
    public static native int setgroups(int size, int[] list) throws LastErrorException;
}
