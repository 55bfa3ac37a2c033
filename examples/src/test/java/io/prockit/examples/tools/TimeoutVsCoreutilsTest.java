package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.JavaChild;
import io.prockit.ProcessInfo;
import io.prockit.Stdio;
import io.prockit.ProcessQuery;
import io.prockit.ProcessState;
import io.prockit.examples.tools.ModelCommands.Result;
import io.prockit.examples.tools.ModelCommands.Sleepers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GNU coreutils' {@code timeout} and prockit's with the same arguments: the same exit codes (the command's
 * output goes to the tool's own stdout, which in this JVM is not captured, so only the codes and the fate of
 * the processes are compared). The commands are renamed {@code sleep} copies; any of them left running (GNU's
 * {@code --foreground} leaves grandchildren behind by design) is killed by name at the end. Skipped where
 * GNU timeout is not installed.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // GNU coreutils timeout, POSIX signals
class TimeoutVsCoreutilsTest {

    private static List<String> a(Object... args) {
        List<String> l = new ArrayList<>();
        for (Object o : args) {
            l.add(o.toString());
        }
        return l;
    }

    /** The test's sleepers still running (a zombie waiting for a slow init to reap it has ended). */
    private static List<ProcessInfo> running(Sleepers s) {
        return ProcessQuery.all().name(s.name)
                .where(p -> p.orElse(ProcessInfo::state, ProcessState.UNKNOWN) != ProcessState.ZOMBIE).list();
    }

    /** Every process carrying the test's unique name has ended (or is killed, and the test fails). */
    private static void assertNoneLeft(Sleepers s, String what) throws InterruptedException {
        List<ProcessInfo> left = running(s);
        for (ProcessInfo p : left) {
            if (!p.waitFor(Duration.ofSeconds(10))) {
                p.kill();
                throw new AssertionError(what + ": " + p + " still runs 10 s after the tool returned");
            }
        }
    }

    private static void killLeft(Sleepers s) throws InterruptedException {
        for (ProcessInfo p : running(s)) {
            try {
                p.kill();
                p.waitFor(Duration.ofSeconds(10));
            } catch (RuntimeException gone) {
                // ended meanwhile
            }
        }
    }

    private static Result assertSame(Path timeout, Sleepers s, List<String> args, boolean treeEnds) throws Exception {
        List<String> real = args.stream().map(x -> x.replace("SLEEP", s.program.toString())).toList();
        Result want = ModelCommands.model(timeout, real);
        if (treeEnds) {
            assertNoneLeft(s, "coreutils " + args);
        } else {
            killLeft(s);
        }
        Result got = ModelCommands.prockit(RunWithTimeout::run, real);
        if (treeEnds) {
            assertNoneLeft(s, "prockit " + args);
        } else {
            killLeft(s);
        }
        assertEquals(want.code(), got.code(), () -> "exit code of " + args + "\ncoreutils: " + want
                + "\nprockit: " + got);
        return got;
    }

    @Test
    void exitCodesAsCoreutils() throws Exception {
        Path timeout = ModelCommands.require("timeout", "--version", "GNU coreutils");
        try (Sleepers s = new Sleepers("to")) {
            assertSame(timeout, s, a(5, "sh", "-c", "exit 3"), true);
            assertSame(timeout, s, a(0, "sh", "-c", "exit 4"), true);
            assertSame(timeout, s, a("0.3", "SLEEP", 30), true);
            assertSame(timeout, s, a("0.3s", "SLEEP", 30), true);
            assertSame(timeout, s, a("-s", "KILL", "0.3", "SLEEP", 30), true);
            assertSame(timeout, s, a("--signal=INT", "0.3", "SLEEP", 30), true);
            assertSame(timeout, s, a("--preserve-status", "0.3", "SLEEP", 30), true);
            assertSame(timeout, s, a("--preserve-status", "-sKILL", "0.3", "SLEEP", 30), true);
            assertSame(timeout, s, a("-k", "0.2", "0.3", "sh", "-c", "trap '' TERM; SLEEP 30"), true);
            assertSame(timeout, s, a("--kill-after=0.2", "--foreground", "0.3", "sh", "-c", "trap '' TERM; SLEEP 30"),
                    false);
            assertSame(timeout, s, a("0.3", "sh", "-c", "trap 'exit 3' TERM; SLEEP 30 & wait"), true);
            assertSame(timeout, s, a("--preserve-status", "0.3", "sh", "-c", "trap 'exit 3' TERM; SLEEP 30 & wait"),
                    true);
            assertSame(timeout, s, a(5, "sh", "-c", "kill -USR1 $$"), true);
            Result v = assertSame(timeout, s, a("-v", "0.3", "SLEEP", 30), true);
            assertTrue(v.err().stream().anyMatch(l -> l.startsWith("timeout: sending signal TERM to command")),
                    v::toString);
        }
    }

