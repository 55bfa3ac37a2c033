package io.prockit.posix;

import io.prockit.posix.process.Probes;
import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Output;
import io.prockit.ProcessFailedException;
import io.prockit.ProcessListener;
import io.prockit.ProcessTimeoutException;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The everyday API of issue 15 on real children: timeouts that fire and that do not, check, input of every
 * size, output to streams, lines and loggers, the output cap. Children are {@code sh} and {@code cat}
 * found on PATH.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class EverydayApiTest {

    private static final int MB = 1024 * 1024;

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /**
     * prockit's pool threads of every kind (I/O readers and writers, {@code onExit} completions): any
     * {@code prockit-} thread except the one-per-JVM reaper, output loop and cleaner.
     */
    /**
     * Fails if a pool thread exists now that did not before. Names are numbered, so a new thread always has a new
     * name; threads that ended meanwhile (an idle pool thread's keep-alive ran out) are not a failure.
     */
    private static void assertNoNewThreads(Set<String> before, String message) {
        Set<String> started = new java.util.TreeSet<>(ioThreads());
        started.removeAll(before);
        assertEquals(Set.of(), started, message);
    }

    private static Set<String> ioThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("prockit-") && !n.startsWith("prockit-reaper")
                        && !n.startsWith("prockit-output") && !n.startsWith("prockit-cleaner"))
                .collect(Collectors.toSet());
    }

    // ---- timeout -------------------------------------------------------------------------------------

    @Test
    void timeoutFiresEndsTheTreeAndCarriesTheOutputSoFar() throws Exception {
        Command cmd = Command.of("sh", "-c", "echo $$; sleep 60 & echo $!; echo started >&2; wait")
                .timeout(Duration.ofMillis(500));
        long t0 = System.nanoTime();
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, cmd::output);
        long took = System.nanoTime() - t0;
        assertEquals(cmd.argv(), e.command());
        assertTrue(e.elapsed().compareTo(Duration.ofMillis(500)) >= 0, e.elapsed().toString());
        assertTrue(took < TimeUnit.SECONDS.toNanos(20), "ended promptly");
        List<String> lines = e.output().stdoutLines();
        assertEquals(2, lines.size(), e.output().stdoutText());
        assertEquals("started", e.output().stderrText().strip());
        // SIGTERM reaches the sleep first (descendants are frozen and signalled before the child), so the shell
        // may see its wait end and exit 143 just before its own SIGTERM lands: either way it did not succeed.
        assertFalse(e.output().status().success(), e.getMessage());
        assertTrue(e.getMessage().contains("timed out after"), e.getMessage());
        assertTrue(Children.gone(Long.parseLong(lines.get(0))), "the shell is gone");
        assertTrue(Children.gone(Long.parseLong(lines.get(1))), "its sleep (a grandchild) is gone");
    }

    @Test
    void aChildIgnoringSigtermIsKilledAfterTheGrace() throws Exception {
        Command cmd = Command.of("sh", "-c", "trap '' TERM; echo $$; while :; do sleep 1; done")
                .timeout(Duration.ofMillis(300)).timeoutGrace(Duration.ofMillis(300));
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, cmd::output);
        assertEquals(Signal.SIGKILL, e.output().status().signal().orElseThrow());
        assertTrue(Children.gone(Long.parseLong(e.output().stdoutLines().get(0))));
    }

    @Test
    void statusWithATimeoutThatFiresAndGraceZero() {
        Command cmd = Command.of("sleep", "60").timeout(Duration.ofMillis(200)).timeoutGrace(Duration.ZERO);
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, cmd::status);
        assertEquals(Signal.SIGKILL, e.output().status().signal().orElseThrow());
        assertEquals(0, e.output().stdout().length);
    }

    @Test
    void timeoutsThatDoNotFireChangeNothingAndLeaveNoThread() throws Exception {
        Set<String> before = ioThreads();
        for (int i = 0; i < 20; i++) {
            Output o = Command.of("sh", "-c", "echo out; echo err >&2; exit 3").timeout(Duration.ofSeconds(30))
                    .output();
            assertEquals(ExitStatus.exited(3), o.status());
            assertEquals("out", o.stdoutText().strip());
            assertEquals("err", o.stderrText().strip());
            assertEquals(ExitStatus.exited(0), Command.of("true").timeout(Duration.ofSeconds(30)).status());
        }
        assertNoNewThreads(before, "no pool thread was started");
    }

    @Test
    void aTimeoutWhileStdinIsStillBeingFedStopsTheFeedAndLeavesNothing() throws Exception {
        Command.of("cat").input("warm-up: the loop's and reaper's own descriptors").output();
        Set<String> before = ioThreads();
        java.util.Map<Integer, String> fds = Procs.prockitKindFds();
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, () -> Command.of("sleep", "60")
                .input(random(16 * MB)).timeout(Duration.ofMillis(300)).timeoutGrace(Duration.ZERO).output());
        assertEquals(Signal.SIGKILL, e.output().status().signal().orElseThrow());
        assertEquals(0, Probes.outputLoopFeeding(), "the feed ended with the run");
        assertEquals(0, Probes.outputLoopWatching());
        // By kind (pipes, pidfds, terminals), not the JVM's whole count, which other files move at any moment.
        assertEquals(java.util.Map.of(), Procs.newKindFds(fds), "no pipe end left open");
        assertNoNewThreads(before, "no thread left");
    }

    /** The deadline lands as the child exits: either outcome is fine, a hang, a leak or a lost status is not. */
    private static void timeoutRacingTheExit(int rounds) throws Exception {
        Command.of("cat").input("warm-up: the loop's and reaper's own descriptors").output();
        java.util.Map<Integer, String> fds = Procs.prockitKindFds();
        int timedOut = 0;
        for (int i = 0; i < rounds; i++) {
            Command cmd = Command.of("sh", "-c", "echo x").input("in").timeout(Duration.ofNanos(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000, 5_000_000)));
            try {
                Output o = cmd.output();
                assertEquals(ExitStatus.exited(0), o.status());
                assertEquals("x", o.stdoutText().strip());
            } catch (ProcessTimeoutException e) {
                timedOut++;
                assertTrue(e.output().status() != null);
            }
        }
        assertEquals(0, Probes.outputLoopFeeding());
        assertEquals(0, Probes.outputLoopWatching());
        assertEquals(java.util.Map.of(), Procs.newKindFds(fds),
                "no descriptor leaked over " + rounds + " rounds (" + timedOut + " timed out)");
    }

    @Test
    void aTimeoutRacingTheExitNeverHangsOrLeaks() throws Exception {
        timeoutRacingTheExit(60);
    }

    @Test
    @org.junit.jupiter.api.Tag("stress")
    void aTimeoutRacingTheExitThousandsOfTimes() throws Exception {
        timeoutRacingTheExit(3000);
    }

    /** Python's run() closes a piped stdin nobody writes (communicate()); a child reading it must not hang. */
    @Test
    void aPipedStdinThatNobodyCanWriteIsClosed() throws Exception {
        Command cat = Command.of("cat").stdin(Stdio.pipe()).timeout(Duration.ofSeconds(20));
        assertEquals("", cat.output().stdoutText());
        assertEquals(ExitStatus.exited(0), cat.status());
        CompletableFuture<Output> plain = CompletableFuture.supplyAsync(() -> {
            try {
                return Command.of("cat").stdin(Stdio.pipe()).output();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(ExitStatus.exited(0), plain.get(20, TimeUnit.SECONDS).status());
        CompletableFuture<ExitStatus> plainStatus = CompletableFuture.supplyAsync(() -> {
            try {
                return Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).status();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(ExitStatus.exited(0), plainStatus.get(20, TimeUnit.SECONDS));
    }

    @Test
    void badTimeoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Command.of("true").timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Command.of("true").timeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Command.of("true").timeoutGrace(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Command.of("true").outputLimit(-1));
    }

    // ---- check ---------------------------------------------------------------------------------------

    @Test
    void checkSuccessNamesTheCommandStatusAndTheLastLinesOfStderr() throws Exception {
        Command cmd = Command.of("sh", "-c", "i=1; while [ $i -le 20 ]; do echo line$i >&2; i=$((i+1)); done; exit 3");
        Output o = cmd.output();
        ProcessFailedException e = assertThrows(ProcessFailedException.class, o::checkSuccess);
        assertEquals(cmd.argv(), e.command());
        assertEquals(ExitStatus.exited(3), e.status());
        String m = e.getMessage();
        assertTrue(m.startsWith(cmd.argv() + " failed: exit status: 3"), m);
        assertTrue(m.contains("  line11") && m.contains("  line20") && !m.contains("  line10"), m);
        assertEquals(10, e.stderrTail().size());
        ProcessFailedException viaFlag = assertThrows(ProcessFailedException.class, () -> cmd.check().output());
        assertEquals(ExitStatus.exited(3), viaFlag.status());
        assertTrue(viaFlag.output().isPresent());
    }

    @Test
    void checkOnStatusAndSuccessPassesThrough() throws Exception {
        ProcessFailedException e = assertThrows(ProcessFailedException.class,
                () -> Command.of("sh", "-c", "exit 4").check().status());
        assertEquals(ExitStatus.exited(4), e.status());
        assertTrue(e.getMessage().contains("exit status: 4"));
        assertEquals(ExitStatus.exited(0), Command.of("true").check().status());
        Output ok = Command.of("sh", "-c", "echo fine").check().output();
        assertEquals("fine", ok.checkSuccess().stdoutText().strip());
        ProcessFailedException killed = assertThrows(ProcessFailedException.class,
                () -> Command.of("sh", "-c", "kill -9 $$").check().output());
        assertEquals(Signal.SIGKILL, killed.status().signal().orElseThrow());
    }

    // ---- input ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65537, 1024 * 1024 + 3, 64 * 1024 * 1024})
    void inputBytesThroughCatComeBackWhole(int size) throws Exception {
        byte[] in = random(size);
        Set<String> before = ioThreads();
        Output o = Command.of("cat").input(in).timeout(Duration.ofMinutes(2)).output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(size, o.stdout().length);
        assertEquals(sha(in), sha(o.stdout()));
        assertNoNewThreads(before, "fed by the output loop, not a pool thread");
    }

    @Test
    void inputWrittenWhileBothOutputsAreRead() throws Exception {
        // cat copies 8 MB to stdout and to stderr (through tee to a descriptor): neither pipe may stall the other
        byte[] in = random(8 * MB);
        Output o = Command.of("sh", "-c", "tee /dev/stderr").input(in).output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(sha(in), sha(o.stdout()));
        assertEquals(sha(in), sha(o.stderr()));
    }

    @Test
    void inputStringCharsetPathAndStream() throws Exception {
        assertEquals("héllo", Command.of("cat").input("héllo").output().stdoutText());
        assertArrayEquals(new byte[] {'h', (byte) 0xe9}, Command.of("cat").input("hé", StandardCharsets.ISO_8859_1)
                .output().stdout());
        Path f = Files.createTempFile("prockit-input", ".bin");
        try {
            byte[] data = random(3 * MB);
            Files.write(f, data);
            assertEquals(sha(data), sha(Command.of("cat").input(f).output().stdout()));
            byte[] big = random(5 * MB + 7);
            assertEquals(sha(big), sha(Command.of("cat").input(new ByteArrayInputStream(big)).output().stdout()));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void aChildThatDoesNotReadItsInputIsNoError() throws Exception {
        for (int i = 0; i < 20; i++) {
            Output o = Command.of("sh", "-c", "exec 0<&-; echo done").input(random(4 * MB)).output();
            assertEquals(ExitStatus.exited(0), o.status());
            assertEquals("done", o.stdoutText().strip());
        }
        assertEquals(ExitStatus.exited(0), Command.of("true").input(random(MB)).status());
    }

    @Test
    void aFailingInputStreamIsReportedAfterTheChildEnded() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> Command.of("cat").input(broken).output());
        assertEquals("disk on fire", e.getCause().getMessage());
    }

    @Test
    void manyChildrenFedAtOnceStartNoThreads() throws Exception {
        Set<String> before = ioThreads();
        List<Child> children = new ArrayList<>();
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        byte[] in = random(200 * 1024);
        try {
            for (int i = 0; i < 50; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                outs.add(out);
                children.add(Command.of("cat").input(in).stdoutTo(out).spawn());
            }
            for (Child c : children) {
                assertEquals(ExitStatus.exited(0), c.waitFor());
            }
        } finally {
            children.forEach(Children::reap);
        }
        assertNoNewThreads(before, "no thread per child");
    }

    // ---- output targets ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65536, 64 * 1024 * 1024})
    void stdoutToAStream(int size) throws Exception {
        byte[] in = random(size);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long[] count = new long[1];
        OutputStream digest = new OutputStream() {
            @Override
            public void write(int b) {
                md.update((byte) b);
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                md.update(b, off, len);
                count[0] += len;
            }
        };
        Output o = Command.of("cat").input(in).stdoutTo(digest).output();
        assertEquals(ExitStatus.exited(0), o.status());
        assertEquals(0, o.stdout().length, "sent elsewhere, not captured");
        assertEquals(size, count[0]);
        assertEquals(sha(in), HexFormat.of().formatHex(md.digest()));
    }

    @Test
    void linesAreDecodedSplitAndTheLastPartialOneDelivered() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        ExitStatus st = Command.of("sh", "-c", "printf 'a\\nb\\r\\nc\\rd\\n\\nlast é'; printf 'e1\\ne2' >&2")
                .stdoutLines(out::add).stderrLines(err::add).status();
        assertEquals(ExitStatus.exited(0), st);
        assertEquals(List.of("a", "b", "c", "d", "", "last é"), out);
        assertEquals(List.of("e1", "e2"), err);
    }

    @Test
    void manyLinesArriveInOrder() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        List<String> got = new ArrayList<>();
        Command.of("cat").input(sb.toString()).stdoutLines(got::add).check().status();
        assertEquals(200_000, got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals("line " + i, got.get(i));
        }
    }

    /** Records every event; SLF4J's own base class does the level plumbing. */
    static final class RecordingLogger extends AbstractLogger {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        RecordingLogger() {
            this.name = "recording";
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, org.slf4j.Marker marker, String msg, Object[] args,
                                                   Throwable t) {
            events.add(level + " " + msg);
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled(org.slf4j.Marker marker) {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(org.slf4j.Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(org.slf4j.Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(org.slf4j.Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(org.slf4j.Marker marker) {
            return true;
        }
    }

    @Test
    void linesGoToALoggerAtTheChosenLevel() throws Exception {
        RecordingLogger log = new RecordingLogger();
        Command.of("sh", "-c", "echo one; echo two >&2; printf three")
                .stdoutLog(log, Level.INFO).stderrLog(log, Level.WARN).check().status();
        assertEquals(Set.of("INFO one", "WARN two", "INFO three"), Set.copyOf(log.events));
        assertEquals(3, log.events.size());
    }

    @Test
    void processListenerLinesAdapter() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<ExitStatus> done = new CompletableFuture<>();
        Command.of("sh", "-c", "printf 'x\\r\\ny'; printf 'z' >&2; exit 2").spawn(
                ProcessListener.ofLines(StandardCharsets.UTF_8, out::add, err::add, done::complete));
        assertEquals(ExitStatus.exited(2), done.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("x", "y"), out);
        assertEquals(List.of("z"), err);
    }

    @Test
    void outputLimitKeepsTheFirstBytesAndDrainsTheRest() throws Exception {
        byte[] in = random(4 * MB);
        Output o = Command.of("sh", "-c", "cat; echo err >&2").input(in).outputLimit(1000).output();
        assertEquals(ExitStatus.exited(0), o.status(), "the child was never blocked");
        assertTrue(o.truncated());
        assertArrayEquals(java.util.Arrays.copyOf(in, 1000), o.stdout());
        assertEquals("err", o.stderrText().strip());
        Output small = Command.of("sh", "-c", "echo hi").outputLimit(1000).output();
        assertFalse(small.truncated());
        assertTrue(small.toString().contains("exit status: 0"));
    }

    @Test
    void spawnWithInputAndLinesReturnsARunningChild() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Child c = Command.of("cat").input("p\nq\n").stdoutLines(out::add).spawn()) {
            assertEquals(ExitStatus.exited(0), c.waitFor());
            assertThrows(IllegalStateException.class, c::stdout);
            // The lines arrive through the output loop, possibly after the exit; close() ends delivery, so wait
            // for them before the try closes the child.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (out.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertEquals(List.of("p", "q"), out);
    }

    @Test
    void spawnWithInputOnlyLeavesTheOutputPipeToTheCaller() throws Exception {
        try (Child c = Command.of("cat").input("fed\n").stdout(Stdio.pipe()).spawn()) {
            assertEquals("fed\n", new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(ExitStatus.exited(0), c.waitFor());
        }
    }

    @Test
    void inputReplacesStdinAndStdinReplacesInput() throws Exception {
        assertEquals("x", Command.of("cat").stdin(Stdio.discard()).input("x").output().stdoutText());
        assertEquals("", Command.of("cat").input("x").stdin(Stdio.discard()).output().stdoutText());
    }
}
