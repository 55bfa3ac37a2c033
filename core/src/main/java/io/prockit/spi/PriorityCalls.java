package io.prockit.spi;

/** Part of {@link PosixCalls}: niceness and priority, and the scheduler calls every POSIX system has. */
public interface PriorityCalls {

    /**
     * As the C library's {@code nice()}: lowering the niceness without privilege fails with {@code EPERM}.
     *
     * @param increment added to the niceness
     * @return the new niceness
     */
    int nice(int increment);

    /**
     * @param which {@code PRIO_*}
     * @param who   id, 0 for the caller
     * @return the priority
     */
    int getpriority(int which, int who);

    /**
     * @param which    {@code PRIO_*}
     * @param who      id, 0 for the caller
     * @param priority the niceness
     */
    void setpriority(int which, int who, int priority);

    /**
     * @param policy a {@code SCHED_*} policy
     * @return its minimum priority
     */
    int schedGetPriorityMin(int policy);

    /**
     * @param policy a {@code SCHED_*} policy
     * @return its maximum priority
     */
    int schedGetPriorityMax(int policy);

    /** Yields the processor. */
    void schedYield();
}
