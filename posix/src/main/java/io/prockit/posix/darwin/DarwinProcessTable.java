package io.prockit.posix.darwin;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.CpuTimes;
import io.prockit.MemoryInfo;
import io.prockit.OsException;
import io.prockit.ProcessState;
import io.prockit.posix.jna.LibProc;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixProcessTable;
import io.prockit.spi.ProcessEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The macOS process table through libproc: {@code proc_listallpids}, {@code proc_pidinfo}
 * ({@code PROC_PIDTBSDINFO} for pid, ppid, uid, name, state and start time; {@code PROC_PIDTASKINFO}
 * for cpu times, memory and threads, read when asked), {@code proc_pidpath} and
 * {@code sysctl(KERN_PROCARGS2)}.
 *
 * <p>Identity is the start time of {@code proc_bsdinfo} (microseconds). macOS has no pidfd: a signal
 * is sent right after the start time was checked again, leaving a window of microseconds in which
 * the pid could be reused. Other users' task info and arguments need root: those fields throw
 * {@code PERMISSION_DENIED}.
 */
public final class DarwinProcessTable extends PosixProcessTable {
    private final int timebaseNumer;
    private final int timebaseDenom;

    /**
     * @param c      the constants
     * @param errors turns errno into exceptions
     */
    public DarwinProcessTable(PosixConstants c, Errors errors) {
        super(c, errors);
        try (Memory tb = new Memory(8)) {
            tb.clear();
            LibProc.mach_timebase_info(tb);
            int numer = tb.getInt(0);
            int denom = tb.getInt(4);
            this.timebaseNumer = numer == 0 ? 1 : numer;
            this.timebaseDenom = denom == 0 ? 1 : denom;
        }
    }

    /** @return the bsdinfo of pid, or throws NO_SUCH_PROCESS / PERMISSION_DENIED */
    BsdInfo bsdinfo(int pid) {
        try (Memory m = new Memory(BsdInfo.SIZE)) {
            int n;
            try {
                n = LibProc.proc_pidinfo(pid, DarwinConstants.PROC_PIDTBSDINFO, 0, m, BsdInfo.SIZE);
            } catch (LastErrorException e) {
                throw errors.of("proc_pidinfo(PROC_PIDTBSDINFO)", pid, e);
            }
            if (n < BsdInfo.SIZE) {
                throw gone("proc_pidinfo(PROC_PIDTBSDINFO)", pid);
            }
            return BsdInfo.parse(m.getByteArray(0, BsdInfo.SIZE));
        }
    }

    private BsdInfo bsdinfoOrNull(int pid) {
        try {
            return bsdinfo(pid);
        } catch (OsException e) {
            return null;
        }
    }

    @Override
    public List<ProcessEntry> list() {
        int[] pids;
        while (true) {
            int count;
            try {
                count = LibProc.proc_listallpids(null, 0);
            } catch (LastErrorException e) {
                throw errors.of("proc_listallpids", null, e);
            }
            int room = count + 64;
            try (Memory m = new Memory((long) room * 4)) {
                int got;
                try {
                    got = LibProc.proc_listallpids(m, room * 4);
                } catch (LastErrorException e) {
                    throw errors.of("proc_listallpids", null, e);
                }
                if (got < room) {
                    pids = m.getIntArray(0, Math.max(got, 0));
                    break;
                }
            }
        }
        Arrays.sort(pids);
        List<ProcessEntry> out = new ArrayList<>(pids.length);
        for (int pid : pids) {
            if (pid < 0) {
                continue;
            }
            BsdInfo info = bsdinfoOrNull(pid);
            if (info != null) {
                out.add(new Entry(info));
            }
        }
        return out;
    }

    @Override
    public ProcessEntry get(int pid) {
        return new Entry(bsdinfo(pid));
    }

    @Override
    public boolean isRunning(ProcessEntry entry) {
        BsdInfo now = bsdinfoOrNull(entry.pid());
        return now != null && now.startTime().equals(entry.createTime()) && now.state() != ProcessState.ZOMBIE;
    }

    @Override
    public void signal(ProcessEntry entry, int signo) {
        BsdInfo now = bsdinfoOrNull(entry.pid());
        if (now == null) {
            throw gone("kill", entry.pid());
        }
        if (!now.startTime().equals(entry.createTime())) {
            throw reused("kill", entry.pid());
        }
        plainKill(entry.pid(), signo);
    }

    /** One process: bsdinfo now, the rest when first asked. */
    final class Entry implements ProcessEntry {
        private final BsdInfo info;
        private volatile TaskInfo task;
        private volatile ProcArgs2 args;
        private volatile String exe;

