package io.prockit;

import io.prockit.internal.Backends;

import java.util.Objects;

/**
 * A signal, known by its name; its number comes from the running backend's per-OS table.
 *
 * <p>Signal numbers differ between systems ({@code SIGSTOP} is 19 on Linux and 17 on macOS,
 * {@code SIGUSR1} 10 and 30), so a {@code Signal} holds only its name and asks the backend for
 * {@link #number()}. The constants here are the signals every POSIX system has; others
 * (real-time signals, {@code SIGPWR}, Windows' {@code CTRL_BREAK_EVENT}) come from
 * {@link #of(String)} and {@link #of(int)}.
 *
 * <pre>{@code
 * child.signal(Signal.SIGTERM);
 * int n = Signal.SIGUSR1.number();          // 10 on Linux, 30 on macOS
 * Signal s = Signal.of(9);                  // SIGKILL
 * }</pre>
 *
 * <p>Platform notes: on Windows only {@code SIGINT}, {@code SIGILL}, {@code SIGABRT},
 * {@code SIGFPE}, {@code SIGSEGV}, {@code SIGTERM}, {@code SIGBREAK}, {@code CTRL_C_EVENT} and
 * {@code CTRL_BREAK_EVENT} have numbers (as in Python's {@code signal} module there); asking any
 * other for its number throws {@link UnsupportedOperationException}.
 *
 * <p>Instances are immutable and thread-safe; two signals are equal when their names are.
 *
 * <p>Availability: all platforms by name; numbers come from the running backend. Windows has the C runtime's
 * SIGINT, SIGILL, SIGFPE, SIGSEGV, SIGTERM, SIGBREAK and SIGABRT and the console events CTRL_C_EVENT and
 * CTRL_BREAK_EVENT, as CPython's {@code signal} module.
 */
public final class Signal {
    /** Hangup. */
    public static final Signal SIGHUP = new Signal("SIGHUP");
    /** Interrupt (Ctrl-C). */
    public static final Signal SIGINT = new Signal("SIGINT");
    /** Quit (Ctrl-\). */
    public static final Signal SIGQUIT = new Signal("SIGQUIT");
    /** Illegal instruction. */
    public static final Signal SIGILL = new Signal("SIGILL");
    /** Trace trap. */
    public static final Signal SIGTRAP = new Signal("SIGTRAP");
    /** Abort, as sent by {@code abort()}. */
    public static final Signal SIGABRT = new Signal("SIGABRT");
    /** Bus error. */
    public static final Signal SIGBUS = new Signal("SIGBUS");
    /** Floating-point exception. */
    public static final Signal SIGFPE = new Signal("SIGFPE");
    /** Kill; cannot be caught or ignored. */
    public static final Signal SIGKILL = new Signal("SIGKILL");
    /** User-defined signal 1. */
    public static final Signal SIGUSR1 = new Signal("SIGUSR1");
    /** Segmentation violation. */
    public static final Signal SIGSEGV = new Signal("SIGSEGV");
    /** User-defined signal 2. */
    public static final Signal SIGUSR2 = new Signal("SIGUSR2");
    /** Write on a pipe with no reader. */
    public static final Signal SIGPIPE = new Signal("SIGPIPE");
    /** Alarm clock. */
    public static final Signal SIGALRM = new Signal("SIGALRM");
    /** Termination request. */
    public static final Signal SIGTERM = new Signal("SIGTERM");
    /** A child stopped or exited. */
    public static final Signal SIGCHLD = new Signal("SIGCHLD");
    /** Continue if stopped. */
    public static final Signal SIGCONT = new Signal("SIGCONT");
    /** Stop; cannot be caught or ignored. */
    public static final Signal SIGSTOP = new Signal("SIGSTOP");
    /** Terminal stop (Ctrl-Z). */
    public static final Signal SIGTSTP = new Signal("SIGTSTP");
    /** Background read from the terminal. */
    public static final Signal SIGTTIN = new Signal("SIGTTIN");
    /** Background write to the terminal. */
    public static final Signal SIGTTOU = new Signal("SIGTTOU");
    /** Urgent data on a socket. */
    public static final Signal SIGURG = new Signal("SIGURG");
    /** CPU time limit exceeded. */
    public static final Signal SIGXCPU = new Signal("SIGXCPU");
    /** File size limit exceeded. */
    public static final Signal SIGXFSZ = new Signal("SIGXFSZ");
    /** Virtual timer expired. */
    public static final Signal SIGVTALRM = new Signal("SIGVTALRM");
    /** Profiling timer expired. */
    public static final Signal SIGPROF = new Signal("SIGPROF");
    /** Window size change. */
    public static final Signal SIGWINCH = new Signal("SIGWINCH");
    /** I/O possible. */
    public static final Signal SIGIO = new Signal("SIGIO");
    /** Bad system call. */
    public static final Signal SIGSYS = new Signal("SIGSYS");

    private final String name;

    private Signal(String name) {
        this.name = name;
    }

    /**
     * Returns the signal with this name on the running platform.
     *
     * @param name {@code "SIGTERM"} or {@code "TERM"}; real-time signals as {@code "SIGRTMIN+3"}
     * @return the signal
     * @throws IllegalArgumentException if the running platform has no signal of that name
     */
    public static Signal of(String name) {
        Objects.requireNonNull(name, "name");
        String full = name.startsWith("SIG") || name.startsWith("CTRL_") ? name : "SIG" + name;
        if (!Backends.get().signals().names().contains(full)) {
            throw new IllegalArgumentException("unknown signal name: \"" + name + "\" on "
                    + Backends.get().platformName());
        }
        return new Signal(full);
    }

    /**
     * Returns the signal with this number on the running platform.
     *
     * @param number the platform's signal number, e.g. 9
     * @return the signal
     * @throws IllegalArgumentException if the number is not a signal on the running platform
     */
    public static Signal of(int number) {
        String n = Backends.get().signals().name(number)
                .orElseThrow(() -> new IllegalArgumentException("unknown signal number: " + number + " on "
                        + Backends.get().platformName()));
        return new Signal(n);
    }

    /** @return the signal's name, e.g. {@code "SIGTERM"} */
    public String name() {
        return name;
    }

    /**
     * Returns this signal's number on the running platform.
     *
     * @return the number, e.g. 15 for {@code SIGTERM}
     * @throws UnsupportedOperationException if the running platform has no such signal
     */
    public int number() {
        return Backends.get().signals().number(name);
    }

    /** @return whether the running platform has this signal */
    public boolean isSupported() {
        return Backends.get().signals().names().contains(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signal s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return the name, e.g. {@code "SIGTERM"} */
    @Override
    public String toString() {
        return name;
    }
}
