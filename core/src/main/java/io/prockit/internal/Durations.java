package io.prockit.internal;

import java.time.Duration;

/**
 * Saturating conversions of a {@link Duration} for waits and deadlines, so that every public method taking
 * a duration accepts anything up to {@code ChronoUnit.FOREVER} (about 292 billion years) instead of throwing
 * {@link ArithmeticException} from {@link Duration#toNanos()} half-way through its work.
 *
 * <p>A wait longer than {@link #MAX_NANOS} (about 146 years) is a wait without limit in practice, and
 * capping there keeps {@code deadline - System.nanoTime()} exact: the JDK promises correct differences of
 * {@code nanoTime} values only when they are less than 2<sup>63</sup> ns apart.
 */
public final class Durations {
    /** The longest wait in nanoseconds: {@code Long.MAX_VALUE / 2}, about 146 years; "no limit". */
    public static final long MAX_NANOS = Long.MAX_VALUE / 2;

    private Durations() {
    }

    /**
     * @param d a non-negative duration (callers check with {@link Checks#timeout} first)
     * @return {@code d} in nanoseconds, at most {@link #MAX_NANOS}
     */
    public static long toNanos(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + d);
        }
        // Compare before converting: toNanos() itself throws above ~292 years.
        if (d.getSeconds() >= MAX_NANOS / 1_000_000_000L) {
            return MAX_NANOS;
        }
        return Math.min(d.toNanos(), MAX_NANOS);
    }

    /**
     * @param d a non-negative duration
     * @return a {@link System#nanoTime()} deadline {@code d} from now; compare with
     * {@link #remaining(long)}, never with {@code <}
     */
    public static long deadline(Duration d) {
        return System.nanoTime() + toNanos(d);
    }

    /**
     * @param deadline a value from {@link #deadline(Duration)}
     * @return nanoseconds left until it, negative or zero once it has passed
     */
    public static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    /**
     * @param nanos nanoseconds, not negative
     * @return whole milliseconds, rounded up, at most {@code Integer.MAX_VALUE} (for {@code poll(2)} and the like)
     */
    public static int ceilMillis(long nanos) {
        long ms = nanos / 1_000_000L + (nanos % 1_000_000L != 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, ms));
    }
}
