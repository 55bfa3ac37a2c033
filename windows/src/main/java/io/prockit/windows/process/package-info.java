/**
 * Children: {@link io.prockit.windows.process.WindowsChild} (it holds the process handle until collected, so
 * every signal goes through the handle, never the pid), the table of children not yet collected with its
 * waiter threads ({@link io.prockit.windows.process.Children}: {@code kill} and {@code waitpid}; one thread per
 * 63 children through {@code WaitGroups}), the narrow {@link io.prockit.windows.process.ChildRegistry} the
 * spawner and the children get instead of the backend, the handle-owning streams
 * ({@link io.prockit.windows.process.SharedHandle}, {@code HandleInputStream}, {@code HandleOutputStream}),
 * killing a whole tree (through the child's job object, or {@code ProcessTree} without one), and what a child needs of its pseudoconsole
 * ({@link io.prockit.windows.process.ChildConsole}).
 *
 * <p>Uses only {@code platform}: a child does not know how it was started. <strong>Not API</strong>: classes are
 * public only for the spawner and the composition root; the package is not exported from the module.
 */
package io.prockit.windows.process;
