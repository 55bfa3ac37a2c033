package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Output;
import io.prockit.Pipeline;
import io.prockit.ProcessFailedException;
import io.prockit.ProcessTimeoutException;
import io.prockit.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pipelines of 1, 2 and 5 real members wired by kernel pipes: data, pipefail, timeouts, no leaked descriptor. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PipelineTest {

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static Command sh(String script) {
        return Command.of("sh", "-c", script);
    }


    @Test
    void seqGrepWcWithoutAShell() throws Exception {
        Output o = Pipeline.of(Command.of("seq", "1", "100000"), Command.of("grep", "7"), Command.of("wc", "-l"))
                .timeout(Duration.ofSeconds(60)).output().checkSuccess();
        assertEquals("40951", o.stdoutText().strip());
        assertEquals(List.of("seq", "1", "100000", "|", "grep", "7", "|", "wc", "-l"), o.command());
    }

    @Test
    void oneMemberIsAPlainCommand() throws Exception {
        Output o = Pipeline.of(sh("echo solo; echo e >&2; exit 4")).output();
        assertEquals(ExitStatus.exited(4), o.status());
        assertEquals("solo", o.stdoutText().strip());
        assertEquals("e", o.stderrText().strip());
    }

    @Test
    void twoMembersCarry64MegabytesThroughTheKernelPipe() throws Exception {
        byte[] in = random(64 * 1024 * 1024);
        Output o = Command.of("cat").input(in).pipe(Command.of("cat")).timeout(Duration.ofMinutes(2)).output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(sha(in), sha(o.stdout()));
    }

    @Test
    void fiveMembersWithFailuresInTheMiddleReportPipefailAndEveryStatus() throws Exception {
        Pipeline p = Pipeline.of(Command.of("cat"), sh("cat; exit 3"), Command.of("cat"), sh("cat; echo m4 >&2; exit 5"),
                Command.of("cat"));
        Pipeline fed = Pipeline.of(p.commands().get(0).input("x\ny\n"), p.commands().get(1), p.commands().get(2),
                p.commands().get(3), p.commands().get(4));
        List<ExitStatus> all = fed.statuses();
        assertEquals(List.of(ExitStatus.exited(0), ExitStatus.exited(3), ExitStatus.exited(0), ExitStatus.exited(5),
                ExitStatus.exited(0)), all);
        Output o = fed.output();
        assertEquals(ExitStatus.exited(5), o.status(), "the last failure, as pipefail");
        assertEquals("x\ny\n", o.stdoutText());
        assertEquals("m4", o.stderrText().strip());
        ProcessFailedException e = assertThrows(ProcessFailedException.class, () -> fed.check().status());
        assertEquals(ExitStatus.exited(5), e.status());
        assertEquals(ExitStatus.exited(0), Pipeline.of(Command.of("true"), Command.of("true")).status());
    }

    @Test
    void aMemberThatStopsReadingMakesTheOneBeforeItDieOfSigpipe() throws Exception {
        List<ExitStatus> s = Pipeline.of(Command.of("cat").input(random(8 * 1024 * 1024)), sh("head -c 10 >/dev/null; exit 2"),
                Command.of("cat")).statuses();
        assertEquals(Signal.SIGPIPE, s.get(0).signal().orElseThrow(), s.toString());
        assertEquals(ExitStatus.exited(2), s.get(1));
        assertEquals(ExitStatus.exited(0), s.get(2));
    }

    @Test
    void aTimeoutEndsEveryMembersTree() throws Exception {
        Pipeline p = Pipeline.of(sh("echo $$ >&2; sleep 60 & echo $! >&2; wait"), sh("echo $$ >&2; cat"),
                sh("echo $$ >&2; exec cat")).timeout(Duration.ofMillis(700)).timeoutGrace(Duration.ofMillis(300));
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, p::output);
        List<String> pids = e.output().stderrText().lines().toList();
        assertEquals(4, pids.size(), e.output().stderrText());
        for (String pid : pids) {
            assertTrue(Children.gone(Long.parseLong(pid)), "pid " + pid + " is gone");
        }
        assertTrue(e.command().contains("|"));
    }

    @Test
    void spawnGivesEveryMemberAndNoDescriptorStaysOpen() throws Exception {
        java.util.Map<Integer, String> before = Procs.prockitKindFds();
        for (int round = 0; round < 20; round++) {
            List<Child> members = Pipeline.of(Command.of("true"), Command.of("cat"), Command.of("cat"), Command.of("cat"),
                    sh("cat >/dev/null")).spawn();
            assertEquals(5, members.size());
            for (Child c : members) {
                assertEquals(ExitStatus.exited(0), c.waitFor());
                c.close();
            }
            Pipeline.of(sh("exit 1"), Command.of("cat")).output();
        }
        // Compared by kind (pipes, pidfds, terminals), not by count: the JVM opens and closes other files (jars,
        // the cleaner closing earlier tests' dropped streams) at any moment.
        java.util.Map<Integer, String> left = Procs.newKindFds(before);
        left.values().removeIf(t -> t.equals("anon_inode:[eventpoll]"));
        assertEquals(java.util.Map.of(), left, "no pipe end stays open in the parent");
    }

    @Test
    void aMemberThatCannotStartTakesTheStartedOnesWithIt() throws Exception {
        java.util.Map<Integer, String> before = Procs.prockitKindFds();
        assertThrows(io.prockit.OsException.class, () -> Pipeline.of(Command.of("cat"),
                Command.of("no-such-program-prockit-15"), Command.of("cat")).output());
        // Pipes, pidfds, terminals: none of what the members had is left (the loops' epoll sets are the JVM's).
        // The started member is killed and reaped; its pidfd goes with the reaping, which may finish a moment
        // after output() threw: wait for it (bounded), then nothing of the members may be left.
        java.util.Map<Integer, String> left = Procs.newKindFds(before);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            left = Procs.newKindFds(before);
            left.values().removeIf(t -> t.equals("anon_inode:[eventpoll]"));
            if (left.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(10);
        }
        assertEquals(java.util.Map.of(), left);
    }

    @Test
    void theLastMembersLinesAndTheFirstMembersFile() throws Exception {
        Path f = Files.createTempFile("prockit-pipe", ".txt");
        try {
            Files.writeString(f, "b\na\nc\n");
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Pipeline.of(Command.of("cat").input(f), Command.of("sort"), Command.of("cat").stdoutLines(lines::add))
                    .check().status();
            assertEquals(List.of("a", "b", "c"), lines);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void emptyPipelineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pipeline.of());
    }
}
