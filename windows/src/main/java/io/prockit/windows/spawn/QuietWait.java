package io.prockit.windows.spawn;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Waits until a counter stops moving: the ConPTY teardown's "drain until quiet". conhost renders on a thread
 * of its own, so when the child's handle is signalled its last output may still be on its way into the pipe;
 * {@code ClosePseudoConsole} at that moment can lose it (Windows Terminal and bun met this, and Windows 11 24H2
 * added {@code ClosePseudoConsoleTimeout} for it). {@link PseudoConsole} therefore watches the output, bytes
 * read by the caller plus bytes waiting in the pipe, and closes once that total has not moved for
 * {@link #QUIET}, or after {@link #LIMIT} at most.
 *
 * <p>Pure: the counter, the clock and the pause are passed in, so the timing logic is tested everywhere.
 */
final class QuietWait {
    /** How long the output must stay still. */
    static final Duration QUIET = Duration.ofMillis(150);
    /** The longest wait, however busy the output. */
    static final Duration LIMIT = Duration.ofSeconds(3);
    /** How often the counter is read. */
    static final Duration STEP = Duration.ofMillis(25);

    /** Pauses the calling thread. */
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private QuietWait() {
    }

    /**
     * Waits until {@code progress} has kept one value for {@code quiet}, reading it every {@code step}.
     *
     * @param progress a counter that moves while output flows
     * @param nanoClock a clock in nanoseconds ({@code System::nanoTime})
     * @param pause    the pause between readings
     * @param quiet    how long the counter must stay still
     * @param limit    the longest wait
     * @param step     the time between readings
     * @return true if it went quiet, false if the limit was reached first
     * @throws InterruptedException if interrupted while pausing
     */
    static boolean await(LongSupplier progress, LongSupplier nanoClock, Pause pause, Duration quiet, Duration limit,
                         Duration step) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        if (quiet.isNegative() || limit.isNegative() || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("quiet " + quiet + ", limit " + limit + ", step " + step);
        }
        long start = nanoClock.getAsLong();
        long last = progress.getAsLong();
        long stillSince = start;
        while (true) {
            long now = nanoClock.getAsLong();
            if (now - stillSince >= quiet.toNanos()) {
                return true;
            }
            if (now - start >= limit.toNanos()) {
                return false;
            }
            pause.sleep(step);
            long v = progress.getAsLong();
            if (v != last) {
                last = v;
                stillSince = nanoClock.getAsLong();
            }
        }
    }
}
