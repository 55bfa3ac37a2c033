package io.prockit.posix.table;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ProcessInfo;
import io.prockit.ProcessQuery;

import java.time.Duration;
import java.util.List;

/**
 * A test's own tree: {@code /bin/sh} with two sleeping children, every command line carrying a
 * random token (as the sleep duration's digits, {@code sleep 300 0.0<digits>}) so that queries find
 * exactly these processes and nothing else on the machine.
 */
final class SleepTree implements AutoCloseable {
    final String token;
    final Child shell;

    private SleepTree(String script, String token) {
        this.token = token;
        this.shell = Command.of("/bin/sh", "-c", script, "marker-" + token).spawn();
    }

    static String newToken() {
        return io.prockit.testing.Children.token();
    }

    /** @param prefix shell commands run before the sleeps, e.g. {@code "trap '' TERM; "} */
    static SleepTree start(String prefix) {
        String t = newToken();
        return new SleepTree(prefix + "sleep 300 " + t + " & sleep 300 " + t + " & wait", t);
    }

    static SleepTree start() {
        return start("");
    }

    /** A shell that starts a short sleep and stops itself, so the sleep stays a zombie. */
    static SleepTree zombieMaker() {
        String t = newToken();
        return new SleepTree("sleep " + t + " & kill -STOP $$; wait", t);
    }

    ProcessQuery mine() {
        return ProcessQuery.all().cmdlineContains(token);
    }

    /**
     * Waits (without a time limit that could make the test flaky, but bounded to fail rather than hang) for n
     * sleeps, each settled in its sleep: a process seen right after {@code exec} still has its libraries to map
     * (its resident size can read 0 then).
     */
    List<ProcessInfo> awaitSleeps(int n) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            List<ProcessInfo> found = mine().name("sleep").parent(shell.pid()).list();
            if (found.size() == n && found.stream().allMatch(SleepTree::sleeping)) {
                return found;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sleeps of tree " + token + " did not appear");
    }

    @Override
    public void close() throws InterruptedException {
        for (ProcessInfo p : mine().list()) {
            try {
                p.kill();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        shell.kill();
        shell.waitFor(Duration.ofSeconds(30));
        shell.close();
    }

    private static boolean sleeping(ProcessInfo p) {
        return p.state() == io.prockit.ProcessState.SLEEPING; // as read by this listing
    }
}
