package io.prockit.posix.linux;

import com.sun.jna.Pointer;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.jna.OptionalLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.Poller;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.spi.SavedIdCalls;
import io.prockit.spi.SchedulerCalls;

import java.util.Optional;

/**
 * Linux (glibc): the table of {@link LinuxConstants}, glibc's status layout, {@code pipe2}, epoll for the output
 * loop, {@code &environ}, glibc's spawn rules ({@code SETSID} before the file actions, {@code addclosefrom_np} from
 * 2.34), the saved-id and scheduler calls, and pidfds ({@link Pidfds}, probed on first use).
 */
public final class LinuxPlatform implements PosixPlatform {
    private final PosixConstants constants = new PosixConstants("Linux", LinuxConstants.class);
    private final Optional<SavedIdCalls> savedIds;
    private final Optional<SchedulerCalls> scheduler;
    private volatile Pidfds pidfds;

    /** Loads no native code: what needs it is created on first use. */
    public LinuxPlatform() {
        Errors errors = new Errors(constants);
        this.savedIds = Optional.of(new LinuxSavedIds(errors));
        this.scheduler = Optional.of(new LinuxScheduler(constants, errors));
    }

    /** {@code &environ}, looked up when first needed (a holder class: final afterwards, no check per read). */
    private static final class Environ {
        static final Pointer ADDRESS = LibC.LIBRARY.getGlobalVariableAddress("environ");
    }

    /** Whether glibc exports {@code addclosefrom_np} (2.34+), checked once. */
    private static final class Closefrom {
        static final boolean AVAILABLE = OptionalLibC.available(OptionalLibC.AddClosefrom.class);
    }

    @Override
    public String name() {
        return "Linux";
    }

    @Override
    public PosixConstants constants() {
        return constants;
    }

    @Override
    public PosixStatusCodec statusCodec() {
        return PosixStatusCodec.LINUX;
    }

    @Override
    public boolean maxrssInKibibytes() {
        return true;
    }

    @Override
    public void cloexecPipe(int[] fds) {
        LinuxLibC.pipe2(fds, constants.O_CLOEXEC);
    }

    @Override
    public String cloexecPipeCall() {
        return "pipe2";
    }

    @Override
    public boolean hasPipe2() {
        return true;
    }

    @Override
    public void pipe2(int[] fds, int flags) {
        LinuxLibC.pipe2(fds, flags);
    }

    @Override
    public int poll(Pointer fds, int nfds, int timeoutMs) {
        return LinuxLibC.poll(fds, nfds, timeoutMs);
    }

    @Override
    public Poller newPoller() {
        return new EpollPoller();
    }

    @Override
    public Pointer environ() {
        return Environ.ADDRESS.getPointer(0);
    }

    @Override
    public boolean darwinSpawn() {
        return false;
    }

    @Override
    public boolean hasAddclosefrom() {
        return Closefrom.AVAILABLE;
    }

    @Override
    public int[] extendedGroups() {
        return null;
    }

    @Override
    public void setgroups(int count, int[] groups) {
        LinuxLibC.setgroups(count, groups);
    }

    @Override
    public Optional<SavedIdCalls> savedIds() {
        return savedIds;
    }

    @Override
    public Optional<SchedulerCalls> scheduler() {
        return scheduler;
    }

    /** @return the pidfd calls, probed on first use (the probe opens a pidfd of this process) */
    public Pidfds pidfdCalls() {
        Pidfds p = pidfds;
        if (p == null) {
            synchronized (this) {
                p = pidfds;
                if (p == null) {
                    p = new Pidfds();
                    pidfds = p;
                }
            }
        }
        return p;
    }

    @Override
    public boolean pidfds() {
        return pidfdCalls().available();
    }

    @Override
    public int openPidfd(int pid, int flags) {
        return pidfdCalls().open(pid, flags);
    }

    @Override
    public void signalPidfd(int pidfd, int signo) {
        pidfdCalls().sendSignal(pidfd, signo);
    }

    @Override
    public boolean groupSignals() {
        return pidfdCalls().groupSignals();
    }

    @Override
    public void signalGroupPidfd(int pidfd, int signo) {
        pidfdCalls().sendGroupSignal(pidfd, signo);
    }
}
