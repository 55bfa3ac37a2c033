package io.prockit.examples.tools;

import io.prockit.KillReport;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessQuery;
import io.prockit.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pkill}: find processes by name, substring, regular expression, command line, user and age,
 * and end them with escalation, printing what happened to each (the seed's {@code taskkill /IM
 * make.exe /F /T}, the psutil substring loop and the WMI "older than five minutes" example).
 *
 * <pre>{@code
 * java -jar prockit-examples.jar pkill --name make --older-than 5m --tree --grace 5s
 * java -jar prockit-examples.jar pkill --substring Adobe --dry-run
 * java -jar prockit-examples.jar pkill --regex '^python[0-9.]*$' --user alice --signal HUP
 * }</pre>
 *
 * <p>Without {@code --signal} (or with {@code --signal TERM}) it sends the polite request, waits
 * {@code --grace} (default 5s) and then forces; with another {@code --signal} it only sends that
 * signal, unless {@code --grace} is given too. This JVM and its ancestors are never matched.
 *
 * <p>Exit codes: 0 when something matched and every match ended (or, with a non-escalating signal,
 * was signalled); 1 when nothing matched; 2 when some could not be ended; {@code EX_USAGE} for bad
 * arguments.
 */
public final class Pkill {
    private Pkill() {
    }

    static String usage() {
        return String.join("\n",
                "usage: pkill CRITERIA... [--tree] [--signal SIG] [--grace DURATION] [--dry-run]",
                "criteria (combined with AND, at least one):",
                "  --name NAME          exact process name",
                "  --substring TEXT     part of the process name",
                "  --regex REGEX        regular expression found in the name",
                "  --cmdline TEXT       part of the command line",
                "  --user USER          owner (name or uid)",
                "  --older-than DUR     running longer than DUR (5s, 500ms, 5m, 1h)",
                "actions:",
                "  --tree               also every descendant (frozen first, so none escape)",
                "  --signal SIG         the signal to send (name or number); default TERM with escalation",
                "  --grace DUR          wait this long before forcing (default 5s)",
                "  --dry-run            only show what would be signalled");
    }

    /**
     * @param args the options above
     * @param out  where the report goes
     * @param err  where errors go
     * @return the exit code
     * @throws InterruptedException if interrupted while waiting for the processes
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        ProcessQuery q = ProcessQuery.all();
        boolean any = false;
        boolean tree = false;
        boolean dryRun = false;
        Signal signal = null;
        Duration grace = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    case "--name" -> {
                        q = q.name(ToolSupport.value(args, i++));
                        any = true;
                    }
                    case "--substring" -> {
                        q = q.nameContains(nonEmpty(a, ToolSupport.value(args, i++)));
                        any = true;
                    }
                    case "--regex" -> {
                        q = q.nameMatches(ToolSupport.value(args, i++));
                        any = true;
                    }
                    case "--cmdline" -> {
                        q = q.cmdlineContains(nonEmpty(a, ToolSupport.value(args, i++)));
                        any = true;
                    }
                    case "--user" -> {
                        q = q.user(nonEmpty(a, ToolSupport.value(args, i++)));
                        any = true;
                    }
                    case "--older-than" -> {
                        q = q.olderThan(ToolSupport.duration(a, ToolSupport.value(args, i++)));
                        any = true;
                    }
                    case "--tree" -> tree = true;
                    case "--dry-run" -> dryRun = true;
                    case "--signal" -> signal = ToolSupport.signal(a, ToolSupport.value(args, i++));
                    case "--grace" -> grace = ToolSupport.duration(a, ToolSupport.value(args, i++));
                    default -> throw new ToolSupport.UsageException("unknown argument \"" + a + "\"");
                }
            }
            if (!any) {
                throw new ToolSupport.UsageException("give at least one criterion (--name, --substring, --regex, "
                        + "--cmdline, --user, --older-than)");
            }
        } catch (ToolSupport.UsageException e) {
            err.println("pkill: " + e.getMessage());
            err.println(usage());
            return ToolSupport.exUsage();
        } catch (PatternSyntaxException e) {
            err.println("pkill: --regex: invalid regular expression: " + e.getDescription() + " in \""
                    + e.getPattern() + "\"");
            return ToolSupport.exUsage();
        } catch (IllegalArgumentException e) {
            err.println("pkill: " + e.getMessage());
            return ToolSupport.exUsage();
        }
        List<ProcessInfo> matched = q.list();
        if (matched.isEmpty()) {
            err.println("pkill: no process matches " + q);
            return 1;
        }
        boolean politeDefault = signal == null || signal.equals(Signal.SIGTERM);
        ProcessKiller killer = ProcessKiller.of(matched).tree(tree).dryRun(dryRun).signal(signal)
                .escalate(politeDefault || grace != null)
                .grace(grace != null ? grace : politeDefault ? Duration.ofSeconds(5) : Duration.ZERO);
        KillReport report = killer.kill();
        for (KillReport.Entry e : report.entries()) {
            out.println(e);
        }
        out.printf("%d matched: %d ended, %d forced, %d already gone, %d denied%s%n", report.entries().size(),
                report.ended().size(), report.forced().size(), report.alreadyGone().size(), report.denied().size(),
                dryRun ? " (dry run)" : "");
        out.flush();
        boolean ok = report.entries().stream().allMatch(e -> switch (e.outcome()) {
            case ENDED, FORCED, ALREADY_GONE, SKIPPED_SELF, WOULD_SIGNAL, SIGNALLED -> true;
            case DENIED, SURVIVED -> false;
        });
        return ok ? 0 : 2;
    }

    private static String nonEmpty(String option, String v) throws ToolSupport.UsageException {
        if (v.isEmpty()) {
            throw new ToolSupport.UsageException(option + " needs a non-empty value");
        }
        return v;
    }

    /**
     * @param args as {@link #run}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
