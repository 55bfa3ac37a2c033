/**
 * Linux-only parts of the POSIX backend: the constant table, pidfds and the epoll reaper, /proc.
 * <strong>Not API</strong> except {@link io.prockit.posix.linux.LinuxConstants}, which is public for tests and tools.
 */
package io.prockit.posix.linux;
