/**
 * The service-provider interface a platform module implements. <strong>Public, but for backend
 * authors</strong>: applications use {@link io.prockit.Os}, {@link io.prockit.Command} and
 * {@link io.prockit.Child}. Backends are found with {@link java.util.ServiceLoader}; see
 * {@link io.prockit.spi.ProcessBackend}.
 *
 * <h2>The contract</h2>
 * {@link io.prockit.spi.ProcessBackend} is small: what every backend must do. It names itself and says
 * whether it serves the running OS (without loading native code), and brings the platform's
 * {@link io.prockit.spi.SignalTable signals}, {@link io.prockit.spi.StatusCodec wait-status codec} and
 * constants; it spawns ({@link io.prockit.spi.SpawnRequest} in, {@link io.prockit.spi.ChildHandle} out),
 * watches output, waits ({@code waitpid}), signals ({@code kill}), and offers the
 * {@link io.prockit.spi.ProcessTableProvider process table}.
 *
 * <h2>Capabilities</h2>
 * The rest of Python's {@code os} is grouped into capability interfaces that a backend hands out:
 * <ul>
 *   <li>{@link io.prockit.spi.CurrentProcess} ({@code currentProcess()}, always there): what both POSIX
 *       and Windows have on the running process: exec, {@code _exit}, {@code abort}, the live environment,
 *       working directory, {@code umask}, {@code strerror}, {@code times}, {@code getlogin}, CPU counts;</li>
 *   <li>{@link io.prockit.spi.PosixCalls} ({@code posix()}, empty on Windows): ids
 *       ({@link io.prockit.spi.IdCalls}), process groups, sessions and terminals
 *       ({@link io.prockit.spi.GroupCalls}), priority ({@link io.prockit.spi.PriorityCalls}),
 *       {@code wait4}/{@code waitid} ({@link io.prockit.spi.WaitCalls}), system information
 *       ({@link io.prockit.spi.SystemInfoCalls}), {@code posix_spawn}, {@code close}, {@code isatty};
 *       and, empty on macOS, {@link io.prockit.spi.SavedIdCalls}, {@link io.prockit.spi.SchedulerCalls} and
 *       {@link io.prockit.spi.PidfdCalls};</li>
 *   <li>{@link io.prockit.spi.WindowsCalls} ({@code windows()}, empty elsewhere): {@code startfile}.</li>
 * </ul>
 * A function a platform lacks is an empty capability, never a method that throws "unsupported":
 * {@link io.prockit.Os} turns the absence into Python's "Availability" exception, in one place
 * ({@code UnsupportedOperationException("os.fork is not available on Windows")}). A call that a capability
 * offers but the running system refuses at run time (an old C library, an old kernel) is an
 * {@link io.prockit.OsException} of kind {@link io.prockit.ErrorKind#UNSUPPORTED}.
 *
 * <h2>Checking a backend</h2>
 * Core's test jar holds {@code io.prockit.contract.BackendContract}, an abstract JUnit 5 suite written
 * against the public API only (spawn, stdio, environment, working directory, wait, signals, exit status,
 * errors). Every backend module extends it in its tests, so a change is checked the same way on Linux,
 * macOS and Windows.
 */
package io.prockit.spi;
