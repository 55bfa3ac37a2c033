package io.prockit;

import io.prockit.spi.ChildHandle;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.Termination;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's pool-reader path of {@link Command#spawn(ProcessListener)} (a backend that declines to watch a stream,
 * as Windows and every pseudo-terminal do), on any OS: a listener that throws, {@code Error} included, is
 * reported through the reading thread's uncaught-exception handler, detached from the rest of that child's
 * output, and the stream is read to its end (drained) rather than closed under the child; {@code onExit} still
 * comes once.
 */
class ListeningTest {
    private static final int TOTAL = 1_000_000;

    /** A child's stdout: {@value #TOTAL} bytes, then the end; remembers whether it was closed before the end. */
    static final class Produced extends InputStream {
        final AtomicLong delivered = new AtomicLong();
        volatile boolean closedEarly;
        volatile boolean closed;

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = TOTAL - delivered.get();
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(left, 65536));
            delivered.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            if (delivered.get() < TOTAL) {
                closedEarly = true;
            }
            closed = true;
        }
    }

    /** The least a {@link ChildHandle} needs for a listener: one stdout, an exit already known. */
    static final class FakeChild implements ChildHandle {
        final Produced stdout = new Produced();
        final CompletableFuture<Termination> exit = new CompletableFuture<>();
        final AtomicInteger kills = new AtomicInteger();

        @Override
        public int pid() {
            return 4242;
        }

        @Override
        public OutputStream stdin() {
            return null;
        }

        @Override
        public InputStream stdout() {
            return stdout;
        }

        @Override
        public InputStream stderr() {
            return null;
        }

        @Override
        public CompletableFuture<Termination> termination() {
            return exit;
        }

        @Override
        public boolean signal(int signo) {
            kills.incrementAndGet();
            return true;
        }

        @Override
        public boolean terminate() {
            return signal(15);
        }

        @Override
        public boolean kill() {
            return signal(9);
        }

        @Override
        public boolean killTree() {
            return signal(9);
        }

        @Override
        public boolean signalTree(int signo) {
            return signal(signo);
        }

        @Override
        public void collected() {
        }

        @Override
        public void closeStreams() {
            stdout.close();
        }
    }

    /** A backend without an output loop: every stream is read on a pool thread. */
    private static ProcessBackend declining() {
        return (ProcessBackend) Proxy.newProxyInstance(ListeningTest.class.getClassLoader(),
                new Class<?>[] {ProcessBackend.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "watchOutput" -> false;
                    case "name" -> "declining";
                    case "toString" -> "declining backend";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void throwingListener(Throwable thrown) throws Exception {
        List<Throwable> reported = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch exited = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler old = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            threads.add(t.getName());
            reported.add(e);
        });
        try {
            FakeChild handle = new FakeChild();
            AtomicInteger calls = new AtomicInteger();
            AtomicInteger exits = new AtomicInteger();
            Listening.start(declining(), handle, new ProcessListener() {
                @Override
                public void onStdout(ByteBuffer data) {
                    calls.incrementAndGet();
                    if (thrown instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) thrown;
                }

                @Override
                public void onExit(ExitStatus status) {
                    exits.incrementAndGet();
                    exited.countDown();
                }
            });
            handle.exit.complete(new Termination(7 << 8, ExitStatus.exited(7), null));
            assertTrue(exited.await(30, TimeUnit.SECONDS), "onExit within 30 s");
            assertEquals(TOTAL, handle.stdout.delivered.get(), "the stream was read to its end");
            assertFalse(handle.stdout.closedEarly, "the stream was not closed under the child");
            assertEquals(1, calls.get(), "no data after the throw");
            assertEquals(1, exits.get());
            assertEquals(0, handle.kills.get(), "the child is left alone");
            assertEquals(List.of(thrown), reported, "reported once, through the uncaught-exception handler");
            assertTrue(threads.get(0).startsWith("prockit-io-"), threads.toString());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(old);
        }
    }

    @Test
    void anErrorFromACallbackIsReportedAndTheStreamIsDrained() throws Exception {
        throwingListener(new Error("listener error (expected by the test)"));
    }

    @Test
    void aRuntimeExceptionFromACallbackIsReportedAndTheStreamIsDrained() throws Exception {
        throwingListener(new IllegalStateException("listener bug (expected by the test)"));
    }
}
