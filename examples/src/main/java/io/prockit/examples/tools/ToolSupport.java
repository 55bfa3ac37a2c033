package io.prockit.examples.tools;

import io.prockit.Os;
import io.prockit.ProcessInfo;
import io.prockit.Signal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Argument parsing and formatting shared by the tools. */
final class ToolSupport {
    private ToolSupport() {
    }

    /** A bad command line: the tool prints the message and its usage, and exits with {@code EX_USAGE}. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** @return {@code EX_USAGE} of the platform (64 from sysexits.h where the platform has none, as on Windows) */
    static int exUsage() {
        int v = Os.EX_USAGE;
        return v > 0 ? v : 64;
    }

    /**
     * Parses a duration as GNU timeout does, plus milliseconds: {@code 5}, {@code 1.5s}, {@code 500ms},
     * {@code 5m}, {@code 2h}, {@code 1d}.
     */
    static Duration duration(String option, String text) throws UsageException {
        if (text == null || text.isEmpty()) {
            throw new UsageException(option + " needs a duration such as 5s, 500ms, 5m");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unitNanos;
        String number;
        if (t.endsWith("ms")) {
            unitNanos = 1_000_000L;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unitNanos = 1_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unitNanos = 60_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unitNanos = 3_600_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("d")) {
            unitNanos = 86_400_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else {
            unitNanos = 1_000_000_000L;
            number = t;
        }
        try {
            BigDecimal n = new BigDecimal(number);
            if (n.signum() < 0) {
                throw new UsageException(option + ": duration must not be negative: " + text);
            }
            return Duration.ofNanos(n.multiply(BigDecimal.valueOf(unitNanos)).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(option + ": not a duration: \"" + text + "\" (use e.g. 5s, 500ms, 5m, 1h)");
        }
    }

    /** Parses a signal by name ({@code TERM}, {@code SIGTERM}) or number. */
    static Signal signal(String option, String text) throws UsageException {
        if (text == null || text.isEmpty()) {
            throw new UsageException(option + " needs a signal name or number");
        }
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Signal.of(Integer.parseInt(text));
            }
            String name = text.toUpperCase(Locale.ROOT);
            // TERM and KILL by name on every OS: Windows has no numbers for them, but the process table
            // turns them into a polite close and TerminateProcess.
            if (name.equals("TERM") || name.equals("SIGTERM")) {
                return Signal.SIGTERM;
            }
            if (name.equals("KILL") || name.equals("SIGKILL")) {
                return Signal.SIGKILL;
            }
            return Signal.of(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** @return the value after an option, or a usage error naming the option */
    static String value(String[] args, int i) throws UsageException {
        if (i + 1 >= args.length) {
            throw new UsageException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    /** @return the command line as ps shows it, {@code [name]} for kernel threads, zombies and unreadable ones */
    static String commandLine(ProcessInfo p) {
        List<String> argv = p.orElse(ProcessInfo::cmdline, List.of());
        if (argv.isEmpty()) {
            return "[" + p.orElse(ProcessInfo::name, "?") + "]";
        }
        return String.join(" ", argv);
    }

    /** Escapes a string for JSON. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
