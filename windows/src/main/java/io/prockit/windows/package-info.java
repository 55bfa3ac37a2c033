/**
 * prockit's Windows backend. <strong>Public API</strong>: {@link io.prockit.windows.CommandLine}
 * (MSVCRT quoting and parsing, batch-file escaping), {@link io.prockit.windows.EnvironmentBlock}
 * and {@link io.prockit.windows.ProgramSearch}, which are pure Java and work on any OS, and
 * {@link io.prockit.windows.WindowsBackend}, which applications reach through
 * {@link java.util.ServiceLoader} rather than directly. Everything else here is package-private.
 */
package io.prockit.windows;
