package io.prockit;

/**
 * What {@code Os.wait3} and {@code Os.wait4} return: Python's {@code (pid, status, rusage)} tuple.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.wait3} / {@code os.wait4}.
 *
 * @param pid    the process whose state changed, or 0 under {@code WNOHANG} when none had
 * @param status its raw wait status
 * @param rusage the resources it used (all zero when {@code pid} is 0)
 */
public record Wait4Result(int pid, long status, ResourceUsage rusage) {
}
