package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.KillReport;
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
 * {@code run}: run a command with a time limit, like GNU {@code timeout}, but killing the command's
 * whole process tree when the time is up.
 *
 * <pre>{@code
 * java -jar prockit-examples.jar run --timeout 10s -- make -j8
 * java -jar prockit-examples.jar run --timeout 5s --kill-after 2s --signal INT -- ./server
 * }</pre>
 *
 * <p>On timeout the tree is frozen, sent {@code --signal} (default TERM) and continued; with
 * {@code --kill-after} whatever still runs that much later is killed. Exit status as GNU timeout:
 * 124 when the time ran out and the command ended on the signal, 137 (128+9) when it had to be
 * killed, 125 when {@code run} itself failed, 126 when the command cannot be executed, 127 when it
 * is not found, otherwise the command's own status (128+N for a signal N); {@code EX_USAGE} (64) for
 * bad arguments.
 */
public final class RunWithTimeout {
    /** The time ran out. */
    public static final int TIMED_OUT = 124;
    /** run itself failed. */
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
        return "usage: run --timeout DURATION [--kill-after DURATION] [--signal SIG] [--] COMMAND [ARG]...";
    }

    /**
     * @param args the options above, then the command
     * @param out  where messages go
     * @param err  where errors go
     * @return the exit status described above
     * @throws InterruptedException if interrupted while waiting
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Duration timeout = null;
        Duration killAfter = null;
        Signal signal = Signal.SIGTERM;
        List<String> command;
        try {
            int i = 0;
            while (i < args.length && args[i].startsWith("-")) {
                String a = args[i];
                if (a.equals("--")) {
                    i++;
                    break;
                }
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    case "--timeout" -> timeout = ToolSupport.duration(a, ToolSupport.value(args, i++));
                    case "--kill-after" -> killAfter = ToolSupport.duration(a, ToolSupport.value(args, i++));
                    case "--signal" -> signal = ToolSupport.signal(a, ToolSupport.value(args, i++));
                    default -> throw new ToolSupport.UsageException("unknown option \"" + a + "\"");
                }
                i++;
            }
            if (timeout == null) {
                throw new ToolSupport.UsageException("--timeout is required");
            }
            command = Arrays.asList(args).subList(i, args.length);
            if (command.isEmpty()) {
                throw new ToolSupport.UsageException("no command given");
            }
        } catch (ToolSupport.UsageException e) {
            err.println("run: " + e.getMessage());
            err.println(usage());
            return ToolSupport.exUsage();
        }
        Child child;
        try {
            child = Command.of(command).spawn();
        } catch (OsException e) {
            err.println("run: " + e.getMessage());
            return e.kind() == ErrorKind.NOT_FOUND ? NOT_FOUND
                    : e.kind() == ErrorKind.PERMISSION_DENIED || e.kind() == ErrorKind.INVALID_ARGUMENT
                    ? CANNOT_EXECUTE : FAILED;
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return ToolSupport.exUsage();
        }
        try (child) {
            Optional<ExitStatus> done = child.waitFor(timeout);
            if (done.isPresent()) {
                return statusCode(done.get());
            }
            Optional<ProcessInfo> root = ProcessTable.find(child.pid());
            boolean forced = false;
            if (root.isPresent()) {
                KillReport r = ProcessKiller.of(root.get()).tree(true).signal(signal)
                        .escalate(killAfter != null).grace(killAfter != null ? killAfter : Duration.ZERO).kill();
                forced = r.entries().stream().anyMatch(e -> e.pid() == child.pid()
                        && e.outcome() == KillReport.Outcome.FORCED);
            }
            ExitStatus status = child.waitFor();
            if (forced || status.signal().map(s -> s.equals(Signal.SIGKILL)).orElse(false)) {
                return KILLED;
            }
            return TIMED_OUT;
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
