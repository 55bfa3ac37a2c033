package io.prockit.internal;

import io.prockit.spi.ProcessBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the backend for the running OS, once, lazily.
 *
 * <p>Selection never runs in a static initializer: a failure (no backend on the class path) is
 * thrown to the caller as a clear {@link UnsupportedOperationException} and tried again on the
 * next call, instead of leaving a class that can no longer be initialised.
 */
public final class Backends {
    /** System property naming the backend to use ({@code posix} or {@code windows}). */
    public static final String PROPERTY = "prockit.backend";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static volatile ProcessBackend selected;

    private Backends() {
    }

    /**
     * @return the backend for this JVM
     * @throws UnsupportedOperationException when no backend serves the running OS, naming the artifact to add
     */
    public static ProcessBackend get() {
        ProcessBackend b = selected;
        if (b == null) {
            synchronized (Backends.class) {
                b = selected;
                if (b == null) {
                    b = select();
                    selected = b;
                }
            }
        }
        return b;
    }

    /**
     * The running backend's constants, or an empty map when there is none (so that classes
     * holding constants initialise on any OS).
     *
     * @return the constants
     */
    public static Map<String, Integer> constantsOrEmpty() {
        try {
            return get().constants();
        } catch (UnsupportedOperationException e) {
            return Map.of();
        }
    }

    private static ProcessBackend select() {
        String wanted = System.getProperty(PROPERTY);
        Map<String, ProcessBackend> found = new LinkedHashMap<>();
        for (ClassLoader loader : loaders()) {
            ServiceLoader<ProcessBackend> sl = loader == null
                    ? ServiceLoader.load(ProcessBackend.class)
                    : ServiceLoader.load(ProcessBackend.class, loader);
            try {
                for (ProcessBackend b : sl) {
                    found.putIfAbsent(b.name(), b);
                }
            } catch (ServiceConfigurationError e) {
                LOG.debug("skipping a backend that failed to load: {}", e.toString());
            }
        }
        String os = System.getProperty("os.name");
        if (wanted != null && !wanted.isBlank()) {
            ProcessBackend b = found.get(wanted.trim());
            if (b == null) {
                throw new UnsupportedOperationException("-D" + PROPERTY + "=" + wanted
                        + " names no backend on the class path or module path; found " + found.keySet()
                        + " (add io.prockit:prockit-" + wanted.trim() + ")");
            }
            LOG.debug("backend {} chosen by -D{}", b.name(), PROPERTY);
            return b;
        }
        for (ProcessBackend b : found.values()) {
            if (b.isSupported()) {
                LOG.debug("backend {} serves os.name={}", b.name(), os);
                return b;
            }
        }
        String artifact = os != null && os.toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                ? "io.prockit:prockit-windows" : "io.prockit:prockit-posix";
        throw new UnsupportedOperationException("no prockit backend supports os.name=\"" + os + "\" (found "
                + found.keySet() + "); add " + artifact + " to the class path or module path");
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(null); // the caller's module layer / thread context loader
        loaders.add(ProcessBackend.class.getClassLoader());
        return loaders;
    }
}
