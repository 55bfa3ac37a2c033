package io.prockit.posix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * libc functions that only newer C libraries export, mapped directly, one holder class per function:
 * {@link Native#register} fails for a whole class when one symbol is missing, so each function is registered
 * on its own and {@link #available(Class)} tells whether it loaded. They sit on the spawn path, where a
 * direct call costs a fraction of a {@code Function.invokeInt} (no boxing, no per-call argument conversion).
 */
public final class OptionalLibC {
    private OptionalLibC() {
    }

    /**
     * @param holder one of the nested classes
     * @return whether its function exists in this C library (initialises the holder)
     */
    public static boolean available(Class<?> holder) {
        try {
            Class.forName(holder.getName(), true, holder.getClassLoader());
            return true;
        } catch (LinkageError | ClassNotFoundException e) {
            return false;
        }
    }

    /** pidfd_open(2), glibc 2.36+: https://man7.org/linux/man-pages/man2/pidfd_open.2.html */
    public static final class PidfdOpen {
        static {
            Native.register(PidfdOpen.class, LibC.LIBRARY);
        }

        private PidfdOpen() {
        }

        /** @param pid a process @param flags 0 or {@code PIDFD_NONBLOCK} @return a pidfd */
        public static native int pidfd_open(int pid, int flags) throws LastErrorException;
    }

    /** pidfd_send_signal(2), glibc 2.36+: https://man7.org/linux/man-pages/man2/pidfd_send_signal.2.html */
    public static final class PidfdSendSignal {
        static {
            Native.register(PidfdSendSignal.class, LibC.LIBRARY);
        }

        private PidfdSendSignal() {
        }

        /**
         * @param pidfd a pidfd
         * @param sig   a signal
         * @param info  a {@code siginfo_t}, or null
         * @param flags 0
         * @return 0
         */
        public static native int pidfd_send_signal(int pidfd, int sig, Pointer info, int flags)
                throws LastErrorException;
    }

    /** posix_spawn_file_actions_addclosefrom_np(3), glibc 2.34+. */
    public static final class AddClosefrom {
        static {
            Native.register(AddClosefrom.class, LibC.LIBRARY);
        }

        private AddClosefrom() {
        }

        /** @param fa file actions @param from the lowest descriptor to close @return 0 or an error number */
        public static native int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);
    }

    /**
     * posix_spawn_file_actions_addinherit_np (macOS 10.7+): keep {@code fd} open at its number under
     * {@code POSIX_SPAWN_CLOEXEC_DEFAULT}. Here rather than in {@link DarwinLibC}: only the spawner calls
     * {@code posix_spawn*}, and it names no platform's mappings.
     */
    public static final class AddInherit {
        static {
            Native.register(AddInherit.class, LibC.LIBRARY);
        }

        private AddInherit() {
        }

        /** @param fa file actions @param fd the descriptor @return 0 or an error number */
        public static native int posix_spawn_file_actions_addinherit_np(Pointer fa, int fd);
    }

    /**
     * posix_spawnattr_setschedpolicy(3) and posix_spawnattr_setschedparam(3): glibc; macOS's libSystem has
     * neither ({@code spawn.h} keeps them out). Here rather than in {@link LinuxLibC}: only the spawner calls
     * {@code posix_spawn*}, and it names no platform's mappings.
     */
    public static final class SpawnScheduler {
        static {
            Native.register(SpawnScheduler.class, LibC.LIBRARY);
        }

        private SpawnScheduler() {
        }

        /** @param attr attributes @param policy a {@code SCHED_*} policy @return 0 or an error number */
        public static native int posix_spawnattr_setschedpolicy(Pointer attr, int policy);

        /** @param attr attributes @param param a {@code struct sched_param} @return 0 or an error number */
        public static native int posix_spawnattr_setschedparam(Pointer attr, Pointer param);
    }

    /** posix_spawn_file_actions_addchdir_np(3), glibc 2.29+, macOS 10.15+. */
    public static final class AddChdir {
        static {
            Native.register(AddChdir.class, LibC.LIBRARY);
        }

        private AddChdir() {
        }

        /** @param fa file actions @param path NUL-terminated directory @return 0 or an error number */
        public static native int posix_spawn_file_actions_addchdir_np(Pointer fa, Pointer path);
    }

    /**
     * macOS: the {@code getgroups} that {@code <unistd.h>} names since 10.6 ({@code __DARWIN_EXTSN}). It asks
     * the directory service, so it is not capped at the kernel's 16 groups as the plain {@code getgroups}
     * symbol is; it is what Python's {@code os.getgroups()} and {@code id -G} report. A holder of its own, so
     * a libSystem without it costs only this function.
     */
    public static final class DarwinGetgroups {
        static {
            Native.register(DarwinGetgroups.class, LibC.LIBRARY);
        }

        private DarwinGetgroups() {
        }

        /**
         * @param size room in {@code list}, 0 to ask how many
         * @param list receives the groups, or null when {@code size} is 0
         * @return the number of groups, or -1 with errno set. Not mapped with {@code throws
         *         LastErrorException}: the directory-service lookup may leave errno set when it succeeds;
         *         read {@code Native.getLastError()} only on -1.
         */
        public static native int getgroups$DARWIN_EXTSN(int size, int[] list);
    }

    /** {@code ptsname_r}: glibc, and macOS from 10.13.4 only. */
    public static final class PtsnameR {
        static {
            Native.register(PtsnameR.class, LibC.LIBRARY);
        }

        private PtsnameR() {
        }

        /**
         * ptsname_r(3): glibc returns an error number; macOS returns -1 and sets errno.
         *
         * @param fd  master
         * @param buf buffer (128 bytes on macOS)
         * @param len its size
         * @return 0, or as above
         */
        public static native int ptsname_r(int fd, Pointer buf, long len);
    }
}
