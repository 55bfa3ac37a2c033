package io.prockit.spi;

/**
 * A platform's process table: listing processes and reading their details. Implemented by each
 * backend; used by {@code io.prockit.ProcessTable}.
 */
public interface ProcessTableProvider {
}
