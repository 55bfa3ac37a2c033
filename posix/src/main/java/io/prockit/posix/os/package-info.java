/**
 * The process-wide calls of Python's {@code os} module ({@link io.prockit.posix.os.PosixSystem}): ids, groups and
 * sessions, scheduling, priorities, terminals, system information; the live environment's one owner
 * ({@link io.prockit.posix.os.LiveEnvironment}) and the descriptor functions ({@link io.prockit.posix.os.PosixDescriptors});
 * the capability objects the backend hands out ({@link io.prockit.posix.os.PosixCurrentProcess},
 * {@link io.prockit.posix.os.PosixOsCalls}).
 *
 * <p>Shared by Linux and macOS. <strong>Not API</strong>: applications call {@code io.prockit.Os}; the package is
 * not exported from the module.
 */
package io.prockit.posix.os;
