package io.prockit;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pure parts of {@link ExitStatus}. Core's tests run without a backend, so nothing here asks a
 * {@link Signal} for its number; the "signal: 9 (SIGKILL) (core dumped)" form is tested in the POSIX module (CoreDumpTest).
 */
class ExitStatusTest {

    @Test
    void exitedReadsLikeRust() {
        assertEquals("exit status: 3", ExitStatus.exited(3).toString());
        assertEquals("exit status: 0", ExitStatus.exited(0).toString());
        assertEquals("exit status: -1073741819", ExitStatus.exited(0xC0000005).toString());
    }

    @Test
    void onlyZeroIsSuccess() {
        assertTrue(ExitStatus.exited(0).success());
        for (int code : new int[] {1, 2, 127, 255, -1, Integer.MIN_VALUE}) {
            assertFalse(ExitStatus.exited(code).success(), "code " + code);
        }
    }

    @Test
    void exitedCarriesItsCodeAndNoSignal() {
        ExitStatus s = ExitStatus.exited(42);
        assertEquals(OptionalInt.of(42), s.code());
        assertEquals(Optional.empty(), s.signal());
        assertEquals(42, s.toExitcode());
        assertEquals(new ExitStatus.Exited(42), s);
        assertEquals(s.hashCode(), ExitStatus.exited(42).hashCode());
        assertNotEquals(ExitStatus.exited(43), s);
    }

    @Test
    void signaledHasNoCodeAndIsNeverSuccess() {
        ExitStatus s = ExitStatus.signaled(Signal.SIGKILL, true);
        assertFalse(s.success());
        assertEquals(OptionalInt.empty(), s.code());
        assertEquals(Optional.of(Signal.SIGKILL), s.signal());
        assertTrue(((ExitStatus.Signaled) s).coreDumped());
    }

    @Test
    void signaledEqualityUsesSignalAndCoreFlag() {
        assertEquals(ExitStatus.signaled(Signal.SIGTERM, false), ExitStatus.signaled(Signal.SIGTERM, false));
        assertNotEquals(ExitStatus.signaled(Signal.SIGTERM, false), ExitStatus.signaled(Signal.SIGTERM, true));
        assertNotEquals(ExitStatus.signaled(Signal.SIGTERM, false), ExitStatus.signaled(Signal.SIGKILL, false));
        assertNotEquals(ExitStatus.exited(9), ExitStatus.signaled(Signal.SIGKILL, false));
    }

    @Test
    void signaledRefusesNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> ExitStatus.signaled(null, false));
        assertTrue(e.getMessage().contains("termSignal"), e.getMessage());
    }

    @Test
    void theTwoKindsAreTheOnlyOnes() {
        assertEquals(2, ExitStatus.class.getPermittedSubclasses().length);
    }

    @Test
    void exitCodeIsThePlainAccessorAndThrowsWhenSignalled() {
        ExitStatus exited = ExitStatus.exited(3);
        org.junit.jupiter.api.Assertions.assertEquals(3, exited.exitCode());
        ExitStatus killed = ExitStatus.signaled(Signal.SIGKILL, false);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                killed::exitCode);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("SIGKILL"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(ExitStatus.exited(0).success());
    }
}
