package io.prockit.posix.os;

import com.sun.jna.LastErrorException;
import io.prockit.OpenptyResult;
import io.prockit.PosixSpawnAttributes;
import io.prockit.UnameResult;
import io.prockit.Wait4Result;
import io.prockit.WaitidResult;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.process.WaitEngine;
import io.prockit.spi.PidfdCalls;
import io.prockit.spi.PosixCalls;
import io.prockit.spi.SavedIdCalls;
import io.prockit.spi.SchedulerCalls;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's POSIX-only {@code os} functions ({@code ProcessBackend.posix()}): ids, groups and sessions, priority,
 * {@code wait3/wait4/waitid}, system information, {@code posix_spawn}, {@code close}, {@code isatty}, and the
 * capabilities only some POSIX systems have (the saved ids and the scheduler from the {@link PosixPlatform}, pidfds
 * on Linux). A capability object the composition root builds once; each call is one libc call or a hand-off to
 * {@link PosixSystem}, the {@link WaitEngine} or the spawner.
 */
public final class PosixOsCalls implements PosixCalls {
    /** {@code os.posix_spawn(p)}: the composition root's spawn, under its spawn gate. */
    public interface PosixSpawnCall {
        /** See {@link PosixCalls#posixSpawn}. */
        int posixSpawn(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes attributes,
                       boolean searchPath);
    }

    private final PosixSystem sys;
    private final Errors errors;
    private final WaitEngine waits;
    private final PosixSpawnCall spawn;
    private final Optional<SavedIdCalls> savedIds;
    private final Optional<SchedulerCalls> scheduler;
    private final Optional<PidfdCalls> pidfd;
    private final io.prockit.posix.platform.PosixConstants c;

    /**
     * Loads no native code.
     *
     * @param platform the running platform (its saved-id and scheduler capabilities)
     * @param sys      the process-wide calls
     * @param errors   turns errno into exceptions
     * @param waits    the one wait engine
     * @param spawn    {@code posix_spawn(p)}
     * @param pidfd    {@code pidfd_open} where the platform has it
     */
    public PosixOsCalls(PosixPlatform platform, PosixSystem sys, Errors errors, WaitEngine waits, PosixSpawnCall spawn,
                        Optional<PidfdCalls> pidfd) {
        this.sys = sys;
        this.c = platform.constants();
        this.errors = errors;
        this.waits = waits;
        this.spawn = spawn;
        this.savedIds = platform.savedIds();
        this.scheduler = platform.scheduler();
        this.pidfd = pidfd;
    }

    private void idCall(String op, Object subject, PosixSystem.IdCall call) {
        sys.call(op, subject, call);
    }

    // ---- capabilities --------------------------------------------------------------------------------

    /** {@code getresuid} and friends: glibc has them, macOS's libc does not. */
    @Override
    public Optional<SavedIdCalls> savedIds() {
        return savedIds;
    }

    /** Policy, parameters and affinity of a process: Linux has them, macOS has no such calls. */
    @Override
    public Optional<SchedulerCalls> scheduler() {
        return scheduler;
    }

    /** pidfds are Linux's (a kernel without them fails {@code pidfd_open} with ENOSYS: kind UNSUPPORTED). */
    @Override
    public Optional<PidfdCalls> pidfd() {
        return pidfd;
    }

    // ---- spawning, descriptors ------------------------------------------------------------------------

    @Override
    public int posixSpawn(String path, List<String> argv, Map<String, String> env, PosixSpawnAttributes attributes,
                          boolean searchPath) {
        return spawn.posixSpawn(path, argv, env, attributes, searchPath);
    }

    @Override
    public void close(int fd) {
        waits.pidfdClosed(fd);
        sys.close(fd);
    }

    @Override
    public boolean isatty(int fd) {
        return LibC.isatty(fd) == 1;
    }

    // ---- waiting: all through the one WaitEngine ------------------------------------------------------

    @Override
    public Wait4Result wait4(int pid, int options) {
        return waits.wait4(pid, options);
    }

    @Override
    public WaitidResult waitid(int idtype, int id, int options) {
        return waits.waitid(idtype, id, options);
    }

    // ---- ids ---------------------------------------------------------------------------------------------

    @Override
    public int getuid() {
        return LibC.getuid();
    }

    @Override
    public int geteuid() {
        return LibC.geteuid();
    }

    @Override
    public int getgid() {
        return LibC.getgid();
    }

    @Override
    public int getegid() {
        return LibC.getegid();
    }

    @Override
    public int[] getgroups() {
        return sys.getgroups();
    }

    @Override
    public int[] getgrouplist(String user, int group) {
        return sys.getgrouplist(user, group);
    }

    @Override
    public void setuid(int uid) {
        idCall("setuid", uid, () -> LibC.setuid(uid));
    }

