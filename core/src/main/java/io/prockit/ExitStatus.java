package io.prockit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a child process ended: it {@linkplain Exited exited} with a code, or was
 * {@linkplain Signaled killed by a signal}. Data, not a magic int.
 *
 * <pre>{@code
 * ExitStatus s = Command.of("false").status();
 * s.success();            // false
 * s.code();               // OptionalInt[1]
 * s.toString();           // "exit status: 1"
 * s.toExitcode();         // 1, or -9 for death by SIGKILL (Python's waitstatus_to_exitcode)
 * }</pre>
 *
 * <p>Platform notes: on Windows a process always {@linkplain Exited exits}; its 32-bit exit code
 * is kept whole, as Java's {@code Process.exitValue()} does (codes above 2<sup>31</sup>, such as
 * {@code 0xC0000005}, read as negative ints).
 *
 * <p>Availability: Linux, macOS, Windows; a signal is reported on POSIX only.
 */
public sealed interface ExitStatus permits ExitStatus.Exited, ExitStatus.Signaled {

    /** @return true when the process exited with code 0 */
    boolean success();

    /** @return the exit code, empty when a signal ended the process */
    OptionalInt code();

    /**
     * The exit code, for the common case where a signal is not expected.
     *
     * <pre>{@code
     * int code = Command.of("grep", "-q", "x", file).status().exitCode();   // 0, 1 or 2
     * }</pre>
     *
     * @return the exit code
     * @throws IllegalStateException if a signal ended the process (it has no exit code); use {@link #code()}
     *                               or {@link #toExitcode()} when that can happen
     */
    int exitCode();

    /** @return the signal that ended the process, empty when it exited */
    Optional<Signal> signal();

    /**
     * Python's {@code os.waitstatus_to_exitcode} of this status.
     *
     * @return the exit code, or the negated signal number when a signal ended the process
     */
    int toExitcode();

    /**
     * Creates an exited status.
     *
     * @param code the exit code
     * @return the status
     */
    static ExitStatus exited(int code) {
        return new Exited(code);
    }

    /**
     * Creates a signaled status.
     *
     * @param signal     the signal
     * @param coreDumped whether a core dump was written
     * @return the status
     */
    static ExitStatus signaled(Signal signal, boolean coreDumped) {
        return new Signaled(signal, coreDumped);
    }

    /**
     * The process called {@code exit} (or returned from {@code main}) with {@code code}.
     *
     * @param exitCode the exit code: 0..255 on POSIX, a full 32-bit value on Windows
     */
    record Exited(int exitCode) implements ExitStatus {
        @Override
        public boolean success() {
            return exitCode == 0;
        }

        @Override
        public OptionalInt code() {
            return OptionalInt.of(exitCode);
        }

        @Override
        public Optional<Signal> signal() {
            return Optional.empty();
        }

        @Override
        public int toExitcode() {
            return exitCode;
        }

        /** @return {@code "exit status: N"} */
        @Override
        public String toString() {
            return "exit status: " + exitCode;
        }
    }

    /**
     * A signal ended the process (POSIX only).
     *
     * @param termSignal the signal that ended the process
     * @param coreDumped whether the system reported a core dump
     */
    record Signaled(Signal termSignal, boolean coreDumped) implements ExitStatus {
        /**
         * Checks the signal.
         *
         * @param termSignal the signal; not null
         * @param coreDumped whether a core dump was written
         */
        public Signaled {
            Objects.requireNonNull(termSignal, "termSignal");
        }

        @Override
        public boolean success() {
            return false;
        }

        @Override
        public OptionalInt code() {
            return OptionalInt.empty();
        }

        @Override
        public Optional<Signal> signal() {
            return Optional.of(termSignal);
        }

        @Override
        public int toExitcode() {
            return -termSignal.number();
        }

        /** @throws IllegalStateException always: a signal ended the process, so it has no exit code */
        @Override
        public int exitCode() {
            throw new IllegalStateException("the process was ended by " + termSignal.name()
                    + (coreDumped ? " (core dumped)" : "") + ", so it has no exit code");
        }

        /** @return {@code "signal: 9 (SIGKILL)"}, with {@code " (core dumped)"} when one was written */
        @Override
        public String toString() {
            return "signal: " + termSignal.number() + " (" + termSignal.name() + ")" + (coreDumped ? " (core dumped)" : "");
        }
    }
}
