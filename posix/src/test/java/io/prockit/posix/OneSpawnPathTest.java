package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Os;
import io.prockit.PosixSpawnAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 items 1 and 5: every entry point spawns through the same plan and spawner, so an
 * {@code Os.posixSpawn} child starts as clean as a {@code Command} child; and the Python face's spawn gaps.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OneSpawnPathTest {

    private static int exitcode(int pid) {
        return Os.waitstatusToExitcode(Os.waitpid(pid, 0).status());
    }

    /**
     * The blocked and the ignored signals of a child started by {@code Os.posixSpawn} with {@code attributes}, as
     * {@code ps -o sigmask=,sigignore=} reports them (procps and BSD ps alike; bit {@code s - 1} for signal s).
     * posix_spawn returns once the child has exec'd (glibc: CLONE_VFORK; macOS: one system call), so what ps sees
     * is sleep's state, which exec kept from the spawn.
     */
    private static long[] signalState(PosixSpawnAttributes attributes) throws Exception {
        int pid = Os.posixSpawn(Procs.program("sleep"), List.of("sleep", "30"), Os.environ(), attributes);
        try {
            return Procs.psSignalState(pid);
        } finally {
            Os.kill(pid, 9);
            Os.waitpid(pid, 0);
        }
    }

    @Test
    void posixSpawnChildStartsWithAnEmptyMaskAndDefaultDispositions() throws Exception {
        // The spawning JVM thread blocks SIGQUIT (SigBlk 0x4): before the one spawn path, posixSpawn passed it on.
        long[] state = signalState(PosixSpawnAttributes.defaults());
        assertEquals(0L, state[0], "blocked");
        assertEquals(0L, state[1], "ignored");
    }

    @Test
    void posixSpawnKeepsWhatTheCallerAskedFor() throws Exception {
        // setsigmask replaces the empty default mask.
        assertEquals(0x202L, signalState(PosixSpawnAttributes.defaults().withSetsigmask(Set.of(2, 10)))[0]);
    }

    @Test
    void spawnRefusesAnEmptyArgv0() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Os.spawnv(Os.P_WAIT, Procs.program("true"), List.of("")));
        assertTrue(e.getMessage().contains("args[0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Os.spawnvp(Os.P_NOWAIT, "true", List.of("", "x")));
        assertThrows(IllegalArgumentException.class, () -> Os.spawnl(Os.P_WAIT, Procs.program("true"), ""));
        assertThrows(IllegalArgumentException.class, () -> Os.spawnve(Os.P_WAIT, Procs.program("true"), List.of(""), Map.of()));
    }

    @Test
    void posixSpawnpWithoutAttributes() {
        int pid = Os.posixSpawnp("sh", List.of("sh", "-c", "exit 4"), Map.of("PATH", "/nonexistent:/bin:/usr/bin"));
        assertEquals(4, exitcode(pid));
    }

    @Test
    void getExecPathWithoutAnEnvironmentReadsTheLiveOne() {
        String name = "PATH";
        String saved = Os.getenv(name);
        try {
            Os.putenv(name, "/prockit/a:/prockit/b");
            assertEquals(List.of("/prockit/a", "/prockit/b"), Os.getExecPath());
            assertEquals(Os.getExecPath(null), Os.getExecPath());
        } finally {
            if (saved != null) {
                Os.putenv(name, saved);
            } else {
                Os.unsetenv(name);
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // macOS's posix_spawn has no scheduler attributes
    void schedulerThroughCommandAndPosixSpawnAlike() throws Exception {
        // glibc's posix_spawnattr_setschedpolicy takes SCHED_OTHER, SCHED_FIFO and SCHED_RR only.
        int pid = Os.posixSpawn("/bin/sleep", List.of("sleep", "30"), Os.environ(),
                PosixSpawnAttributes.defaults().withScheduler(Os.SCHED_OTHER, new io.prockit.SchedParam(0)));
        try {
            assertEquals(Os.SCHED_OTHER, Os.schedGetscheduler(pid));
            assertEquals(0, Os.schedGetparam(pid).schedPriority());
        } finally {
            Os.kill(pid, 9);
            Os.waitpid(pid, 0);
        }
        io.prockit.Child c = io.prockit.Command.of("/bin/sleep", "30")
                .posixOptions(io.prockit.PosixOptions.defaults().withScheduler(Os.SCHED_OTHER, 0)).spawn();
        try {
            assertEquals(Os.SCHED_OTHER, Os.schedGetscheduler(c.pid()));
        } finally {
            Children.reap(c);
        }
    }
}
