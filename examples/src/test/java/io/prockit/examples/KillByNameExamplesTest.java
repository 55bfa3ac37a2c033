package io.prockit.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The kill-by-name examples (seed 003), each run through {@code Main run NAME}. Each example starts
 * the uniquely named processes it kills, so these tests signal nothing they did not start.
 */
@DisabledOnOs(OS.WINDOWS) // seed 003 ports POSIX programs (signals by name); WindowsExamplesTest has Windows'
class KillByNameExamplesTest {

    @Test
    void listProcessesShowsTheExampleItself() throws Exception {
        ExampleRun run = ExampleRun.example("ps-list");
        run.inOrder("java");
    }

    @Test
    void killBySubstringKillsOnlyTheMatchingProcesses() throws Exception {
        ExampleRun run = ExampleRun.example("kill-by-substring");
        Set<String> killed = new TreeSet<>();
        for (Matcher m : run.inOrder("Killing (\\w+)", "Killing (\\w+)", "Killing (\\w+)")) {
            killed.add(m.group(1).replaceAll("[0-9a-f]{4}$", ""));
        }
        assertEquals(Set.of("Adobe", "CCXProcess", "CoreSync"), killed);
        run.none("Killing Photoshop.*");
        run.inOrder("\\d+: signal: 9 \\(SIGKILL\\)", "\\d+: signal: 9 \\(SIGKILL\\)", "\\d+: signal: 9 \\(SIGKILL\\)",
                "Photoshop[0-9a-f]{4} \\d+: still running");
    }

    @Test
    void pidsByNameFindsExactlyTheStartedProcesses() throws Exception {
        ExampleRun run = ExampleRun.example("pids-by-name");
        List<Matcher> m = run.inOrder("started (make[0-9a-f]{4}): \\[(.*)\\]", "found   (make[0-9a-f]{4}): \\[(.*)\\]");
        assertEquals(m.get(0).group(1), m.get(1).group(1));
        assertEquals(new TreeSet<>(List.of(m.get(0).group(2).split(", "))),
                new TreeSet<>(List.of(m.get(1).group(2).split(", "))));
    }

    @Test
    void taskkillByPidAndByName() throws Exception {
        ExampleRun run = ExampleRun.example("taskkill");
        run.inOrder("SUCCESS: The process with PID \\d+ has been terminated\\.", "other: signal: 9 \\(SIGKILL\\)");
        List<Matcher> m = run.inOrder(
                "SUCCESS: The process \"make[0-9a-f]{4}\" with PID (\\d+) has been terminated\\.",
                "SUCCESS: The process \"make[0-9a-f]{4}\" with PID (\\d+) has been terminated\\.",
                "SUCCESS: The process \"make[0-9a-f]{4}\" with PID (\\d+) has been terminated\\.",
                "make[0-9a-f]{4} \\d+: signal: 9 \\(SIGKILL\\)", "make[0-9a-f]{4} \\d+: signal: 9 \\(SIGKILL\\)",
                "make[0-9a-f]{4} \\d+: signal: 9 \\(SIGKILL\\)");
        assertEquals(3, Set.of(m.get(0).group(1), m.get(1).group(1), m.get(2).group(1)).size());
    }

    @Test
    void killOlderThanTerminatesOnlyTheOldProcess() throws Exception {
        ExampleRun run = ExampleRun.example("kill-older-than");
        List<Matcher> m = run.inOrder("started cmd[0-9a-f]{4}: old (\\d+), young (\\d+)", "Terminating PID: (\\d+)",
                "old:   signal: 15 \\(SIGTERM\\)", "young: still running");
        assertEquals(m.get(0).group(1), m.get(1).group(1));
        assertNotEquals(m.get(0).group(2), m.get(1).group(1));
        run.one("Terminating PID: \\d+");
        run.none(Pattern.quote("Terminating PID: " + m.get(0).group(2)));
    }
}
