/**
 * prockit core: the platform-free process API.
 *
 * <p>{@link io.prockit.Os} is the Python {@code os} face, {@link io.prockit.Command} and
 * {@link io.prockit.Child} the idiomatic one. Both run over one {@link io.prockit.spi.ProcessBackend},
 * found with {@link java.util.ServiceLoader} on the class path or the module path: add
 * {@code prockit-posix} (Linux, macOS) and/or {@code prockit-windows} at run time.
 */
module io.prockit {
    requires transitive org.slf4j;
    requires java.management;

    exports io.prockit;
    exports io.prockit.spi;

    uses io.prockit.spi.ProcessBackend;
}
