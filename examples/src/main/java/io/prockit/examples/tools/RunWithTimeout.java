package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessTable;
import io.prockit.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code timeout} (alias {@code run-with-timeout}): GNU coreutils' {@code timeout}, run a command with a
 * time limit, with prockit's improvement that the signal reaches the command's whole process tree.
 *
 * <pre>{@code
 * prockit timeout 10s make -j8
 * prockit timeout -s INT -k 2s 5 ./server --port 8080
 * prockit timeout --foreground 30 ssh host    # only the command itself, as GNU's --foreground
 * }</pre>
 *
 * <p>On timeout the tree (the command and every descendant, frozen first so none escape) is sent the
 * signal (default TERM); with {@code -k} whatever still runs that much later is killed. Exit status as GNU
 * timeout: 124 when the time ran out (with {@code --preserve-status}: the command's own status), 128+9 when
 * the command had to be killed with KILL, 125 when timeout itself failed (bad arguments included), 126
 * when the command cannot be executed, 127 when it is not found, otherwise the command's own status (128+N
 * for a signal N).
 */
public final class RunWithTimeout {
    /** The time ran out. */
    public static final int TIMED_OUT = 124;
    /** timeout itself failed, or was given bad arguments. */
    public static final int FAILED = 125;
    /** The program exists but cannot be executed. */
    public static final int CANNOT_EXECUTE = 126;
    /** The program was not found. */
    public static final int NOT_FOUND = 127;
    /** The command had to be killed with SIGKILL: 128 + 9, as GNU timeout reports it on every platform. */
    public static final int KILLED = 137;

    private RunWithTimeout() {
    }

    static String usage() {
        return String.join("\n",
                "usage: timeout [OPTION] DURATION COMMAND [ARG]...",
                "",
                "Starts COMMAND, and kills it and every process it started if still running after DURATION.",
                "Model: GNU coreutils timeout. prockit's improvement: the signal reaches the command's whole",
                "process tree (frozen first, so no descendant escapes), not only the command; --foreground",
                "signals the command alone, as GNU does then.",
                "",
                "  -s, --signal=SIGNAL    the signal to send on time-out (name or number; default TERM)",
                "  -k, --kill-after=DUR   also send KILL if still running DUR after the first signal",
                "      --preserve-status  exit with the command's status even when it timed out",
                "      --foreground       signal the command only, not its descendants",
                "  -v, --verbose          say on stderr when a signal is sent",
                "      --help             this help",
                "",
                "DURATION is a number with an optional suffix: s (seconds, the default), m, h, d; and prockit's",
                "ms. 0 disables the time-out.",
                "",
                "Exit status: 124 timed out (unless --preserve-status), 125 timeout failed, 126 COMMAND cannot",
                "be executed, 127 COMMAND not found, 137 (128+9) the command was killed with KILL; otherwise",
                "the status of COMMAND (128+N when it ended on signal N).",
                "",
                "A TERM, INT or HUP that ends timeout itself is passed on to the command as TERM (to its tree).",
                "Without --foreground the command runs in a process group of its own, as with GNU (it then",
                "cannot read from the terminal: use --foreground for interactive commands).",
                "",
                "Not supported: --version. On Windows only TERM and KILL can be sent (as a polite close and",
                "TerminateProcess).");
    }

