package io.prockit.examples.tools;

import java.io.PrintStream;

/**
 * {@code pkill}: procps-ng's {@code pkill}, with prockit's extras {@code --tree}, {@code --grace DURATION}
 * and {@code --dry-run}. The options and the matching are {@link Pgrep}'s.
 *
 * <pre>{@code
 * prockit pkill sleep                       # SIGTERM to every process named like "sleep", silently
 * prockit pkill -KILL -f 'java .*Server'
 * prockit pkill -x make --tree --grace 5s   # make and all it started: TERM, KILL after 5 s, a report
 * }</pre>
 *
 * <p>Exit status as procps: 0 when a process was signalled, 1 when none matched (or none could be
 * signalled), 2 for a syntax error; with {@code --grace}, 3 when a matched process survived or could not
 * be signalled.
 */
public final class Pkill {
    private Pkill() {
    }

    /**
     * @param args the options above
     * @param out  where {@code -e}, {@code -c} and the report of the extras go
     * @param err  where errors go
     * @return the exit code
     * @throws InterruptedException if interrupted while waiting for the processes
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return Pgrep.pkill(args, out, err);
    }

    /**
     * @param args as {@link #run}
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
