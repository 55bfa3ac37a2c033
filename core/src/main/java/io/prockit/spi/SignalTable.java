package io.prockit.spi;

import java.util.Optional;
import java.util.Set;

/** A platform's signal names and numbers. Implementations are immutable. */
public interface SignalTable {

    /** @return every signal name the platform has, e.g. {@code "SIGTERM"} */
    Set<String> names();

    /**
     * @param name a signal name, e.g. {@code "SIGTERM"}
     * @return its number
     * @throws UnsupportedOperationException if the platform has no such signal
     */
    int number(String name);

    /**
     * @param number a signal number
     * @return its preferred name, empty if the number is no signal here
     */
    Optional<String> name(int number);

    /**
     * Whether {@code Os.kill} accepts this number. POSIX: 0 (existence check) and the signals of
     * {@link #names()}. Windows: any value, as Python documents (values other than the console events
     * become the exit code given to {@code TerminateProcess}).
     *
     * @param number the value given to {@code kill}
     * @return whether it is accepted
     */
    default boolean acceptsForKill(int number) {
        return number == 0 || name(number).isPresent();
    }
}
