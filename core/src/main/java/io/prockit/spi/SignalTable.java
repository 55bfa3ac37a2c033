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
}
