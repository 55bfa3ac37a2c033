/**
 * Everything Linux-only in the POSIX backend: {@link io.prockit.posix.linux.LinuxPlatform}, the constant table
 * ({@link io.prockit.posix.linux.LinuxConstants}, checked against gcc), pidfds, the epoll reaper and the output
 * loop's epoll poller, the saved-id and scheduler calls, the tree walk through pidfds and {@code /proc}, the
 * {@code /proc} process table and its parsers (pure Java, tested on fixture data everywhere).
 *
 * <p>Never uses {@code darwin}. <strong>Not API</strong>: not exported from the module; only the composition
 * root {@code io.prockit.posix} chooses these classes.
 */
package io.prockit.posix.linux;
