package io.prockit.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Checks}: each refusal names the value, and a NUL is shown as {@code \0}. */
class ChecksTest {

    @Test
    void noNulPassesCleanStringsThrough() {
        String s = "hello world = ok";
        assertSame(s, Checks.noNul("argument", s));
        assertEquals("", Checks.noNul("argument", ""));
    }

    @Test
    void noNulNamesWhatAndShowsTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.noNul("argument", "a\0b\0"));
        assertEquals("argument contains a NUL character: \"a\\0b\\0\"", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Checks.noNul("program", null));
        assertEquals("program is null", npe.getMessage());
        // A NUL as the very first character counts too.
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> Checks.noNul("argument", "\0x"));
        assertTrue(first.getMessage().contains("\\0x"), first.getMessage());
    }

    @Test
    void envNames() {
        assertEquals("PATH", Checks.envName("PATH"));
        assertEquals("lower_and.dots-1", Checks.envName("lower_and.dots-1"));
        assertEquals("environment variable name is empty",
                assertThrows(IllegalArgumentException.class, () -> Checks.envName("")).getMessage());
        assertEquals("environment variable name contains '=': \"=C:\"",
                assertThrows(IllegalArgumentException.class, () -> Checks.envName("=C:")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checks.envName("A\0")).getMessage()
                .contains("A\\0"));
    }

    @Test
    void timeouts() {
        assertEquals(Duration.ZERO, Checks.timeout(Duration.ZERO));
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertSame(huge, Checks.timeout(huge), "absurdly long is allowed: it means forever");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.timeout(Duration.ofMillis(-1)));
        assertEquals("timeout must not be negative: PT-0.001S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.timeout(Duration.ofSeconds(Long.MIN_VALUE)));
        assertThrows(NullPointerException.class, () -> Checks.timeout(null));
    }

    @Test
    void positivePids() {
        assertEquals(1, Checks.positivePid("kill", 1));
        assertEquals(Integer.MAX_VALUE, Checks.positivePid("kill", Integer.MAX_VALUE));
        String zero = assertThrows(IllegalArgumentException.class, () -> Checks.positivePid("kill", 0)).getMessage();
        assertEquals("kill: pid must be > 0 (got 0); use killpg for process groups", zero);
        String minus1 = assertThrows(IllegalArgumentException.class, () -> Checks.positivePid("kill", -1)).getMessage();
        assertEquals("kill: pid must be > 0 (got -1)", minus1, "-1 is 'everyone', not a group");
        String group = assertThrows(IllegalArgumentException.class,
                () -> Checks.positivePid("waitpid", -1234)).getMessage();
        assertTrue(group.startsWith("waitpid: pid must be > 0 (got -1234)") && group.contains("killpg"), group);
        String min = assertThrows(IllegalArgumentException.class,
                () -> Checks.positivePid("kill", Integer.MIN_VALUE)).getMessage();
        assertTrue(min.contains(Integer.toString(Integer.MIN_VALUE)), min);
    }

    @Test
    void printableOnlyReplacesNul() {
        assertEquals("a\\0b", Checks.printable("a\0b"));
        assertEquals("tab\tnew\nline", Checks.printable("tab\tnew\nline"));
        assertFalse(Checks.printable("\0\0").contains("\0"));
    }
}