        Entry(BsdInfo info) {
            this.info = info;
        }

        @Override
        public int pid() {
            return info.pid();
        }

        @Override
        public int ppid() {
            return info.ppid();
        }

        @Override
        public Instant createTime() {
            return info.startTime();
        }

        @Override
        public String name() {
            return info.bestName();
        }

        private OsException classify(String operation, LastErrorException e) {
            OsException x = errors.of(operation, info.pid(), e);
            BsdInfo now = bsdinfoOrNull(info.pid());
            if (now == null || !now.startTime().equals(info.startTime())) {
                return gone(operation, info.pid());
            }
            if (now.state() == ProcessState.ZOMBIE) {
                return zombie(operation, info.pid());
            }
            return x;
        }

        @Override
        public String exe() {
            String x = exe;
            if (x == null) {
                try (Memory m = new Memory(DarwinConstants.PROC_PIDPATHINFO_MAXSIZE)) {
                    int n;
                    try {
                        n = LibProc.proc_pidpath(info.pid(), m, DarwinConstants.PROC_PIDPATHINFO_MAXSIZE);
                    } catch (LastErrorException e) {
                        throw classify("proc_pidpath", e);
                    }
                    x = n > 0 ? new String(m.getByteArray(0, n), java.nio.charset.StandardCharsets.UTF_8) : "";
                }
                exe = x;
            }
            return x;
        }

        private ProcArgs2 args() {
            ProcArgs2 a = args;
            if (a == null) {
                int[] mib = {DarwinConstants.CTL_KERN, DarwinConstants.KERN_PROCARGS2, info.pid()};
                try (Memory size = new Memory(8)) {
                    int[] argmaxMib = {DarwinConstants.CTL_KERN, DarwinConstants.KERN_ARGMAX};
                    try (Memory argmax = new Memory(4)) {
                        size.setLong(0, 4);
                        LibProc.sysctl(argmaxMib, 2, argmax, size, null, 0);
                        int room = argmax.getInt(0);
                        try (Memory buf = new Memory(room)) {
                            size.setLong(0, room);
                            LibProc.sysctl(mib, 3, buf, size, null, 0);
                            int n = (int) size.getLong(0);
                            a = ProcArgs2.parse(buf.getByteArray(0, n), n);
                        }
                    }
                } catch (LastErrorException e) {
                    // EINVAL: a zombie, or a process whose arguments the caller may not see.
                    OsException x = classify("sysctl(KERN_PROCARGS2)", e);
                    if (e.getErrorCode() == c.EINVAL && x.kind() == io.prockit.ErrorKind.INVALID_ARGUMENT) {
                        throw denied("sysctl(KERN_PROCARGS2)", info.pid());
                    }
                    throw x;
                }
                args = a;
            }
            return a;
        }

        @Override
        public List<String> cmdline() {
            return args().argv();
        }

        @Override
        public OptionalInt uid() {
            return OptionalInt.of(info.ruid());
        }

        @Override
        public String username() {
            return DarwinProcessTable.this.username(info.ruid());
        }

        @Override
        public ProcessState state() {
            return info.state();
        }

        private TaskInfo task() {
            TaskInfo t = task;
            if (t == null) {
                try (Memory m = new Memory(TaskInfo.SIZE)) {
                    int n;
                    try {
                        n = LibProc.proc_pidinfo(info.pid(), DarwinConstants.PROC_PIDTASKINFO, 0, m, TaskInfo.SIZE);
                    } catch (LastErrorException e) {
                        throw classify("proc_pidinfo(PROC_PIDTASKINFO)", e);
                    }
                    if (n < TaskInfo.SIZE) {
                        throw denied("proc_pidinfo(PROC_PIDTASKINFO)", info.pid());
                    }
                    t = TaskInfo.parse(m.getByteArray(0, TaskInfo.SIZE));
                }
                task = t;
            }
            return t;
        }

        @Override
        public CpuTimes cpuTimes() {
            TaskInfo t = task();
            return new CpuTimes(Duration.ofNanos(TaskInfo.nanos(t.totalUser(), timebaseNumer, timebaseDenom)),
                    Duration.ofNanos(TaskInfo.nanos(t.totalSystem(), timebaseNumer, timebaseDenom)));
        }

        @Override
        public MemoryInfo memory() {
            TaskInfo t = task();
            return new MemoryInfo(t.residentSize(), t.virtualSize());
        }

        @Override
        public int threads() {
            return task().threadCount();
        }

        @Override
        public String toString() {
            return "DarwinProcess[" + info.pid() + " " + info.bestName() + "]";
        }
    }
}
