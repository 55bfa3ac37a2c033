package io.prockit.windows.process;

/**
 * Where a new child is registered (the pid table and the waiter threads) and where it leaves. The
 * spawner and {@link WindowsChild} get this narrow part instead of the whole {@code WindowsBackend},
 * which breaks the backend - spawner - child cycle (issue 12; kept by {@code ArchitectureTest}).
 */
public interface ChildRegistry {
    /** @param child a child just started: table it and wait for its exit */
    void register(WindowsChild child);

    /** @param child a child whose handle is closed: drop it from the table */
    void forget(WindowsChild child);
}
