package io.prockit.posix;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output callbacks (line consumers) that call back into their own child: closing it from inside the callback
 * must neither stall the one output thread nor throw, whatever another thread does meanwhile.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CallbackReentryTest {

    /**
     * A stderr line consumer closes its child while another thread is inside {@code close()} of the same child:
     * the two closes must not wait for each other (the output thread would then stop for every child).
     */
    @Test
    void aConsumerClosingItsChildWhileAnotherThreadClosesItDoesNotStallTheOutputThread() throws Exception {
        for (int round = 0; round < 3; round++) {
            AtomicReference<Child> self = new AtomicReference<>();
            AtomicReference<Thread> closer = new AtomicReference<>();
            CountDownLatch inConsumer = new CountDownLatch(1);
            CountDownLatch consumerDone = new CountDownLatch(1);
            Child c = Command.of("sh", "-c", "read go; echo err >&2; exec cat")
                    .stdin(Stdio.pipe())
                    .stdoutLines(l -> { })
                    .stderrLines(l -> {
                        inConsumer.countDown();
                        // Wait (bounded) until the other thread is blocked inside close(), then close too.
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        while (System.nanoTime() < deadline) {
                            Thread t = closer.get();
                            if (t != null && t.getState() == Thread.State.BLOCKED) {
                                break;
                            }
                            Thread.onSpinWait();
                        }
                        self.get().close();
                        consumerDone.countDown();
                    })
                    .spawn();
            self.set(c);
            try {
                c.stdin().write("go\n".getBytes(StandardCharsets.US_ASCII));
                c.stdin().flush();
                assertTrue(inConsumer.await(20, TimeUnit.SECONDS), "the stderr line never came");
                Thread t = new Thread(c::close, "closing-thread");
                t.setDaemon(true);
                closer.set(t);
                t.start();
                assertTrue(consumerDone.await(20, TimeUnit.SECONDS),
                        "the consumer's close() never returned: the output thread is stuck");
                t.join(20_000);
                assertTrue(!t.isAlive(), "the other thread's close() never returned");
                // The output thread still serves other children.
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                assertEquals(ExitStatus.exited(0), Command.of("echo", "still", "served").stdoutLines(lines::add)
                        .timeout(java.time.Duration.ofSeconds(20)).status());
                assertEquals(List.of("still served"), lines);
            } finally {
                c.kill();
                c.waitFor();
            }
        }
    }

    /**
     * A line consumer closes its own child in the middle of a chunk of many lines: the rest of the chunk may or
     * may not be delivered, but nothing fails (the decoder must not be finished while it is still scanning).
     */
    @Test
    void aConsumerClosingItsChildMidChunkFailsNothing() throws Exception {
        AtomicReference<Throwable> reported = new AtomicReference<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.compareAndSet(null, e));
        AtomicReference<Child> self = new AtomicReference<>();
        AtomicInteger lines = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        try {
            // 8,192 lines of 8 bytes written by dd in one 64 KiB write: one chunk, longer than the decoder's
            // 8,192-character buffer, so the decoder is still busy with it when the first line closes the child.
            java.nio.file.Path lines64k = java.nio.file.Files.createTempFile("lines", ".txt");
            lines64k.toFile().deleteOnExit();
            java.nio.file.Files.writeString(lines64k, "abcdefg\n".repeat(8192));
            Child c = Command.of("sh", "-c", "read x; dd bs=65536 count=1 if=\"$0\" 2>/dev/null; exec cat",
                            lines64k.toString())
                    .stdin(Stdio.pipe())
                    .stdoutLines(l -> {
                        if (lines.incrementAndGet() == 1) {
                            self.get().close();
                            first.countDown();
                        }
                    })
                    .spawn();
            self.set(c);
            try {
                c.stdin().write('\n');
                c.stdin().flush();
                assertTrue(first.await(20, TimeUnit.SECONDS), "no line came");
            } finally {
                c.kill();
                c.waitFor();
            }
            Thread.sleep(200); // a failure would be reported by the output thread right after the close
            assertNull(reported.get(), "a failure was reported: " + reported.get());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
