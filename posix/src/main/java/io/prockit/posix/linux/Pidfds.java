package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.OptionalLibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux pidfds: {@code pidfd_open} and {@code pidfd_send_signal} through libc when it exports them
 * (glibc 2.36+), else through {@code syscall(2)}; chosen once. {@link #available()} is false when the
 * kernel has none (before 5.3) or a sandbox forbids them, and the backend then falls back to the
 * polling reaper and plain {@code kill}.
 */
public final class Pidfds {
    private static final Logger LOG = LoggerFactory.getLogger(Pidfds.class);
    private static final int SYS_PIDFD_OPEN = io.prockit.posix.linux.LinuxConstants.SYS_pidfd_open;
    private static final int SYS_PIDFD_SEND_SIGNAL = io.prockit.posix.linux.LinuxConstants.SYS_pidfd_send_signal;
    /**
     * linux/pidfd.h, Linux 6.9+: {@code PIDFD_SIGNAL_PROCESS_GROUP (1UL << 2)}. Kept here, not in
     * LinuxConstants, whose every value is checked against the build machine's headers (older here).
     */
    private static final int PIDFD_SIGNAL_PROCESS_GROUP = 1 << 2;

    private final boolean directOpen;   // libc exports pidfd_open: mapped directly (OptionalLibC)
    private final boolean directSend;
    private final boolean available;
    private final boolean groupSignals;

    /** Probes the kernel (opens a pidfd of this process); created by {@link LinuxPlatform} on first use. */
    Pidfds() {
        boolean o = OptionalLibC.available(OptionalLibC.PidfdOpen.class);
        boolean s = OptionalLibC.available(OptionalLibC.PidfdSendSignal.class);
        boolean ok = false;
        boolean group = false;
        try {
            int fd = openRaw(o, LibC.getpid(), 0);
            ok = true;
            try {
                // Signal 0 to the group whose id is our pid: EINVAL (unknown flag) before Linux 6.9; from 6.9
                // on success if the JVM leads its group, else ESRCH (no such group), both meaning "supported".
                sendRaw(s, fd, 0, PIDFD_SIGNAL_PROCESS_GROUP);
                group = true;
            } catch (LastErrorException e) {
                group = e.getErrorCode() == io.prockit.posix.linux.LinuxConstants.ESRCH;
                if (!group) {
                    LOG.debug("pidfd_send_signal(PIDFD_SIGNAL_PROCESS_GROUP) unavailable (errno {})",
                            e.getErrorCode());
                }
            } finally {
                LibC.close(fd);
            }
        } catch (LastErrorException e) {
            LOG.debug("pidfd_open unavailable (errno {}): falling back to the polling reaper",
                    e.getErrorCode());
        }
        this.directOpen = o;
        this.directSend = s;
        this.available = ok;
        this.groupSignals = group;
        LOG.debug("pidfds: {} (pidfd_open via {}, pidfd_send_signal via {})", ok ? "yes" : "no",
                o ? "libc" : "syscall", s ? "libc" : "syscall");
    }

    public boolean available() {
        return available;
    }

    /**
     * @param pid   a process
     * @param flags 0 or {@code PIDFD_NONBLOCK}
     * @return a pidfd (always close-on-exec)
     */
    public int open(int pid, int flags) {
        return openRaw(directOpen, pid, flags);
    }

    private static int openRaw(boolean direct, int pid, int flags) {
        if (direct) {
            return OptionalLibC.PidfdOpen.pidfd_open(pid, flags);
        }
        return (int) LibCVarargs.INSTANCE.syscall(SYS_PIDFD_OPEN, pid, flags);
    }

    /**
     * @param pidfd a pidfd
     * @param sig   a signal
     */
    public void sendSignal(int pidfd, int sig) {
        sendRaw(directSend, pidfd, sig, 0);
    }

    /**
     * @return whether {@link #sendGroupSignal} works: {@code PIDFD_SIGNAL_PROCESS_GROUP}, Linux 6.9+
     */
    public boolean groupSignals() {
        return groupSignals;
    }

    /**
     * {@code pidfd_send_signal(pidfd, sig, NULL, PIDFD_SIGNAL_PROCESS_GROUP)}: signals the process group
     * whose id is the pidfd's own {@code struct pid}, so it works after that process was reaped, as long as
     * the group has members, and never reaches a later group that reuses the number.
     *
     * @param pidfd a pidfd of a group leader
     * @param sig   a signal, or 0 to test for members
     */
    public void sendGroupSignal(int pidfd, int sig) {
        sendRaw(directSend, pidfd, sig, PIDFD_SIGNAL_PROCESS_GROUP);
    }

    private static void sendRaw(boolean direct, int pidfd, int sig, int flags) {
        if (direct) {
            OptionalLibC.PidfdSendSignal.pidfd_send_signal(pidfd, sig, null, flags);
        } else {
            LibCVarargs.INSTANCE.syscall(SYS_PIDFD_SEND_SIGNAL, pidfd, sig, null, flags);
        }
    }
}
