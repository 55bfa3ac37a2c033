package io.prockit.posix.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.CpuTimes;
import io.prockit.MemoryInfo;
import io.prockit.OsException;
import io.prockit.ProcessState;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LinuxLibC;
import io.prockit.posix.jna.TableLibC;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixProcessTable;
import io.prockit.posix.process.WaitEngine;
import io.prockit.spi.ProcessEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Linux process table from {@code /proc}.
 *
 * <p>Listing reads {@code /proc/[pid]/stat} once per process (pid, comm, state, ppid, times, threads,
 * memory and the start ticks that make the identity); {@code status} (uids), {@code cmdline} and the
 * {@code exe} link are read only when asked. Buffers are reused per thread.
 *
 * <p>Signals go through a pidfd: open it, re-read the start ticks, and signal through the pidfd only
 * if they still match. Once the pidfd is open the kernel will not give the pid to anyone else's
 * signal, so the check and the signal are one step. Without pidfds (kernels before 5.3) the check
 * is followed by {@code kill(2)}, leaving a window of microseconds.
 */
public final class LinuxProcessTable extends PosixProcessTable {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxProcessTable.class);
    private static final Path PROC = Path.of("/proc");

    private final long bootSeconds;
    private final long ticksPerSecond;
    private final long pageSize;
    private final ThreadLocal<ProcFiles> files = ThreadLocal.withInitial(() -> new ProcFiles(PROC));

    private final LinuxPlatform platform;

    /**
     * @param platform the platform (constants, pidfds)
     * @param errors   turns errno into exceptions
     */
    public LinuxProcessTable(LinuxPlatform platform, Errors errors) {
        super(platform.constants(), errors);
        this.platform = platform;
        ProcFiles f = files.get();
        try {
            int n = f.read(0, "stat");
            this.bootSeconds = BootTime.parse(f.bytes(), n);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e, e);
        }
        long hz = TableLibC.sysconf(ProcfsConstants.SC_CLK_TCK);
        long page = TableLibC.sysconf(ProcfsConstants.SC_PAGESIZE);
        this.ticksPerSecond = hz > 0 ? hz : 100;
        this.pageSize = page > 0 ? page : 4096;
        LOG.debug("/proc table: btime {}, USER_HZ {}, page size {}", bootSeconds, ticksPerSecond,
                pageSize);
    }

    Instant createTime(long starttime) {
        long secs = starttime / ticksPerSecond;
        long nanos = (starttime % ticksPerSecond) * 1_000_000_000L / ticksPerSecond;
        return Instant.ofEpochSecond(bootSeconds + secs, nanos);
    }

    private Duration ticks(long t) {
        return Duration.ofNanos(t * (1_000_000_000L / ticksPerSecond));
    }

    /** @return the stat of pid now, or null if it is gone */
    private ProcStat statOrNull(int pid) {
        ProcFiles f = files.get();
        try {
            int n = f.read(pid, "stat");
            return ProcStat.parse(f.bytes(), n);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public List<ProcessEntry> list() {
        String[] names = new File("/proc").list();
        if (names == null) {
            throw new IllegalStateException("cannot list /proc");
        }
        int[] pids = new int[names.length];
        int count = 0;
        for (String s : names) {
            int pid = parsePid(s);
            if (pid > 0) {
                pids[count++] = pid;
            }
        }
        Arrays.sort(pids, 0, count);
        List<ProcessEntry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ProcStat st = statOrNull(pids[i]);
            if (st != null) {
                out.add(new Entry(st));
            }
        }
        return out;
    }

    /** @return the pid a {@code /proc} entry's name is, or -1 for any other name (also used by the tree walk) */
    static int parsePid(String s) {
        int n = 0;
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    @Override
    public ProcessEntry get(int pid) {
        ProcFiles f = files.get();
        try {
            int n = f.read(pid, "stat");
            return new Entry(ProcStat.parse(f.bytes(), n));
        } catch (IOException e) {
            throw translate(e, "open /proc/" + pid + "/stat", pid);
        }
    }

    OsException translate(IOException e, String operation, int pid) {
        if (e instanceof AccessDeniedException) {
            return denied(operation, pid);
        }
        return gone(operation, pid);
    }

    @Override
    public boolean isRunning(ProcessEntry entry) {
        ProcStat now = statOrNull(entry.pid());
        return now != null && now.starttime() == ((Entry) entry).stat.starttime()
                && now.state() != 'Z' && now.state() != 'X' && now.state() != 'x';
    }

    @Override
    public void signal(ProcessEntry entry, int signo) {
        Entry e = (Entry) entry;
        int pid = e.stat.pid();
        Pidfds pidfds = platform.pidfdCalls();
        if (!pidfds.available()) {
            verify(e, "kill");
            plainKill(pid, signo);
            return;
        }
        int fd;
        try {
            fd = pidfds.open(pid, 0);
        } catch (LastErrorException x) {
            throw errors.of("pidfd_open", pid, x);
        }
        try {
            // The pidfd pins this pid to whichever process had it when opened: check that it is ours.
            verify(e, "pidfd_send_signal");
            pidfds.sendSignal(fd, signo);
        } catch (LastErrorException x) {
            throw errors.of("pidfd_send_signal", pid, x);
        } finally {
            closePidfd(fd);
        }
    }

    /**
     * Waits on a pidfd of the process (readable once it has exited) instead of polling /proc: the end
     * is seen at once, and nothing runs meanwhile. The pidfd is opened first and the identity checked
     * after, so it cannot belong to a process that reused the pid. Falls back to polling when pidfds are
     * unavailable.
     */
    @Override
    public boolean awaitExit(ProcessEntry entry, Duration timeout) throws InterruptedException {
        return awaitAnyExit(List.of(entry), timeout);
    }

    /** More entries than this are waited for by polling: one pidfd each would be a large share of the fd limit. */
    static final int MAX_PIDFDS_AT_ONCE = 1024;

    /**
     * One pidfd per entry, all in one {@code poll(2)}: the first end is seen at once. Identities are checked
     * after the pidfds are open, so no pidfd belongs to a process that reused a pid. Falls back to polling /proc when pidfds are
     * unavailable, cannot be opened (EMFILE), or there are more than {@value #MAX_PIDFDS_AT_ONCE} entries.
     */
    @Override
    public boolean awaitAnyExit(List<ProcessEntry> entries, Duration timeout) throws InterruptedException {
        Pidfds pidfds = platform.pidfdCalls();
        int n = entries.size();
        if (!pidfds.available() || n == 0 || n > MAX_PIDFDS_AT_ONCE) {
            return super.awaitAnyExit(entries, timeout);
        }
        int[] fds = new int[n];
        int opened = 0;
        try {
            for (ProcessEntry e : entries) {
                try {
                    fds[opened] = pidfds.open(((Entry) e).stat.pid(), 0);
                    opened++;
                } catch (LastErrorException x) {
                    if (x.getErrorCode() == c.ESRCH) {
                        return true;
                    }
                    return super.awaitAnyExit(entries, timeout);
                }
            }
            for (ProcessEntry e : entries) {
                if (!isRunning(e)) {
                    return true; // ended, or its pid now names another process (then it has ended)
                }
            }
            Memory pfds = new Memory(8L * n);
            for (int i = 0; i < n; i++) {
                pfds.setInt(8L * i, fds[i]);
                pfds.setShort(8L * i + 4, (short) c.POLLIN); // revents: poll(2) writes every one itself
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    for (ProcessEntry e : entries) {
                        if (!isRunning(e)) {
                            return true;
                        }
                    }
                    return false;
                }
                int sliceMs = (int) Math.min(WaitEngine.POLL_SLICE_MS, (left + 999_999) / 1_000_000);
                try {
                    if (LinuxLibC.poll(pfds, n, sliceMs) > 0) {
                        return true;
                    }
                } catch (LastErrorException x) {
                    if (x.getErrorCode() != c.EINTR) {
                        return super.awaitAnyExit(entries, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                    }
                }
            }
        } finally {
            for (int i = 0; i < opened; i++) {
                closePidfd(fds[i]);
            }
        }
    }

    private static void closePidfd(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException ignored) {
            // a pidfd close cannot fail in a way that matters here
        }
    }

    private void verify(Entry e, String operation) {
        ProcStat now = statOrNull(e.stat.pid());
        if (now == null) {
            throw gone(operation, e.stat.pid());
        }
        if (now.starttime() != e.stat.starttime()) {
            throw reused(operation, e.stat.pid());
        }
    }

    /** One process, read from /proc: stat now, the rest when first asked. */
    final class Entry implements ProcessEntry {
        final ProcStat stat;
        private final Instant created;
        private volatile ProcStatus status;
        private volatile List<String> cmdline;
        private volatile String exe;
        private volatile String name;

        Entry(ProcStat stat) {
            this.stat = stat;
            this.created = LinuxProcessTable.this.createTime(stat.starttime());
        }

        @Override
        public int pid() {
            return stat.pid();
        }

        @Override
        public int ppid() {
            return stat.ppid();
        }

        @Override
        public Instant createTime() {
            return created;
        }

        @Override
        public String name() {
            String n = name;
            if (n == null) {
                n = stat.comm();
                if (n.length() >= 15) {
                    // comm is cut at 15 bytes; the program's base name tells the rest (psutil does the same).
                    try {
                        List<String> argv = cmdline();
                        if (!argv.isEmpty()) {
                            String base = argv.get(0);
                            base = base.substring(base.lastIndexOf('/') + 1);
                            if (base.startsWith(n)) {
                                n = base;
                            }
                        }
                    } catch (OsException ignored) {
                        // keep comm
                    }
                }
                name = n;
            }
            return n;
        }

        @Override
        public String exe() {
            String x = exe;
            if (x == null) {
                Path link = PROC.resolve(Integer.toString(stat.pid())).resolve("exe");
                try {
                    x = Files.readSymbolicLink(link).toString();
                } catch (AccessDeniedException e) {
                    throw denied("readlink " + link, stat.pid());
                } catch (NoSuchFileException e) {
                    throw missing("readlink " + link);
                } catch (IOException e) {
                    throw translate(e, "readlink " + link, stat.pid());
                }
                exe = x;
            }
            return x;
        }

        /** A file or link that is not there: a zombie, a kernel thread, or a process gone. */
        private OsException missing(String operation) {
            ProcStat now = statOrNull(stat.pid());
            if (now == null || now.starttime() != stat.starttime()) {
                return gone(operation, stat.pid());
            }
            if (now.state() == 'Z') {
                return zombie(operation, stat.pid());
            }
            return gone(operation, stat.pid());
        }

        @Override
        public List<String> cmdline() {
            List<String> a = cmdline;
            if (a == null) {
                ProcFiles f = files.get();
                try {
                    int n = f.read(stat.pid(), "cmdline");
                    a = List.copyOf(ProcCmdline.parse(f.bytes(), n));
                } catch (IOException e) {
                    throw translate(e, "read /proc/" + stat.pid() + "/cmdline", stat.pid());
                }
                if (a.isEmpty() && stat.state() == 'Z') {
                    throw zombie("read /proc/" + stat.pid() + "/cmdline", stat.pid());
                }
                cmdline = a;
            }
            return a;
        }

        private ProcStatus status() {
            ProcStatus s = status;
            if (s == null) {
                ProcFiles f = files.get();
                try {
                    int n = f.read(stat.pid(), "status");
                    s = ProcStatus.parse(f.bytes(), n);
                } catch (IOException e) {
                    throw translate(e, "read /proc/" + stat.pid() + "/status", stat.pid());
                }
                status = s;
            }
            return s;
        }

        @Override
        public OptionalInt uid() {
            return OptionalInt.of(status().realUid());
        }

        @Override
        public String username() {
            return LinuxProcessTable.this.username(status().realUid());
        }

        @Override
        public ProcessState state() {
            return ProcessState.fromLinuxCode(stat.state());
        }

        @Override
        public CpuTimes cpuTimes() {
            return new CpuTimes(ticks(stat.utime()), ticks(stat.stime()));
        }

        @Override
        public MemoryInfo memory() {
            return new MemoryInfo(Math.max(0, stat.rssPages()) * pageSize, Math.max(0, stat.vsize()));
        }

        @Override
        public int threads() {
            return stat.numThreads();
        }

        @Override
        public String toString() {
            return "LinuxProcess[" + stat.pid() + " " + stat.comm() + "]";
        }
    }
}
