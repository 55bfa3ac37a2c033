/**
 * Children: {@link io.prockit.posix.process.PosixChild}, the registry of children not yet collected
 * ({@link io.prockit.posix.process.ChildRegistry}), the one wait engine
 * ({@link io.prockit.posix.process.WaitEngine}: {@code Child.waitFor} and {@code Os.waitpid/wait3/wait4/waitid/waitAny}),
 * the reaper contract ({@link io.prockit.posix.process.Reaper}) with its platform-neutral polling fallback, the
 * fd-owning streams ({@link io.prockit.posix.process.FdStreams}), the output loop (with the portable
 * {@code poll(2)} poller), and killing whole trees ({@link io.prockit.posix.process.TreeKill}, with the portable
 * (pid, start time) walk; {@link io.prockit.posix.process.Cgroups}, cgroup v2 on Linux, which belongs in
 * {@code linux} once {@code PosixChild} reaches it through {@code PosixPlatform}). What a child needs of its
 * backend is one {@link io.prockit.posix.process.ChildContext}, never the backend.
 *
 * <p>Shared by Linux and macOS; platform differences come from {@code PosixPlatform}. The epoll and kqueue
 * reapers, the epoll poller and the pidfd tree walk live in {@code linux} and {@code darwin}.
 * <strong>Not API</strong>: not exported from the module.
 */
package io.prockit.posix.process;
