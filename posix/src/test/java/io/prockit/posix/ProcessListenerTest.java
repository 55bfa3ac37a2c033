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

    @Test
    void aThrowingCallbackIsLoggedAndTheDeliveryGoesOn() throws Exception {
        Recorder r = new Recorder() {
            @Override
            public void onStdout(ByteBuffer data) {
                super.onStdout(data);
                throw new IllegalStateException("listener bug (expected by the test)");
            }
        };
        Command.of("/bin/sh", "-c", "echo one; sleep 0.2; echo two").spawn(r);
        assertEquals(ExitStatus.exited(0), r.await());
        assertEquals("one\ntwo\n", r.stdout());
        Recorder after = new Recorder();
        Command.of(Procs.program("echo"), "still").spawn(after);
        after.await();
        assertEquals("still\n", after.stdout());
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
