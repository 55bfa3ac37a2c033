package io.prockit;

import java.time.Duration;

/**
 * Resources a process used: Python's {@code resource.struct_rusage}, as returned by
 * {@code wait3}, {@code wait4} and {@link Child#resourceUsage()}.
 *
 * <p>The components carry Python's field names in lowerCamelCase ({@code ru_utime} is
 * {@link #ruUtime()}); times are seconds as doubles, as in Python, and {@link #userTime()},
 * {@link #systemTime()} give them as {@link Duration}s.
 *
 * <p>Platform notes: {@code ru_maxrss} is in kilobytes on Linux and in bytes on macOS, as the
 * kernels report it; {@link #maxResidentBytes()} is bytes everywhere. On Windows only the times
 * (from {@code GetProcessTimes}) and the peak working set are filled; the rest are zero.
 *
 * <p>Availability: Linux, macOS, Windows; Windows fills only the CPU times and the peak working set.
 *
 * @param ruUtime    user CPU time, seconds
 * @param ruStime    system CPU time, seconds
 * @param ruMaxrss   peak resident set size, in the platform's unit (see above)
 * @param ruIxrss    integral shared memory size
 * @param ruIdrss    integral unshared data size
 * @param ruIsrss    integral unshared stack size
 * @param ruMinflt   page faults not requiring I/O
 * @param ruMajflt   page faults requiring I/O
 * @param ruNswap    swaps
 * @param ruInblock  block input operations
 * @param ruOublock  block output operations
 * @param ruMsgsnd   messages sent
 * @param ruMsgrcv   messages received
 * @param ruNsignals signals received
 * @param ruNvcsw    voluntary context switches
 * @param ruNivcsw   involuntary context switches
 * @param maxResidentBytes peak resident set size in bytes on every platform
 */
public record ResourceUsage(double ruUtime, double ruStime, long ruMaxrss, long ruIxrss, long ruIdrss,
                            long ruIsrss, long ruMinflt, long ruMajflt, long ruNswap, long ruInblock,
                            long ruOublock, long ruMsgsnd, long ruMsgrcv, long ruNsignals, long ruNvcsw,
                            long ruNivcsw, long maxResidentBytes) {

    /** @return user CPU time */
    public Duration userTime() {
        return Duration.ofNanos(Math.round(ruUtime * 1e9));
    }

    /** @return system CPU time */
    public Duration systemTime() {
        return Duration.ofNanos(Math.round(ruStime * 1e9));
    }
}
