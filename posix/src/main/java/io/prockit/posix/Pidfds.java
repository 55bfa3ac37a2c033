package io.prockit.posix;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;

/**
 * Linux pidfds: {@code pidfd_open} and {@code pidfd_send_signal} through libc when it exports them
 * (glibc 2.36+), else through {@code syscall(2)}; chosen once. {@link #available()} is false when the
 * kernel has none (before 5.3) or a sandbox forbids them, and the backend then falls back to the
 * polling reaper and plain {@code kill}.
 */
final class Pidfds {
    private static final int SYS_PIDFD_OPEN = io.prockit.posix.linux.LinuxConstants.SYS_pidfd_open;
    private static final int SYS_PIDFD_SEND_SIGNAL = io.prockit.posix.linux.LinuxConstants.SYS_pidfd_send_signal;

    private final Function open;
    private final Function send;
    private final boolean available;

    Pidfds(boolean linux) {
        Function o = null;
        Function s = null;
        boolean ok = false;
        if (linux) {
            o = lookup("pidfd_open");
            s = lookup("pidfd_send_signal");
            try {
                int fd = openRaw(o, LibC.getpid(), 0);
                LibC.close(fd);
                ok = true;
            } catch (LastErrorException e) {
                PosixBackend.LOG.debug("pidfd_open unavailable (errno {}): falling back to the polling reaper",
                        e.getErrorCode());
            }
        }
        this.open = o;
        this.send = s;
        this.available = ok;
        PosixBackend.LOG.debug("pidfds: {} (pidfd_open via {}, pidfd_send_signal via {})", ok ? "yes" : "no",
                o != null ? "libc" : "syscall", s != null ? "libc" : "syscall");
    }

    private static Function lookup(String name) {
        try {
            return LibC.LIBRARY.getFunction(name, Function.THROW_LAST_ERROR);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    boolean available() {
        return available;
    }

    /**
     * @param pid   a process
     * @param flags 0 or {@code PIDFD_NONBLOCK}
     * @return a pidfd (always close-on-exec)
     */
    int open(int pid, int flags) {
        return openRaw(open, pid, flags);
    }

    private static int openRaw(Function f, int pid, int flags) {
        if (f != null) {
            return f.invokeInt(new Object[] {pid, flags});
        }
        return (int) LibCVarargs.INSTANCE.syscall(SYS_PIDFD_OPEN, pid, flags);
    }

    /**
     * @param pidfd a pidfd
     * @param sig   a signal
     */
    void sendSignal(int pidfd, int sig) {
        if (send != null) {
            send.invokeInt(new Object[] {pidfd, sig, null, 0});
        } else {
            LibCVarargs.INSTANCE.syscall(SYS_PIDFD_SEND_SIGNAL, pidfd, sig, null, 0);
        }
    }
}