    @Override
    public void seteuid(int uid) {
        idCall("seteuid", uid, () -> LibC.seteuid(uid));
    }

    @Override
    public void setgid(int gid) {
        idCall("setgid", gid, () -> LibC.setgid(gid));
    }

    @Override
    public void setegid(int gid) {
        idCall("setegid", gid, () -> LibC.setegid(gid));
    }

    @Override
    public void setreuid(int ruid, int euid) {
        idCall("setreuid", ruid + "," + euid, () -> LibC.setreuid(ruid, euid));
    }

    @Override
    public void setregid(int rgid, int egid) {
        idCall("setregid", rgid + "," + egid, () -> LibC.setregid(rgid, egid));
    }

    @Override
    public void setgroups(int[] groups) {
        sys.setgroups(groups);
    }

    @Override
    public void initgroups(String user, int group) {
        sys.initgroups(user, group);
    }

    // ---- groups, sessions, terminals -------------------------------------------------------------------

    @Override
    public void killpg(int pgid, int signo) {
        try {
            LibC.killpg(pgid, signo);
        } catch (LastErrorException e) {
            throw errors.of("killpg", pgid, e);
        }
    }

    @Override
    public int getpgid(int pid) {
        try {
            return LibC.getpgid(pid);
        } catch (LastErrorException e) {
            throw errors.of("getpgid", pid, e);
        }
    }

    @Override
    public int getpgrp() {
        return LibC.getpgrp();
    }

    @Override
    public void setpgid(int pid, int pgrp) {
        idCall("setpgid", pid + "," + pgrp, () -> LibC.setpgid(pid, pgrp));
    }

    @Override
    public void setpgrp() {
        idCall("setpgrp", null, () -> LibC.setpgid(0, 0));
    }

    @Override
    public int getsid(int pid) {
        try {
            return LibC.getsid(pid);
        } catch (LastErrorException e) {
            throw errors.of("getsid", pid, e);
        }
    }

    @Override
    public void setsid() {
        idCall("setsid", null, LibC::setsid);
    }

    @Override
    public int tcgetpgrp(int fd) {
        try {
            return LibC.tcgetpgrp(fd);
        } catch (LastErrorException e) {
            throw errors.of("tcgetpgrp", fd, e);
        }
    }

    /**
     * {@code open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)}, then {@code tcgetpgrp} on it against
     * {@code getpgrp()}; no controlling terminal (ENXIO and the like) is "no".
     */
    @Override
    public boolean foregroundOfControllingTerminal() {
        int fd;
        try {
            fd = io.prockit.posix.jna.LibCVarargs.INSTANCE.open("/dev/tty", c.O_RDWR | c.O_NOCTTY | c.O_CLOEXEC);
        } catch (LastErrorException e) {
            return false;
        }
        try {
            return LibC.tcgetpgrp(fd) == LibC.getpgrp();
        } catch (LastErrorException e) {
            return false;
        } finally {
            LibC.close(fd);
        }
    }

    @Override
    public void tcsetpgrp(int fd, int pgrp) {
        idCall("tcsetpgrp", fd, () -> LibC.tcsetpgrp(fd, pgrp));
    }

    @Override
    public String ctermid() {
        return sys.ctermid();
    }

    @Override
    public OpenptyResult openpty() {
        return sys.openpty();
    }

    @Override
    public void setWindowSize(int fd, int rows, int columns) {
        sys.setWindowSize(fd, rows, columns);
    }

    // ---- priority ------------------------------------------------------------------------------------

    @Override
    public int nice(int increment) {
        return sys.nice(increment);
    }

    @Override
    public int getpriority(int which, int who) {
        return sys.getpriority(which, who);
    }

    @Override
    public void setpriority(int which, int who, int priority) {
        idCall("setpriority", which + "," + who, () -> LibC.setpriority(which, who, priority));
    }

    @Override
    public int schedGetPriorityMin(int policy) {
        try {
            return LibC.sched_get_priority_min(policy);
        } catch (LastErrorException e) {
            throw errors.of("sched_get_priority_min", policy, e);
        }
    }

    @Override
    public int schedGetPriorityMax(int policy) {
        try {
            return LibC.sched_get_priority_max(policy);
        } catch (LastErrorException e) {
            throw errors.of("sched_get_priority_max", policy, e);
        }
    }

    @Override
    public void schedYield() {
        LibC.sched_yield();
    }

    // ---- system information ------------------------------------------------------------------------------

    @Override
    public UnameResult uname() {
        return sys.uname();
    }

    @Override
    public double[] getloadavg() {
        return sys.getloadavg();
    }

    @Override
    public long sysconf(int name) {
        return sys.sysconf(name);
    }

    @Override
    public String confstr(int name) {
        return sys.confstr(name);
    }
}
