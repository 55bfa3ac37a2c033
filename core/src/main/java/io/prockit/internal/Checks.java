package io.prockit.internal;

import java.time.Duration;

/** Argument checks that run before any system call; every message names the offending value. */
public final class Checks {
    private Checks() {
    }

    /**
     * Refuses a string holding NUL, which C would silently cut there.
     *
     * @param what  what the string is, for the message ("argument", "program", ...)
     * @param value the string; not null
     * @return value
     * @throws IllegalArgumentException naming the value
     */
    public static String noNul(String what, String value) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character: \"" + printable(value) + "\"");
        }
        return value;
    }

    /**
     * Checks an environment variable name: not empty, no {@code =}, no NUL.
     *
     * @param name the name
     * @return name
     */
    public static String envName(String name) {
        noNul("environment variable name", name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("environment variable name is empty");
        }
        if (name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("environment variable name contains '=': \"" + name + "\"");
        }
        return name;
    }

    /**
     * Checks a timeout.
     *
     * @param timeout the timeout
     * @return timeout
     */
    public static Duration timeout(Duration timeout) {
        if (timeout == null) {
            throw new NullPointerException("timeout is null");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return timeout;
    }

    /**
     * Checks a pid given to a call that takes exactly one process.
     *
     * @param function the function, for the message
     * @param pid      the pid
     * @return pid
     */
    public static int positivePid(String function, int pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException(function + ": pid must be > 0 (got " + pid + ")"
                    + (pid == 0 || pid < -1 ? "; use killpg for process groups" : ""));
        }
        return pid;
    }

    /** Shows NUL as {@code \0} so a message stays readable. */
    static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
