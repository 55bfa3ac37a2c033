/**
 * The service-provider interface a platform module implements. <strong>Public, but for backend
 * authors</strong>: applications use {@link io.prockit.Os}, {@link io.prockit.Command} and
 * {@link io.prockit.Child}. Backends are found with {@link java.util.ServiceLoader}; see
 * {@link io.prockit.spi.ProcessBackend}.
 */
package io.prockit.spi;
