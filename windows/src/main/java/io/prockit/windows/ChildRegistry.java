package io.prockit.windows;

/**
 * Where a new child is registered (the pid table and the waiter threads) and where it leaves. The
 * {@link Spawner} and {@link WindowsChild} get this narrow part instead of the whole {@link WindowsBackend},
 * which breaks the backend - spawner - child cycle (issue 12; kept by {@code ArchitectureTest}).
 */
interface ChildRegistry {
    /** @param child a child just started: table it and wait for its exit */
    void register(WindowsChild child);

    /** @param child a child whose handle is closed: drop it from the table */
    void forget(WindowsChild child);
}
