package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 8: children started with the default options do not outlive a JVM that exits normally;
 * {@code detach()} makes them survive. A child JVM ({@link ExitHookMain}) starts the children; this
 * test checks them after that JVM has ended, then kills the survivor itself (a process it started
 * indirectly, recognised by its command line before it is signalled).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ExitHookTest {
    /** Unusual durations, so the command lines identify our processes. */
    static final String ATTACHED_SECONDS = "3001";
    static final String DETACHED_SECONDS = "3002";
    static final String GRANDCHILD_SECONDS = "3003";

    /** How long a killed process may take to leave the process table; a liveness bound, not a timing check. */
    private static final long GONE_WITHIN_NANOS = 60_000_000_000L;

    @ParameterizedTest(name = "JVM ends by {0}")
    @ValueSource(strings = {"return", "exit", "wait"})
    void defaultChildrenDieWithTheJvmDetachedOnesSurvive(String ending) throws Exception {
        Child jvm = JavaChild.of(ExitHookMain.class, ending).command()
                .stdin(Stdio.discard()).stdout(Stdio.pipe()).spawn();
        Map<String, Integer> pids = new HashMap<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.stdout(), StandardCharsets.US_ASCII));
            for (String line; (line = out.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    pids.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1)));
                }
                if (line.equals("waiting")) {
                    assertTrue(jvm.terminate());
                }
            }
            ExitStatus st = jvm.waitFor();
            assertEquals(ending.equals("wait") ? ExitStatus.exited(128 + 15) : ExitStatus.exited(0), st);
            assertEquals(4, pids.size(), "pids printed: " + pids);

            awaitGone(pids.get("attached"), ATTACHED_SECONDS);
            awaitGone(pids.get("leader"), null);
            awaitGone(pids.get("grandchild"), GRANDCHILD_SECONDS);

            int detached = pids.get("detached");
            assertNotNull(liveState(detached, DETACHED_SECONDS), "the detached child " + detached + " survived the JVM");
        } finally {
            jvm.kill();
            jvm.waitFor();
            jvm.close();
            // The detached child always; the others only when the test failed. Each is signalled only after
            // its command line shows it is still the process the child JVM started.
            String[][] survivors = {{"detached", DETACHED_SECONDS}, {"attached", ATTACHED_SECONDS},
                {"grandchild", GRANDCHILD_SECONDS}, {"leader", null}};
            for (String[] s : survivors) {
                Integer pid = pids.get(s[0]);
                if (pid != null && liveState(pid, s[1]) != null) {
                    Os.kill(pid, Signal.SIGKILL.number());
                    awaitGone(pid, s[1]);
                }
            }
        }
    }

    /** Waits until {@code pid} is gone, a zombie, or another program (its number reused). */
    private static void awaitGone(int pid, String sleepArg) throws Exception {
        long start = System.nanoTime();
        while (liveState(pid, sleepArg) != null) {
            if (System.nanoTime() - start > GONE_WITHIN_NANOS) {
                fail("pid " + pid + " (" + cmdline(pid) + ") still runs after its JVM exited");
            }
            Thread.sleep(10);
        }
    }

    /**
     * @return the state of {@code pid} if it is a live (not zombie) process running {@code sleep sleepArg} (or
     * anything, when sleepArg is null and it is a shell), else null
     */
    static String liveState(int pid, String sleepArg) {
        String cmd = cmdline(pid);
        if (cmd == null) {
            return null;
        }
        // os-scan: the command line of the /bin/sh the child JVM started (the same path on Linux and macOS)
        boolean ours = sleepArg == null ? cmd.startsWith("/bin/sh -c sleep " + GRANDCHILD_SECONDS)
                : cmd.equals("sleep " + sleepArg);
        return ours && Marked.live(pid) ? "live" : null;
    }

    /** @return the command line joined with spaces, "" for a zombie, null when the pid is gone */
    static String cmdline(int pid) {
        return Marked.cmdline(pid);
    }
}
