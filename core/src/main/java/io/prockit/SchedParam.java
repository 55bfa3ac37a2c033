package io.prockit;

/**
 * Python's {@code os.sched_param}: the scheduling parameters of {@link Os#schedSetscheduler},
 * {@link Os#schedSetparam} and {@link Os#schedGetparam}.
 *
 * <pre>{@code
 * Os.schedSetscheduler(0, Os.SCHED_OTHER, new SchedParam(0));
 * }</pre>
 *
 * <p>Platform notes: Linux and macOS take the same single field; macOS's {@code struct sched_param}
 * carries four more opaque bytes, which prockit zeroes.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.sched_param}.
 *
 * @param schedPriority the static priority, between {@link Os#schedGetPriorityMin} and
 *                      {@link Os#schedGetPriorityMax} of the policy
 */
public record SchedParam(int schedPriority) {
}
