package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.JavaChild;
import io.prockit.Output;
import io.prockit.Stdio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, items 1-3: {@code Child.killTree()} signals exactly the child's descendants of now: not a
 * stranger that reused a reaped pid, not fewer than a busy forking tree has, and the rest of a process
 * group whose leader already exited (Linux). Survivors are counted in the process table by a random token in
 * their command line.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class KillTreeTest {
    private static final int RUNS = 5;
    /** How many marked processes a forking tree must have started before the kill: it is busy then. */
    private static final int BUSY = 40;
    /** The most sleeps one forking loop starts. */
    private static final int MAX_FORKS = 1500;

    /** Item 2: a shell forking sleeps in a loop (not in its own group) leaves nothing behind. */
    @Test
    void aForkingChildLeavesNoDescendant() throws Exception {
        int survivors = 0;
        for (int run = 0; run < RUNS; run++) {
            String t = Marked.token();
            survivors += killBusyTree(forkLoop(t), t);
        }
        assertEquals(0, survivors, "descendants that outlived killTree over " + RUNS + " runs");
    }

    /** Item 2 hammered: many busy trees, one and two levels deep. */
    @Test
    @Tag("stress")
    void forkingTreesManyTimes() throws Exception {
        int survivors = 0;
        int runs = 60;
        for (int run = 0; run < runs; run++) {
            String t = Marked.token();
            String loop = forkLoop(t);
            survivors += killBusyTree(run % 2 == 0 ? loop : "(" + loop + ") & " + loop, t);
        }
        System.out.println("forking trees: " + survivors + " survivors over " + runs + " runs");
        assertEquals(0, survivors, "descendants that outlived killTree over " + runs + " runs");
    }

    /** Item 2, two levels: a forking subshell under a forking shell. */
    @Test
    void aForkingGrandchildLeavesNoDescendant() throws Exception {
        int survivors = 0;
        for (int run = 0; run < RUNS; run++) {
            String t = Marked.token();
            String loop = forkLoop(t);
            survivors += killBusyTree("(" + loop + ") & " + loop, t);
        }
        assertEquals(0, survivors, "descendants that outlived killTree over " + RUNS + " runs");
    }

    /** Forks marked sleeps as fast as the shell can, bounded (a failing kill must not flood the machine). */
    private static String forkLoop(String token) {
        return "i=0; while [ $i -lt " + MAX_FORKS + " ]; do " + Marked.sleep(token) + " & i=$((i+1)); done; wait";
    }

    private static int killBusyTree(String script, String token) throws Exception {
        Child c = Command.of("/bin/sh", "-c", script).stdin(Stdio.discard()).stdout(Stdio.discard()).spawn();
        try {
            long end = System.nanoTime() + 30_000_000_000L;
            while (Marked.alive(token).size() < BUSY) {
                assertTrue(System.nanoTime() < end, "the tree never got busy");
                Thread.sleep(5);
            }
            assertTrue(c.killTree(), "the child was alive");
            assertTrue(c.waitFor(Duration.ofSeconds(30)).isPresent(), "the child did not die");
            return Marked.awaitNone(token, 2_000).size();
        } finally {
            c.kill();
            c.waitFor();
            c.close();
            Marked.killAll(token);
            Marked.awaitNone(token, 10_000);
        }
    }

    /** Item 3: the leader of its own group exited (and was reaped); killTree still ends the rest of the group. */
    @Test
    @EnabledOnOs(OS.LINUX) // the reaped leader's group is signalled through its pidfd (Linux 6.9+); macOS has no such handle
    void killTreeAfterTheGroupLeaderExitedKillsTheGroup() throws Exception {
        String t = Marked.token();
        Child leader = Command.of("/bin/sh", "-c", Marked.sleep(t) + " & " + Marked.sleep(t) + " & exit 0")
                .stdin(Stdio.discard()).stdout(Stdio.discard()).newProcessGroup().spawn();
        try {
            assertTrue(leader.waitFor().success());
            assertEquals(2, Marked.alive(t).size(), "the group's two sleeps run on");
            assertFalse(leader.killTree(), "the leader itself was reaped");
            List<Integer> left = Marked.awaitNone(t, 10_000);
            assertEquals(List.of(), left, "group members alive after killTree");
        } finally {
            leader.close();
            Marked.killAll(t);
            Marked.awaitNone(t, 10_000);
        }
    }

    /** Item 1, without reuse: killTree on a reaped child sends nothing and says so. */
    @Test
    void killTreeOnAReapedChildReturnsFalse() throws Exception {
        Child c = Command.of(io.prockit.posix.Procs.program("true")).stdin(Stdio.discard()).spawn();
        c.onExit().get();
        assertFalse(c.killTree());
        assertFalse(c.kill());
        c.close();
    }

    /**
     * Item 1: a reaped child's pid reused by a stranger's shell with a child of its own; killTree on the old
     * child must touch neither. Forced in a fresh pid namespace ({@link KillTreeReuseMain}).
     */
    @Test
    @EnabledOnOs(OS.LINUX) // reuse forced in a fresh pid namespace (unshare)
    void killTreeOnAReapedChildSparesTheProcessThatReusedItsPid() throws Exception {
        runReuseMain(1);
    }

    /** Item 1 hammered: the reuse scenario many times (a minute or so). */
    @Test
    @Tag("stress")
    @EnabledOnOs(OS.LINUX) // pid namespaces
    void killTreeOnReusedPidsManyTimes() throws Exception {
        runReuseMain(25);
    }

    private static void runReuseMain(int rounds) throws Exception {
        Path unshare = Path.of("/usr/bin/unshare");
        Assumptions.assumeTrue(Files.isExecutable(unshare), "util-linux unshare is not installed");
        Command jvm = JavaChild.of(KillTreeReuseMain.class, Integer.toString(rounds)).command();
        List<String> argv = new ArrayList<>(List.of(unshare.toString(), "--pid", "--fork", "--mount-proc"));
        argv.addAll(jvm.argv());
        Output out = Command.of(argv).output();
        String text = out.stdoutText() + out.stderrText();
        Assumptions.assumeFalse(text.contains("unshare failed") || text.contains("Operation not permitted"),
                "unshare is not allowed here: " + text);
        Assumptions.assumeFalse(out.status().code().orElse(-1) == KillTreeReuseMain.SKIP, text);
        assertTrue(out.status().success(), out.status() + ": " + text);
        assertTrue(text.contains("spared " + rounds + " of " + rounds), text);
    }
}
