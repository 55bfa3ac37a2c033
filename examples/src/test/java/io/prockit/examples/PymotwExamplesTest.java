package io.prockit.examples;

import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Output;
import io.prockit.examples.pymotw.ProcessUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The PyMOTW os examples (seeds 001 and 004), each run through {@code Main run NAME}. */
@DisabledOnOs(OS.WINDOWS) // seeds 001 and 004 port POSIX programs (owner ids, signals, process groups)
class PymotwExamplesTest {
    private static final String DATE = "\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ \\d{4}";

    @Test
    void systemListsTheWorkingDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("os_spawn_example.py"), "import os\n");
        Files.writeString(dir.resolve("index.rst"), "os\n");
        ExampleRun run = ExampleRun.example(c -> c.directory(dir), "os-system");
        run.inOrder("total \\d+",
                "-rw\\S* +\\d+ \\S+ +\\S+ +3 .* index\\.rst",
                "-rw\\S* +\\d+ \\S+ +\\S+ +10 .* os_spawn_example\\.py",
                "system\\(\\) returned 0");
    }

    @Test
    void systemShellExpandsTmpdir(@TempDir Path dir) throws Exception {
        ExampleRun run = ExampleRun.example(c -> c.env("TMPDIR", dir.toString()), "os-system-shell");
        run.one("d\\S+ +\\d+ \\S+ +\\S+ +\\d+ .* " + java.util.regex.Pattern.quote(dir.toString()));
    }

    @Test
    void systemShellFallsBackToTmpWithoutTmpdir() throws Exception {
        ExampleRun run = ExampleRun.example(c -> c.envRemove("TMPDIR"), "os-system-shell");
        run.one("d\\S+ +\\d+ \\S+ +\\S+ +\\d+ .* /tmp");
    }

    @Test
    void systemBackgroundPrintsTheSecondDateWhileSleeping() throws Exception {
        // Main's output pipe stays open until the background subshell has printed its date.
        ExampleRun run = ExampleRun.example("os-system-background");
        run.inOrder("Calling\\.\\.\\.", DATE, "Sleeping\\.\\.\\.", DATE);
        assertEquals(4, run.lines().size(), run.stdout());
    }

    @Test
    void forkPrintsTheChildPidAndTheChildSpeaks() throws Exception {
        ExampleRun run = ExampleRun.example("os-fork");
        run.saysAJvmCannotFork();
        run.one("Child process id: \\d+");
        run.one("I am the child");
        assertEquals(2, run.lines().size(), run.stdout());
    }

    @Test
    void killDeliversSigusr1ToTheChildsHandler() throws Exception {
        ExampleRun run = ExampleRun.example("os-kill");
        run.saysAJvmCannotFork();
        List<Matcher> m = run.inOrder("Forking\\.\\.\\.",
                "PARENT: Pausing before sending signal\\.\\.\\.",
                "CHILD: Setting up signal handler",
                "CHILD: Pausing to wait for signal",
                "PARENT: Signaling (\\d+)",
                "Received USR1 in process (\\d+)",
                "PARENT: child ended with exit status: 0");
        assertEquals(m.get(4).group(1), m.get(5).group(1), "the signalled pid is the one that received it");
    }

    @Test
    void waitCollectsThreeWorkersWithStatuses0And256And512() throws Exception {
        ExampleRun run = ExampleRun.example("os-wait");
        run.saysAJvmCannotFork();
        run.inOrder("PARENT: Forking 0", "PARENT: Forking 1", "PARENT: Forking 2");
        run.inOrder("PARENT: Waiting for 0", "PARENT: Waiting for 1", "PARENT: Waiting for 2");
        Set<Integer> statuses = new HashSet<>();
        Set<String> pids = new HashSet<>();
        for (Matcher m : run.inOrder("PARENT: \\((\\d+), (\\d+)\\)", "PARENT: \\((\\d+), (\\d+)\\)",
                "PARENT: \\((\\d+), (\\d+)\\)")) {
            pids.add(m.group(1));
            statuses.add(Integer.parseInt(m.group(2)));
        }
        // wait() reports whichever ends first: workers sleep 1, 1.5 and 2 s, so nearly always in order,
        // but only the set is certain.
        assertEquals(Set.of(0, 256, 512), statuses);
        assertEquals(3, pids.size());
        for (int i = 0; i < 3; i++) {
            run.inOrder("WORKER " + i + ": Starting", "WORKER " + i + ": Finishing");
        }
    }

    @Test
    void waitpidCollectsEachWorkerInTurn() throws Exception {
        ExampleRun run = ExampleRun.example("os-waitpid");
        run.saysAJvmCannotFork();
        List<Matcher> m = run.inOrder("PARENT: Forking 0", "PARENT: Forking 1", "PARENT: Forking 2",
                "PARENT: Waiting for (\\d+)", "PARENT: \\((\\d+), 0\\)",
                "PARENT: Waiting for (\\d+)", "PARENT: \\((\\d+), 256\\)",
                "PARENT: Waiting for (\\d+)", "PARENT: \\((\\d+), 512\\)");
        for (int k = 3; k < 9; k += 2) {
            assertEquals(m.get(k).group(1), m.get(k + 1).group(1));
        }
        assertNotEquals(m.get(3).group(1), m.get(5).group(1));
        for (int i = 0; i < 3; i++) {
            run.inOrder("WORKER " + i + ": Starting", "WORKER " + i + ": Finishing");
        }
    }

    @Test
    void spawnListsTmp() throws Exception {
        ExampleRun run = ExampleRun.example("os-spawn");
        run.inOrder("total \\d+", "ls exited with 0");
    }

    @Test
    void spawnListsAGivenDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("launch-CRQRox"));
        Files.writeString(dir.resolve("example.db"), "12345");
        ExampleRun run = ExampleRun.example("os-spawn", dir.toString());
        run.inOrder("total \\d+",
                "-rw\\S* +\\d+ \\S+ +\\S+ +5 .* example\\.db",
                "d\\S+ +\\d+ \\S+ +\\S+ +\\d+ .* launch-CRQRox",
                "ls exited with 0");
    }

    @Test
    void processUserShowsBothOutcomes() throws Exception {
        ExampleRun run = ExampleRun.example("os-process-user");
        if (Os.geteuid() == 0) {
            run.inOrder("BEFORE CHANGE:", "User \\(actual/effective\\)  : 0 / 0", "Group \\(actual/effective\\) : 0 / 0",
                    "Actual Groups   : \\[.*\\]",
                    "CHANGED GROUP:", "User \\(actual/effective\\)  : 0 / 0", "Group \\(actual/effective\\) : 0 / 65534",
                    "CHANGE USER:", "User \\(actual/effective\\)  : 0 / 65534", "Group \\(actual/effective\\) : 0 / 65534",
                    // second run, as the test user: nothing can change
                    "BEFORE CHANGE:", "User \\(actual/effective\\)  : 65534 / 65534",
                    "CHANGED GROUP:", "Group \\(actual/effective\\) : 65534 / 65534",
                    "CHANGE USER:", "User \\(actual/effective\\)  : 65534 / 65534");
            run.none("ERROR: .*");
        } else {
            int uid = Os.getuid();
            run.inOrder("BEFORE CHANGE:", "User \\(actual/effective\\)  : " + uid + " / " + uid);
            if (uid == 65534 && Os.getgid() == 65534) {   // already the test user: asking for its own ids changes nothing
                run.inOrder("CHANGED GROUP:", "CHANGE USER:", "User \\(actual/effective\\)  : 65534 / 65534");
            } else {
                run.inOrder("ERROR: Could not change effective group\\.  Re-run as root\\.",
                        "ERROR: Could not change effective user\\.  Re-run as root\\.");
            }
            run.one("\\(run as root to see the other outcome\\)");
        }
    }

    @Test
    void processUserAsAnotherUserIsRefusedWithEperm() throws Exception {
        assumeTrue(Os.geteuid() == 0, "needs root to become another user first");
        // The program as a normal user (1000) that asks for TEST_UID / TEST_GID (65534): the kernel says EPERM.
        Output out = JavaChild.of(ProcessUser.Program.class, "--as", "1000:1000")
                .jvmOptions("-XX:TieredStopAtLevel=1").command().output();
        assertEquals(0, out.status().toExitcode(), out::stderrText);
        assertEquals("BEFORE CHANGE:\n"
                + "User (actual/effective)  : 1000 / 1000\n"
                + "Group (actual/effective) : 1000 / 1000\n"
                + "Actual Groups   : [1000]\n\n"
                + "ERROR: Could not change effective group.  Re-run as root.\n"
                + "ERROR: Could not change effective user.  Re-run as root.\n", out.stdoutText());
    }

    @Test
    void processIdsOfThisProcessAndOfAChildInANewSession() throws Exception {
        ExampleRun run = ExampleRun.example("os-process-ids");
        List<Matcher> m = run.inOrder("This process:", "Process id        : (\\d+)", "Parent process id : (\\d+)",
                "Process group     : (\\d+) (\\d+)", "Session           : (\\d+)", "Terminal          : \\S+",
                "Foreground group  : .+",
                "A child in a new session:", "Process id        : (\\d+)", "Parent process id : (\\d+)",
                "Process group     : (\\d+) (\\d+)", "Session           : (\\d+)");
        assertEquals(m.get(3).group(1), m.get(3).group(2), "getpgrp() == getpgid(0)");
        String child = m.get(8).group(1);
        assertEquals(m.get(1).group(1), m.get(9).group(1), "the child's parent is the example");
        assertEquals(child, m.get(10).group(1), "a session leader leads its own group");
        assertEquals(child, m.get(11).group(1), "the new session's id is the child's pid");
    }

    @Test
    void environChangesReachTheChildShell() throws Exception {
        ExampleRun run = ExampleRun.example(c -> c.envRemove("TESTVAR"), "os-environ");
        assertEquals("Initial value: None\nChild process:\n\n\n"
                + "Changed value: THIS VALUE WAS CHANGED\nChild process:\nTHIS VALUE WAS CHANGED\n\n"
                + "Removed value: None\nChild process:\n\n", run.stdout());
    }

    @Test
    void cwdMovesUpOne(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("PyMOTW").resolve("os")).toRealPath();
        ExampleRun run = ExampleRun.example(c -> c.directory(dir), "os-cwd");
        assertEquals("Starting: " + dir + "\nMoving up one: ..\nAfter move: " + dir.getParent() + "\n"
                + dir.getParent() + "\n", run.stdout());
    }

    @Test
    void popenReadsAndWrites() throws Exception {
        assertEquals("popen, read:\n\tstdout: 'to stdout\\n'\n\npopen, write:\n\tstdin: to stdin\n",
                ExampleRun.example("os-popen").stdout());
    }

    @Test
    void popen2PassesThrough() throws Exception {
        assertEquals("popen2:\n\tpass through: 'through stdin to stdout'\n", ExampleRun.example("os-popen2").stdout());
    }

    @Test
    void popen3SeparatesStderr() throws Exception {
        assertEquals("popen3:\n\tpass through: 'through stdin to stdout'\n\tstderr: ';to stderr\\n'\n",
                ExampleRun.example("os-popen3").stdout());
    }

    @Test
    void popen4CombinesStdoutAndStderr() throws Exception {
        assertEquals("popen4:\n\tcombined output: 'through stdin to stdout;to stderr\\n'\n",
                ExampleRun.example("os-popen4").stdout());
    }

    @Test
    void popen2TakesAnArgumentList() throws Exception {
        assertEquals("popen2, cmd as sequence:\n\tpass through: 'through stdin to stdout'\n",
                ExampleRun.example("os-popen2-seq").stdout());
    }

    @Test
    void execReplacesTheChildWithLs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("example.db"), "12345");
        ExampleRun run = ExampleRun.example("os-exec", dir.toString());
        run.saysAJvmCannotFork();
        run.inOrder("total \\d+", "-rw\\S* +\\d+ \\S+ +\\S+ +5 .* example\\.db", "ls \\(pid \\d+\\) exited with 0");
    }
}
