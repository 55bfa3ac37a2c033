package io.prockit.posix;

import io.prockit.posix.platform.PosixConstants;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Stdio;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 13 item 1: a stream's descriptor has one owner. A read or write holds it while it uses the number (for
 * every chunk and across {@code EINTR} retries), so a close from another thread either waits for the call or
 * makes it fail with {@code IOException("Stream closed")}, and never lets it touch a number the process has
 * since handed to another file. Sentinels are files opened right after the close, where the freed number
 * lands first: they must stay untouched.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DescriptorOwnershipTest {
    private static final int SENTINEL_OPENS = 64;

    @TempDir
    Path tmp;

    /** A child that reads nothing from stdin until {@code go} exists, then reads it all and discards it. */
    private static Command drainAfter(Path go) {
        return Command.of("/bin/sh", "-c", "while [ ! -e \"$0\" ]; do sleep 0.02; done; cat >/dev/null", go.toString())
                .stdin(Stdio.pipe()).stdout(Stdio.discard());
    }

    /** Waits (bounded) until {@code t} is inside the native call {@code LibC.method}. */
    private static void awaitInNative(Thread t, String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().equals(LibC.class.getName()) && e.getMethodName().equals(method)) {
                    return;
                }
            }
            if (!t.isAlive()) {
                fail(t.getName() + " ended before it was in LibC." + method);
            }
            Thread.sleep(5);
        }
        fail(t.getName() + " not in LibC." + method + " within 30 s");
    }

    /**
     * Opens {@code file} {@value #SENTINEL_OPENS} times (write-only), taking the lowest free numbers: the number
     * a close just freed is among them, since the JVM has far fewer holes than that below it.
     */
    private static int[] openSentinels(Path file, int flags) {
        PosixConstants c = PosixBackend.table();
        int[] fds = new int[SENTINEL_OPENS];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = LibCVarargs.INSTANCE.open(file.toString(), flags | c.O_CLOEXEC, 0600);
        }
        return fds;
    }

    private static void closeAll(int[] fds) {
        for (int fd : fds) {
            LibC.close(fd);
        }
    }

    private void closeWhileAWriteIsBlocked(boolean wholeChild) throws Exception {
        Path go = tmp.resolve("go");
        Path sentinel = Files.createFile(tmp.resolve("sentinel"));
        Child c = drainAfter(go).spawn();
        int[] sentinels = null;
        try {
            OutputStream in = c.stdin();
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            byte[] payload = new byte[4 << 20]; // 64 pipes' worth: the write cannot end before the child reads
            Arrays.fill(payload, (byte) 'x');
            Thread writer = new Thread(() -> {
                try {
                    in.write(payload);
                    outcome.set(new AssertionError("write() returned normally after the close"));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }, "blocked-writer");
            writer.start();
            awaitInNative(writer, "write");
            if (wholeChild) {
                c.close();
            } else {
                in.close();
            }
            sentinels = openSentinels(sentinel, PosixBackend.table().O_WRONLY);
            Files.createFile(go); // now the child reads: a writer still holding the old number goes on
            writer.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!writer.isAlive(), "the writer finished");
            assertEquals(0, Files.size(sentinel), "no byte reached the file that reused the number");
            IOException e = assertInstanceOf(IOException.class, outcome.get());
            assertTrue(e.getMessage().contains("Stream closed"), e.getMessage());
        } finally {
            if (sentinels != null) {
                closeAll(sentinels);
            }
            c.kill();
            c.waitFor();
        }
    }

    @Test
    void closingStdinUnderABlockedWriteNeverWritesToAReusedNumber() throws Exception {
        closeWhileAWriteIsBlocked(false);
    }

    @Test
    void closingTheChildUnderABlockedWriteNeverWritesToAReusedNumber() throws Exception {
        closeWhileAWriteIsBlocked(true);
    }

    /**
     * A read blocked on a pipe the child keeps open but never writes to returns at the close, with "Stream
     * closed", instead of waiting for the child (Linux: the close puts a byte into the pipe through
     * {@code /proc/self/fd}, which the reader discards).
     */
    @Test
    @EnabledOnOs(OS.LINUX) // the wake-up goes through /proc/self/fd; elsewhere the read ends when the child writes or exits
    void closeWakesABlockedRead() throws Exception {
        Child c = Command.of("/bin/sh", "-c", "exec sleep 60").stdout(Stdio.pipe()).spawn();
        try {
            InputStream out = c.stdout();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    outcome.set(out.read(new byte[100]));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }, "blocked-reader");
            reader.start();
            awaitInNative(reader, "read");
            out.close();
            reader.join(TimeUnit.SECONDS.toMillis(20));
            assertTrue(!reader.isAlive(), "the read returned at the close, while the child still runs");
            IOException e = assertInstanceOf(IOException.class, outcome.get());
            assertEquals("Stream closed", e.getMessage());
        } finally {
            c.kill();
            c.waitFor();
        }
    }

    /**
     * The same on a pseudo-terminal: the close writes a byte to the slave, which the blocked master read
     * returns and discards. Closing the whole child then hangs the terminal up at once ({@code SIGHUP}), since
     * no read keeps the master open any more.
     */
    @Test
    void closeWakesABlockedPseudoTerminalRead() throws Exception {
        Child c = Command.of("/bin/sh", "-c", "exec sleep 60").pty(io.prockit.PtyOptions.defaults()).spawn();
        try {
            InputStream out = c.stdout();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    outcome.set(out.read(new byte[100]));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }, "blocked-pty-reader");
            reader.start();
            awaitInNative(reader, "read");
            c.close();
            reader.join(TimeUnit.SECONDS.toMillis(20));
            assertTrue(!reader.isAlive(), "the read returned at the close, while the child still runs");
            IOException e = assertInstanceOf(IOException.class, outcome.get());
            assertEquals("Stream closed", e.getMessage());
            assertEquals(io.prockit.ExitStatus.signaled(io.prockit.Signal.SIGHUP, false),
                    c.waitFor(java.time.Duration.ofSeconds(20)).orElse(null), "the terminal was hung up");
        } finally {
            c.kill();
            c.waitFor();
        }
    }

    @Test
    void aClosedStreamRefusesEveryCall() throws Exception {
        Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        try {
            OutputStream in = c.stdin();
            InputStream out = c.stdout();
            in.close();
            out.close();
            in.close(); // idempotent
            out.close();
            IOException w = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> in.write(1));
            assertEquals("Stream closed", w.getMessage());
            IOException r = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, out::read);
            assertEquals("Stream closed", r.getMessage());
        } finally {
            c.kill();
            c.waitFor();
        }
    }

    /**
     * {@code rounds} children ({@code cat}); for each, a writer and a reader run while the main thread closes
     * stdin, stdout or the whole child at a random moment and at once opens a write sentinel and a read
     * sentinel (a file of {@code 'S'}), which take the freed numbers when they are free. No byte may reach the
     * write sentinel, and the reader may only ever see the {@code 'x'} the writer wrote.
     */
    static void closeReadWriteRaces(Path tmp, int rounds) throws Exception {
        Path writeSentinel = Files.createFile(tmp.resolve("write-sentinel"));
        Path readSentinel = tmp.resolve("read-sentinel");
        byte[] s = new byte[256 * 1024];
        Arrays.fill(s, (byte) 'S');
        Files.write(readSentinel, s);
        PosixConstants c = PosixBackend.table();
        Random random = new Random(13);
        AtomicLong foreign = new AtomicLong();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        byte[] payload = new byte[192 * 1024];
        Arrays.fill(payload, (byte) 'x');
        for (int round = 0; round < rounds; round++) {
            Child child = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
            OutputStream in = child.stdin();
            InputStream out = child.stdout();
            CountDownLatch started = new CountDownLatch(2);
            Thread writer = new Thread(() -> {
                started.countDown();
                try {
                    while (true) {
                        in.write(payload);
                    }
                } catch (IOException expected) {
                    // closed, or the child is gone
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            });
            Thread reader = new Thread(() -> {
                started.countDown();
                byte[] buf = new byte[100_000];
                try {
                    int n;
                    while ((n = out.read(buf)) >= 0) {
                        for (int i = 0; i < n; i++) {
                            if (buf[i] != 'x') {
                                foreign.incrementAndGet();
                            }
                        }
                    }
                } catch (IOException expected) {
                    // closed
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            });
            writer.start();
            reader.start();
            started.await();
            int spin = random.nextInt(20_000);
            for (int i = 0; i < spin; i++) {
                Thread.onSpinWait();
            }
            switch (round % 3) {
                case 0 -> in.close();
                case 1 -> out.close();
                default -> child.close();
            }
            int w = LibCVarargs.INSTANCE.open(writeSentinel.toString(), c.O_WRONLY | c.O_CLOEXEC, 0600);
            int r = LibCVarargs.INSTANCE.open(readSentinel.toString(), c.O_RDONLY | c.O_CLOEXEC, 0600);
            child.close();
            child.kill();
            writer.join(TimeUnit.SECONDS.toMillis(60));
            reader.join(TimeUnit.SECONDS.toMillis(60));
            child.waitFor();
            LibC.close(w);
            LibC.close(r);
            assertTrue(!writer.isAlive() && !reader.isAlive(), "round " + round + ": the threads finished");
            assertEquals(null, unexpected.get(), "round " + round);
            assertEquals(0, Files.size(writeSentinel), "round " + round + ": bytes reached the write sentinel");
            assertEquals(0, foreign.get(), "round " + round + ": the reader saw bytes of another file");
        }
    }

    @Test
    void twoHundredCloseReadWriteRaces() throws Exception {
        closeReadWriteRaces(tmp, 200);
    }

    @Test
    @Tag("stress")
    void fiveThousandCloseReadWriteRaces() throws Exception {
        closeReadWriteRaces(tmp, 5_000);
    }

    /**
     * The pseudo-terminal master: a thread resizes the child's terminal in a loop while the main thread closes
     * the child and at once opens a new terminal master (a sentinel, size 0x0), which takes the freed number
     * when it is free. The sentinel's size never changes; the resizes after the close are refused.
     */
    static void resizeCloseRaces(int rounds) throws Exception {
        PosixConstants c = PosixBackend.table();
        long getSize = c.optional("TIOCGWINSZ").orElseThrow() & 0xffffffffL;
        Random random = new Random(7);
        for (int round = 0; round < rounds; round++) {
            Child child = Command.of("/bin/sh", "-c", "exec sleep 60").pty(io.prockit.PtyOptions.defaults()).spawn();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread resizer = new Thread(() -> {
                started.countDown();
                try {
                    for (int i = 0; ; i++) {
                        child.resizePty(10 + i % 50, 20 + i % 50);
                    }
                } catch (IllegalStateException closed) {
                    // refused after the close
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            });
            resizer.start();
            started.await();
            int spin = random.nextInt(20_000);
            for (int i = 0; i < spin; i++) {
                Thread.onSpinWait();
            }
            child.close();
            int sentinel = LibC.posix_openpt(c.O_RDWR | c.O_NOCTTY | c.O_CLOEXEC);
            try {
                resizer.join(TimeUnit.SECONDS.toMillis(60));
                assertTrue(!resizer.isAlive(), "round " + round + ": the resizer finished");
                assertEquals(null, unexpected.get(), "round " + round);
                try (com.sun.jna.Memory ws = new com.sun.jna.Memory(8)) {
                    ws.clear();
                    LibCVarargs.INSTANCE.ioctl(sentinel, new com.sun.jna.NativeLong(getSize), ws);
                    assertEquals(0, ws.getInt(0), "round " + round + ": the sentinel terminal was resized");
                }
            } finally {
                LibC.close(sentinel);
                child.kill();
                child.waitFor();
            }
        }
    }

    @Test
    void oneHundredResizeCloseRaces() throws Exception {
        resizeCloseRaces(100);
    }

    @Test
    @Tag("stress")
    void twoThousandResizeCloseRaces() throws Exception {
        resizeCloseRaces(2_000);
    }

    /** The pseudo-terminal master: a resize after the close is refused, and never reaches a reused number. */
    @Test
    void resizingAClosedPtyIsRefused() throws Exception {
        Child c = Command.of("/bin/sh", "-c", "exec sleep 60").pty(new io.prockit.PtyOptions(24, 80)).spawn();
        try {
            c.close();
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> c.resizePty(30, 100));
            assertNotNull(e.getMessage());
        } finally {
            c.kill();
            c.waitFor();
        }
    }
}
