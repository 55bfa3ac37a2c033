/**
 * prockit's POSIX backend (Linux and macOS): {@code posix_spawn}, pidfd/epoll and kqueue reaping,
 * signals and ids through JNA mappings of libc. Add it at run time; applications use the API of
 * {@code io.prockit}.
 */
module io.prockit.posix {
    requires io.prockit;
    requires com.sun.jna;
    requires org.slf4j;

    exports io.prockit.posix.linux;
    exports io.prockit.posix.darwin;

    provides io.prockit.spi.ProcessBackend with io.prockit.posix.PosixBackend;
}
