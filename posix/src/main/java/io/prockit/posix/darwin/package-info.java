/**
 * macOS-only parts of the POSIX backend: the constant table and the kqueue reaper.
 * <strong>Not API</strong> except {@link io.prockit.posix.darwin.DarwinConstants}, which is public for tests and tools.
 */
package io.prockit.posix.darwin;
