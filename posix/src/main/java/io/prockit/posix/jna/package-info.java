/**
 * JNA mappings of libc (and of libproc on macOS): function declarations and structure layouts only, no logic;
 * it uses only JNA and {@code java.*} (kept by {@code ArchitectureTest}). The Linux-only and macOS-only
 * mappings ({@code LinuxLibC}, {@code DarwinLibC}, {@code LibProc}) are meant for the platform packages.
 *
 * <p><strong>Not API</strong>: not exported from the module; the signatures follow the C headers and may change
 * with them.
 */
package io.prockit.posix.jna;
