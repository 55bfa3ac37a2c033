package io.prockit.posix.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.prockit.ErrorKind;
import io.prockit.OpenptyResult;
import io.prockit.OsException;
import io.prockit.TimesResult;
import io.prockit.UnameResult;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.OptionalLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.spawn.Spawner;
import io.prockit.spi.SchedulerCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The process-wide calls of Python's {@code os} on POSIX: owner ids, process groups and sessions, the
 * live environment and working directory, priority, CPU counts, system information and pseudo-terminals.
 * Each is one libc call (two where the C interface needs a size first), errno turned into an
 * {@link OsException} naming the call.
 *
 * <p>What differs between the C libraries comes from the {@link PosixPlatform}: {@code setgroups}' count type,
 * macOS's unlimited {@code getgroups}, and whether there is CPU affinity (Linux's {@code getres*id}/{@code setres*id}
 * and {@code sched_*} are the platform's capability objects, {@code linux.LinuxSavedIds} and
 * {@code linux.LinuxScheduler}, not here).
 *
 * <p>Why {@code errno} is cleared by hand for some calls: {@code getpriority}, {@code nice},
 * {@code sysconf} and {@code confstr} can return -1 (or 0) as a valid result, so the only failure signal is
 * errno changing; they are mapped without {@code LastErrorException} and read {@link Native#getLastError()}.
 */
public final class PosixSystem {
    private static final Logger LOG = LoggerFactory.getLogger(PosixSystem.class);

    private final PosixPlatform platform;
    private final PosixConstants c;
    private final Errors errors;
    private final LiveEnvironment env;
    private final Optional<SchedulerCalls> scheduler;

    /**
     * Loads no native code.
     *
     * @param platform the running platform
     * @param errors   turns errno into exceptions
     * @param env      the live environment's owner
     */
    public PosixSystem(PosixPlatform platform, Errors errors, LiveEnvironment env) {
        this.platform = platform;
        this.c = platform.constants();
        this.errors = errors;
        this.env = env;
        this.scheduler = platform.scheduler();
    }

    private OsException err(String op, Object subject, LastErrorException e) {
        return errors.of(op, subject, e);
    }

    // ---- ids --------------------------------------------------------------------------------------

    public int[] getgroups() {
        int[] extended = platform.extendedGroups(); // macOS: getgroups$DARWIN_EXTSN, beyond 16 groups
        if (extended != null) {
            return extended;
        }
        try {
            int n = LibC.getgroups(0, null);
            int[] g = new int[Math.max(n, 1)];
            return Arrays.copyOf(g, LibC.getgroups(g.length, g));
        } catch (LastErrorException e) {
            throw err("getgroups", null, e);
        }
    }

    /** initgroups(3), checked by its return value: NSS / the directory service may leave errno set on success. */
    public void initgroups(String user, int group) {
        if (LibC.initgroups(user, group) != 0) {
            throw errors.of("initgroups", user, Native.getLastError());
        }
    }

    public int[] getgrouplist(String user, int group) {
        int room = 32;
        while (true) {
            int[] groups = new int[room];
            int[] n = {room};
            int r = LibC.getgrouplist(user, group, groups, n);
            if (r >= 0) {
                return Arrays.copyOf(groups, n[0]);
            }
            // glibc stores the count needed in n[0]; macOS does not, so grow geometrically.
            room = Math.max(room * 2, n[0]);
            if (room > 1 << 20) {
                throw errors.of("getgrouplist", user, c.EINVAL);
            }
        }
    }

    public String getlogin() {
        try (Memory buf = new Memory(256)) {
            int r = LibC.getlogin_r(buf, buf.size());
            if (r != 0) {
                throw errors.of("getlogin", null, r);
            }
            return buf.getString(0, NativeStrings.CHARSET.name());
        }
    }

    /** A call that returns 0 or sets errno, named for the exception. */
    public interface IdCall {
        void run() throws LastErrorException;
    }

    public void call(String op, Object subject, IdCall call) {
        try {
            call.run();
        } catch (LastErrorException e) {
            throw err(op, subject, e);
        }
    }

    public void setgroups(int[] groups) {
        int[] copy = groups.length == 0 ? new int[1] : groups.clone();
        call("setgroups", Arrays.toString(groups), () -> platform.setgroups(groups.length, copy));
    }

    // ---- terminal ---------------------------------------------------------------------------------

    public String ctermid() {
        try (Memory buf = new Memory(1024)) {
            String s = LibC.ctermid(buf);
            return s == null ? "" : s;
        }
    }

    // ---- environment and working directory --------------------------------------------------------

    public String getenv(String name) {
        return env.get(name);
    }

    public void putenv(String name, String value) {
        env.put(name, value);
    }

    public void unsetenv(String name) {
        env.remove(name);
    }

    public Map<String, String> environ() {
        return env.snapshot();
    }

    public String getcwd() {
        return realCwd();
    }

    /** @return the process's real working directory (which {@code chdir} changes; {@code user.dir} does not follow) */
    String realCwd() {
        long size = 4096;
        while (true) {
            try (Memory buf = new Memory(size)) {
                try {
                    LibC.getcwd(buf, size);
                    return buf.getString(0, NativeStrings.CHARSET.name());
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == c.optional("ERANGE").orElse(34) && size < (1 << 20)) {
                        size *= 4;
                        continue;
                    }
                    throw errors.of("getcwd", null, e);
                }
            }
        }
    }

    /** @return {@link #realCwd()} as a path */
    public Path realCwdPath() {
        return Path.of(realCwd());
    }

    public void chdir(String path) {
        call("chdir", path, () -> LibC.chdir(path));
        LOG.debug("chdir({}): the process's working directory changed; user.dir stays {}", path,
                System.getProperty("user.dir"));
    }

    // ---- priority, mask, system information -------------------------------------------------------

    public int getpriority(int which, int who) {
        Native.setLastError(0);
        int r = LibC.getpriority(which, who);
        int errno = Native.getLastError();
        if (r == -1 && errno != 0) {
            throw errors.of("getpriority", which + "," + who, errno);
        }
        return r;
    }

    public int nice(int increment) {
        // nice(3) is getpriority + setpriority on every libc; doing it here gives one error path. Python
        // returns the new niceness, which setpriority may have clamped to the range.
        int now = getpriority(c.optional("PRIO_PROCESS").orElseThrow(), 0);
        int want = Math.max(-20, Math.min(19, now + increment));
        try {
            LibC.setpriority(c.optional("PRIO_PROCESS").orElseThrow(), 0, want);
        } catch (LastErrorException e) {
            // glibc's and macOS's nice() turn setpriority's EACCES (lowering the niceness without privilege)
            // into EPERM, the errno POSIX specifies for nice; Python reports what nice() set.
            int errno = e.getErrorCode() == c.EACCES ? c.EPERM : e.getErrorCode();
            throw errors.of("nice", increment, errno);
        }
        return getpriority(c.optional("PRIO_PROCESS").orElseThrow(), 0);
    }

    public UnameResult uname() {
        int len = c.optional("UTSNAME_FIELD_LENGTH").orElseThrow();
        try (Memory m = new Memory(c.optional("SIZEOF_utsname").orElseThrow())) {
            m.clear();
            LibC.uname(m);
            String[] f = new String[5];
            for (int i = 0; i < 5; i++) {
                f[i] = m.getString((long) i * len, NativeStrings.CHARSET.name());
            }
            return new UnameResult(f[0], f[1], f[2], f[3], f[4]);
        } catch (LastErrorException e) {
            throw err("uname", null, e);
        }
    }

    public TimesResult times() {
        long ticks = LibC.sysconf(c.optional("_SC_CLK_TCK").orElseThrow());
        double hz = ticks > 0 ? ticks : 100;
        try (Memory m = new Memory(4L * Native.LONG_SIZE)) {
            long elapsed = LibC.times(m);
            return new TimesResult(m.getNativeLong(0).longValue() / hz, m.getNativeLong(Native.LONG_SIZE).longValue() / hz,
                    m.getNativeLong(2L * Native.LONG_SIZE).longValue() / hz,
                    m.getNativeLong(3L * Native.LONG_SIZE).longValue() / hz, elapsed / hz);
        } catch (LastErrorException e) {
            throw err("times", null, e);
        }
    }

    public double[] getloadavg() {
        double[] l = new double[3];
        if (LibC.getloadavg(l, 3) != 3) {
            throw new OsException("getloadavg", null, 0, ErrorKind.OTHER, "Load averages are unobtainable");
        }
        return l;
    }

    public int cpuCount() {
        long n = LibC.sysconf(c.optional("_SC_NPROCESSORS_ONLN").orElseThrow());
        return n < 1 ? -1 : (int) n;
    }

    public int processCpuCount() {
        if (scheduler.isEmpty()) {
            return cpuCount(); // no CPU affinity (macOS): every CPU is usable, as Python reports
        }
        return scheduler.get().schedGetaffinity(0).size();
    }

    public long sysconf(int name) {
        Native.setLastError(0);
        long r = LibC.sysconf(name);
        int errno = Native.getLastError();
        if (r == -1 && errno != 0) {
            throw errors.of("sysconf", name, errno);
        }
        return r;
    }

    public String confstr(int name) {
        Native.setLastError(0);
        long n = LibC.confstr(name, null, 0);
        int errno = Native.getLastError();
        if (n == 0) {
            if (errno != 0) {
                throw errors.of("confstr", name, errno);
            }
            return null;
        }
        try (Memory buf = new Memory(n)) {
            LibC.confstr(name, buf, n);
            return buf.getString(0, NativeStrings.CHARSET.name());
        }
    }

    // ---- descriptors and pseudo-terminals ---------------------------------------------------------

    public void close(int fd) {
        call("close", fd, () -> LibC.close(fd));
    }

    public OpenptyResult openpty() {
        int master;
        try {
            master = LibC.posix_openpt(c.O_RDWR | c.O_NOCTTY | c.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw err("posix_openpt", null, e);
        }
        try {
            LibC.grantpt(master);
            LibC.unlockpt(master);
            String name = ptsname(master);
            int slave = LibCVarargs.INSTANCE.open(name, c.O_RDWR | c.O_NOCTTY | c.O_CLOEXEC);
            return new OpenptyResult(master, slave, name);
        } catch (LastErrorException e) {
            Spawner.quietClose(master);
            throw err("openpty", null, e);
        } catch (RuntimeException e) {
            Spawner.quietClose(master);
            throw e;
        }
    }

    /** Whether libc has {@code ptsname_r} (macOS only from 10.13.4), checked once. */
    private static final class Reentrant {
        static final boolean PTSNAME_R = OptionalLibC.available(OptionalLibC.PtsnameR.class);
    }

    public String ptsname(int master) {
        if (!Reentrant.PTSNAME_R) {
            synchronized (PosixSystem.class) { // ptsname(3) answers in a static buffer
                Native.setLastError(0);
                Pointer name = LibC.ptsname(master);
                if (name == null) {
                    throw errors.of("ptsname", master, Native.getLastError());
                }
                return name.getString(0, NativeStrings.CHARSET.name());
            }
        }
        try (Memory buf = new Memory(128)) {
            Native.setLastError(0);
            int r = OptionalLibC.PtsnameR.ptsname_r(master, buf, buf.size());
            if (r != 0) {
                // glibc returns the error number; macOS returns -1 and sets errno (Libc stdlib/grantpt.c).
                // (-1 is never an error number, so the test needs no platform.)
                throw errors.of("ptsname_r", master, r == -1 ? Native.getLastError() : r);
            }
            return buf.getString(0, NativeStrings.CHARSET.name());
        }
    }

    public void setWindowSize(int fd, int rows, int columns) {
        try (Memory ws = new Memory(8)) {
            ws.clear();
            ws.setShort(0, (short) rows);
            ws.setShort(2, (short) columns);
            long req = c.optional("TIOCSWINSZ").orElseThrow() & 0xffffffffL;
            LibCVarargs.INSTANCE.ioctl(fd, new NativeLong(req), ws);
        } catch (LastErrorException e) {
            throw err("ioctl(TIOCSWINSZ)", fd, e);
        }
    }

    /** @param fd a terminal @return {rows, columns} */
    public int[] getWindowSize(int fd) {
        try (Memory ws = new Memory(8)) {
            ws.clear();
            long req = c.optional("TIOCGWINSZ").orElseThrow() & 0xffffffffL;
            LibCVarargs.INSTANCE.ioctl(fd, new NativeLong(req), ws);
            return new int[] {ws.getShort(0) & 0xffff, ws.getShort(2) & 0xffff};
        } catch (LastErrorException e) {
            throw err("ioctl(TIOCGWINSZ)", fd, e);
        }
    }

}
