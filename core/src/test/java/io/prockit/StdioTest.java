package io.prockit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link Stdio}'s factories refuse, before anything runs. What each redirect does to a child is tested
 * with real processes in the posix module ({@code StdioBehaviourTest}).
 */
class StdioTest {

    @Test
    void singletonsAreSingletons() {
        assertSame(Stdio.inherit(), Stdio.inherit());
        assertSame(Stdio.Inherit.INSTANCE, Stdio.inherit());
        assertSame(Stdio.Pipe.INSTANCE, Stdio.pipe());
        assertSame(Stdio.Discard.INSTANCE, Stdio.discard());
        assertSame(Stdio.ToStdout.INSTANCE, Stdio.toStdout());
    }

    @Test
    void aNegativeDescriptorIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stdio.fd(-3));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void aNulInAFileNameIsRefusedNamingIt() {
        // Path.of refuses NUL on POSIX file systems itself; a Path from another file system can still hold one.
        Path weird = FakePaths.of("in\0put");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stdio.from(weird));
        assertTrue(e.getMessage().contains("in\\0put"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stdio.to(weird));
        assertTrue(e.getMessage().contains("in\\0put"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stdio.appendTo(weird));
        assertTrue(e.getMessage().contains("in\\0put"), e.getMessage());
    }

    @Test
    void nullFilesAreRefused() {
        assertThrows(NullPointerException.class, () -> Stdio.from(null));
        assertThrows(NullPointerException.class, () -> Stdio.to(null));
        assertThrows(NullPointerException.class, () -> Stdio.appendTo(null));
    }
}
