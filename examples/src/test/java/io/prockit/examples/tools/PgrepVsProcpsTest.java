package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.ProcessTable;
import io.prockit.Signal;
import io.prockit.examples.tools.ModelCommands.Result;
import io.prockit.examples.tools.ModelCommands.Sleepers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * procps-ng's {@code pgrep} / {@code pkill} and prockit's, with the same arguments, on renamed {@code sleep}
 * copies this test started: the same pids, the same lines, the same exit codes. Skipped where procps is
 * not installed (macOS has BSD pgrep; Windows none).
 */
@EnabledOnOs(OS.LINUX) // procps-ng is Linux's (macOS has BSD pgrep)
class PgrepVsProcpsTest {

    private static void assertSame(Path model, ModelCommands.Tool tool, List<String> args) throws Exception {
        Result want = ModelCommands.model(model, args);
        Result got = ModelCommands.prockit(tool, args);
        assertEquals(want.code(), got.code(), () -> "exit code of " + args + "\nprocps: " + want + "\nprockit: " + got);
        assertEquals(want.out(), got.out(), () -> "stdout of " + args + "\nprocps: " + want + "\nprockit: " + got);
    }

    private static List<String> a(Object... args) {
        List<String> l = new ArrayList<>();
        for (Object o : args) {
            l.add(o.toString());
        }
        return l;
    }

    @Test
    void pgrepSelectsAndPrintsAsProcps() throws Exception {
        Path pgrep = ModelCommands.require("pgrep", "-V", "procps");
        try (Sleepers s = new Sleepers("pg")) {
            s.start("300");
            s.start("301");
            s.start("302");
            String n = s.name;
            int self = ProcessTable.self().pid();
            ModelCommands.Tool tool = Pgrep::pgrep;
            assertSame(pgrep, tool, a(n));
            assertSame(pgrep, tool, a("-l", n));
            assertSame(pgrep, tool, a("-a", n));
            assertSame(pgrep, tool, a("-la", n));
            assertSame(pgrep, tool, a("-c", n));
            assertSame(pgrep, tool, a("-d", ",", n));
            assertSame(pgrep, tool, a("-d,", n));
            assertSame(pgrep, tool, a("--delimiter=:", n));
            assertSame(pgrep, tool, a("-x", n));
            assertSame(pgrep, tool, a("-x", n.substring(0, 6)));
            assertSame(pgrep, tool, a("-c", "-x", n.substring(0, 6)));
            assertSame(pgrep, tool, a("^" + n.substring(0, 6) + "[a-z]+$"));
            assertSame(pgrep, tool, a("-f", n + " 30[12]"));
            assertSame(pgrep, tool, a("-fx", s.program + " 301"));
            assertSame(pgrep, tool, a("-af", n + " 30(0|2)$"));
            assertSame(pgrep, tool, a("-i", n.toUpperCase(Locale.ROOT)));
            assertSame(pgrep, tool, a(n.toUpperCase(Locale.ROOT)));
            assertSame(pgrep, tool, a("-n", n));
            assertSame(pgrep, tool, a("-o", "-l", n));
            assertSame(pgrep, tool, a("-P", self, n));
            assertSame(pgrep, tool, a("-P", "1," + self, n));
            assertSame(pgrep, tool, a("-u", Os.geteuid(), n));
            assertSame(pgrep, tool, a("-U", Os.getuid() + ",0", n));
            assertSame(pgrep, tool, a("--euid", ProcessTable.self().username(), n));
            assertSame(pgrep, tool, a("-g", Os.getpgid(s.children().get(0).pid()), n));
            assertSame(pgrep, tool, a("-s", Os.getsid(s.children().get(0).pid()), n));
            assertSame(pgrep, tool, a("--older", "0", n));
            assertSame(pgrep, tool, a("--older", "100000", n));
            assertSame(pgrep, tool, a("-t", "pts/999", n));
            assertSame(pgrep, tool, a(n, "-l")); // options after the pattern, as getopt permutes them
            assertSame(pgrep, tool, a("nonexistent-" + n));
        }
    }

    @Test
    void pgrepFailsLikeProcpsOnBadSyntax() throws Exception {
        Path pgrep = ModelCommands.require("pgrep", "-V", "procps");
        ModelCommands.Tool tool = Pgrep::pgrep;
        assertSame(pgrep, tool, a());
        assertSame(pgrep, tool, a("a", "b"));
        assertSame(pgrep, tool, a("("));
        assertSame(pgrep, tool, a("-u", "no-such-user-" + ModelCommands.uniqueName("u"), "x"));
        assertSame(pgrep, tool, a("--bogus", "x"));
        assertSame(pgrep, tool, a("-Z", "x"));
        assertSame(pgrep, tool, a("-e", "x"));
        assertSame(pgrep, tool, a("-9", "x"));
        assertSame(pgrep, tool, a("-P"));
        assertSame(pgrep, tool, a("-P", "abc", "x"));
    }

