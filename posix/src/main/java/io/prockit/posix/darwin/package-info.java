/**
 * Everything macOS-only in the POSIX backend: {@link io.prockit.posix.darwin.DarwinPlatform}, the constant table
 * ({@link io.prockit.posix.darwin.DarwinConstants}, checked against Apple's header values), the kqueue reaper,
 * the libproc process table and its structure readers.
 *
 * <p>Never uses {@code linux}. <strong>Not API</strong>: not exported from the module; only the composition
 * root {@code io.prockit.posix} chooses these classes.
 */
package io.prockit.posix.darwin;
