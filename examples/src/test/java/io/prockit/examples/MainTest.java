package io.prockit.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar's commands: {@code list}, {@code help}, {@code run}'s errors, and {@code all}. */
class MainTest {

    private static String execute(int expectedStatus, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertEquals(expectedStatus, Main.execute(args, out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsEveryExampleWithItsDescriptionSeedAndPlatform() {
        String out = execute(0, "list");
        List<String> lines = out.lines().toList(); // %n: "\r\n" on Windows
        List<Example> all = Examples.all();
        assertEquals(2 * all.size(), lines.size(), out);
        for (int i = 0; i < all.size(); i++) {
            Example e = all.get(i);
            assertEquals(String.format("%-24s %s", e.name(), e.description()), lines.get(2 * i));
            assertTrue(lines.get(2 * i + 1).contains("seed " + e.seed() + "; runs on " + e.platform().description()),
                    lines.get(2 * i + 1));
            assertTrue(e.seed().matches("\\d{3}(/\\d{3})? .+"), "seed names its file number: " + e.seed());
            assertFalse(e.description().isBlank());
        }
    }

    @Test
    void everySeedExampleOfTheIssueIsRegistered() {
        List<String> names = List.of("os-process-user", "os-process-ids", "os-environ", "os-cwd", "os-popen",
                "os-popen2", "os-popen3", "os-popen4", "os-popen2-seq", "os-system", "os-system-shell",
                "os-system-background", "os-fork", "os-kill", "os-exec", "os-wait", "os-waitpid", "os-spawn",
                "execv-echo", "spawn-cp", "waitstatus-to-exitcode",
                "kill-self", "kill-child", "kill-parent", "stop-continue",
                "ps-list", "kill-by-substring", "pids-by-name", "taskkill", "kill-older-than",
                "startfile", "ctrl-events");
        for (String name : names) {
            assertTrue(Examples.find(name).isPresent(), name);
        }
        assertEquals(new TreeSet<>(names), Examples.all().stream().map(Example::name)
                .collect(Collectors.toCollection(TreeSet::new)), "and nothing else is registered");
    }

    @Test
    void helpListsTheCommands() {
        String out = execute(0, "help");
        for (String c : List.of("list", "run NAME [args]", "all", "help")) {
            assertTrue(out.contains("  " + c + " "), c + " in\n" + out);
        }
        assertEquals(out, execute(2));
    }

    @Test
    void helpAlignsEveryDescriptionInOneColumn() {
        String help = execute(0, "help");
        List<String> lines = help.lines().toList();
        // descriptions of short and long usages alike start in one column (a long usage sits on its own line)
        java.util.Set<Integer> columns = new TreeSet<>();
        for (String description : List.of("list the examples", "show this help", "measure prockit",
                "run a command once per value", "run a command, killing")) {
            String line = lines.stream().filter(l -> l.contains(description)).findFirst().orElseThrow(
                    () -> new AssertionError(description + " not in\n" + help));
            columns.add(line.indexOf(description));
        }
        assertEquals(1, columns.size(), "description columns " + columns + " in\n" + help);
        assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("pgrep ")), "pgrep is listed");
        assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("timeout ")), "timeout is listed");
    }

    @Test
    void runWithTimeoutIsAnAliasOfTimeout() {
        assertEquals(3, Main.execute(new String[] {"run-with-timeout", "60", "sh", "-c", "exit 3"}, System.out));
    }

    @Test
    void benchWithoutASubcommandPrintsItsHelpAndRunsNothing() {
        String out = execute(0, "bench");
        assertTrue(out.startsWith("usage: bench SUBCOMMAND"), out);
        assertTrue(out.contains("  all "), out);
        assertEquals(2, Main.execute(new String[] {"bench", "--n", "3"}, new PrintStream(new ByteArrayOutputStream())),
                "options without a subcommand do not start the full benchmark");
    }

    @Test
    void usageErrorsExitWith2() {
        execute(2, "frobnicate");
        execute(2, "run");
        execute(2, "run", "no-such-example");
    }

    @Test
    void runOfAnExampleForAnotherOsSaysWhichOsItNeeds() {
        Example other = Examples.all().stream().filter(e -> !e.platform().matchesCurrent()).findFirst().orElseThrow();
        assertEquals(other.name() + " needs " + other.platform().description() + "; this is "
                + System.getProperty("os.name") + "." + System.lineSeparator(), execute(0, "run", other.name()));
    }

    @Test
    void allRunsEverySafeExampleAndSummarises() throws Exception {
        ExampleRun run = ExampleRun.main("all");
        int expectedRun = 0;
        for (Example e : Examples.all()) {
            if (e.platform().matchesCurrent() && e.inAll()) {
                expectedRun++;
                run.one("=== " + java.util.regex.Pattern.quote(e.name() + ": " + e.description()));
                run.one("  PASS  " + java.util.regex.Pattern.quote(e.name()) + " +\\d+\\.\\d s");
            } else {
                run.one("  SKIP  " + java.util.regex.Pattern.quote(e.name()) + " +.+");
            }
        }
        Matcher summary = run.one("(\\d+) passed, (\\d+) failed, (\\d+) skipped");
        assertEquals(Integer.toString(expectedRun), summary.group(1));
        assertEquals("0", summary.group(2));
        assertEquals(Integer.toString(Examples.all().size() - expectedRun), summary.group(3));
        run.none("  FAIL  .*");
    }
}