    @Test
    void pgrepMatchesTheKernelsFifteenCharacterName() throws Exception {
        Path pgrep = ModelCommands.require("pgrep", "-V", "procps");
        try (Sleepers s = new Sleepers("pglongname-with-more")) { // longer than 15: comm is cut
            s.start("300");
            ModelCommands.Tool tool = Pgrep::pgrep;
            assertTrue(s.name.length() > 15);
            assertSame(pgrep, tool, a("-x", s.name));
            assertSame(pgrep, tool, a("-x", s.name.substring(0, 15)));
            assertSame(pgrep, tool, a("-l", s.name.substring(0, 15)));
            assertSame(pgrep, tool, a("-f", s.name));
        }
    }

    @Test
    void pgrepInverseLeavesOutTheMatchesAndItsOwnAncestors() throws Exception {
        try (Sleepers s = new Sleepers("pv")) {
            Child c = s.start("300");
            Result r = ModelCommands.prockit(Pgrep::pgrep, a("-v", s.name));
            assertEquals(0, r.code(), r::toString);
            assertFalse(r.out().contains(Integer.toString(c.pid())), r::toString);
            assertFalse(r.out().contains(Integer.toString(ProcessTable.self().pid())), "never this JVM");
            for (var p : ProcessTable.self().parents()) {
                assertFalse(r.out().contains(Integer.toString(p.pid())), "never an ancestor: " + p);
            }
        }
    }

    /** Replaces the pids of {@code s}'s children by P0, P1, ... and its name by NAME, for comparing two runs. */
    private static List<String> normalized(List<String> lines, Sleepers s) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = line.replace(s.program.toString(), "PROG").replace(s.name, "NAME");
            for (int i = 0; i < s.children().size(); i++) {
                l = l.replaceAll("\\b" + s.children().get(i).pid() + "\\b", "P" + i);
            }
            out.add(l);
        }
        return out;
    }

    /**
     * Runs procps' pkill on one set of sleepers and prockit's on another started alike, with the same
     * arguments ({@code NAME} stands for each set's name); compares output, exit code and which children died
     * of which signal.
     */
    private static void assertSameKill(Path pkill, List<String> args, String... sleepArgs) throws Exception {
        try (Sleepers model = new Sleepers("pm"); Sleepers ours = new Sleepers("po")) {
            for (String arg : sleepArgs) {
                model.start(arg);
                ours.start(arg);
            }
            Result want = ModelCommands.model(pkill, args.stream().map(x -> x.replace("NAME", model.name)).toList());
            Result got = ModelCommands.prockit(Pkill::run, args.stream().map(x -> x.replace("NAME", ours.name))
                    .toList());
            assertEquals(want.code(), got.code(), () -> args + "\nprocps: " + want + "\nprockit: " + got);
            assertEquals(normalized(want.out(), model), normalized(got.out(), ours),
                    () -> args + "\nprocps: " + want + "\nprockit: " + got);
            for (int i = 0; i < sleepArgs.length; i++) {
                assertEquals(fate(model.children().get(i)), fate(ours.children().get(i)), args + ": child " + i);
            }
        }
    }

    /** @return the signal the child died of, or "running" when it still runs 300 ms later */
    private static String fate(Child c) throws InterruptedException {
        var st = c.waitFor(Duration.ofMillis(300));
        return st.map(ExitStatus::toString).orElse("running");
    }

    @Test
    void pkillSignalsAndReportsAsProcps() throws Exception {
        Path pkill = ModelCommands.require("pkill", "-V", "procps");
        assertSameKill(pkill, a("NAME"), "300", "301");
        assertSameKill(pkill, a("-e", "NAME"), "300", "301");
        assertSameKill(pkill, a("-USR1", "-e", "-x", "NAME"), "300");
        assertSameKill(pkill, a("-e", "-9", "-n", "NAME"), "300", "301");
        assertSameKill(pkill, a("--signal", "HUP", "-o", "-c", "NAME"), "300", "301");
        assertSameKill(pkill, a("-f", "-e", "--signal=KILL", "NAME 301$"), "300", "301");
        assertSameKill(pkill, a("-0", "-c", "NAME"), "300");
        assertSameKill(pkill, a("-c", "nothing-NAME"), "300");
        assertSameKill(pkill, a("NAME", "-SIGINT"), "300");
        assertSameKill(pkill, a("-d", ",", "NAME"), "300");
        assertSameKill(pkill, a("-v", "NAME"), "300");
        assertSameKill(pkill, a("-l", "NAME"), "300");
        assertSameKill(pkill, a(), "300");
    }

    @Test
    void pkillExtrasKillTreesWithAReport() throws Exception {
        try (Sleepers s = new Sleepers("pt")) {
            Child c = s.start("300");
            Result dry = ModelCommands.prockit(Pgrep::pkill, a("-x", s.name, "--dry-run"));
            assertEquals(0, dry.code(), dry::toString);
            assertTrue(dry.out().stream().anyMatch(l -> l.contains("WOULD_SIGNAL")), dry::toString);
            assertTrue(c.tryWait().isEmpty(), "a dry run signals nothing");
            Result r = ModelCommands.prockit(Pgrep::pkill, a("-x", s.name, "--grace", "60s", "--tree"));
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("1 matched: 1 ended, 0 forced, 0 already gone, 0 denied"), r::toString);
            assertEquals(Signal.SIGTERM, c.waitFor().signal().orElseThrow());
        }
    }
}
