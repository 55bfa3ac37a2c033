package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ProcessInfo;
import io.prockit.ProcessQuery;
import io.prockit.ProcessTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tools on the test's own processes (each carries a random token in its command line). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ToolsTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static String token() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("0.0");
        for (int i = 0; i < 9; i++) {
            sb.append(1 + r.nextInt(9));
        }
        return sb.toString();
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
    void runPassesTheExitStatusThrough() throws Exception {
        assertEquals(3, RunWithTimeout.run(new String[] {"--timeout", "60s", "--", "/bin/sh", "-c", "exit 3"}, out, err));
        assertEquals(RunWithTimeout.NOT_FOUND,
                RunWithTimeout.run(new String[] {"--timeout", "5s", "/nonexistent/prog-" + token()}, out, err));
        assertEquals(RunWithTimeout.FAILED, RunWithTimeout.run(new String[] {"--", "true"}, out, err));
        assertEquals(RunWithTimeout.FAILED, RunWithTimeout.run(new String[] {"--timeout", "1s"}, out, err));
        assertEquals(RunWithTimeout.FAILED, RunWithTimeout.run(new String[] {"--timeout", "soon", "true"}, out, err));
        assertEquals(3, RunWithTimeout.run(new String[] {"60s", "/bin/sh", "-c", "exit 3"}, out, err), "GNU's form");
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
        String t = token();
        int code = RunWithTimeout.run(new String[] {"--timeout", "300ms", "--", "/bin/sh", "-c",
                "sleep 300 " + t + " & sleep 300 " + t + " & wait"}, out, err);
        assertEquals(RunWithTimeout.TIMED_OUT, code, err());
        assertTreeEnds(t);
    }

    @Test
    void runForcesWithKillAfterAndReports137() throws Exception {
        String t = token();
        int code = RunWithTimeout.run(new String[] {"--timeout", "300ms", "--kill-after", "200ms", "--", "/bin/sh", "-c",
                "trap '' TERM; sleep 300 " + t + " & sleep 300 " + t + " & wait"}, out, err);
        assertEquals(RunWithTimeout.KILLED, code, err());
        assertTreeEnds(t);
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
