/**
 * JNA mappings of the kernel32 and ntdll functions, structures and constants that jna-platform
 * lacks.
 * <strong>Not public API</strong>: the module does not export this package (it is opened to JNA
 * only), and its contents may change in any release.
 *
 * <p>Only declarations live here, no logic: {@link io.prockit.windows.jna.Kernel32Ext} and
 * {@link io.prockit.windows.jna.NtDllExt} (functions),
 * {@link io.prockit.windows.jna.WinConstants} (numbers, each block citing its header), and one
 * {@code @FieldOrder} class per structure. Every structure and constant is checked against the
 * Win64 ABI by {@code WinLayoutTest}.
 */
package io.prockit.windows.jna;
