package io.prockit.spi;

import io.prockit.SchedParam;

import java.util.Set;

/**
 * An optional part of {@link PosixCalls} ({@link PosixCalls#scheduler()}): a process's scheduling policy,
 * parameters and CPU affinity. Linux has them; macOS does not, and neither has Python there.
 */
public interface SchedulerCalls {

    /**
     * @param pid    a process, 0 for the caller
     * @param policy the policy
     * @param param  its parameters
     */
    void schedSetscheduler(int pid, int policy, SchedParam param);

    /**
     * @param pid a process, 0 for the caller
     * @return its policy
     */
    int schedGetscheduler(int pid);

    /**
     * @param pid   a process, 0 for the caller
     * @param param the parameters
     */
    void schedSetparam(int pid, SchedParam param);

    /**
     * @param pid a process, 0 for the caller
     * @return its parameters
     */
    SchedParam schedGetparam(int pid);

    /**
     * @param pid a process, 0 for the caller
     * @return its round-robin quantum in seconds
     */
    double schedRrGetInterval(int pid);

    /**
     * @param pid  a process, 0 for the caller
     * @param cpus the CPUs it may run on
     */
    void schedSetaffinity(int pid, Set<Integer> cpus);

    /**
     * @param pid a process, 0 for the caller
     * @return the CPUs it may run on
     */
    Set<Integer> schedGetaffinity(int pid);
}
