package io.prockit.posix.process;

import io.prockit.posix.linux.EpollPoller;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;
import io.prockit.spi.InputFeed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OutputLoop#feed}: the loop writing children's stdin, with each poller, on real pipes; and the
 * stream closed by another thread at the worst moment (the feed must end once and never write a closed number).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OutputLoopFeedTest {
    private static final OutputLoop POLL = new OutputLoop(Probes.platform().constants(),
            new OutputLoop.PollPoller(Probes.platform()));

    /** Linux only: created on first use. */
    private static final class Epoll {
        static final OutputLoop LOOP = new OutputLoop(Probes.platform().constants(), new EpollPoller());
    }

    /** @return the loops this OS has: epoll (Linux) and poll (Linux and macOS) */
    private static OutputLoop[] loops() {
        return io.prockit.posix.Procs.LINUX ? new OutputLoop[] {Epoll.LOOP, POLL} : new OutputLoop[] {POLL};
    }

    /** Records the feed's end. */
    static final class Ends implements InputFeed {
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicInteger ends = new AtomicInteger();
        volatile boolean complete;
        final AtomicReference<IOException> error = new AtomicReference<>();

        @Override
        public void end(boolean complete, IOException error) {
            this.complete = complete;
            this.error.set(error);
            ends.incrementAndGet();
            ended.countDown();
        }

        void await() throws InterruptedException {
            assertTrue(ended.await(60, TimeUnit.SECONDS), "the feed ends within 60 s");
        }
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void feedsManyCatsWhole(OutputLoop loop) throws Exception {
        List<Child> cs = new ArrayList<>();
        List<OutputLoopTest.Collect> outs = new ArrayList<>();
        List<Ends> feeds = new ArrayList<>();
        List<byte[]> ins = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
            byte[] in = random(i * 37_000, i);
            OutputLoopTest.Collect out = new OutputLoopTest.Collect();
            Ends f = new Ends();
            assertTrue(loop.watch((FdStreams.In) c.stdout(), out));
            assertTrue(loop.feed((FdStreams.Out) c.stdin(), ByteBuffer.wrap(in).asReadOnlyBuffer(), f));
            cs.add(c);
            outs.add(out);
            feeds.add(f);
            ins.add(in);
        }
        for (int i = 0; i < cs.size(); i++) {
            feeds.get(i).await();
            assertTrue(feeds.get(i).complete, "child " + i);
            assertNull(feeds.get(i).error.get());
            outs.get(i).await();
            synchronized (outs.get(i).bytes) {
                assertArrayEquals(ins.get(i), outs.get(i).bytes.toByteArray(), "child " + i);
            }
            assertEquals(ExitStatus.exited(0), cs.get(i).waitFor());
        }
        assertEquals(0, loop.feeding());
        assertEquals(0, loop.watching());
    }

    @Test
    @EnabledOnOs(OS.LINUX) // epoll
    void epollFeedsFortyCatsWhole() throws Exception {
        feedsManyCatsWhole(Epoll.LOOP);
    }

    @Test
    void pollFeedsFortyCatsWhole() throws Exception {
        feedsManyCatsWhole(POLL);
    }

    @Test
    void aChildThatExitsEndsTheFeedQuietly() throws Exception {
        for (OutputLoop loop : loops()) {
            Child c = Command.of("true").stdin(Stdio.pipe()).spawn();
            Ends f = new Ends();
            assertTrue(loop.feed((FdStreams.Out) c.stdin(), ByteBuffer.wrap(new byte[4 << 20]), f));
            f.await();
            assertFalse(f.complete);
            assertNull(f.error.get(), "EPIPE is the reader going away, not an error");
            assertEquals(1, f.ends.get());
            c.waitFor();
        }
    }

    @Test
    void anEmptyFeedClosesStdinAtOnce() throws Exception {
        for (OutputLoop loop : loops()) {
            Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
            Ends f = new Ends();
            assertTrue(loop.feed((FdStreams.Out) c.stdin(), ByteBuffer.allocate(0), f));
            f.await();
            assertTrue(f.complete);
            assertEquals(0, c.stdout().readAllBytes().length);
            assertEquals(ExitStatus.exited(0), c.waitFor());
            c.close();
        }
    }

    @Test
    void aPseudoTerminalsStdinIsDeclined() throws Exception {
        Child c = Command.of("cat").pty(io.prockit.PtyOptions.defaults()).spawn();
        try {
            for (OutputLoop loop : loops()) {
                assertFalse(loop.feed((FdStreams.Out) c.stdin(), ByteBuffer.wrap(new byte[] {1}), new Ends()));
            }
        } finally {
            c.kill();
            c.close();
            c.waitFor();
        }
    }

    /** Closes the stream from another thread while the loop may be writing it; the feed ends once. */
    private static void closeWhileFeeding(OutputLoop loop, int rounds) throws Exception {
        byte[] in = new byte[1 << 20];
        for (int round = 0; round < rounds; round++) {
            Child c = Command.of("sh", "-c", "exec cat >/dev/null").stdin(Stdio.pipe()).spawn();
            try {
                FdStreams.Out out = (FdStreams.Out) c.stdin();
                Ends f = new Ends();
                int delayMicros = ThreadLocalRandom.current().nextInt(0, 2000);
                Thread closer = new Thread(() -> {
                    long until = System.nanoTime() + delayMicros * 1000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    c.close();
                });
                closer.start();
                assertTrue(loop.feed(out, ByteBuffer.wrap(in), f));
                closer.join();
                f.await();
                assertEquals(1, f.ends.get(), "round " + round);
                assertNull(f.error.get(), "round " + round);
                assertThrows(IOException.class, () -> out.fd().acquire(), "the descriptor is closed");
                assertEquals(ExitStatus.exited(0), c.waitFor(), "cat saw end of file and exited");
            } finally {
                c.kill();
                c.waitFor();
            }
        }
        assertEquals(0, loop.feeding());
    }

    @Test
    void closeWhileFeedingEndsOnce() throws Exception {
        for (OutputLoop loop : loops()) {
            closeWhileFeeding(loop, 30);
        }
    }

    @Test
    @Tag("stress")
    void closeWhileFeedingEndsOnceThousandsOfTimes() throws Exception {
        for (OutputLoop loop : loops()) {
            closeWhileFeeding(loop, 3000);
        }
    }
}
