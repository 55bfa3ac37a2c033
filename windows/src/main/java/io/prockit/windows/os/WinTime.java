package io.prockit.windows.os;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code FILETIME} values as Java time; pure Java. A FILETIME is a 64-bit count of 100-nanosecond
 * intervals: since 1601-01-01 UTC for a point in time ({@code GetProcessTimes}' creation time),
 * or of elapsed time for a duration (its kernel and user times).
 */
final class WinTime {
    /** 100 ns intervals from 1601-01-01 to 1970-01-01 UTC: 369 years with 89 leap days. */
    static final long EPOCH_DIFFERENCE = 116_444_736_000_000_000L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private WinTime() {
    }

    /**
     * @param high {@code dwHighDateTime}
     * @param low  {@code dwLowDateTime}
     * @return the two halves as one unsigned count (read as a signed long; real values are positive)
     */
    static long ticks(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    /**
     * @param ticks 100 ns intervals since 1601-01-01 UTC
     * @return that instant, exactly
     */
    static Instant instant(long ticks) {
        long t = ticks - EPOCH_DIFFERENCE;
        return Instant.ofEpochSecond(Math.floorDiv(t, TICKS_PER_SECOND), Math.floorMod(t, TICKS_PER_SECOND) * 100);
    }

    /**
     * @param instant an instant
     * @return 100 ns intervals since 1601-01-01 UTC, the sub-100 ns part dropped
     */
    static long ticks(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), TICKS_PER_SECOND),
                instant.getNano() / 100) + EPOCH_DIFFERENCE;
    }

    /**
     * @param ticks a duration in 100 ns intervals, not negative
     * @return that duration
     */
    static Duration duration(long ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("a FILETIME duration must not be negative: " + ticks);
        }
        return Duration.ofSeconds(ticks / TICKS_PER_SECOND, (ticks % TICKS_PER_SECOND) * 100);
    }
}
