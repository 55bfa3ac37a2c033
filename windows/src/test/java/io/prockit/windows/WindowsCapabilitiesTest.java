package io.prockit.windows;

import io.prockit.spi.Descriptors;
import io.prockit.windows.os.WindowsDescriptors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Windows backend offers the descriptor capability (issue 15), as a separate object built once, without
 * loading native code: runs on every OS.
 */
class WindowsCapabilitiesTest {

    @Test
    void theDescriptorCapabilityIsOfferedAsItsOwnObject() {
        WindowsBackend backend = new WindowsBackend();
        Descriptors d = backend.descriptors().orElseThrow();
        assertNotSame(backend, d, "a capability object, not the backend itself");
        assertSame(d, backend.descriptors().orElseThrow(), "built once");
        assertFalse(d.hasPipe2(), "pipe2 is Linux-only: Os.pipe2 refuses before asking");
        assertTrue(d instanceof WindowsDescriptors);
    }
}
