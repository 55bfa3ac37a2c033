/**
 * The process-wide calls of Python's {@code os} on Windows: the running process
 * ({@link io.prockit.windows.os.WindowsCurrentProcess}: environment, working directory, {@code exec*}
 * emulation, {@code _exit}, {@code times}, ...; its pure decisions in {@code LiveProcess}), {@code startfile}
 * ({@link io.prockit.windows.os.WindowsOnlyCalls} over {@code ShellExecute}), and the process table
 * ({@link io.prockit.windows.os.WindowsProcessTable}: Toolhelp32, the PEB command line, its error mapping
 * {@code TableErrors} and {@code FILETIME} conversion {@code WinTime}).
 *
 * <p>Uses {@code spawn} for the pure codecs (command-line parsing, the environment block) and {@code platform};
 * {@code exec*} reaches the spawn path only through the function the composition root hands it.
 * <strong>Not API</strong>: applications call {@code io.prockit.Os}; the package is not exported from the module.
 */
package io.prockit.windows.os;
