package io.prockit.examples;

import java.util.Objects;

/**
 * One seed example: its name for {@code run NAME}, a one-line description, the seed it ports, the
 * platform it needs and its entry point (the example class's {@code main}).
 *
 * <pre>{@code
 * Example e = new Example("os-spawn", "spawnlp(P_WAIT, 'ls', ...)", "004 PyMOTW os: os_spawn_example.py",
 *         Platform.POSIX, true, SpawnExample::main);
 * e.body().run(new String[0]);
 * }</pre>
 *
 * <p>Platform notes: {@link #platform()} decides whether {@code all} runs it on the current OS.
 *
 * @param name        the name given to {@code run}
 * @param description one line saying what it shows
 * @param seed        the seed it ports (file number and the Python program)
 * @param platform    where it can run
 * @param inAll       whether {@code all} runs it (false for examples that open windows or need a user)
 * @param body        its {@code main}
 */
public record Example(String name, String description, String seed, Platform platform, boolean inAll, Body body) {

    /** An example's {@code main}: runs it with the given arguments. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the example.
         *
         * @param args its command-line arguments
         * @throws Exception whatever the example throws
         */
        void run(String[] args) throws Exception;
    }

    /**
     * Checks the fields.
     *
     * @param name        see the record description
     * @param description see the record description
     * @param seed        see the record description
     * @param platform    see the record description
     * @param inAll       see the record description
     * @param body        see the record description
     */
    public Example {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(body, "body");
        if (name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("example name must be one word: \"" + name + "\"");
        }
    }
}
