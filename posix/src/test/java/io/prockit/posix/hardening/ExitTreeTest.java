package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Stdio;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, items 4 and 5: when the JVM ends (normally, System.exit, SIGTERM) nothing a non-detached child
 * started is left: not its own children, not the rest of the group of a leader that already exited, not
 * children spawned while the JVM was shutting down (those spawns are refused). A detached child's whole tree
 * survives. Checked in the process table after the child JVM ({@link ExitTreeMain}) has ended.
 */
// Linux only: the rest of a reaped group leader's group is killed through its pidfd (Linux 6.9+), and the
// cgroup case needs cgroup v2; macOS has neither (README, "When the JVM exits").
@EnabledOnOs(OS.LINUX)
class ExitTreeTest {

    @ParameterizedTest(name = "JVM ends by {0}")
    @ValueSource(strings = {"return", "exit", "wait", "race"})
    void nothingOfANonDetachedChildOutlivesTheJvm(String ending) throws Exception {
        String t = Marked.token();
        String d = Marked.token();
        // stderr to a file: survivors holding a pipe open would keep readLine from ever seeing its end.
        Path err = Files.createTempFile("exit-tree", ".err");
        Child jvm = JavaChild.of(ExitTreeMain.class, ending, t, d).command()
                .stdin(Stdio.discard()).stdout(Stdio.pipe()).stderr(Stdio.to(err)).spawn();
        StringBuilder said = new StringBuilder();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.stdout(), StandardCharsets.US_ASCII));
            for (String line; (line = out.readLine()) != null; ) {
                said.append(line).append('\n');
                if (line.startsWith("ready") && ending.equals("wait")) {
                    assertTrue(jvm.terminate());
                }
            }
            ExitStatus st = jvm.waitFor();
            said.append(Files.readString(err));
            assertEquals(ending.equals("wait") ? ExitStatus.exited(128 + 15) : ExitStatus.exited(0), st,
                    said.toString());
            assertTrue(said.toString().contains("ready"), said.toString());
            List<Integer> left = Marked.awaitNone(t, 10_000);
            assertEquals(List.of(), left, "processes of non-detached children alive after the JVM ended: "
                    + describe(left) + "\n" + said);
            assertEquals(2, Marked.alive(d).size(), "the detached shell and its child survive");
            if (ending.equals("race")) {
                assertTrue(said.toString().contains("refused: the JVM is shutting down"), said.toString());
            }
        } finally {
            jvm.kill();
            jvm.waitFor();
            jvm.close();
            Marked.killAll(t);
            Marked.killAll(d);
            Marked.awaitNone(t, 10_000);
            Marked.awaitNone(d, 10_000);
            Files.deleteIfExists(err);
        }
    }

    /** Item 4 hammered: spawning during System.exit, many times. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Tag("stress")
    void spawnsDuringExitManyTimes() throws Exception {
        for (int i = 0; i < 15; i++) {
            nothingOfANonDetachedChildOutlivesTheJvm("race");
        }
    }

    private static String describe(List<Integer> pids) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int pid : pids) {
            sb.append(pid).append(' ').append(Marked.cmdline(pid)).append("; ");
        }
        return sb.toString();
    }
}
