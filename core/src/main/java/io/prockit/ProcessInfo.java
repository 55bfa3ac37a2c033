package io.prockit;

import io.prockit.internal.Checks;
import io.prockit.internal.Durations;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * One process of the {@link ProcessTable}: psutil's {@code Process}.
 *
 * <pre>{@code
 * ProcessInfo p = ProcessTable.of(pid);
 * System.out.println(p.name() + " " + p.cmdline() + " started " + p.createTime());
 * p.suspend();                       // SIGSTOP
 * p.resume();                        // SIGCONT
 * p.terminate();                     // SIGTERM
 * if (!p.waitFor(Duration.ofSeconds(3))) p.kill();
 * String exe = p.orElse(ProcessInfo::exe, "?");   // "?" where the caller may not read it
 * }</pre>
 *
 * <p><b>Identity.</b> A {@code ProcessInfo} names one process: its pid together with its creation
 * time. Two are equal when both match. Once the process has ended and the system gave its pid to a
 * new process, every action ({@link #signal}, {@link #terminate}, {@link #kill}, {@link #suspend},
 * {@link #resume}) throws {@link OsException} of kind {@link ErrorKind#NO_SUCH_PROCESS} instead of
 * touching the newcomer.
 *
 * <p><b>Fields.</b> {@link #pid()}, {@link #ppid()} and {@link #createTime()} are read with the
 * listing; the others when first asked and then kept (call {@link #refresh()} for current values).
 * A field the caller may not read throws {@code OsException} of kind
 * {@link ErrorKind#PERMISSION_DENIED} for that field only; a process gone since it was listed throws
 * {@link ErrorKind#NO_SUCH_PROCESS}; what a zombie no longer has ({@link #exe()},
 * {@link #cmdline()}) throws {@link ErrorKind#ZOMBIE}.
 *
 * <p>Platform notes: on Linux actions go through a pidfd opened and then re-verified, so a reused pid
 * is never signalled; on macOS the creation time is checked right before {@code kill(2)} (a window of
 * microseconds remains); on Windows through a process HANDLE whose creation time is checked. Windows
 * has no signals: {@link #signal} throws {@link UnsupportedOperationException} there except for
 * {@code SIGTERM} (as {@link #terminate}) and {@code SIGKILL} (as {@link #kill}).
 *
 * <p>Thread-safe.
 *
 * <p>Availability: Linux, macOS, Windows; {@code uid} is POSIX-only (empty on Windows), and a field the OS will
 * not tell this process is reported as access denied for that field.
 */
public final class ProcessInfo {
    private final ProcessTableProvider provider;
    private final ProcessEntry entry;

    ProcessInfo(ProcessTableProvider provider, ProcessEntry entry) {
        this.provider = Objects.requireNonNull(provider);
        this.entry = Objects.requireNonNull(entry);
    }

    ProcessEntry entry() {
        return entry;
    }

    ProcessTableProvider provider() {
        return provider;
    }

    /** @return the process id */
    public int pid() {
        return entry.pid();
    }

    /** @return the parent's process id as it was when this process was read; 0 when it has none */
    public int ppid() {
        return entry.ppid();
    }

    /** @return when the process was created; with {@link #pid()} its identity */
    public Instant createTime() {
        return entry.createTime();
    }

    /**
     * @param now the moment to measure to
     * @return how long the process has existed at {@code now}
     */
    public Duration age(Instant now) {
        Duration d = Duration.between(entry.createTime(), now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The name: Linux {@code comm} (15 characters, extended to the program's base name from the
     * command line when truncated, as psutil does), macOS {@code pbi_name}, Windows the image name
     * ({@code make.exe}).
     *
     * @return the name
     */
    public String name() {
        return entry.name();
    }

    /** @return the absolute path of the executable; throws {@code PERMISSION_DENIED} for other users' processes on Linux */
    public String exe() {
        return entry.exe();
    }

    /** @return the argument vector, program first; empty for kernel threads */
    public List<String> cmdline() {
        return entry.cmdline();
    }

    /** @return the real user id; empty on Windows */
    public OptionalInt uid() {
        return entry.uid();
    }

    /** @return the owner's user name; the numeric uid as text when the user database has no name for it */
    public String username() {
        return entry.username();
    }

    /** @return the state when it was read (see {@link #refresh()}) */
    public ProcessState state() {
        return entry.state();
    }

    /** @return cpu time used, when read */
    public CpuTimes cpuTimes() {
        return entry.cpuTimes();
    }

    /** @return resident and virtual memory, when read */
    public MemoryInfo memory() {
        return entry.memory();
    }

    /** @return the number of threads, when read */
    public int threads() {
        return entry.threads();
    }

    /**
     * Reads a field, giving {@code fallback} where the caller may not read it or the process no
     * longer has it (psutil's {@code ad_value}): for listings that must not stop at one process.
     *
     * <pre>{@code
     * String user = p.orElse(ProcessInfo::username, "?");
     * }</pre>
     *
     * @param field    the getter, e.g. {@code ProcessInfo::exe}
     * @param fallback the value for {@code PERMISSION_DENIED}, {@code ZOMBIE} and {@code NO_SUCH_PROCESS}
     * @param <T>      the field's type
     * @return the value or {@code fallback}
     */
    public <T> T orElse(Function<ProcessInfo, T> field, T fallback) {
        try {
            return field.apply(this);
        } catch (OsException e) {
            if (e.kind() == ErrorKind.PERMISSION_DENIED || e.kind() == ErrorKind.ZOMBIE
                    || e.kind() == ErrorKind.NO_SUCH_PROCESS) {
                return fallback;
            }
            throw e;
        }
    }

    /**
     * Reads the process again.
     *
     * @return a fresh view of the same process
     * @throws OsException {@code NO_SUCH_PROCESS} if it has ended and its pid is gone or reused
     */
    public ProcessInfo refresh() {
        ProcessEntry now = provider.get(entry.pid());
        if (!now.createTime().equals(entry.createTime())) {
            throw ProcessTable.gone(entry.pid(), "refresh");
        }
        return new ProcessInfo(provider, now);
    }

    /** @return whether the process still runs: same pid, same creation time, not a zombie */
    public boolean isRunning() {
        return provider.isRunning(entry);
    }

    /**
     * The parent, if it still runs and was created before this process (so a reused parent pid is
     * not mistaken for the parent).
     *
     * @return the parent
     */
    public Optional<ProcessInfo> parent() {
        int ppid = entry.ppid();
        if (ppid <= 0 || ppid == entry.pid()) {
            return Optional.empty();
        }
        try {
            ProcessEntry p = provider.get(ppid);
            if (p.createTime().isAfter(entry.createTime())) {
                return Optional.empty();
            }
            return Optional.of(new ProcessInfo(provider, p));
        } catch (OsException e) {
            if (e.kind() == ErrorKind.NO_SUCH_PROCESS) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the parent, its parent, and so on up to the first process (init, launchd, System) */
    public List<ProcessInfo> parents() {
        List<ProcessInfo> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        seen.add(pid());
        Optional<ProcessInfo> p = parent();
        while (p.isPresent() && seen.add(p.get().pid())) {
            out.add(p.get());
            p = p.get().parent();
        }
        return out;
    }

    /** @return the direct children running now */
    public List<ProcessInfo> children() {
        return children(false);
    }

    /**
     * The children running now, from one listing of the table. A child must have been created no
     * earlier than this process, which keeps a reused pid from adopting strangers.
     *
     * @param recursive also their children, and so on (breadth first)
     * @return the children
     */
    public List<ProcessInfo> children(boolean recursive) {
        return descendants(provider, List.of(entry), provider.list(), recursive).stream()
                .map(e -> new ProcessInfo(provider, e)).toList();
    }

    static List<ProcessEntry> descendants(ProcessTableProvider provider, List<ProcessEntry> roots,
                                          List<ProcessEntry> table, boolean recursive) {
        Map<Integer, List<ProcessEntry>> byParent = new HashMap<>();
        for (ProcessEntry e : table) {
            if (e.pid() != e.ppid()) {
                byParent.computeIfAbsent(e.ppid(), k -> new ArrayList<>()).add(e);
            }
        }
        List<ProcessEntry> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        Deque<ProcessEntry> work = new ArrayDeque<>(roots);
        roots.forEach(r -> seen.add(r.pid()));
        while (!work.isEmpty()) {
            ProcessEntry parent = work.poll();
            for (ProcessEntry child : byParent.getOrDefault(parent.pid(), List.of())) {
                if (child.createTime().isBefore(parent.createTime()) || !seen.add(child.pid())) {
                    continue;
                }
                out.add(child);
                if (recursive) {
                    work.add(child);
                }
            }
        }
        return out;
    }

    /**
     * Sends a signal, unless the pid now names another process.
     *
     * @param signal the signal
     * @throws OsException {@code NO_SUCH_PROCESS} if the process has ended (or its pid was reused),
     *                     {@code PERMISSION_DENIED} if the caller may not signal it
     */
    public void signal(Signal signal) {
        Objects.requireNonNull(signal, "signal");
        // By name first: Windows has no numbers for SIGTERM/SIGKILL, only the actions they stand for.
        if (signal.equals(Signal.SIGKILL)) {
            provider.kill(entry);
        } else if (signal.equals(Signal.SIGTERM)) {
            provider.terminate(entry);
        } else {
            provider.signal(entry, signal.number());
        }
    }

    /** Asks the process to end: {@code SIGTERM}; Windows {@code WM_CLOSE} or {@code CTRL_BREAK_EVENT}. */
    public void terminate() {
        provider.terminate(entry);
    }

    /** Ends the process by force: {@code SIGKILL}; Windows {@code TerminateProcess}. */
    public void kill() {
        provider.kill(entry);
    }

    /** Stops the process: {@code SIGSTOP}; Windows {@code NtSuspendProcess}. */
    public void suspend() {
        provider.suspend(entry);
    }

    /** Continues a stopped process: {@code SIGCONT}; Windows {@code NtResumeProcess}. */
    public void resume() {
        provider.resume(entry);
    }

    /**
     * Waits for the process to end. It need not be the caller's child: this watches it (Linux: a
     * pidfd, polling {@code /proc} on kernels without pidfds; macOS: {@code proc_pidinfo} polling;
     * Windows: its HANDLE), it does not reap it.
     *
     * @param timeout how long at most; anything up to {@code ChronoUnit.FOREVER} (beyond about 146 years it
     *                means "no limit")
     * @return true if it has ended (exited, or is a zombie waiting for its parent)
     * @throws IllegalArgumentException if the timeout is negative
     * @throws InterruptedException if interrupted
     */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        Checks.timeout(timeout);
        // Saturated here, so a backend never converts more than ~146 years to nanoseconds.
        return provider.awaitExit(entry, Duration.ofNanos(Durations.toNanos(timeout)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessInfo p && p.entry.pid() == entry.pid()
                && p.entry.createTime().equals(entry.createTime());
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(entry.pid()) * 31 + entry.createTime().hashCode();
    }

    /** @return e.g. {@code ProcessInfo[pid=4242, name=sleep, started=2025-01-01T10:00:00Z]} */
    @Override
    public String toString() {
        return "ProcessInfo[pid=" + entry.pid() + ", name=" + orElse(ProcessInfo::name, "?")
                + ", started=" + entry.createTime() + "]";
    }
}
