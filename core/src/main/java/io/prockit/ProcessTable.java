package io.prockit;

import io.prockit.internal.Backends;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of this machine: psutil's {@code process_iter()}, {@code Process(pid)} and
 * {@code pids()}.
 *
 * <pre>{@code
 * for (ProcessInfo p : ProcessTable.list()) {
 *     System.out.println(p.pid() + " " + p.orElse(ProcessInfo::name, "?"));
 * }
 * ProcessInfo me = ProcessTable.self();
 * List<ProcessInfo> makes = ProcessQuery.all().name("make").list();
 * KillReport r = ProcessQuery.all().name("make").killer().grace(Duration.ofSeconds(5)).kill();
 * }</pre>
 *
 * <p>Platform notes: Linux reads {@code /proc} (one read of {@code /proc/[pid]/stat} per process
 * while listing; {@code status}, {@code cmdline} and {@code exe} only when asked); macOS uses
 * {@code proc_listallpids}, {@code proc_pidinfo} and {@code sysctl(KERN_PROCARGS2)}; Windows a
 * Toolhelp32 snapshot, {@code QueryFullProcessImageNameW}, {@code GetProcessTimes} and the command
 * line read from the process. Processes of other users are listed; their protected fields throw
 * {@link ErrorKind#PERMISSION_DENIED} when read.
 *
 * <p>Availability: Linux ({@code /proc}), macOS (libproc, {@code sysctl}), Windows (Toolhelp32).
 */
public final class ProcessTable {
    private ProcessTable() {
    }

    static ProcessTableProvider provider() {
        return Backends.get().processTable();
    }

    /**
     * Lists every process in one pass; processes that end during the listing are left out.
     *
     * @return the processes, in pid order
     */
    public static List<ProcessInfo> list() {
        ProcessTableProvider p = provider();
        List<ProcessEntry> entries = p.list();
        List<ProcessInfo> out = new ArrayList<>(entries.size());
        for (ProcessEntry e : entries) {
            out.add(new ProcessInfo(p, e));
        }
        return out;
    }

    /**
     * One process, read now.
     *
     * @param pid a pid, &gt; 0
     * @return the process
     * @throws IllegalArgumentException if {@code pid <= 0}
     * @throws OsException {@link ErrorKind#NO_SUCH_PROCESS} if there is no such process
     */
    public static ProcessInfo of(int pid) {
        checkPid(pid);
        ProcessTableProvider p = provider();
        return new ProcessInfo(p, p.get(pid));
    }

    /**
     * One process, if it exists.
     *
     * @param pid a pid, &gt; 0
     * @return the process, empty when there is none
     */
    public static Optional<ProcessInfo> find(int pid) {
        checkPid(pid);
        try {
            return Optional.of(of(pid));
        } catch (OsException e) {
            if (e.kind() == ErrorKind.NO_SUCH_PROCESS) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return this JVM's own process */
    public static ProcessInfo self() {
        return of((int) ProcessHandle.current().pid());
    }

    /** @return whether a process with this pid exists now (zombies included) */
    public static boolean exists(int pid) {
        return find(pid).isPresent();
    }

    static int checkPid(int pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be > 0 (got " + pid + ")");
        }
        return pid;
    }

    static OsException gone(int pid, String operation) {
        int esrch = Backends.constantsOrEmpty().getOrDefault("ESRCH", 0);
        return new OsException(operation, Integer.toString(pid), esrch, ErrorKind.NO_SUCH_PROCESS,
                "No such process (the pid names another process now)");
    }
}
