package io.prockit.posix.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.prockit.ErrorKind;
import io.prockit.OpenptyResult;
import io.prockit.OsException;
import io.prockit.SchedParam;
import io.prockit.TimesResult;
import io.prockit.UnameResult;
import io.prockit.posix.PosixBackend;
import io.prockit.posix.jna.DarwinLibC;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.jna.OptionalLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.spawn.Spawner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process-wide calls of Python's {@code os} on POSIX: owner ids, process groups and sessions, the
 * live environment and working directory, priority, scheduler, system information and pseudo-terminals.
 * Each is one libc call (two where the C interface needs a size first), errno turned into an
 * {@link OsException} naming the call.
 *
 * <p>The Linux-only calls here ({@code getres*id}/{@code setres*id}, the scheduler's policy, parameters and
 * affinity) are reached only on Linux: on macOS {@link PosixBackend} offers them as empty capabilities.
 *
 * <p>Why {@code errno} is cleared by hand for some calls: {@code getpriority}, {@code nice},
 * {@code sysconf} and {@code confstr} can return -1 (or 0) as a valid result, so the only failure signal is
 * errno changing; they are mapped without {@code LastErrorException} and read {@link Native#getLastError()}.
 */
public final class PosixSystem {
    private final PosixBackend b;
    private final PosixConstants c;
    private final boolean darwin;

    public PosixSystem(PosixBackend backend) {
        this.b = backend;
        this.c = backend.c;
        this.darwin = backend.isDarwin();
    }

    private OsException err(String op, Object subject, LastErrorException e) {
        return b.errors.of(op, subject, e);
    }

    // ---- ids --------------------------------------------------------------------------------------

    /** macOS: whether libSystem has {@code getgroups$DARWIN_EXTSN} (checked once, on first use). */
    private static final class Extended {
        static final boolean AVAILABLE = OptionalLibC.available(OptionalLibC.DarwinGetgroups.class);
    }

    public int[] getgroups() {
        if (darwin && Extended.AVAILABLE) {
            // Checked by its return value: the directory service may leave errno set on success.
            int n = OptionalLibC.DarwinGetgroups.getgroups$DARWIN_EXTSN(0, null);
            if (n < 0) {
                throw b.errors.of("getgroups", null, Native.getLastError());
            }
            int[] g = new int[Math.max(n, 1)];
            int got = OptionalLibC.DarwinGetgroups.getgroups$DARWIN_EXTSN(g.length, g);
            if (got < 0) {
                throw b.errors.of("getgroups", null, Native.getLastError());
            }
            return Arrays.copyOf(g, got);
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
            throw b.errors.of("initgroups", user, Native.getLastError());
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
                throw b.errors.of("getgrouplist", user, c.EINVAL);
            }
        }
    }

    public String getlogin() {
        try (Memory buf = new Memory(256)) {
            int r = LibC.getlogin_r(buf, buf.size());
            if (r != 0) {
                throw b.errors.of("getlogin", null, r);
            }
            return buf.getString(0, NativeStrings.CHARSET.name());
        }
    }

    public int[] getresuid() {
        int[] r = new int[1];
        int[] e = new int[1];
        int[] s = new int[1];
        try {
            LinuxLibC.getresuid(r, e, s);
        } catch (LastErrorException x) {
            throw err("getresuid", null, x);
        }
        return new int[] {r[0], e[0], s[0]};
    }

    public int[] getresgid() {
        int[] r = new int[1];
        int[] e = new int[1];
        int[] s = new int[1];
        try {
            LinuxLibC.getresgid(r, e, s);
        } catch (LastErrorException x) {
            throw err("getresgid", null, x);
        }
        return new int[] {r[0], e[0], s[0]};
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

    public void setresuid(int r, int e, int s) {
        call("setresuid", r + "," + e + "," + s, () -> LinuxLibC.setresuid(r, e, s));
    }

    public void setresgid(int r, int e, int s) {
        call("setresgid", r + "," + e + "," + s, () -> LinuxLibC.setresgid(r, e, s));
    }

    public void setgroups(int[] groups) {
        int[] copy = groups.length == 0 ? new int[1] : groups.clone();
        if (darwin) {
            call("setgroups", Arrays.toString(groups), () -> DarwinLibC.setgroups(groups.length, copy));
        } else {
            call("setgroups", Arrays.toString(groups), () -> LinuxLibC.setgroups(groups.length, copy));
        }
    }

    // ---- terminal ---------------------------------------------------------------------------------

    public String ctermid() {
        try (Memory buf = new Memory(1024)) {
            String s = LibC.ctermid(buf);
            return s == null ? "" : s;
        }
    }

    // ---- environment and working directory --------------------------------------------------------

    public void putenv(String name, String value) {
        b.environment().put(name, value);
    }

    public void unsetenv(String name) {
        b.environment().remove(name);
    }

    public Map<String, String> environ() {
        return b.environment().snapshot();
    }

    public String getcwd() {
        return realCwd();
    }

    /** @return the process's real working directory (which {@code chdir} changes; {@code user.dir} does not follow) */
    static String realCwd() {
        long size = 4096;
        while (true) {
            try (Memory buf = new Memory(size)) {
                try {
                    LibC.getcwd(buf, size);
                    return buf.getString(0, NativeStrings.CHARSET.name());
                } catch (LastErrorException e) {
                    PosixConstants t = PosixBackend.table();
                    if (e.getErrorCode() == t.optional("ERANGE").orElse(34) && size < (1 << 20)) {
                        size *= 4;
                        continue;
                    }
                    throw new Errors(t).of("getcwd", null, e);
                }
            }
        }
    }

    /** @return {@link #realCwd()} as a path */
    public static Path realCwdPath() {
        return Path.of(realCwd());
    }

    public void chdir(String path) {
        call("chdir", path, () -> LibC.chdir(path));
        PosixBackend.LOG.debug("chdir({}): the process's working directory changed; user.dir stays {}", path,
                System.getProperty("user.dir"));
    }

    // ---- priority, mask, system information -------------------------------------------------------

    public int getpriority(int which, int who) {
        Native.setLastError(0);
        int r = LibC.getpriority(which, who);
        int errno = Native.getLastError();
        if (r == -1 && errno != 0) {
            throw b.errors.of("getpriority", which + "," + who, errno);
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
            throw b.errors.of("nice", increment, errno);
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
        if (darwin) {
            return cpuCount(); // macOS has no CPU affinity: every CPU is usable, as Python reports
        }
        return schedGetaffinity(0).size();
    }

    public long sysconf(int name) {
        Native.setLastError(0);
        long r = LibC.sysconf(name);
        int errno = Native.getLastError();
        if (r == -1 && errno != 0) {
            throw b.errors.of("sysconf", name, errno);
        }
        return r;
    }

    public String confstr(int name) {
        Native.setLastError(0);
        long n = LibC.confstr(name, null, 0);
        int errno = Native.getLastError();
        if (n == 0) {
            if (errno != 0) {
                throw b.errors.of("confstr", name, errno);
            }
            return null;
        }
        try (Memory buf = new Memory(n)) {
            LibC.confstr(name, buf, n);
            return buf.getString(0, NativeStrings.CHARSET.name());
        }
    }

    // ---- scheduler --------------------------------------------------------------------------------

    private Memory schedParam(SchedParam p) {
        Memory m = new Memory(Math.max(8, c.optional("SIZEOF_sched_param").orElse(8)));
        m.clear();
        m.setInt(0, p.schedPriority());
        return m;
    }

    public void schedSetscheduler(int pid, int policy, SchedParam p) {
        try (Memory m = schedParam(p)) {
            call("sched_setscheduler", pid, () -> LinuxLibC.sched_setscheduler(pid, policy, m));
        }
    }

    public int schedGetscheduler(int pid) {
        try {
            return LinuxLibC.sched_getscheduler(pid);
        } catch (LastErrorException e) {
            throw err("sched_getscheduler", pid, e);
        }
    }

    public void schedSetparam(int pid, SchedParam p) {
        try (Memory m = schedParam(p)) {
            call("sched_setparam", pid, () -> LinuxLibC.sched_setparam(pid, m));
        }
    }

    public SchedParam schedGetparam(int pid) {
        try (Memory m = schedParam(new SchedParam(0))) {
            LinuxLibC.sched_getparam(pid, m);
            return new SchedParam(m.getInt(0));
        } catch (LastErrorException e) {
            throw err("sched_getparam", pid, e);
        }
    }

    public double schedRrGetInterval(int pid) {
        try (Memory ts = new Memory(16)) {
            LinuxLibC.sched_rr_get_interval(pid, ts);
            return ts.getLong(0) + ts.getLong(8) / 1e9;
        } catch (LastErrorException e) {
            throw err("sched_rr_get_interval", pid, e);
        }
    }

    public void schedSetaffinity(int pid, Set<Integer> cpus) {
        int max = cpus.stream().mapToInt(Integer::intValue).max().orElse(0);
        long size = Math.max(c.optional("SIZEOF_cpu_set_t").orElse(128), ((max / 64) + 1) * 8L);
        try (Memory m = new Memory(size)) {
            m.clear();
            for (int cpu : cpus) {
                m.setByte(cpu / 8, (byte) (m.getByte(cpu / 8) | (1 << (cpu % 8))));
            }
            call("sched_setaffinity", pid, () -> LinuxLibC.sched_setaffinity(pid, size, m));
        }
    }

    public Set<Integer> schedGetaffinity(int pid) {
        long size = c.optional("SIZEOF_cpu_set_t").orElse(128);
        while (true) {
            try (Memory m = new Memory(size)) {
                m.clear();
                try {
                    LinuxLibC.sched_getaffinity(pid, size, m);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == c.EINVAL && size < (1 << 16)) {
                        size *= 2; // more CPUs than the mask holds
                        continue;
                    }
                    throw err("sched_getaffinity", pid, e);
                }
                Set<Integer> cpus = new TreeSet<>();
                for (int i = 0; i < size * 8; i++) {
                    if ((m.getByte(i / 8) & (1 << (i % 8))) != 0) {
                        cpus.add(i);
                    }
                }
                return cpus;
            }
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
                    throw b.errors.of("ptsname", master, Native.getLastError());
                }
                return name.getString(0, NativeStrings.CHARSET.name());
            }
        }
        try (Memory buf = new Memory(128)) {
            Native.setLastError(0);
            int r = OptionalLibC.PtsnameR.ptsname_r(master, buf, buf.size());
            if (r != 0) {
                // glibc returns the error number; macOS returns -1 and sets errno (Libc stdlib/grantpt.c).
                throw b.errors.of("ptsname_r", master, darwin || r == -1 ? Native.getLastError() : r);
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
