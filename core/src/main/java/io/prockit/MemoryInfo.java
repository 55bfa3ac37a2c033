package io.prockit;

/**
 * Memory of a process: psutil's {@code memory_info()} fields {@code rss} and {@code vms}, in bytes.
 *
 * <pre>{@code
 * long rss = ProcessTable.self().memory().rss();
 * }</pre>
 *
 * <p>Platform notes: Linux reads fields 23 and 24 of {@code /proc/[pid]/stat} (vsize, rss pages);
 * macOS {@code pti_resident_size} and {@code pti_virtual_size}; Windows the working set and the
 * private bytes of {@code GetProcessMemoryInfo}.
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param rss resident set size: physical memory in use, bytes
 * @param vms virtual memory size, bytes
 */
public record MemoryInfo(long rss, long vms) {
    /** Checks the fields. */
    public MemoryInfo {
        if (rss < 0 || vms < 0) {
            throw new IllegalArgumentException("memory sizes must not be negative: rss=" + rss + ", vms=" + vms);
        }
    }
}
