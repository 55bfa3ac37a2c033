package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.OsException;
import io.prockit.PosixOptions;
import io.prockit.Stdio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: what a tree kill cannot reach without a cgroup (a double-forked {@code setsid} daemon), and the
 * opt-in that reaches it ({@code PosixOptions.withOwnCgroup(true)}: {@code cgroup.kill}). The cgroup case
 * is skipped, with the reason, where the JVM may not create a cgroup (not root, no cgroup v2, no cgroup.kill).
 */
@EnabledOnOs(OS.LINUX) // cgroup v2
class CgroupKillTest {

    /**
     * A shell that, once told (a line on stdin: by then spawn() has returned, and a cgroup placement is done),
     * starts a {@code setsid} sleep from a subshell that exits (a daemon of init now), then sleeps itself.
     */
    private static Command daemonizer(String token) {
        return Command.of("/bin/sh", "-c", "read go; (setsid " + Marked.sleep(token) + " &); exec "
                        + Marked.sleep(token))
                .stdin(Stdio.pipe()).stdout(Stdio.discard()).stderr(Stdio.discard());
    }

    private static void go(Child c) throws Exception {
        c.stdin().write('\n');
        c.stdin().flush();
    }

    private static void awaitBoth(String token) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (Marked.alive(token).size() < 2) {
            assertTrue(System.nanoTime() < end, "the daemon never started");
            Thread.sleep(5);
        }
    }

    @Test
    void aDoubleForkedSetsidDaemonEscapesAPlainTreeKill() throws Exception {
        String t = Marked.token();
        Child c = daemonizer(t).spawn();
        try {
            go(c);
            awaitBoth(t);
            assertTrue(c.killTree());
            c.waitFor();
            List<Integer> left = Marked.awaitNone(t, 500);
            assertEquals(1, left.size(), "only the daemon (re-parented, own session) survives: " + left);
        } finally {
            c.close();
            Marked.killAll(t);
            Marked.awaitNone(t, 10_000);
        }
    }

    @Test
    void inItsOwnCgroupEvenTheDaemonDies() throws Exception {
        String t = Marked.token();
        Child c;
        try {
            c = daemonizer(t).posixOptions(PosixOptions.defaults().withOwnCgroup(true)).spawn();
        } catch (OsException e) {
            Assumptions.abort("this JVM may not create a cgroup here: " + e.getMessage());
            return;
        }
        Path dir = null;
        try {
            go(c);
            awaitBoth(t);
            String cg = Files.readString(Path.of("/proc/" + c.pid() + "/cgroup"));
            assertTrue(cg.contains("/prockit-"), cg);
            for (String line : cg.split("\\R")) {
                if (line.startsWith("0::")) {
                    dir = Path.of(line.substring(3));
                }
            }
            assertTrue(c.killTree());
            c.waitFor();
            assertEquals(List.of(), Marked.awaitNone(t, 10_000), "survivors of killTree in a cgroup");
        } finally {
            c.close();
            Marked.killAll(t);
            Marked.awaitNone(t, 10_000);
        }
        // The cgroup is removed once empty.
        Path name = dir.getFileName();
        long end = System.nanoTime() + 10_000_000_000L;
        boolean gone = false;
        while (!gone && System.nanoTime() < end) {
            gone = !Files.exists(Path.of("/sys/fs/cgroup/unified").resolve(name.toString()))
                    && !Files.exists(Path.of("/sys/fs/cgroup").resolve(name.toString()));
            Thread.sleep(10);
        }
        assertTrue(gone, "cgroup " + name + " still exists");
    }
}
