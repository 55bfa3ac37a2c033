package io.prockit.posix.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** libc functions the process table needs on Linux and macOS, mapped directly. */
public final class TableLibC {
    static {
        Native.register(TableLibC.class, LibC.LIBRARY);
    }

    private TableLibC() {
    }

    /**
     * getpwuid(3). Not reentrant: callers serialise. {@code struct passwd} starts with
     * {@code char *pw_name} on glibc and macOS alike.
     *
     * @param uid a user id
     * @return the static {@code struct passwd}, or null when the user database has no entry
     */
    public static native Pointer getpwuid(int uid);

    /**
     * sysconf(3).
     *
     * @param name a {@code _SC_*} name
     * @return its value, -1 if unknown
     */
    public static native long sysconf(int name);
}
