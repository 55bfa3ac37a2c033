/**
 * The one spawn path: the pure plan ({@link io.prockit.posix.spawn.SpawnPlan}: argv, envp, PATH, attributes, and
 * the descriptor moves of {@link io.prockit.posix.spawn.FdMoves}), {@link io.prockit.posix.spawn.Spawner} (the only
 * class that calls {@code posix_spawn*}, for {@code Command}, {@code Os.spawn*}, {@code Os.posixSpawn*},
 * {@code Os.system} and {@code Os.popen*}), the reading of a failed spawn
 * ({@link io.prockit.posix.spawn.SpawnFailure}), PATH search ({@link io.prockit.posix.spawn.PathSearch}, pure Java),
 * the pty ({@link io.prockit.posix.spawn.PtySpawn}) and {@code execv*} ({@link io.prockit.posix.spawn.Exec}).
 *
 * <p>Shared by Linux and macOS: it never names a platform package. <strong>Not API</strong>: classes are public
 * only for the composition root and the sibling packages; the package is not exported from the module.
 */
package io.prockit.posix.spawn;
