/**
 * JNA mappings of libc: function declarations and constants of layout only, no logic.
 * <strong>Not API</strong>: not exported from the module; the signatures follow the C headers
 * and may change with them.
 */
package io.prockit.posix.jna;
