package io.prockit.examples;

import java.util.Locale;

/**
 * Where an example can run.
 *
 * <p>Platform notes: decided from the {@code os.name} system property, as prockit's backend
 * selection does; no native code is loaded.
 */
public enum Platform {
    /** Every OS prockit supports. */
    ANY("any OS"),
    /** Linux, macOS and other POSIX systems. */
    POSIX("a POSIX system (Linux, macOS)"),
    /** Windows only. */
    WINDOWS("Windows");

    private final String description;

    Platform(String description) {
        this.description = description;
    }

    /** @return true when running on Windows */
    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** @return whether an example for this platform can run on the current OS */
    public boolean matchesCurrent() {
        return switch (this) {
            case ANY -> true;
            case POSIX -> !isWindows();
            case WINDOWS -> isWindows();
        };
    }

    /** @return a human description, e.g. {@code "Windows"} */
    public String description() {
        return description;
    }
}
