/**
 * prockit's POSIX backend (Linux and macOS): {@code posix_spawn}, pidfd/epoll and kqueue reaping,
 * signals and ids through JNA mappings of libc. Add it at run time; applications use the API of
 * {@code io.prockit}.
 */
module io.prockit.posix {
    requires io.prockit;
    requires com.sun.jna;
    requires org.slf4j;

    // Nothing is exported: applications use io.prockit's API and find PosixBackend through
    // ServiceLoader; the packages below io.prockit.posix are implementation (see their package-info).

    provides io.prockit.spi.ProcessBackend with io.prockit.posix.PosixBackend;
}
