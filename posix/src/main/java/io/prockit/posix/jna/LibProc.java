package io.prockit.posix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * macOS libproc (libsyscall/wrappers/libproc/libproc.c), {@code sysctl(3)} and
 * {@code mach_timebase_info}, mapped directly from libSystem. Loaded only on macOS.
 */
public final class LibProc {
    static {
        Native.register(LibProc.class, LibC.LIBRARY);
    }

    private LibProc() {
    }

    /**
     * proc_listallpids (macOS 10.7+).
     *
     * @param buffer room for pids
     * @param bytes  its size in bytes
     * @return the number of pids (not bytes), or -1 with errno set
     */
    public static native int proc_listallpids(Pointer buffer, int bytes) throws LastErrorException;

    /**
     * proc_pidinfo.
     *
     * @param pid    the process
     * @param flavor {@code PROC_PIDTBSDINFO} (3), {@code PROC_PIDTASKINFO} (4)
     * @param arg    0
     * @param buffer room for the structure
     * @param size   exactly the structure's size (136, 96): smaller gives ENOMEM
     * @return bytes copied, 0 on error with errno set
     */
    public static native int proc_pidinfo(int pid, int flavor, long arg, Pointer buffer, int size)
            throws LastErrorException;

    /**
     * proc_pidpath.
     *
     * @param pid    the process
     * @param buffer room for the path
     * @param size   between {@code PROC_PIDPATHINFO_SIZE} (1024) and {@code PROC_PIDPATHINFO_MAXSIZE} (4096)
     * @return the path's length, 0 on error with errno set
     */
    public static native int proc_pidpath(int pid, Pointer buffer, int size) throws LastErrorException;

    /**
     * sysctl(3).
     *
     * @param name    the MIB
     * @param namelen its length
     * @param oldp    receives the value, or null to ask for the size
     * @param oldlenp in: the room; out: the size (a {@code size_t}, 8 bytes)
     * @param newp    null
     * @param newlen  0
     * @return 0
     */
    public static native int sysctl(int[] name, int namelen, Pointer oldp, Pointer oldlenp, Pointer newp, long newlen)
            throws LastErrorException;

    /**
     * mach_timebase_info: {@code struct mach_timebase_info { uint32_t numer; uint32_t denom; }}.
     *
     * @param info 8 bytes
     * @return {@code KERN_SUCCESS} (0)
     */
    public static native int mach_timebase_info(Pointer info);
}
