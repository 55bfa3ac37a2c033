package io.prockit.posix;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.ProcessListener;
import io.prockit.PtyOptions;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Command.spawn(ProcessListener)} on the POSIX backend: real children, their bytes, the order of the
 * calls, the threads that make them, and what is left behind (nothing).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessListenerTest {

    /** Records everything a listener sees, with the order of the calls. */
    static class Recorder implements ProcessListener {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        /** The delivering threads themselves: names alone cannot tell one output thread from another. */
        final Set<Thread> readers = ConcurrentHashMap.newKeySet();
        final AtomicInteger exits = new AtomicInteger();
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final CountDownLatch exited = new CountDownLatch(1);
        volatile ExitStatus status;
        volatile Child started;

        @Override
        public void onStart(Child child) {
            started = child;
            events.add("start");
        }

        @Override
        public void onStdout(ByteBuffer data) {
            enter();
            byte[] b = new byte[data.remaining()];
            data.get(b);
            synchronized (out) {
                out.write(b, 0, b.length);
            }
            note("out");
            leave();
        }

        @Override
        public void onStderr(ByteBuffer data) {
            enter();
            byte[] b = new byte[data.remaining()];
            data.get(b);
            synchronized (err) {
                err.write(b, 0, b.length);
            }
            note("err");
            leave();
        }

        @Override
        public void onExit(ExitStatus s) {
            enter();
            status = s;
            exits.incrementAndGet();
            events.add("exit");
            leave();
            exited.countDown();
        }

        private void note(String e) {
            threads.add(Thread.currentThread().getName());
            readers.add(Thread.currentThread());
            if (events.isEmpty() || !events.get(events.size() - 1).equals(e)) {
                events.add(e);
            }
        }

        private void enter() {
            if (active.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
        }

        private void leave() {
            active.decrementAndGet();
        }

        ExitStatus await() throws InterruptedException {
            assertTrue(exited.await(60, TimeUnit.SECONDS), "onExit within 60 s; events " + events);
            return status;
        }

        String stdout() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        String stderr() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void deliversBothStreamsThenTheExitOnce() throws Exception {
        Recorder r = new Recorder();
        Child c = Command.of("/bin/sh", "-c", "printf out1; printf err1 >&2; printf out2; exit 3").spawn(r);
        assertSame(c, r.started, "onStart gets the child spawn returns");
        assertEquals(ExitStatus.exited(3), r.await());
        assertEquals("out1out2", r.stdout());
        assertEquals("err1", r.stderr());
        assertEquals("start", r.events.get(0));
        assertEquals("exit", r.events.get(r.events.size() - 1));
        assertEquals(ExitStatus.exited(3), c.waitFor());
        assertEquals(1, r.exits.get());
        assertEquals(0, r.overlaps.get(), "calls for one child never overlap");
        assertEquals(Set.of("prockit-output"), r.threads, "pipes are read by the one output thread");
    }

    @Test
    void fifteenMegabytesArriveWholeAndInOrder() throws Exception {
        Recorder r = new Recorder();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        AtomicInteger bytes = new AtomicInteger();
        Command.of("seq", "1", "2000000").spawn(new ProcessListener() {
            @Override
            public void onStdout(ByteBuffer data) {
                bytes.addAndGet(data.remaining());
                md.update(data);
            }

            @Override
            public void onExit(ExitStatus status) {
                r.onExit(status);
            }
        });
        assertEquals(ExitStatus.exited(0), r.await());
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (int i = 1; i <= 2_000_000; i++) {
            sb.append(i).append('\n');
            if (sb.length() > 1 << 16) {
                byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
                expected.update(b);
                total += b.length;
                sb.setLength(0);
            }
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        expected.update(b);
        total += b.length;
        assertEquals(total, bytes.get());
        assertEquals(HexFormat.of().formatHex(expected.digest()), HexFormat.of().formatHex(md.digest()));
    }

    @Test
    void fiveHundredChildrenAtOnceShareOneThreadAndLeaveNoDescriptor() throws Exception {
        Recorder warm = new Recorder(); // the output loop's own descriptors and thread exist from here on
        Command.of(Procs.program("echo")).spawn(warm).waitFor();
        warm.await();
        java.util.Map<Integer, String> before = Procs.prockitKindFds();
        int n = 500;
        List<Recorder> rs = new ArrayList<>();
        List<Child> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Recorder r = new Recorder();
            rs.add(r);
            cs.add(Command.of("/bin/sh", "-c", "echo out-$0; echo err-$0 >&2", Integer.toString(i)).spawn(r));
        }
        for (int i = 0; i < n; i++) {
            Recorder r = rs.get(i);
            assertEquals(ExitStatus.exited(0), r.await());
            assertEquals("out-" + i + "\n", r.stdout(), "child " + i);
            assertEquals("err-" + i + "\n", r.stderr(), "child " + i);
            assertEquals(1, r.exits.get());
            assertTrue(Set.of("prockit-output").containsAll(r.threads), r.threads.toString());
        }
        for (Child c : cs) {
            c.waitFor();
        }
        Set<Thread> readers = new java.util.HashSet<>();
        for (Recorder r : rs) {
            readers.addAll(r.readers);
        }
        assertEquals(1, readers.size(), "one thread read the pipes of all 500 children: " + readers);
        assertEquals(java.util.Map.of(), Procs.newKindFds(before), "every pipe of the 500 children is closed");
    }

    /**
     * 3,000 children alive at once, each writing a different amount (up to ~100 KB) to both streams; every
     * fifth is closed and every seventh killed while it writes. Every byte of the others arrives, every
     * {@code onExit} comes once, nothing overlaps, and the descriptors return to the baseline.
     */
    @Test
    @org.junit.jupiter.api.Tag("stress")
    void threeThousandChildrenWithClosesAndKillsInTheMix() throws Exception {
        Recorder warm = new Recorder();
        Command.of(Procs.program("echo")).spawn(warm).waitFor();
        warm.await();
        java.util.Map<Integer, String> before = Procs.prockitKindFds();
        java.util.Random random = new java.util.Random(42);
        int n = 3000;
        List<Recorder> rs = new ArrayList<>();
        List<Child> cs = new ArrayList<>();
        int[] outLines = new int[n];
        int[] errLines = new int[n];
        for (int i = 0; i < n; i++) {
            outLines[i] = random.nextInt(15_000);
            errLines[i] = random.nextInt(2_000);
            Recorder r = new Recorder();
            rs.add(r);
            cs.add(Command.of("/bin/sh", "-c", "seq 1 $0; seq 1 $1 >&2",
                    Integer.toString(outLines[i]), Integer.toString(errLines[i])).spawn(r));
            if (i % 5 == 3) {
                cs.get(i).close();
            } else if (i % 7 == 6) {
                cs.get(i).kill();
            }
        }
        for (int i = 0; i < n; i++) {
            Recorder r = rs.get(i);
            ExitStatus st = r.await();
            assertEquals(st, cs.get(i).waitFor(), "child " + i);
            assertEquals(1, r.exits.get(), "child " + i);
            assertEquals(0, r.overlaps.get(), "child " + i);
            if (i % 5 == 3 || i % 7 == 6) {
                continue; // closed or killed: whatever arrived before that is all there is
            }
            assertEquals(ExitStatus.exited(0), st, "child " + i);
            assertEquals(seq(outLines[i]), r.stdout(), "stdout of child " + i);
            assertEquals(seq(errLines[i]), r.stderr(), "stderr of child " + i);
        }
        assertEquals(java.util.Map.of(), Procs.newKindFds(before), "every pipe of the 3,000 children is closed");
    }

    private static String seq(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void closeEndsTheDeliveryAndOnExitStillFollowsTheExit() throws Exception {
        CountDownLatch said = new CountDownLatch(1);
        Recorder r = new Recorder() {
            @Override
            public void onStdout(ByteBuffer data) {
                super.onStdout(data);
                said.countDown();
            }
        };
        Child c = Command.of("/bin/sh", "-c", "echo started; exec sleep 30").spawn(r);
        try {
            assertTrue(said.await(30, TimeUnit.SECONDS));
            c.close();
            assertFalse(r.exited.await(200, TimeUnit.MILLISECONDS), "onExit waits for the exit itself");
        } finally {
            c.kill();
        }
        assertEquals(ExitStatus.signaled(Signal.SIGKILL, false), r.await());
        assertEquals("started\n", r.stdout());
    }

    /** A pseudo-terminal is read by a pool thread: the close wakes its read and hangs the terminal up. */
    @Test
    void closeEndsThePoolReaderOfAPseudoTerminal() throws Exception {
        CountDownLatch said = new CountDownLatch(1);
        Recorder r = new Recorder() {
            @Override
            public void onStdout(ByteBuffer data) {
                super.onStdout(data);
                said.countDown();
            }
        };
        Child c = Command.of("/bin/sh", "-c", "echo started; exec sleep 30").pty(PtyOptions.defaults()).spawn(r);
        try {
            assertTrue(said.await(30, TimeUnit.SECONDS));
            c.close();
            assertEquals(ExitStatus.signaled(Signal.SIGHUP, false), r.await(), "hung up, not killed");
        } finally {
            c.kill();
            c.waitFor();
        }
        assertEquals("started\r\n", r.stdout());
        assertEquals(1, r.exits.get());
    }

    @Test
    void closingInOnStartIsAllowed() throws Exception {
        Recorder r = new Recorder() {
            @Override
            public void onStart(Child child) {
                super.onStart(child);
                child.close();
            }
        };
        Command.of("/bin/sh", "-c", "sleep 1; echo unread").spawn(r); // writes long after onStart closed
        assertEquals(ExitStatus.signaled(Signal.SIGPIPE, false), r.await(), "the child wrote to a closed pipe");
        assertEquals("", r.stdout());
    }

    /** Sets the default uncaught-exception handler for the test, so reports of prockit's threads are seen. */
    static final class Reports implements Thread.UncaughtExceptionHandler, AutoCloseable {
        final List<Throwable> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final Thread.UncaughtExceptionHandler old = Thread.getDefaultUncaughtExceptionHandler();

        Reports() {
            Thread.setDefaultUncaughtExceptionHandler(this);
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            threads.add(t.getName());
            seen.add(e);
        }

        @Override
        public void close() {
            Thread.setDefaultUncaughtExceptionHandler(old);
        }
    }

    /**
     * Issue 14 item 7: a callback that throws is reported through the thread's uncaught-exception handler (no
     * logging binding needed) and detached from the rest of that child's output; the child's pipe is drained,
     * not closed under it, so the child is not killed by SIGPIPE; onExit still comes once.
     */
    @Test
    void aThrowingCallbackIsReportedAndDetachedAndTheDeliveryToOthersGoesOn() throws Exception {
        try (Reports reports = new Reports()) {
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            Recorder r = new Recorder() {
                @Override
                public void onStdout(ByteBuffer data) {
                    super.onStdout(data);
                    calls.incrementAndGet();
                    first.countDown();
                    throw new IllegalStateException("listener bug (expected by the test)");
                }
            };
            // "two" is written only after the listener has thrown on "one" (the test releases it through stdin),
            // so the two can never arrive in one read: whatever reaches the listener after the throw is a bug.
            Child c = Command.of("/bin/sh", "-c", "echo one; read go; echo two").stdin(Stdio.pipe()).spawn(r);
            assertTrue(first.await(30, TimeUnit.SECONDS), "the first line reached the listener");
            c.stdin().write("go\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            c.stdin().close();
            assertEquals(ExitStatus.exited(0), r.await());
            assertEquals("one\n", r.stdout(), "nothing is delivered after the throw");
            assertEquals(1, calls.get());
            assertEquals(1, r.exits.get());
            assertEquals(1, reports.seen.size(), reports.seen.toString());
            assertEquals("listener bug (expected by the test)", reports.seen.get(0).getMessage());
            Recorder after = new Recorder();
            Command.of(Procs.program("echo"), "still").spawn(after);
            after.await();
            assertEquals("still\n", after.stdout());
        }
    }

    /** The child itself writes the megabyte (exec): a SIGPIPE would be its own death. */
    private static final String MEGABYTE = "exec head -c 1000000 /dev/zero";

    /** A listener whose every onStdout throws {@code Error}; counts its calls. */
    static class ErrorThrower extends Recorder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void onStdout(ByteBuffer data) {
            calls.incrementAndGet();
            throw new Error("listener error (expected by the test)");
        }
    }

    private static void anErrorDetachesTheListenerAndTheChildIsDrained(boolean pty) throws Exception {
        try (Reports reports = new Reports()) {
            ErrorThrower bad = new ErrorThrower();
            Recorder good = new Recorder();
            Command badCommand = Command.of("/bin/sh", "-c", MEGABYTE);
            Command goodCommand = Command.of("/bin/sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x; exit 5");
            if (pty) {
                badCommand = badCommand.pty(PtyOptions.defaults());
                goodCommand = goodCommand.pty(PtyOptions.defaults());
            }
            Child b = badCommand.spawn(bad);
            Child g = goodCommand.spawn(good);
            try {
                assertTrue(bad.exited.await(30, TimeUnit.SECONDS), "onExit of the throwing listener within 30 s");
                assertEquals(ExitStatus.exited(0), bad.status, "the child wrote all 1,000,000 bytes, no SIGPIPE");
                assertEquals(ExitStatus.exited(0), b.waitFor());
                assertEquals(1, bad.calls.get(), "detached after the first throw");
                assertEquals(1, bad.exits.get());
                assertEquals(ExitStatus.exited(5), good.await());
                assertEquals(1_000_000, good.stdout().replace("\r", "").length(), "the other child lost nothing");
                assertEquals(1, reports.seen.size(), reports.seen.toString());
                assertEquals("listener error (expected by the test)", reports.seen.get(0).getMessage());
                assertTrue(reports.seen.get(0) instanceof Error);
            } finally {
                b.kill();
                g.kill();
                b.waitFor();
                g.waitFor();
            }
        }
    }

    /** The output loop's path (a pipe read by {@code prockit-output}). */
    @Test
    void anErrorInACallbackDetachesTheListenerAndTheChildIsDrainedNotKilled() throws Exception {
        anErrorDetachesTheListenerAndTheChildIsDrained(false);
    }

    /** Core's pool-reader path (a pseudo-terminal is read by a {@code prockit-io} thread). */
    @Test
    void anErrorInACallbackOnAPoolReaderDetachesTheListenerAndTheChildIsDrained() throws Exception {
        anErrorDetachesTheListenerAndTheChildIsDrained(true);
    }

    @Test
    void anErrorInOnExitIsReportedOnce() throws Exception {
        try (Reports reports = new Reports()) {
            AtomicInteger exits = new AtomicInteger();
            CountDownLatch reported = new CountDownLatch(1);
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                reports.uncaughtException(t, e);
                reported.countDown();
            });
            Child c = Command.of(Procs.program("echo"), "x").spawn(new ProcessListener() {
                @Override
                public void onExit(ExitStatus status) {
                    exits.incrementAndGet();
                    throw new Error("onExit error (expected by the test)");
                }
            });
            assertEquals(ExitStatus.exited(0), c.waitFor());
            assertTrue(reported.await(30, TimeUnit.SECONDS), "the Error reached the uncaught-exception handler");
            assertEquals(1, exits.get());
            assertEquals(1, reports.seen.size());
        }
    }

    @Test
    void aThrowingOnStartKillsTheChildAndPropagates() throws Exception {
        AtomicReference<Child> seen = new AtomicReference<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Command.of("sleep", "30").spawn(new ProcessListener() {
                    @Override
                    public void onStart(Child child) {
                        seen.set(child);
                        throw new IllegalStateException("refused by the test");
                    }
                }));
        assertEquals("refused by the test", e.getMessage());
        assertNotNull(seen.get());
        assertEquals(ExitStatus.signaled(Signal.SIGKILL, false), seen.get().waitFor());
    }

    @Test
    void theStreamsBelongToTheListenerAndStdinStaysUsable() throws Exception {
        Recorder r = new Recorder();
        Child c = Command.of("cat").stdin(Stdio.pipe()).spawn(r);
        IllegalStateException e = assertThrows(IllegalStateException.class, c::stdout);
        assertTrue(e.getMessage().contains("ProcessListener"), e.getMessage());
        assertThrows(IllegalStateException.class, c::stderr);
        try (OutputStream in = c.stdin()) {
            in.write("through cat\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(ExitStatus.exited(0), r.await());
        assertEquals("through cat\n", r.stdout());
    }

    @Test
    void redirectedStreamsAreNotDelivered() throws Exception {
        Recorder merged = new Recorder();
        Command.of("/bin/sh", "-c", "printf a; printf b >&2").stderr(Stdio.toStdout()).spawn(merged);
        merged.await();
        assertEquals("ab", merged.stdout());
        assertEquals("", merged.stderr());

        Recorder errOnly = new Recorder();
        Command.of("/bin/sh", "-c", "printf a; printf b >&2").stdout(Stdio.discard()).spawn(errOnly);
        errOnly.await();
        assertEquals("", errOnly.stdout());
        assertEquals("b", errOnly.stderr());

        Recorder none = new Recorder();
        Command.of("/bin/sh", "-c", "exit 4").stdout(Stdio.discard()).stderr(Stdio.discard()).spawn(none);
        assertEquals(ExitStatus.exited(4), none.await());
    }

    @Test
    void aDescendantHoldingThePipeDelaysOnExitUntilItsOutputIsIn() throws Exception {
        Recorder r = new Recorder();
        Child c = Command.of("/bin/sh", "-c", "(sleep 0.3; echo late) & echo early").spawn(r);
        assertEquals(ExitStatus.exited(0), c.waitFor());
        assertEquals(ExitStatus.exited(0), r.await());
        String out = r.stdout(); // both lines are in by onExit, whatever order a loaded machine ran them in
        assertEquals(2, out.lines().count(), out);
        assertTrue(out.contains("early\n") && out.contains("late\n"), out);
    }

    @Test
    void aPseudoTerminalIsReadByAPoolThread() throws Exception {
        Recorder r = new Recorder();
        Command.of(Procs.program("echo"), "on a tty").pty(PtyOptions.defaults()).spawn(r);
        assertEquals(ExitStatus.exited(0), r.await());
        assertEquals("on a tty\r\n", r.stdout());
        assertTrue(r.threads.stream().allMatch(t -> t.startsWith("prockit-io-")), r.threads.toString());
    }

    @Test
    void aNullListenerIsRefusedBeforeAnythingStarts() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Command.of(Procs.program("true")).spawn((ProcessListener) null));
        assertEquals("listener", e.getMessage());
    }
}
