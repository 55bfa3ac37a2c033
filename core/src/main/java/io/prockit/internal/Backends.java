package io.prockit.internal;

import io.prockit.spi.ProcessBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
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

    /**
     * Without {@code -Dprockit.backend}, the first backend that serves this OS is taken as soon as the
     * service loader has instantiated it: the others are never instantiated (on Linux the Windows backend's
     * classes are not even linked, a few milliseconds of a cold JVM's first spawn).
     */
    private static ProcessBackend select() {
        String wanted = System.getProperty(PROPERTY);
        boolean byName = wanted != null && !wanted.isBlank();
        String os = System.getProperty("os.name");
        Map<String, ProcessBackend> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ClassLoader loader : loaders()) {
            ServiceLoader<ProcessBackend> sl = loader == null
                    ? ServiceLoader.load(ProcessBackend.class)
                    : ServiceLoader.load(ProcessBackend.class, loader);
            Iterator<ProcessBackend> it = sl.iterator();
            while (true) {
                ProcessBackend b;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    b = it.next();
                } catch (ServiceConfigurationError e) {
                    Log.LOG.debug("skipping the backends of a loader that failed: {}", e.toString());
                    problems.add(e.getMessage());
                    break;
                }
                found.putIfAbsent(b.name(), b);
                if (byName ? b.name().equals(wanted.trim()) : b.isSupported()) {
                    if (byName) {
                        Log.LOG.debug("backend {} chosen by -D{}", b.name(), PROPERTY);
                    } else {
                        Log.LOG.debug("backend {} serves os.name={}", b.name(), os);
                    }
                    return b;
                }
            }
        }
        // A fat jar whose services file another module's overwrote (a shade without ServicesResourceTransformer)
        // still holds the backend's classes: try the known names before giving up.
        for (String className : KNOWN) {
            ProcessBackend b = byClassName(className, problems);
            if (b == null) {
                continue;
            }
            found.putIfAbsent(b.name(), b);
            if (byName ? b.name().equals(wanted.trim()) : b.isSupported()) {
                Log.LOG.warn("backend {} found by its class name {}: no META-INF/services entry named it (a fat jar"
                        + " should merge the services files: maven-shade-plugin's ServicesResourceTransformer)",
                        b.name(), className);
                return b;
            }
        }
        if (byName) {
            throw new UnsupportedOperationException("-D" + PROPERTY + "=" + wanted
                    + " names no backend on the class path or module path; found " + found.keySet()
                    + " (add io.prockit:prockit-" + wanted.trim() + ")");
        }
        String artifact = os != null && os.toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                ? "io.prockit:prockit-windows" : "io.prockit:prockit-posix";
        throw new UnsupportedOperationException("no prockit backend supports os.name=\"" + os + "\" (found "
                + describe(found) + "; services files " + servicesFiles() + (problems.isEmpty() ? "" : "; skipped: "
                + String.join("; ", problems)) + "); add " + artifact + " to the class path or module path (a fat"
                + " jar must merge META-INF/services files: maven-shade-plugin's ServicesResourceTransformer)");
    }

    /** The backends core knows by name, tried when no services entry served this OS. */
    private static final List<String> KNOWN = List.of("io.prockit.posix.PosixBackend",
            "io.prockit.windows.WindowsBackend");

    private static final String SERVICES = "META-INF/services/" + ProcessBackend.class.getName();

    /** @return the backend class {@code className} instantiated, or null when absent or unusable (noted) */
    private static ProcessBackend byClassName(String className, List<String> problems) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ProcessBackend.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> c = Class.forName(className, false, loader);
                if (!ProcessBackend.class.isAssignableFrom(c)) {
                    problems.add(className + " is not a " + ProcessBackend.class.getName());
                    return null;
                }
                return (ProcessBackend) c.getConstructor().newInstance();
            } catch (ClassNotFoundException | LinkageError e) {
                // not on this loader
            } catch (ReflectiveOperationException | RuntimeException e) {
                problems.add(className + ": " + e);
                return null;
            }
        }
        return null;
    }

    /** @return each backend found with the jar or directory it came from */
    private static String describe(Map<String, ProcessBackend> found) {
        List<String> out = new ArrayList<>();
        found.forEach((name, b) -> {
            java.security.CodeSource src = b.getClass().getProtectionDomain().getCodeSource();
            out.add(name + " (" + b.getClass().getName() + " from " + (src == null ? "?" : src.getLocation()) + ")");
        });
        return out.toString();
    }

    /** @return every services file for the backend interface visible here, with the class names it lists */
    private static String servicesFiles() {
        List<String> out = new ArrayList<>();
        java.util.Set<java.net.URL> seen = new java.util.LinkedHashSet<>();
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ProcessBackend.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                for (java.net.URL url : java.util.Collections.list(loader.getResources(SERVICES))) {
                    if (!seen.add(url)) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    try (java.io.InputStream in = url.openStream()) {
                        for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                .split("\\R")) {
                            String n = line.replaceAll("#.*", "").strip();
                            if (!n.isEmpty()) {
                                names.add(n);
                            }
                        }
                    }
                    out.add(url + " -> " + names);
                }
            } catch (java.io.IOException e) {
                out.add("(listing failed: " + e + ")");
            }
        }
        return out.toString();
    }

    /** The logger, created when first needed. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(null); // the caller's module layer / thread context loader
        loaders.add(ProcessBackend.class.getClassLoader());
        return loaders;
    }
}
