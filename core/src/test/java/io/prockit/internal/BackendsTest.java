package io.prockit.internal;

import io.prockit.Command;
import io.prockit.Signal;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backend selection with no backend on the class path (core's own tests have none). A failed
 * selection is not cached, so each test sees the error path afresh.
 */
class BackendsTest {

    private static String expectedArtifact() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "io.prockit:prockit-windows" : "io.prockit:prockit-posix";
    }

    @Test
    void noBackendNamesTheArtifactToAdd() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, Backends::get);
        assertTrue(e.getMessage().contains(expectedArtifact()), e.getMessage());
        assertTrue(e.getMessage().contains(System.getProperty("os.name")), e.getMessage());
        // not cached as a broken class: the same clear error again
        UnsupportedOperationException again = assertThrows(UnsupportedOperationException.class, Backends::get);
        assertEquals(e.getMessage(), again.getMessage());
    }

    @Test
    void theFirstCallThatNeedsABackendSaysWhatToAdd() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Command.of("true").spawn());
        assertTrue(e.getMessage().contains(expectedArtifact()), e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, Signal.SIGKILL::number);
        assertTrue(e.getMessage().contains(expectedArtifact()), e.getMessage());
    }

    @Test
    void constantsAreEmptyWithoutABackend() {
        assertEquals(Map.of(), Backends.constantsOrEmpty());
    }

    @Test
    void anUnknownBackendPropertyIsNamed() {
        String old = System.getProperty(Backends.PROPERTY);
        System.setProperty(Backends.PROPERTY, "nonsense");
        try {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, Backends::get);
            assertTrue(e.getMessage().contains("-Dprockit.backend=nonsense"), e.getMessage());
            assertTrue(e.getMessage().contains("io.prockit:prockit-nonsense"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(Backends.PROPERTY);
            } else {
                System.setProperty(Backends.PROPERTY, old);
            }
        }
    }
}
