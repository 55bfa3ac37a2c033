package io.prockit.windows.spawn;

import io.prockit.PosixOptions;
import io.prockit.Stdio;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pure decisions behind issue 17's Windows fixes, on every OS: when {@code STARTUPINFO} carries standard
 * handles, when a detached child breaks away from the JVM's job, which children {@code terminate()} sends no
 * CTRL_BREAK, and when the ConPTY output counts as quiet (the process table's part is {@code os.Issue17TableLogicTest}).
 */
class Issue17LogicTest {

    private static SpawnRequest req(boolean detached, Stdio in, Stdio out, Stdio err) {
        return new SpawnRequest("prog", List.of("prog"), true, EnvironmentSpec.inherit(), null, in, out, err,
                Map.of(), null, false, detached, (PosixOptions) null, null);
    }

    // ---- 7: STARTF_USESTDHANDLES only when something is redirected ------------------------------------

    @Test
    void stdHandlesArePassedOnlyWhenSomethingIsRedirected() {
        assertFalse(Spawner.redirects(req(false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit())));
        assertTrue(Spawner.redirects(req(false, Stdio.pipe(), Stdio.inherit(), Stdio.inherit())));
        assertTrue(Spawner.redirects(req(false, Stdio.inherit(), Stdio.discard(), Stdio.inherit())));
        assertTrue(Spawner.redirects(req(false, Stdio.inherit(), Stdio.inherit(), Stdio.toStdout())));
    }

    // ---- 8: detach() and the JVM's job -------------------------------------------------------------------

    @Test
    void aDetachedChildBreaksAwayOnlyFromAJobThatAllowsIt() {
        SpawnRequest detached = req(true, Stdio.inherit(), Stdio.inherit(), Stdio.inherit());
        int killOnClose = WinConstants.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        assertTrue(Spawner.breakAway(detached, OptionalInt.of(killOnClose | WinConstants.JOB_OBJECT_LIMIT_BREAKAWAY_OK)));
        assertFalse(Spawner.breakAway(detached, OptionalInt.of(killOnClose)), "forbidden: asking would fail the spawn");
        assertFalse(Spawner.breakAway(detached, OptionalInt.of(killOnClose
                | WinConstants.JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK)), "silent: children are outside the job anyway");
        assertFalse(Spawner.breakAway(detached, OptionalInt.empty()), "no job");
        assertFalse(Spawner.breakAway(req(false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit()),
                OptionalInt.of(WinConstants.JOB_OBJECT_LIMIT_BREAKAWAY_OK)), "only detached children leave");
        assertEquals(0x01000000, WinConstants.CREATE_BREAKAWAY_FROM_JOB);
    }

    // ---- 9: terminate() of a JVM child ------------------------------------------------------------------

    @Test
    void aJvmChildGetsNoCtrlBreakFromTerminate() {
        assertTrue(Spawner.isJvmLauncher("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe"));
        assertTrue(Spawner.isJvmLauncher("C:\\jdk\\bin\\JAVAW.EXE"));
        assertTrue(Spawner.isJvmLauncher("/usr/lib/jvm/bin/java"));
        assertFalse(Spawner.isJvmLauncher("C:\\Windows\\System32\\cmd.exe"));
        assertFalse(Spawner.isJvmLauncher("C:\\tools\\javac.exe"));
        assertFalse(Spawner.isJvmLauncher("C:\\tools\\myjava.exe"));
        SpawnRequest group = new SpawnRequest("prog", List.of("prog"), true, EnvironmentSpec.inherit(), null,
                Stdio.inherit(), Stdio.pipe(), Stdio.pipe(), Map.of(), 0, false, false, (PosixOptions) null, null);
        assertTrue(Spawner.breakOnTerminate(group, "C:\\tools\\server.exe"));
        assertFalse(Spawner.breakOnTerminate(group, "C:\\jdk\\bin\\java.exe"));
    }

    // ---- 5: ConPTY drain until quiet -------------------------------------------------------------------

    /** A clock that moves only when the waiter pauses, and a counter scripted per pause. */
    private static final class Scripted {
        final AtomicLong now = new AtomicLong();
        final AtomicLong counter = new AtomicLong();
        final List<Long> script;
        final List<Duration> pauses = new ArrayList<>();

        Scripted(List<Long> script) {
            this.script = script;
        }

        boolean run(Duration quiet, Duration limit, Duration step) throws InterruptedException {
            return QuietWait.await(counter::get, now::get, d -> {
                pauses.add(d);
                now.addAndGet(d.toNanos());
                int i = pauses.size() - 1;
                if (i < script.size()) {
                    counter.set(script.get(i));
                }
            }, quiet, limit, step);
        }
    }

    @Test
    void closesOnceTheOutputHasStoppedMovingForTheQuietTime() throws InterruptedException {
        // Output keeps arriving for the first 4 steps (the child's handle is signalled, conhost still renders).
        Scripted s = new Scripted(List.of(10L, 20L, 30L, 40L));
        assertTrue(s.run(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofMillis(25)));
        // Last movement after step 4 (100 ms), then still for 100 ms: done after 8 steps, not before.
        assertEquals(8, s.pauses.size());
    }

    @Test
    void givesUpAtTheLimitWhenTheOutputNeverStops() throws InterruptedException {
        List<Long> forever = new ArrayList<>();
        for (long i = 1; i <= 1000; i++) {
            forever.add(i);
        }
        Scripted s = new Scripted(forever);
        assertFalse(s.run(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(25)));
        assertEquals(40, s.pauses.size(), "1 s in 25 ms steps");
    }

    @Test
    void quietOutputClosesAfterTheQuietTimeOnly() throws InterruptedException {
        Scripted s = new Scripted(List.of());
        assertTrue(s.run(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofMillis(25)));
        assertEquals(4, s.pauses.size());
        assertThrows(IllegalArgumentException.class, () -> s.run(Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ZERO));
        assertTrue(QuietWait.QUIET.compareTo(QuietWait.LIMIT) < 0);
    }
}
