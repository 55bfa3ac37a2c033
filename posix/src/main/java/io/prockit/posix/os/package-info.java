/**
 * The process-wide calls of Python's {@code os} module ({@link io.prockit.posix.os.PosixSystem}): ids, groups and
 * sessions, scheduling, priorities, terminals, the live environment, system information.
 *
 * <p>Shared by Linux and macOS. <strong>Not API</strong>: applications call {@code io.prockit.Os}; the package is
 * not exported from the module.
 */
package io.prockit.posix.os;
