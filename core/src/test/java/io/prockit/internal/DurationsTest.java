package io.prockit.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Durations}: saturates instead of overflowing, exact below the cap. */
class DurationsTest {

    @Test
    void exactBelowTheCap() {
        assertEquals(0, Durations.toNanos(Duration.ZERO));
        assertEquals(1, Durations.toNanos(Duration.ofNanos(1)));
        assertEquals(5_000_000_123L, Durations.toNanos(Duration.ofSeconds(5, 123)));
        assertEquals(100L * 365 * 86_400 * 1_000_000_000L, Durations.toNanos(Duration.ofDays(100 * 365)));
    }

    @Test
    void saturatesUpToForever() {
        for (Duration d : new Duration[] {Duration.ofDays(300_000), Duration.ofSeconds(Long.MAX_VALUE),
            ChronoUnit.FOREVER.getDuration(), Duration.ofNanos(Long.MAX_VALUE), Duration.ofDays(150 * 365)}) {
            assertEquals(Durations.MAX_NANOS, Durations.toNanos(d), d.toString());
        }
    }

    @Test
    void deadlinesFarAwayStayInTheFuture() {
        long deadline = Durations.deadline(ChronoUnit.FOREVER.getDuration());
        long left = Durations.remaining(deadline);
        assertTrue(left > Durations.MAX_NANOS - 60_000_000_000L && left <= Durations.MAX_NANOS, "left " + left);
        assertTrue(Durations.remaining(Durations.deadline(Duration.ZERO)) <= 0);
    }

    @Test
    void ceilMillisRoundsUpAndCaps() {
        assertEquals(0, Durations.ceilMillis(0));
        assertEquals(1, Durations.ceilMillis(1));
        assertEquals(1, Durations.ceilMillis(1_000_000));
        assertEquals(2, Durations.ceilMillis(1_000_001));
        assertEquals(Integer.MAX_VALUE, Durations.ceilMillis(Durations.MAX_NANOS));
    }

    @Test
    void negativeIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Durations.toNanos(Duration.ofSeconds(-3)));
        assertTrue(e.getMessage().contains("PT-3S"), e.getMessage());
    }
}
