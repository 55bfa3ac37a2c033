/**
 * The spawn path: {@link io.prockit.posix.spawn.Spawner} (the class that calls {@code posix_spawn*}),
 * PATH search ({@link io.prockit.posix.spawn.PathSearch}, pure Java), the pty ({@link io.prockit.posix.spawn.PtySpawn})
 * and {@code execv*} ({@link io.prockit.posix.spawn.Exec}). {@link io.prockit.posix.spawn.PosixSpawn}, the
 * second copy behind {@code Os.posixSpawn}, is being folded into the spawner (issue 12).
 *
 * <p>Shared by Linux and macOS: it never names a platform package. <strong>Not API</strong>: classes are public
 * only for the composition root and the sibling packages; the package is not exported from the module.
 */
package io.prockit.posix.spawn;
