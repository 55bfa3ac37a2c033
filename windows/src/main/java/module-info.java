/**
 * prockit's Windows backend: {@code CreateProcessW} with an explicit handle list, job objects,
 * console control events and one waiter design for many children, through JNA mappings of
 * kernel32. Add it at run time; applications use the API of {@code io.prockit}.
 *
 * <p>Put it on the class path or module path next to {@code io.prockit}; it is found with
 * {@link java.util.ServiceLoader} and serves only when {@code os.name} starts with "Windows".
 */
module io.prockit.windows {
    requires io.prockit;
    requires com.sun.jna;
    requires com.sun.jna.platform;
    requires org.slf4j;

    // Nothing is exported: applications use io.prockit's API and find WindowsBackend through
    // ServiceLoader; the packages below io.prockit.windows are implementation (see their package-info).
    // JNA reads and instantiates the structures and proxies the mapping interface reflectively.
    opens io.prockit.windows.jna to com.sun.jna;

    provides io.prockit.spi.ProcessBackend with io.prockit.windows.WindowsBackend;
}
