package io.prockit.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child's environment as asked for: start empty or from the parent's live environment (the
 * one {@code Os.putenv} changes, not the JVM's start-up snapshot), then apply {@code changes} in
 * order, where a null value removes the name.
 *
 * @param clear   start from an empty environment
 * @param changes names to set (non-null value) or remove (null value), in order
 */
public record EnvironmentSpec(boolean clear, Map<String, String> changes) {

    private static final EnvironmentSpec INHERIT = new EnvironmentSpec(false, Map.of());

    /**
     * Copies the changes, keeping their order and null values.
     *
     * @param clear   start empty
     * @param changes the changes
     */
    public EnvironmentSpec {
        // Nearly every spawn inherits the environment unchanged: no copy for that case.
        changes = changes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** @return the parent's environment unchanged */
    public static EnvironmentSpec inherit() {
        return INHERIT;
    }

    /** @return whether the child gets the parent's environment exactly */
    public boolean isInheritedUnchanged() {
        return !clear && changes.isEmpty();
    }

    /**
     * Applies this spec to a base environment.
     *
     * @param parent the parent's environment (ignored when {@link #clear()})
     * @return the child's environment, in a fresh mutable map
     */
    public Map<String, String> applyTo(Map<String, String> parent) {
        Map<String, String> env = clear ? new LinkedHashMap<>() : new LinkedHashMap<>(parent);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (e.getValue() == null) {
                env.remove(e.getKey());
            } else {
                env.put(e.getKey(), e.getValue());
            }
        }
        return env;
    }
}