    @Test
    void theWholeTreeEndsOnTimeOut() throws Exception {
        Path timeout = ModelCommands.require("timeout", "--version", "GNU coreutils");
        try (Sleepers s = new Sleepers("tt")) {
            // GNU signals its process group, prockit the tree: either way no sleeper survives.
            assertSame(timeout, s, a("0.3", "sh", "-c", "SLEEP 30 & SLEEP 31 & wait"), true);
            assertSame(timeout, s, a("-k", "0.3", "0.3", "sh", "-c", "trap '' TERM; SLEEP 30 & SLEEP 31 & wait"), true);
        }
    }

    /** Starts {@code command} (timeout with a sleeper), TERMs it once the sleeper runs: the sleeper must end. */
    private static void assertTermReachesTheCommand(Command command, Sleepers s, String who) throws Exception {
        Child timeout = command.stdin(Stdio.discard()).stdout(Stdio.discard()).spawn();
        try {
            List<ProcessInfo> sleepers = List.of();
            for (int i = 0; i < 6000 && sleepers.isEmpty(); i++) {
                Thread.sleep(10);
                sleepers = running(s);
            }
            assertEquals(1, sleepers.size(), who + ": the command started");
            timeout.terminate();
            assertTrue(timeout.waitFor(Duration.ofSeconds(30)).isPresent(), who + " ended on TERM");
            assertNoneLeft(s, who + " TERMed");
        } finally {
            timeout.kill();
            timeout.waitFor(Duration.ofSeconds(30));
            timeout.close();
            killLeft(s);
        }
    }

    @Test
    void aTermToTimeoutReachesTheCommandAsWithCoreutils() throws Exception {
        Path timeout = ModelCommands.require("timeout", "--version", "GNU coreutils");
        try (Sleepers s = new Sleepers("tg")) {
            // the sleeper is the command's child: the signal must reach beyond the command itself
            String script = s.program + " 300 & wait";
            assertTermReachesTheCommand(Command.of(timeout.toString(), "60", "sh", "-c", script), s,
                    "coreutils timeout");
            assertTermReachesTheCommand(JavaChild.of(RunWithTimeout.class, "60", "sh", "-c", script).command(), s,
                    "prockit timeout");
        }
    }

    @Test
    void failuresAsCoreutils() throws Exception {
        Path timeout = ModelCommands.require("timeout", "--version", "GNU coreutils");
        Path notExecutable = Files.createTempFile("prockit-timeout", ".txt");
        try (Sleepers s = new Sleepers("tf")) {
            assertSame(timeout, s, a(), true);
            assertSame(timeout, s, a(5), true);
            assertSame(timeout, s, a("soon", "true"), true);
            assertSame(timeout, s, a("--bogus", 1, "true"), true);
            assertSame(timeout, s, a("-s", "NOPE", 1, "true"), true);
            assertSame(timeout, s, a("-k"), true);
            assertSame(timeout, s, a(1, "/nonexistent/prog-" + s.name), true);
            assertSame(timeout, s, a(1, notExecutable), true);
        } finally {
            Files.deleteIfExists(notExecutable);
        }
    }
}
