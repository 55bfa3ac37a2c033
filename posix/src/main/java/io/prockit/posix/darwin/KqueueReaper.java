package io.prockit.posix.darwin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.posix.jna.DarwinLibC;
import io.prockit.posix.process.PosixChild;
import io.prockit.posix.process.Reaper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * macOS: one kqueue, an {@code EVFILT_PROC}/{@code NOTE_EXIT} event per child, one thread waiting
 * on it. {@code struct kevent} is 32 bytes (ident u64 @0, filter i16 @8, flags u16 @10, fflags u32 @12,
 * data i64 @16, udata ptr @24; {@code bsd/sys/event.h}). A child that exited before it was added makes
 * {@code kevent} fail with {@code ESRCH}; it is reaped at once.
 *
 * <p>xnu posts {@code NOTE_EXIT} (and refuses a new {@code EVFILT_PROC} with {@code ESRCH}) while the
 * process is still tearing down, before it is a zombie {@code wait4} can collect
 * ({@code bsd/kern/kern_exit.c}: {@code proc_prepareexit}, {@code proc_exit}, then {@code SZOMB}). So a
 * {@code wait4(WNOHANG)} at that moment may find nothing; the one-shot event is spent, and the child is
 * handed to the polling reaper, which collects it within milliseconds.
 */
public final class KqueueReaper implements Reaper, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(KqueueReaper.class);
    private static final int KEVENT = DarwinConstants.SIZEOF_kevent;
    private static final int MAX_EVENTS = 64;

    private final Map<Integer, PosixChild> byPid = new ConcurrentHashMap<>();
    private final Reaper notYetZombie;
    private final int kq;
    private final Object startLock = new Object();
    private volatile Thread thread;

    /** @param notYetZombie where a child goes whose exit was reported before {@code wait4} could collect it */
    public KqueueReaper(Reaper notYetZombie) {
        this.notYetZombie = notYetZombie;
        kq = DarwinLibC.kqueue();
    }

    @Override
    public void register(PosixChild child) {
        byPid.put(child.pid(), child);
        try (Memory ev = new Memory(KEVENT)) {
            ev.clear();
            ev.setLong(0, child.pid());
            ev.setShort(8, (short) DarwinConstants.EVFILT_PROC);
            ev.setShort(10, (short) (DarwinConstants.EV_ADD | DarwinConstants.EV_ONESHOT));
            ev.setInt(12, DarwinConstants.NOTE_EXIT);
            DarwinLibC.kevent(kq, ev, 1, null, 0, null);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != DarwinConstants.ESRCH) {
                byPid.remove(child.pid());
                throw e;
            }
            exited(child);
        }
        if (thread == null) {
            synchronized (startLock) {
                if (thread == null) {
                    Thread t = new Thread(this, "prockit-reaper");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    @Override
    public void forget(PosixChild child, int pidfd) {
        byPid.remove(child.pid(), child);
    }

    /** The reaper thread's loop (the class is its own {@code Runnable}: no lambda on a cold first spawn). */
    @Override
    public void run() {
        Memory events = new Memory((long) KEVENT * MAX_EVENTS);
        while (true) {
            int n;
            try {
                n = DarwinLibC.kevent(kq, null, 0, events, MAX_EVENTS, null);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == DarwinConstants.EINTR) {
                    continue;
                }
                LOG.error("kevent failed (errno {}); the reaper stops", e.getErrorCode());
                return;
            }
            for (int i = 0; i < n; i++) {
                int pid = (int) events.getLong((long) i * KEVENT);
                PosixChild c = byPid.get(pid);
                if (c != null) {
                    exited(c);
                }
            }
        }
    }

    /** The kernel said {@code child} exited: reap it, or let the polling reaper finish the job. */
    private void exited(PosixChild child) {
        boolean reaped;
        try {
            reaped = child.reapForReaper();
        } catch (RuntimeException e) {
            LOG.warn("reaping {} failed", child, e);
            reaped = false;
        }
        byPid.remove(child.pid(), child);
        if (!reaped) {
            LOG.debug("{} reported exited but not yet a zombie: polling for it", child);
            notYetZombie.register(child);
        }
    }

    @Override
    public String name() {
        return "kqueue";
    }
}
