package io.prockit.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The kill-by-pid examples (seed 003), each run through {@code Main run NAME}. */
@DisabledOnOs(OS.WINDOWS) // seed 003 ports POSIX programs (SIGKILL, SIGSTOP/SIGCONT); WindowsExamplesTest has Windows'
class KillingExamplesTest {

    @Test
    void aProcessKillsItselfAndNeverPrintsAgain() throws Exception {
        ExampleRun run = ExampleRun.example("kill-self");
        List<Matcher> m = run.inOrder("Running with pid: (\\d+)",
                "Process (\\d+) ended with signal: 9 \\(SIGKILL\\) \\(waitstatus_to_exitcode: -9\\)");
        assertEquals(m.get(0).group(1), m.get(1).group(1));
        run.none("Still running");
        assertEquals(2, run.lines().size(), run.stdout());
    }

    @Test
    void aParentKillsItsChildWhoseExitcodeIsMinusSigkill() throws Exception {
        ExampleRun run = ExampleRun.example("kill-child");
        List<Matcher> m = run.inOrder("Child is running\\.\\.\\.",
                "Child is running with pid: (\\d+)",
                "Child process: <Child pid=(\\d+) parent=(\\d+) stopped exitcode=-SIGKILL>");
        assertEquals(m.get(1).group(1), m.get(2).group(1));
        assertNotEquals(m.get(2).group(1), m.get(2).group(2));
        assertEquals(3, run.lines().size(), run.stdout());
    }

    @Test
    void aChildKillsTheParentTheExampleStarted() throws Exception {
        ExampleRun run = ExampleRun.example("kill-parent");
        List<Matcher> m = run.inOrder("Parent is running with pid: (\\d+)",
                "Parent process: (\\d+) is gone; this process now belongs to (\\d+)",
                "Parent (\\d+) ended with signal: 9 \\(SIGKILL\\)");
        assertEquals(m.get(0).group(1), m.get(1).group(1));
        assertEquals(m.get(0).group(1), m.get(2).group(1));
        assertNotEquals(m.get(1).group(1), m.get(1).group(2));
        run.none("Parent is still running");
    }

    @Test
    void stopThenContinueAChild() throws Exception {
        ExampleRun run = ExampleRun.example("stop-continue");
        run.saysAJvmCannotFork();
        run.inOrder("---PARENT PROCESS---", "The child process has been stopped \\(WIFSTOPPED true, by SIGSTOP\\)\\.",
                "Child ended with exit status: 0");
        run.inOrder("---PARENT PROCESS---", "Hello, World!", "Child ended with exit status: 0");
        assertEquals(4, run.lines().size(), run.stdout());
    }
}
