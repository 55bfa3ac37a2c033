package io.prockit;

/**
 * Python's {@code os.times()} result: processor times in seconds.
 *
 * <pre>{@code
 * TimesResult t = Os.times();
 * double cpu = t.user() + t.system();
 * }</pre>
 *
 * <p>Platform notes: POSIX fills all five from {@code times(2)}, in clock ticks of
 * {@code sysconf(_SC_CLK_TCK)}; {@code elapsed} counts from an arbitrary point in the past
 * (boot on Linux). Windows has no children's times: they are 0, as in Python.
 *
 * <p>Availability: Unix, Windows, as {@code os.times} (on Windows only the user and system times).
 *
 * @param user           this process's user time
 * @param system         this process's system time
 * @param childrenUser   user time of all waited-for children
 * @param childrenSystem system time of all waited-for children
 * @param elapsed        real time since a fixed point in the past
 */
public record TimesResult(double user, double system, double childrenUser, double childrenSystem, double elapsed) {
}