    /** The parsed command line. */
    private record Options(Duration timeout, Duration killAfter, Signal signal, boolean preserveStatus,
                           boolean foreground, boolean verbose, List<String> command) {
    }

    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /**
     * @param args the options above, the duration, then the command
     * @param out  where {@code --help} goes
     * @param err  where messages go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options o;
        try {
            o = parse(args, out);
            if (o == null) {
                return 0; // --help
            }
        } catch (Usage e) {
            if (e.getMessage() != null) {
                err.println("timeout: " + e.getMessage());
            }
            err.println("Try 'timeout --help' for more information.");
            return FAILED;
        }
        Child child;
        try {
            // As GNU timeout: the command gets a process group of its own unless --foreground, so that what
            // it starts can be found and ended with it even after it is gone.
            Command c = Command.of(o.command());
            child = (o.foreground() ? c : c.newProcessGroup()).spawn();
        } catch (OsException e) {
            String why = e.kind() == ErrorKind.NOT_FOUND ? "No such file or directory"
                    : e.kind() == ErrorKind.PERMISSION_DENIED ? "Permission denied" : e.getMessage();
            err.println("timeout: failed to run command ‘" + o.command().get(0) + "’: " + why);
            return e.kind() == ErrorKind.NOT_FOUND ? NOT_FOUND
                    : e.kind() == ErrorKind.PERMISSION_DENIED || e.kind() == ErrorKind.INVALID_ARGUMENT
                    ? CANNOT_EXECUTE : FAILED;
        } catch (IllegalArgumentException e) {
            err.println("timeout: " + e.getMessage());
            return FAILED;
        }
        // GNU timeout passes a TERM, INT or HUP it receives on to the command; a JVM ends on them, so a
        // shutdown hook sends TERM to the command (its tree unless --foreground) while it still runs.
        Thread forward = new Thread(() -> {
            if (child.tryWait().isEmpty()) {
                try {
                    send(child, o, Signal.SIGTERM, err);
                } catch (InterruptedException | RuntimeException e) {
                    // the JVM is going down: nothing more to do
                }
            }
        }, "timeout-forward");
        boolean hooked = addHook(forward);
        try (child) {
            Optional<ExitStatus> done = o.timeout().isZero() ? Optional.of(child.waitFor())
                    : child.waitFor(o.timeout());
            if (done.isPresent()) {
                return statusCode(done.get());
            }
            boolean killSent = o.signal().equals(Signal.SIGKILL);
            send(child, o, o.signal(), err);
            if (o.killAfter() != null && !killSent && child.waitFor(o.killAfter()).isEmpty()) {
                send(child, o, Signal.SIGKILL, err);
                killSent = true;
            }
            ExitStatus status = child.waitFor();
            if (killSent && status.signal().map(s -> s.equals(Signal.SIGKILL)).orElse(false)) {
                return KILLED;
            }
            return o.preserveStatus() ? statusCode(status) : TIMED_OUT;
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(forward);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs (or ran) already
                }
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /** Sends {@code signal} to the command, and to its whole tree unless {@code --foreground}. */
    private static void send(Child child, Options o, Signal signal, PrintStream err) throws InterruptedException {
        if (o.verbose()) {
            String name = signal.name().startsWith("SIG") ? signal.name().substring(3) : signal.name();
            err.println("timeout: sending signal " + name + " to command ‘" + o.command().get(0) + "’");
        }
        if (o.foreground()) {
            try {
                if (signal.equals(Signal.SIGKILL)) {
                    child.kill();
                } else if (signal.equals(Signal.SIGTERM)) {
                    child.terminate();
                } else {
                    child.signal(signal);
                }
            } catch (OsException e) {
                // it ended meanwhile
            }
            return;
        }
        Optional<ProcessInfo> root = ProcessTable.find(child.pid());
        if (root.isPresent()) {
            ProcessKiller.of(root.get()).tree(true).signal(signal).escalate(false).grace(Duration.ZERO).kill();
        }
    }

    private static Options parse(String[] args, PrintStream out) throws Usage {
        Duration timeout = null;
        Duration killAfter = null;
        Signal signal = Signal.SIGTERM;
        boolean preserve = false;
        boolean foreground = false;
        boolean verbose = false;
        int i = 0;
        // GNU's getopt with "+": options end at the first operand (the duration), so the command's own
        // options are never taken for timeout's.
        while (i < args.length && args[i].startsWith("-") && args[i].length() > 1) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                boolean needsValue = switch (name) {
                    case "signal", "kill-after", "timeout" -> true;
                    case "preserve-status", "foreground", "verbose", "help" -> false;
                    default -> throw new Usage("unrecognized option '" + a + "'");
                };
                if (needsValue && value == null) {
                    if (i + 1 >= args.length) {
                        throw new Usage("option '--" + name + "' requires an argument");
                    }
                    value = args[++i];
                } else if (!needsValue && value != null) {
                    throw new Usage("option '--" + name + "' doesn't allow an argument");
                }
                switch (name) {
                    case "signal" -> signal = signal(value);
                    case "kill-after" -> killAfter = duration(value);
                    case "timeout" -> timeout = duration(value); // run-with-timeout's older spelling
                    case "preserve-status" -> preserve = true;
                    case "foreground" -> foreground = true;
                    case "verbose" -> verbose = true;
                    default -> {
                        out.println(usage());
                        return null;
                    }
                }
                i++;
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (c == 'v') {
                    verbose = true;
                    continue;
                }
                if (c != 's' && c != 'k') {
                    throw new Usage("invalid option -- '" + c + "'");
                }
                String value;
                if (j + 1 < a.length()) {
                    value = a.substring(j + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new Usage("option requires an argument -- '" + c + "'");
                }
                if (c == 's') {
                    signal = signal(value);
                } else {
                    killAfter = duration(value);
                }
                break;
            }
            i++;
        }
        if (timeout == null) {
            if (i >= args.length) {
                throw new Usage("missing operand");
            }
            timeout = duration(args[i++]);
        }
        List<String> command = Arrays.asList(args).subList(i, args.length);
        if (command.isEmpty()) {
            throw new Usage("missing operand after ‘" + args[i - 1] + "’");
        }
        return new Options(timeout, killAfter, signal, preserve, foreground, verbose, List.copyOf(command));
    }

    private static Duration duration(String text) throws Usage {
        try {
            return ToolSupport.duration("timeout", text);
        } catch (ToolSupport.UsageException e) {
            throw new Usage("invalid time interval ‘" + text + "’");
        }
    }

    private static Signal signal(String text) throws Usage {
        try {
            return ToolSupport.signal("timeout", text);
        } catch (ToolSupport.UsageException e) {
            throw new Usage("‘" + text + "’: invalid signal");
        }
    }

    private static int statusCode(ExitStatus s) {
        if (s.code().isPresent()) {
            return s.code().getAsInt();
        }
        return 128 + s.signal().map(Signal::number).orElse(0);
    }

    /**
     * @param args as {@link #run}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
