package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import io.prockit.posix.PosixBackend;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.OptionalLibC;

/**
 * Linux pidfds: {@code pidfd_open} and {@code pidfd_send_signal} through libc when it exports them
 * (glibc 2.36+), else through {@code syscall(2)}; chosen once. {@link #available()} is false when the
 * kernel has none (before 5.3) or a sandbox forbids them, and the backend then falls back to the
 * polling reaper and plain {@code kill}.
 */
public final class Pidfds {
    private static final int SYS_PIDFD_OPEN = io.prockit.posix.linux.LinuxConstants.SYS_pidfd_open;
    private static final int SYS_PIDFD_SEND_SIGNAL = io.prockit.posix.linux.LinuxConstants.SYS_pidfd_send_signal;

    private final boolean directOpen;   // libc exports pidfd_open: mapped directly (OptionalLibC)
    private final boolean directSend;
    private final boolean available;

    public Pidfds(boolean linux) {
        boolean o = false;
        boolean s = false;
        boolean ok = false;
        if (linux) {
            o = OptionalLibC.available(OptionalLibC.PidfdOpen.class);
            s = OptionalLibC.available(OptionalLibC.PidfdSendSignal.class);
            try {
                int fd = openRaw(o, LibC.getpid(), 0);
                LibC.close(fd);
                ok = true;
            } catch (LastErrorException e) {
                PosixBackend.LOG.debug("pidfd_open unavailable (errno {}): falling back to the polling reaper",
                        e.getErrorCode());
            }
        }
        this.directOpen = o;
        this.directSend = s;
        this.available = ok;
        PosixBackend.LOG.debug("pidfds: {} (pidfd_open via {}, pidfd_send_signal via {})", ok ? "yes" : "no",
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
        if (directSend) {
            OptionalLibC.PidfdSendSignal.pidfd_send_signal(pidfd, sig, null, 0);
        } else {
            LibCVarargs.INSTANCE.syscall(SYS_PIDFD_SEND_SIGNAL, pidfd, sig, null, 0);
        }
    }
}
