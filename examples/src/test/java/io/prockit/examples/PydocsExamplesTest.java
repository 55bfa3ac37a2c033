package io.prockit.examples;

import io.prockit.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Python documentation examples (seeds 000 and 002), each run through {@code Main run NAME}. */
@DisabledOnOs(OS.WINDOWS) // seeds 000 and 002 port POSIX programs (fork/exec, wait statuses, /bin/sh)
class PydocsExamplesTest {

    @Test
    void execvEchoPrintsOnlyBar() throws Exception {
        assertEquals("bar\n", ExampleRun.example("execv-echo").stdout());
    }

    @Test
    void spawnlpAndSpawnvpeAreEquivalent() throws Exception {
        assertEquals("spawnlp(P_WAIT, 'cp', 'cp', 'index.html', '/dev/null') = 0\n"
                + "spawnvpe(P_WAIT, 'cp', L, os.environ) = 0\n"
                + "equivalent: both returned 0\n", ExampleRun.example("spawn-cp").stdout());
    }

    @Test
    void waitstatusToExitcodeOnExitOnSignalAndWhenStopped() throws Exception {
        int kill = Signal.SIGKILL.number();
        int stop = Signal.SIGSTOP.number();
        ExampleRun run = ExampleRun.example("waitstatus-to-exitcode");
        run.inOrder("exited:   status 768 -> waitstatus_to_exitcode 3",
                "killed:   status " + kill + " -> waitstatus_to_exitcode -" + kill + " \\(SIGKILL is " + kill + "\\)",
                "stopped:  status " + (stop << 8 | 0x7f) + " -> WIFSTOPPED true, WSTOPSIG " + stop,
                " +waitstatus_to_exitcode raises ValueError: invalid wait status: .*");
    }
}
