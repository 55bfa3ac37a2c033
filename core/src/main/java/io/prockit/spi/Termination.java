package io.prockit.spi;

import io.prockit.ExitStatus;
import io.prockit.ResourceUsage;

/**
 * How a child ended, as its backend's reaper recorded it when it reaped the child (exactly once).
 *
 * @param waitStatus the raw wait status ({@code exitcode << 8} on Windows)
 * @param status     the decoded exit status
 * @param rusage     the resources it used
 */
public record Termination(long waitStatus, ExitStatus status, ResourceUsage rusage) {
}
