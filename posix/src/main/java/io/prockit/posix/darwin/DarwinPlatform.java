package io.prockit.posix.darwin;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.prockit.posix.jna.DarwinLibC;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.OptionalLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.Poller;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.spi.SavedIdCalls;
import io.prockit.spi.SchedulerCalls;

import java.util.Arrays;
import java.util.Optional;

/**
 * macOS: the table of {@link DarwinConstants}, the BSD status layout, {@code pipe} + {@code FD_CLOEXEC},
 * {@code poll(2)} for the output loop, {@code _NSGetEnviron()}, Apple's spawn rules (file actions before
 * {@code setsid}, {@code POSIX_SPAWN_CLOEXEC_DEFAULT} and {@code addinherit_np}), {@code getgroups$DARWIN_EXTSN};
 * no saved-id or scheduler calls and no pidfds (kqueue watches children).
 */
public final class DarwinPlatform implements PosixPlatform {
    private final PosixConstants constants = new PosixConstants("macOS", DarwinConstants.class);
    private final Errors errors = new Errors(constants);

    /** Loads no native code. */
    public DarwinPlatform() {
        // fields above
    }

    /** Whether libSystem has {@code getgroups$DARWIN_EXTSN} (checked once, on first use). */
    private static final class Extended {
        static final boolean AVAILABLE = OptionalLibC.available(OptionalLibC.DarwinGetgroups.class);
    }

    @Override
    public String name() {
        return "macOS";
    }

    @Override
    public PosixConstants constants() {
        return constants;
    }

    @Override
    public PosixStatusCodec statusCodec() {
        return PosixStatusCodec.DARWIN;
    }

    @Override
    public boolean maxrssInKibibytes() {
        return false;
    }

    @Override
    public void cloexecPipe(int[] fds) {
        LibC.pipe(fds);
        for (int fd : fds) {
            LibCVarargs.INSTANCE.fcntl(fd, constants.F_SETFD, constants.FD_CLOEXEC);
        }
    }

    @Override
    public String cloexecPipeCall() {
        return "pipe";
    }

    @Override
    public boolean hasPipe2() {
        return false;
    }

    @Override
    public void pipe2(int[] fds, int flags) {
        throw new UnsupportedOperationException("macOS has no pipe2");
    }

    @Override
    public int poll(Pointer fds, int nfds, int timeoutMs) {
        return DarwinLibC.poll(fds, nfds, timeoutMs);
    }

    @Override
    public Poller newPoller() {
        return null;
    }

    @Override
    public Pointer environ() {
        return DarwinLibC._NSGetEnviron().getPointer(0);
    }

    @Override
    public boolean darwinSpawn() {
        return true;
    }

    @Override
    public boolean hasAddclosefrom() {
        return false;
    }

    @Override
    public int[] extendedGroups() {
        if (!Extended.AVAILABLE) {
            return null;
        }
        // Checked by its return value: the directory service may leave errno set on success.
        int n = OptionalLibC.DarwinGetgroups.getgroups$DARWIN_EXTSN(0, null);
        if (n < 0) {
            throw errors.of("getgroups", null, Native.getLastError());
        }
        int[] g = new int[Math.max(n, 1)];
        int got = OptionalLibC.DarwinGetgroups.getgroups$DARWIN_EXTSN(g.length, g);
        if (got < 0) {
            throw errors.of("getgroups", null, Native.getLastError());
        }
        return Arrays.copyOf(g, got);
    }

    @Override
    public void setgroups(int count, int[] groups) {
        DarwinLibC.setgroups(count, groups);
    }

    @Override
    public Optional<SavedIdCalls> savedIds() {
        return Optional.empty();
    }

    @Override
    public Optional<SchedulerCalls> scheduler() {
        return Optional.empty();
    }

    @Override
    public boolean pidfds() {
        return false;
    }

    @Override
    public int openPidfd(int pid, int flags) {
        throw new UnsupportedOperationException("macOS has no pidfds (pid " + pid + ")");
    }

    @Override
    public void signalPidfd(int pidfd, int signo) {
        throw new UnsupportedOperationException("macOS has no pidfds (fd " + pidfd + ")");
    }

    @Override
    public boolean groupSignals() {
        return false;
    }

    @Override
    public void signalGroupPidfd(int pidfd, int signo) {
        throw new UnsupportedOperationException("macOS has no pidfds (fd " + pidfd + ")");
    }
}
