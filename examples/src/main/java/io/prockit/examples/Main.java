package io.prockit.examples;

import io.prockit.examples.bench.Bench;
import io.prockit.examples.tools.Parallel;
import io.prockit.examples.tools.Pgrep;
import io.prockit.examples.tools.Pkill;
import io.prockit.examples.tools.Ps;
import io.prockit.examples.tools.Pstree;
import io.prockit.examples.tools.RunWithTimeout;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The examples jar's entry point.
 *
 * <pre>{@code
 * java -jar prockit-examples.jar list            # every example, its seed and what it shows
 * java -jar prockit-examples.jar run os-wait     # one example
 * java -jar prockit-examples.jar all             # every example safe on this OS, then a summary
 * }</pre>
 *
 * <p>Commands live in one table; adding one is a single {@link #command} or {@link #tool} line in
 * the static block below.
 *
 * <p>Platform notes: {@code all} skips the examples another OS needs (and says so); {@code run}
 * of such an example says which OS it needs instead of running it.
 */
public final class Main {

    /** A top-level command of the jar. */
    @FunctionalInterface
    interface Action {
        int run(List<String> args, PrintStream out) throws Exception;
    }

    private record Subcommand(String usage, String description, Action action) {
    }

    private static final Map<String, Subcommand> COMMANDS = new LinkedHashMap<>();

    /** Other names of commands, not listed in {@code help}: the older spelling {@code run-with-timeout}. */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    /** The widest usage that shares its line with the description in {@code help}. */
    private static final int USAGE_COLUMN = 36;

    static {
        command("list", "list", "list the examples: name, platform, seed and what each shows", (a, out) -> list(out));
        command("run", "run NAME [args]", "run one example", Main::runExample);
        command("all", "all", "run every example safe on this OS and print a summary", (a, out) -> all(out));
        command("help", "help", "show this help", (a, out) -> help(out));
        command("bench", "bench SUBCOMMAND|all [options]",
                "measure prockit against C, the JDK, NuProcess and procps (bench alone: its help)",
                (a, out) -> Bench.run(a.toArray(new String[0]), out));
        command("ps", "ps [-ef|aux|-p PID|-o COLS|--json]", "list processes (procps-ng ps; --json: prockit's extra)",
                (a, out) -> Ps.run(a.toArray(new String[0]), out, System.err));
        command("pstree", "pstree [-apu] [PID|USER]", "show the process tree (psmisc pstree)", (a, out) -> Pstree.run(a.toArray(new String[0]), out,
                System.err));
        command("pgrep", "pgrep [options] PATTERN", "list the pids of matching processes (procps-ng pgrep)",
                (a, out) -> Pgrep.pgrep(a.toArray(new String[0]), out, System.err));
        command("pkill", "pkill [-SIGNAL] [options] PATTERN",
                "signal matching processes (procps-ng pkill; extras --tree, --grace, --dry-run)",
                (a, out) -> Pkill.run(a.toArray(new String[0]), out, System.err));
        command("parallel", "parallel [-j N] [-k] [--tag] CMD ::: VALUE...",
                "run a command once per value, N at a time (GNU parallel; values from stdin without :::)",
                (a, out) -> Parallel.run(a.toArray(new String[0]), out, System.err));
        command("timeout", "timeout [-s SIG] [-k DUR] DURATION CMD...",
                "run a command, killing its whole tree on time-out (GNU coreutils timeout; alias run-with-timeout)",
                (a, out) -> RunWithTimeout.run(a.toArray(new String[0]), out, System.err));
        ALIASES.put("run-with-timeout", "timeout");
    }

    private Main() {
    }

    private static void command(String name, String usage, String description, Action action) {
        COMMANDS.put(name, new Subcommand(usage, description, action));
    }

    /**
     * Registers a command that runs a class's {@code main} with the remaining arguments.
     *
     * @param name        the command name
     * @param usage       its usage line
     * @param description one line saying what it does
     * @param main        the class's {@code main}
     */
    static void tool(String name, String usage, String description, Example.Body main) {
        command(name, usage, description, (args, out) -> {
            main.run(args.toArray(new String[0]));
            return 0;
        });
    }

    /**
     * Runs a command and exits with its status.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        int code = execute(args, System.out);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs a command.
     *
     * @param args the command and its arguments; none shows the help
     * @param out  where the command's own messages go (examples print to {@code System.out}, as their children do)
     * @return the exit status: 0 on success, 1 when something failed, 2 for a usage error
     */
    public static int execute(String[] args, PrintStream out) {
        if (args.length == 0) {
            help(out);
            return 2;
        }
        Subcommand c = COMMANDS.get(ALIASES.getOrDefault(args[0], args[0]));
        if (c == null) {
            System.err.println("unknown command: " + args[0]);
            help(System.err);
            return 2;
        }
        try {
            return c.action().run(List.of(Arrays.copyOfRange(args, 1, args.length)), out);
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    private static int help(PrintStream out) {
        out.println("usage: prockit COMMAND [args]   (the launcher in bin/; or java -jar prockit-examples.jar ...)");
        out.println("       a link named after a command (pgrep -> prockit) runs that command; COMMAND --help: its help");
        out.println();
        // One column for the usages up to USAGE_COLUMN wide; a longer usage gets a line of its own.
        int width = COMMANDS.values().stream().mapToInt(c -> c.usage().length()).filter(n -> n <= USAGE_COLUMN)
                .max().orElse(USAGE_COLUMN);
        for (Subcommand c : COMMANDS.values()) {
            if (c.usage().length() > width) {
                out.println("  " + c.usage());
                out.printf("  %-" + width + "s  %s%n", "", c.description());
            } else {
                out.printf("  %-" + width + "s  %s%n", c.usage(), c.description());
            }
        }
        return 0;
    }

    private static int list(PrintStream out) {
        for (Example e : Examples.all()) {
            out.printf("%-24s %s%n", e.name(), e.description());
            out.printf("%-24s   seed %s; runs on %s%s%n", "", e.seed(), e.platform().description(),
                    e.inAll() ? "" : "; not run by 'all'");
        }
        return 0;
    }

    private static int runExample(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) {
            System.err.println("usage: run NAME [args]; 'list' shows the names");
            return 2;
        }
        Example e = Examples.find(args.get(0)).orElse(null);
        if (e == null) {
            System.err.println("unknown example: " + args.get(0) + "; 'list' shows the names");
            return 2;
        }
        if (!e.platform().matchesCurrent()) {
            out.println(e.name() + " needs " + e.platform().description() + "; this is "
                    + System.getProperty("os.name") + ".");
            return 0;
        }
        e.body().run(args.subList(1, args.size()).toArray(new String[0]));
        return 0;
    }

    private static int all(PrintStream out) {
        List<String> lines = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Example e : Examples.all()) {
            if (!e.platform().matchesCurrent()) {
                lines.add(String.format("  SKIP  %-24s needs %s", e.name(), e.platform().description()));
                skipped++;
                continue;
            }
            if (!e.inAll()) {
                lines.add(String.format("  SKIP  %-24s interactive: try 'run %s'", e.name(), e.name()));
                skipped++;
                continue;
            }
            out.println("=== " + e.name() + ": " + e.description());
            out.flush();
            long start = System.nanoTime();
            String problem = null;
            try {
                e.body().run(new String[0]);
            } catch (Exception | Error ex) {
                problem = ex.toString();
                ex.printStackTrace(out);
            }
            System.out.flush();
            if (problem == null) {
                problem = leftBehind();
            }
            String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
            if (problem == null) {
                passed++;
                lines.add(String.format("  PASS  %-24s %s", e.name(), took));
            } else {
                failed++;
                lines.add(String.format("  FAIL  %-24s %s", e.name(), problem));
            }
            out.println();
        }
        out.println("Summary:");
        lines.forEach(out::println);
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        return failed == 0 ? 0 : 1;
    }

    /** An example must wait for every child it starts: any child still alive is a failure. */
    private static String leftBehind() {
        List<ProcessHandle> alive = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .collect(Collectors.toList());
        if (alive.isEmpty()) {
            return null;
        }
        return "left child processes behind: " + alive.stream().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining(", "));
    }
}
