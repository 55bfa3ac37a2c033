/**
 * Everything Linux-only in the POSIX backend: {@link io.prockit.posix.linux.LinuxPlatform}, the constant table
 * ({@link io.prockit.posix.linux.LinuxConstants}, checked against gcc), pidfds, the epoll reaper, the
 * {@code /proc} process table and its parsers (pure Java, tested on fixture data everywhere).
 *
 * <p>Never uses {@code darwin}. <strong>Not API</strong>: not exported from the module; only the composition
 * root {@code io.prockit.posix} chooses these classes.
 */
package io.prockit.posix.linux;
