/**
 * prockit's Windows backend: {@code CreateProcessW} with an explicit handle list, job objects,
 * console control events and one waiter design for many children, through JNA mappings of
 * kernel32.
 *
 * <p>Put it on the class path or module path next to {@code io.prockit}; it is found with
 * {@link java.util.ServiceLoader} and serves only when {@code os.name} starts with "Windows".
 * {@link io.prockit.windows.CommandLine}, {@link io.prockit.windows.EnvironmentBlock} and
 * {@link io.prockit.windows.ProgramSearch} are pure Java and usable on any OS.
 */
module io.prockit.windows {
    requires io.prockit;
    requires com.sun.jna;
    requires com.sun.jna.platform;
    requires org.slf4j;

    exports io.prockit.windows;
    // JNA reads and instantiates the structures and proxies the mapping interface reflectively.
    opens io.prockit.windows.jna to com.sun.jna;

    provides io.prockit.spi.ProcessBackend with io.prockit.windows.WindowsBackend;
}
