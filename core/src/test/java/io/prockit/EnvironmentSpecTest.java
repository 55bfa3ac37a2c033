package io.prockit;

import io.prockit.spi.EnvironmentSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EnvironmentSpec#applyTo}: order, removal, replacement. */
class EnvironmentSpecTest {

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void inheritGivesTheParentUnchangedInAFreshMap() {
        Map<String, String> parent = ordered("A", "1", "B", "2");
        Map<String, String> env = EnvironmentSpec.inherit().applyTo(parent);
        assertEquals(parent, env);
        assertNotSame(parent, env);
        env.put("C", "3");
        assertEquals(2, parent.size(), "the parent's map is not touched");
        assertTrue(EnvironmentSpec.inherit().isInheritedUnchanged());
    }

    @Test
    void changesApplyInOrder() {
        // set, remove, set again: the last word wins
        EnvironmentSpec spec = new EnvironmentSpec(false, ordered("A", "x", "B", null, "C", "3"));
        Map<String, String> env = spec.applyTo(ordered("B", "2", "A", "1", "D", "4"));
        assertEquals(List.of("A", "D", "C"), List.copyOf(env.keySet()), "existing names keep their place");
        assertEquals(ordered("A", "x", "D", "4", "C", "3"), env);
        assertFalse(spec.isInheritedUnchanged());
    }

    @Test
    void removingAMissingNameIsHarmless() {
        EnvironmentSpec spec = new EnvironmentSpec(false, ordered("NOPE", null));
        assertEquals(ordered("A", "1"), spec.applyTo(ordered("A", "1")));
    }

    @Test
    void clearIgnoresTheParent() {
        EnvironmentSpec spec = new EnvironmentSpec(true, ordered("ONLY", "1", "GONE", null));
        assertEquals(ordered("ONLY", "1"), spec.applyTo(ordered("LD_PRELOAD", "/tmp/evil.so", "PATH", "/bin")));
        assertEquals(Map.of(), new EnvironmentSpec(true, Map.of()).applyTo(ordered("A", "1")));
        assertFalse(new EnvironmentSpec(true, Map.of()).isInheritedUnchanged());
    }

    @Test
    void theChangesAreACopyThatCannotChange() {
        Map<String, String> changes = ordered("A", "1", "B", null);
        EnvironmentSpec spec = new EnvironmentSpec(false, changes);
        changes.put("C", "3");
        assertEquals(ordered("A", "1", "B", null), spec.changes());
        assertThrows(UnsupportedOperationException.class, () -> spec.changes().put("D", "4"));
        assertEquals(List.of("A", "B"), List.copyOf(spec.changes().keySet()));
    }
}
