package io.prockit.examples.tools;

import io.prockit.testing.Children;
import io.prockit.testing.TestChild;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ProcessInfo;
import io.prockit.ProcessQuery;
import io.prockit.ProcessTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tools on the test's own processes (each carries a random token in its command line). Everywhere, Windows
 * included: ps, pgrep and pkill, timeout's exit status and its tree kill (on TestChild processes), the help texts;
 * POSIX only, with the reason at each: what needs a shell.
 */
class ToolsTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static String token() {
        return Children.token();
    }

    /** @return the argument list of a TestChild running {@code verbs} */
    private static List<String> testChild(List<String> jvmOptions, String... verbs) {
        return TestChild.argv(jvmOptions, verbs);
    }

    private static String[] concat(List<String> first, List<String> then) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return all.toArray(String[]::new);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static Child tree(String token, String prefix) {
        return Command.of("/bin/sh", "-c", prefix + "sleep 300 " + token + " & sleep 300 " + token + " & wait").spawn();
    }

    private static List<ProcessInfo> awaitSleeps(String token, int pid) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            List<ProcessInfo> found = ProcessQuery.all().name("sleep").cmdlineContains(token).parent(pid).list();
            if (found.size() == 2) {
                return found;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("sleeps did not appear");
    }

    private static void cleanUp(String token, Child sh) throws InterruptedException {
        for (ProcessInfo p : ProcessQuery.all().cmdlineContains(token).list()) {
            try {
                p.kill();
            } catch (RuntimeException ignored) {
                // gone
            }
        }
        sh.kill();
        sh.waitFor(Duration.ofSeconds(30));
    }

    @Test
    void psListsThisJvmInTextAndJson() {
        assertEquals(0, Ps.run(new String[0], out, err));
        int self = ProcessTable.self().pid();
        assertTrue(out().lines().anyMatch(l -> l.trim().startsWith(self + " ")), out());
        outBytes.reset();
        assertEquals(0, Ps.run(new String[] {"-e", "--json"}, out, err));
        assertTrue(out().startsWith("[") && out().contains("\"pid\": " + self + ","), out());
        assertEquals(1, Ps.run(new String[] {"--bogus"}, out, err), "procps' status for bad arguments");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // the drawing of sh and its two sleeps
    void pstreeShowsTheShellsChildren() throws Exception {
        String t = token();
        Child sh = tree(t, "");
        try {
            List<ProcessInfo> sleeps = awaitSleeps(t, sh.pid());
            assertEquals(0, Pstree.run(new String[] {"-pA", Integer.toString(sh.pid())}, out, err));
            List<String> lines = out().lines().toList();
            assertEquals(2, lines.size(), out());
            assertTrue(lines.get(0).startsWith("sh(" + sh.pid() + ")-+-sleep("), out());
            for (ProcessInfo s : sleeps) {
                assertTrue(out().contains("sleep(" + s.pid() + ")"), out());
            }
            outBytes.reset();
            assertEquals(0, Pstree.run(new String[] {"-A", Integer.toString(sh.pid())}, out, err));
            assertEquals("sh---2*[sleep]", out().strip(), "identical children merged, as psmisc does");
            assertEquals(1, Pstree.run(new String[] {"-Z"}, out, err));
            assertEquals(1, Pstree.run(new String[] {"no-such-user-" + t}, out, err));
        } finally {
            cleanUp(t, sh);
        }
    }

    @Test
    void pgrepFindsAndPkillEndsATestChildByItsCommandLine() throws Exception {
        String t = token();
        // The token is on the child's command line (a JVM option), so -f finds it and nothing else.
        Child c = Command.of(testChild(TestChild.mark(t), "ready", "sleep:300000")).stdout(io.prockit.Stdio.pipe())
                .spawn();
        try {
            Children.awaitLine(Children.reader(c), "ready");
            assertEquals(0, Pgrep.pgrep(new String[] {"-f", t}, out, err), err());
            assertEquals(List.of(Integer.toString(c.pid())), out().lines().toList(), "exactly the test's child");
            outBytes.reset();
            assertEquals(0, Pgrep.pkill(new String[] {"-f", t}, out, err), err());
            assertTrue(c.waitFor(Children.PATIENCE).isPresent(), "pkill ended the child");
            assertEquals(1, Pgrep.pgrep(new String[] {"-f", t}, out, err), "no process matches any more");
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void runPassesTheExitStatusThrough() throws Exception {
        List<String> exit3 = testChild(List.of(), "exit:3");
        assertEquals(3, RunWithTimeout.run(concat(List.of("--timeout", "60s", "--"), exit3), out, err));
        assertEquals(RunWithTimeout.NOT_FOUND,
                RunWithTimeout.run(new String[] {"--timeout", "5s", "/nonexistent/prog-" + token()}, out, err));
        assertEquals(RunWithTimeout.FAILED, RunWithTimeout.run(new String[] {"--", "true"}, out, err));
        assertEquals(RunWithTimeout.FAILED, RunWithTimeout.run(new String[] {"--timeout", "1s"}, out, err));
        assertEquals(RunWithTimeout.FAILED, RunWithTimeout.run(new String[] {"--timeout", "soon", "true"}, out, err));
        assertEquals(3, RunWithTimeout.run(concat(List.of("60s"), exit3), out, err), "GNU's form");
    }

    /**
     * Every process of the tree marked {@code t} ends within 10 s (they would sleep 300 s unsignalled). The
     * tool returns once the command itself ended; a signalled grandchild may still be exiting then.
     */
    private static void assertTreeEnds(String t) throws InterruptedException {
        for (ProcessInfo p : ProcessQuery.all().cmdlineContains(t).list()) {
            assertTrue(p.waitFor(Duration.ofSeconds(10)), p + " still runs 10 s after the tool returned");
        }
    }

    @Test
    void runKillsTheWholeTreeOnTimeout() throws Exception {
        // A TestChild whose grandchild (sleep:300000) carries the token too: the same on every OS.
        String t = token();
        TreeWatch seen = TreeWatch.start(t, "sleep:");
        try {
            int code = RunWithTimeout.run(concat(List.of("--timeout", "5s", "--"),
                    testChild(TestChild.mark(t), "tree:300000")), out, err);
            assertEquals(RunWithTimeout.TIMED_OUT, code, err());
            assertEquals(1, seen.stop(), "the grandchild existed before the timeout, so the kill had a tree to end");
            assertTreeEnds(t);
        } finally {
            // Only when the test failed: what still carries this test's token (started by it) is ended.
            for (ProcessInfo p : ProcessQuery.all().cmdlineContains(t).list()) {
                try {
                    p.kill();
                } catch (RuntimeException gone) {
                    // ended meanwhile
                }
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // a shell that ignores SIGTERM, and 128 + SIGKILL: POSIX
    void runForcesWithKillAfterAndReports137() throws Exception {
        String t = token();
        TreeWatch seen = TreeWatch.start(t, null);
        // The trap is the shell's first command and the sleeps come after it: once they run (seen), TERM is ignored.
        int code = RunWithTimeout.run(new String[] {"--timeout", "5s", "--kill-after", "200ms", "--", "/bin/sh", "-c",
                "trap '' TERM; sleep 300 " + t + " & sleep 300 " + t + " & wait"}, out, err);
        assertEquals(RunWithTimeout.KILLED, code, err());
        assertEquals(2, seen.stop(), "both grandchildren existed before the timeout");
        assertTreeEnds(t);
    }

    /**
     * Counts, from another thread, the distinct processes whose command line holds a token and whose program is
     * {@code sleep} (or, with {@code argument}, which have that argument), while a tool runs.
     */
    private static final class TreeWatch implements Runnable {
        private final String token;
        private final String argument;
        private final java.util.Set<Integer> pids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean stop;
        private Thread thread;

        static TreeWatch start(String token, String argument) {
            TreeWatch w = new TreeWatch(token, argument);
            w.thread = new Thread(w, "tree-watch");
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        private TreeWatch(String token, String argument) {
            this.token = token;
            this.argument = argument;
        }

        @Override
        public void run() {
            while (!stop) {
                for (ProcessInfo p : ProcessQuery.all().cmdlineContains(token).list()) {
                    List<String> argv = p.cmdline();
                    boolean counted = argument == null ? argv.size() > 1 && argv.get(0).endsWith("sleep")
                            : argv.stream().anyMatch(a -> a.startsWith(argument));
                    if (counted) {
                        pids.add(p.pid());
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int stop() throws InterruptedException {
            stop = true;
            thread.join();
            return pids.size();
        }
    }

    @Test
    void everyHelpNamesItsModelAndWhatItDoesNotSupport() throws Exception {
        String[] help = {"--help"};
        List<String> models = List.of("procps-ng 4 pgrep", "procps-ng 4 pkill", "procps-ng ps", "psmisc pstree",
                "GNU coreutils timeout", "GNU parallel");
        int[] codes = {Pgrep.pgrep(help, out, err), Pgrep.pkill(help, out, err), Ps.run(help, out, err),
            Pstree.run(help, out, err), RunWithTimeout.run(help, out, err), Parallel.run(help, out, err)};
        for (int code : codes) {
            assertEquals(0, code, err());
        }
        String text = out();
        for (String model : models) {
            assertTrue(text.contains("Model: " + model), model + " in\n" + text);
        }
        assertEquals(6, text.split("Not supported:", -1).length - 1, "every help says what it does not support");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // the jobs are /bin/sh commands
    void parallelCapsTheFailureCountAt101AsGnu() throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-j", "8", "exit 1", ":::"));
        for (int i = 0; i < 102; i++) {
            args.add(Integer.toString(i));
        }
        assertEquals(101, Parallel.run(args.toArray(new String[0]), out, err), "more than 100 failed jobs");
        args.set(2, "test {} -lt 3");
        assertEquals(99, Parallel.run(args.toArray(new String[0]), out, err), "99 of 102 failed");
    }

    @Test
    void durationsParseLikeGnuTimeout() throws Exception {
        assertEquals(Duration.ofSeconds(5), ToolSupport.duration("x", "5"));
        assertEquals(Duration.ofMillis(1500), ToolSupport.duration("x", "1.5s"));
        assertEquals(Duration.ofMillis(500), ToolSupport.duration("x", "500ms"));
        assertEquals(Duration.ofMinutes(5), ToolSupport.duration("x", "5m"));
        assertEquals(Duration.ofHours(2), ToolSupport.duration("x", "2h"));
        assertEquals(Duration.ofDays(1), ToolSupport.duration("x", "1d"));
    }
}
