/**
 * The POSIX backend's logic: spawning, reaping, streams, waiting and signals. Only
 * {@link io.prockit.posix.PosixBackend} is public, for {@link java.util.ServiceLoader}; the package is
 * <strong>not API</strong> and is not exported from the module.
 */
package io.prockit.posix;
