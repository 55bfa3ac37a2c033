package io.prockit;

import java.time.Duration;
import java.util.Objects;

/**
 * CPU time a process has used so far: psutil's {@code cpu_times()} ({@code user}, {@code system}).
 *
 * <pre>{@code
 * CpuTimes t = ProcessTable.self().cpuTimes();
 * Duration total = t.total();
 * }</pre>
 *
 * <p>Platform notes: Linux counts in clock ticks ({@code USER_HZ}, normally 10 ms); macOS reports
 * Mach absolute-time ticks converted with {@code mach_timebase_info}; Windows 100 ns units from
 * {@code GetProcessTimes}.
 *
 * <p>Availability: Linux, macOS, Windows.
 *
 * @param user   time spent in user mode
 * @param system time spent in the kernel on the process's behalf
 */
public record CpuTimes(Duration user, Duration system) {
    /** Checks the fields. */
    public CpuTimes {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(system, "system");
    }

    /** @return user plus system time */
    public Duration total() {
        return user.plus(system);
    }
}
