package io.prockit.posix.process;

import io.prockit.posix.Procs;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;
import io.prockit.posix.linux.EpollPoller;
import io.prockit.spi.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OutputLoop} with each of its pollers on real pipes: the {@code poll(2)} one is what macOS runs, so
 * it is driven here on Linux too. One loop per poller for the whole class (its thread lives as long as the
 * JVM, as the shared loop's does). The {@code poll(2)} tests run on macOS too; the epoll ones only on Linux,
 * with their loop in a holder so macOS never touches epoll.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OutputLoopTest {
    private static final OutputLoop POLL = new OutputLoop(Probes.platform().constants(),
            new OutputLoop.PollPoller(Probes.platform()));
    /** Linux only: created on first use. */
    private static final class Epoll {
        static final OutputLoop LOOP = new OutputLoop(Probes.platform().constants(), new EpollPoller());
    }

    /** Collects one stream. */
    static class Collect implements OutputSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicInteger ends = new AtomicInteger();
        final AtomicInteger afterEnd = new AtomicInteger();
        final AtomicReference<IOException> error = new AtomicReference<>();

        @Override
        public void data(ByteBuffer data) {
            if (ended.getCount() == 0) {
                afterEnd.incrementAndGet();
            }
            assertTrue(data.isReadOnly());
            byte[] b = new byte[data.remaining()];
            data.get(b);
            synchronized (bytes) {
                bytes.write(b, 0, b.length);
            }
        }

        @Override
        public void end(IOException e) {
            error.set(e);
            ends.incrementAndGet();
            ended.countDown();
        }

        String await() throws InterruptedException {
            assertTrue(ended.await(60, TimeUnit.SECONDS), "end within 60 s");
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void manyChildren(OutputLoop loop) throws Exception {
        List<Child> cs = new ArrayList<>();
        List<Collect> outs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Child c = Command.of("/bin/sh", "-c", "echo line-$0; sleep 0.05; echo more-$0", Integer.toString(i))
                    .stdout(Stdio.pipe()).spawn();
            Collect out = new Collect();
            assertTrue(loop.watch((FdStreams.In) c.stdout(), out));
            cs.add(c);
            outs.add(out);
        }
        for (int i = 0; i < cs.size(); i++) {
            assertEquals("line-" + i + "\nmore-" + i + "\n", outs.get(i).await(), "child " + i);
            assertNull(outs.get(i).error.get());
            assertEquals(1, outs.get(i).ends.get());
            assertEquals(0, outs.get(i).afterEnd.get());
            assertEquals(ExitStatus.exited(0), cs.get(i).waitFor());
        }
        assertEquals(0, loop.watching(), "every stream left the loop at its end");
    }

    @Test
    void pollDeliversTwoHundredChildrenWhole() throws Exception {
        assertEquals("poll", POLL.pollerName());
        manyChildren(POLL);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // epoll
    void epollDeliversTwoHundredChildrenWhole() throws Exception {
        assertEquals("epoll", Epoll.LOOP.pollerName());
        manyChildren(Epoll.LOOP);
    }

    /** 2,000 children at once through the {@code poll(2)} loop, each printing a different number of lines. */
    @Test
    @org.junit.jupiter.api.Tag("stress")
    void pollTakesTwoThousandChildrenAtOnce() throws Exception {
        java.util.Random random = new java.util.Random(7);
        List<Child> cs = new ArrayList<>();
        List<Collect> outs = new ArrayList<>();
        int[] lines = new int[2000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = random.nextInt(10_000);
            Child c = Command.of("seq", "1", Integer.toString(lines[i])).stdout(Stdio.pipe()).spawn();
            Collect out = new Collect();
            assertTrue(POLL.watch((FdStreams.In) c.stdout(), out));
            cs.add(c);
            outs.add(out);
        }
        for (int i = 0; i < lines.length; i++) {
            StringBuilder want = new StringBuilder();
            for (int k = 1; k <= lines[i]; k++) {
                want.append(k).append('\n');
            }
            assertEquals(want.toString(), outs.get(i).await(), "child " + i);
            assertEquals(1, outs.get(i).ends.get());
            assertEquals(ExitStatus.exited(0), cs.get(i).waitFor());
        }
        assertEquals(0, POLL.watching());
    }

    private static void closeWhileWatched(OutputLoop loop) throws Exception {
        Child c = Command.of("/bin/sh", "-c", "echo first; exec sleep 30").stdout(Stdio.pipe()).spawn();
        try {
            Collect out = new Collect();
            FdStreams.In in = (FdStreams.In) c.stdout();
            assertTrue(loop.watch(in, out));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.bytes.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            c.close();
            assertEquals("first\n", out.await());
            assertNull(out.error.get());
            assertEquals(1, out.ends.get());
            assertThrows(IOException.class, () -> in.fd().acquire(), "the descriptor is closed");
            assertEquals(0, loop.watching());
        } finally {
            c.kill();
            c.waitFor();
        }
    }

    @Test
    void pollCloseWhileWatchedEndsOnce() throws Exception {
        closeWhileWatched(POLL);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // epoll
    void epollCloseWhileWatchedEndsOnce() throws Exception {
        closeWhileWatched(Epoll.LOOP);
    }

    @Test
    void aStreamClosedBeforeItIsWatchedEndsAtOnce() throws Exception {
        Child c = Command.of(Procs.program("echo"), "x").stdout(Stdio.pipe()).spawn();
        FdStreams.In in = (FdStreams.In) c.stdout();
        c.close();
        Collect out = new Collect();
        assertTrue(POLL.watch(in, out));
        assertEquals("", out.await());
        assertEquals(1, out.ends.get());
        c.waitFor();
    }

    @Test
    void aPseudoTerminalMasterIsDeclined() throws Exception {
        Child c = Command.of(Procs.program("echo"), "x").pty(io.prockit.PtyOptions.defaults()).spawn();
        try {
            FdStreams.In in = (FdStreams.In) c.stdout();
            assertTrue(in.ptyMaster());
            if (Procs.LINUX) {
                assertFalse(Epoll.LOOP.watch(in, new Collect()));
            }
            assertFalse(POLL.watch(in, new Collect()));
        } finally {
            c.close();
            c.waitFor();
        }
    }

    /**
     * Issue 14 item 7 at the loop's level: a sink that throws, {@code Error} included, is reported through the
     * loop thread's uncaught-exception handler and gets nothing more, but its pipe is read to the end (drained),
     * not closed under the child, so the child is not killed by SIGPIPE; its end still comes once, and the
     * loop goes on serving the others.
     */
    private static void aThrowingSinkIsDrained(OutputLoop loop) throws Exception {
        List<Throwable> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler old = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            Child c = Command.of("/bin/sh", "-c", "exec head -c 1000000 /dev/zero").stdout(Stdio.pipe()).spawn();
            AtomicInteger calls = new AtomicInteger();
            Error thrown = new Error("sink error (expected by the test)");
            Collect bad = new Collect() {
                @Override
                public void data(ByteBuffer data) {
                    calls.incrementAndGet();
                    throw thrown;
                }
            };
            assertTrue(loop.watch((FdStreams.In) c.stdout(), bad));
            Child other = Command.of("/bin/sh", "-c", "echo other").stdout(Stdio.pipe()).spawn();
            Collect good = new Collect();
            assertTrue(loop.watch((FdStreams.In) other.stdout(), good));
            assertEquals(ExitStatus.exited(0), c.waitFor(), "the child wrote everything: no SIGPIPE");
            bad.await();
            assertNull(bad.error.get());
            assertEquals(1, bad.ends.get());
            assertEquals(1, calls.get(), "nothing more after the throw");
            assertEquals(List.of(thrown), reported);
            assertEquals("other\n", good.await());
            assertEquals(ExitStatus.exited(0), other.waitFor());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(old);
        }
    }

    @Test
    void pollDrainsTheStreamOfASinkThatThrows() throws Exception {
        aThrowingSinkIsDrained(POLL);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // epoll
    void epollDrainsTheStreamOfASinkThatThrows() throws Exception {
        aThrowingSinkIsDrained(Epoll.LOOP);
    }
}
