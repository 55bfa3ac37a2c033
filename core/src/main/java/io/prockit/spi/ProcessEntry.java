package io.prockit.spi;

import io.prockit.CpuTimes;
import io.prockit.MemoryInfo;
import io.prockit.ProcessState;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * One process as a backend's {@link ProcessTableProvider} read it: the backend side of
 * {@link io.prockit.ProcessInfo}.
 *
 * <p>{@link #pid()}, {@link #ppid()} and {@link #createTime()} are known when the entry is made (the
 * listing reads them in its one pass); every other field may be read lazily, on first request, and
 * then kept. A field the caller may not read throws {@link io.prockit.OsException} of kind
 * {@code PERMISSION_DENIED} for that field only; a process gone since the listing throws
 * {@code NO_SUCH_PROCESS}; a field a zombie no longer has (its executable, its command line) throws
 * {@code ZOMBIE}. Values describe the process at the moment they were first read: core makes a new
 * entry ({@link ProcessTableProvider#get(int)}) to refresh.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProcessEntry {

    /** @return the process id */
    int pid();

    /** @return the parent's process id, 0 when there is none (the kernel's own processes) */
    int ppid();

    /**
     * The creation time: with {@link #pid()} the identity of the process, so it must be exactly the
     * same value each time the same process is read (Linux: boot time plus the start ticks; Windows:
     * {@code GetProcessTimes} creation time).
     *
     * @return when the process was created
     */
    Instant createTime();

    /** @return the short name: Linux {@code comm} (extended from the command line when truncated), macOS {@code pbi_name}, Windows the image file name */
    String name();

    /** @return the absolute path of the executable */
    String exe();

    /** @return the argument vector, program first; empty for kernel threads */
    List<String> cmdline();

    /** @return the real user id; empty on Windows */
    OptionalInt uid();

    /** @return the owner's user name (Windows: {@code DOMAIN\\user}); the numeric id as text when it has no name */
    String username();

    /** @return the state */
    ProcessState state();

    /** @return cpu times used */
    CpuTimes cpuTimes();

    /** @return resident and virtual memory */
    MemoryInfo memory();

    /** @return the number of threads */
    int threads();
}
