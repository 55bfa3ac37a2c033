/**
 * What every package of the Windows backend shares: the kernel32 helpers
 * ({@link io.prockit.windows.platform.Win32}: last-error capture, handle closing, system and current
 * directories, the process snapshot, exit codes, job limits), the mapping of Win32 error codes to
 * {@code OsException} ({@link io.prockit.windows.platform.WinErrors}), and the tables the composition root hands
 * out: signals, the wait-status codec and Python's constants on Windows.
 *
 * <p>The lowest package above {@code jna}: it uses only {@code jna}, JNA and {@code io.prockit}, so
 * {@code spawn}, {@code process} and {@code os} can all use it without a cycle. <strong>Not API</strong>: not
 * exported from the module.
 */
package io.prockit.windows.platform;
