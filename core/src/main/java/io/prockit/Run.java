package io.prockit;

import io.prockit.spi.ChildHandle;
import io.prockit.spi.InputFeed;
import io.prockit.spi.ProcessBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine behind {@link Command#status()}, {@link Command#output()} and {@link Command#spawn()} once a
 * timeout, an input, an output target or an output limit is set, and behind every {@link Pipeline}: spawns
 * the members (each stdout wired to the next stdin by a kernel pipe), hands their output pipes to the
 * backend's output loop ({@link Listening}), feeds the first member's stdin through the same loop, and waits
 * for all of them with one deadline, ending every member's tree when it passes.
 *
 * <p>No thread per child where the backend has an output loop (Linux, macOS): the caller's thread waits,
 * the loop reads and writes. Where the backend declines a stream (Windows, a pty), a pool thread does it.
 */
final class Run {
    private static final Logger LOG = LoggerFactory.getLogger(Command.class);

    /** What goes into the first member's stdin. */
    sealed interface Input permits Input.Bytes, Input.Stream, Input.File {
        /** Bytes written through the output loop. */
        record Bytes(byte[] bytes) implements Input {
            public Bytes {
                Objects.requireNonNull(bytes, "input");
            }
        }

        /** A stream read on a pool thread (it may block) and written to the child; closed at its end. */
        record Stream(InputStream stream) implements Input {
            public Stream {
                Objects.requireNonNull(stream, "input");
            }
        }

        /** A file the child reads itself: its stdin is the file ({@code < file}), no copying at all. */
        record File(Path path) implements Input {
            public File {
                Objects.requireNonNull(path, "input");
                io.prockit.internal.Checks.noNul("input file", path.toString());
            }
        }
    }

    /** What a finished run collected. */
    record Result(List<ExitStatus> statuses, byte[] stdout, byte[] stderr, boolean truncated) {
    }

    private final ProcessBackend backend;
    private final List<Command> commands;
    private final boolean capture;
    private final Input input;
    private final Duration timeout;
    private final Duration grace;
    private final long limit;
    private final List<Child> children = new ArrayList<>();
    private final List<CompletableFuture<ExitStatus>> dones = new ArrayList<>();
    private final List<Receiver.Capture> errCaptures = new ArrayList<>();
    private Receiver.Capture outCapture;
    private final AtomicReference<IOException> inputError = new AtomicReference<>();
    private long started;
    /** Whether the children are handed to the caller ({@code spawn()}), who may write a piped stdin. */
    private boolean handedOut;

    /**
     * @param commands the members, in pipe order (one for a plain command)
     * @param capture  {@link Command#output()}: inherited stdout of the last and stderr of each become captured
     *                 pipes, inherited stdin the null device
     * @param input    the first member's input, or null
     * @param timeout  the deadline for all members together, or null
     * @param grace    between SIGTERM and SIGKILL when the deadline passes
     * @param limit    the most bytes kept of each captured stream
     */
    Run(ProcessBackend backend, List<Command> commands, boolean capture, Input input, Duration timeout,
        Duration grace, long limit) {
        this.backend = backend;
        this.commands = List.copyOf(commands);
        this.capture = capture;
        this.input = input;
        this.timeout = timeout;
        this.grace = grace;
        this.limit = limit;
    }

    /**
     * The children will be handed to the caller: a piped stdin without an input stays open for them.
     *
     * @return this
     */
    Run handedOut() {
        this.handedOut = true;
        return this;
    }

    /** The argument vector of every member, for messages: a pipeline's joined with {@code |}. */
    List<String> argv() {
        if (commands.size() == 1) {
            return commands.get(0).argv();
        }
        List<String> all = new ArrayList<>();
        for (Command c : commands) {
            if (!all.isEmpty()) {
                all.add("|");
            }
            all.addAll(c.argv());
        }
        return all;
    }

    /**
     * Spawns every member and starts the delivery; on a failure kills and reaps the members already started.
     *
     * @return the members' children, listened
     */
    List<Child> start() {
        int n = commands.size();
        Pipes pipes = n > 1 ? new Pipes(backend) : null;
        int pendingRead = -1;
        started = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                Command cmd = commands.get(i);
                boolean first = i == 0;
                boolean last = i == n - 1;
                Stdio in;
                if (!first) {
                    in = Stdio.fd(pendingRead);
                } else if (input instanceof Input.File f) {
                    in = Stdio.from(f.path());
                } else if (input != null) {
                    in = Stdio.pipe();
                } else {
                    in = capture && cmd.stdinSetting() instanceof Stdio.Inherit ? Stdio.discard() : cmd.stdinSetting();
                }
                int[] pipe = last ? null : pipes.pipe();
                Stdio out;
                if (!last) {
                    out = Stdio.fd(pipe[1]);
                } else if (cmd.stdoutTarget() != null || capture && cmd.stdoutSetting() instanceof Stdio.Inherit) {
                    out = Stdio.pipe();
                } else {
                    out = cmd.stdoutSetting();
                }
                Stdio err = cmd.stderrTarget() != null || capture && cmd.stderrSetting() instanceof Stdio.Inherit
                        ? Stdio.pipe() : cmd.stderrSetting();
                ChildHandle h;
                try {
                    h = backend.spawn(cmd.toRequest(in, out, err));
                } finally {
                    // The parent's copies: the child has its own now (or was never started). Each is closed
                    // exactly once; the next read end is then the one a failure must close.
                    if (!first) {
                        pipes.close(pendingRead);
                    }
                    pendingRead = pipe != null ? pipe[0] : -1;
                    if (pipe != null) {
                        pipes.close(pipe[1]);
                    }
                }
                Receiver outR = null;
                if (last && h.stdout() != null) {
                    if (cmd.stdoutTarget() != null) {
                        outR = cmd.stdoutTarget().open();
                    } else if (capture) {
                        outCapture = new Receiver.Capture(limit);
                        outR = outCapture;
                    }
                }
                Receiver errR = null;
                Receiver.Capture errCapture = null;
                if (h.stderr() != null) {
                    if (cmd.stderrTarget() != null) {
                        errR = cmd.stderrTarget().open();
                    } else if (capture) {
                        errCapture = new Receiver.Capture(limit);
                        errR = errCapture;
                    }
                }
                errCaptures.add(errCapture);
                Member m = new Member(outR, errR);
                dones.add(m.done);
                Child child = Listening.start(backend, h, m);
                child.ended().whenComplete((t, failure) -> {
                    if (failure != null) {
                        m.done.completeExceptionally(failure);
                    }
                });
                children.add(child);
                if (first) {
                    if (input == null && !handedOut) {
                        closeUnwritable(child);
                    }
                    feed(h);
                }
            }
        } catch (RuntimeException | Error e) {
            if (pendingRead >= 0) {
                pipes.close(pendingRead);
            }
            for (Child c : children) {
                c.killTree();
                c.close();
            }
            throw e;
        }
        return children;
    }

    /**
     * {@link Command#spawn()} with an input and no output target: the child's streams stay as the command sets
     * them (its pipes readable through {@link Child#stdout()}), and only its stdin is fed.
     *
     * @return the child
     */
    Child spawnFed() {
        Command cmd = commands.get(0);
        Stdio in = input instanceof Input.File f ? Stdio.from(f.path()) : Stdio.pipe();
        ChildHandle h = backend.spawn(cmd.toRequest(in, cmd.stdoutSetting(), cmd.stderrSetting()));
        Child c = new Child(h, true);
        feed(h);
        return c;
    }

    /**
     * Waits for every member (their exit and the end of their output), ending them all when the deadline
     * passes or the wait is interrupted.
     *
     * @return the statuses and what was captured
     * @throws ProcessTimeoutException when the deadline passed
     * @throws InterruptedException    when interrupted; the members have been ended
     */
    Result await() throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(dones.toArray(new CompletableFuture<?>[0]));
        try {
            if (timeout == null) {
                all.get();
            } else {
                long left = saturatedNanos(timeout) - (System.nanoTime() - started);
                all.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            endAll(all);
            Result r = collect();
            throw new ProcessTimeoutException(argv(), timeout, elapsed, new Output(pipefail(r.statuses()),
                    r.stdout(), r.stderr(), argv(), r.truncated()));
        } catch (InterruptedException e) {
            endAll(all);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + argv() + " failed", e.getCause());
        } finally {
            for (Child c : children) {
                c.close(); // stops a feed still writing to a descendant that holds the pipe
            }
        }
        Result r = collect();
        IOException inErr = inputError.get();
        if (inErr != null) {
            throw new UncheckedIOException("reading the input of " + argv() + " failed", inErr);
        }
        return r;
    }

    private Result collect() throws InterruptedException {
        List<ExitStatus> statuses = new ArrayList<>();
        for (Child c : children) {
            statuses.add(c.waitFor());
        }
        byte[] out = outCapture != null && capture ? outCapture.bytes() : new byte[0];
        boolean truncated = outCapture != null && capture && outCapture.truncated();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        for (Receiver.Capture c : errCaptures) {
            if (c != null) {
                err.writeBytes(c.bytes());
                truncated |= c.truncated();
            }
        }
        return new Result(List.copyOf(statuses), out, err.toByteArray(), truncated);
    }

    /**
     * Ends every member's tree: SIGTERM (where the platform has it) to each member and its descendants, up to
     * {@code grace} for them to go, then SIGKILL to every tree (Windows: the job) whether or not the member
     * went, for descendants that ignored SIGTERM. Then waits for the output to end, closing the pipes after a
     * bounded wait in case an escaped descendant still holds them.
     */
    private void endAll(CompletableFuture<Void> all) throws InterruptedException {
        boolean interrupted = false;
        if (!grace.isZero() && Signal.SIGTERM.isSupported()) {
            int term = Signal.SIGTERM.number();
            for (Child c : children) {
                c.signalTreeQuietly(term);
            }
            long deadline = System.nanoTime() + saturatedNanos(grace);
            for (Child c : children) {
                try {
                    c.waitFor(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        for (Child c : children) {
            c.killTree();
        }
        try {
            all.get(Math.max(saturatedNanos(grace), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            for (Child c : children) {
                c.close();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            for (Child c : children) {
                c.close();
            }
        }
        for (Child c : children) {
            while (true) {
                try {
                    c.waitFor();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the child has been sent SIGKILL: its reaping is imminent
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes a piped stdin that nobody can write (the child is not handed out and there is no input), so a
     * child reading it sees end of file instead of waiting forever: what Python's {@code communicate()} does.
     *
     * @param child a child just started
     */
    static void closeUnwritable(Child child) {
        if (child.hasStdin()) {
            try {
                child.stdin().close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the unused stdin of pid {} failed: {}", child.pid(), e.toString());
            }
        }
    }

    /** Python's {@code set -o pipefail}: the last member's status that is not success, else the last's. */
    static ExitStatus pipefail(List<ExitStatus> statuses) {
        for (int i = statuses.size() - 1; i >= 0; i--) {
            if (!statuses.get(i).success()) {
                return statuses.get(i);
            }
        }
        return statuses.get(statuses.size() - 1);
    }

    private void feed(ChildHandle h) {
        if (input instanceof Input.Bytes b) {
            OutputStream stdin = h.stdin();
            boolean taken = false;
            try {
                taken = backend.feedInput(stdin, ByteBuffer.wrap(b.bytes()).asReadOnlyBuffer(), new Feed());
            } catch (RuntimeException e) {
                LOG.warn("the {} backend failed to feed stdin; writing it on a pool thread", backend.name(), e);
            }
            if (!taken) {
                Child.IO_POOL.execute(() -> writeAll(stdin, b.bytes()));
            }
        } else if (input instanceof Input.Stream s) {
            OutputStream stdin = h.stdin();
            Child.IO_POOL.execute(() -> copy(s.stream(), stdin));
        }
    }

    /** The loop's report: only errors other than the child closing its end matter. */
    private final class Feed implements InputFeed {
        @Override
        public void end(boolean complete, IOException error) {
            if (error != null) {
                LOG.debug("writing the input of {} failed: {}", argv(), error.toString());
            }
        }
    }

    private static void writeAll(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException e) {
            // the child closed its stdin before reading everything (EPIPE), or the run ended: not an error
        }
    }

    private void copy(InputStream from, OutputStream stdin) {
        byte[] buf = new byte[64 * 1024];
        try (from; stdin) {
            while (true) {
                int n;
                try {
                    n = from.read(buf);
                } catch (IOException e) {
                    inputError.set(e);
                    LOG.warn("reading the input of {} failed; its stdin is closed early", argv(), e);
                    return;
                }
                if (n < 0) {
                    return;
                }
                try {
                    stdin.write(buf, 0, n);
                } catch (IOException e) {
                    return; // the child closed its stdin, or the run ended
                }
            }
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /** One member's listener: its receivers, and a future completed after its exit and its output's end. */
    private static final class Member implements Listening.Internal {
        private final Receiver out;
        private final Receiver err;
        final CompletableFuture<ExitStatus> done = new CompletableFuture<>();

        Member(Receiver out, Receiver err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void onStdout(ByteBuffer data) {
            if (out != null) {
                out.data(data);
            }
        }

        @Override
        public void onStderr(ByteBuffer data) {
            if (err != null) {
                err.data(data);
            }
        }

        @Override
        public void streamEnded(boolean stdout) {
            Receiver r = stdout ? out : err;
            if (r != null) {
                r.end();
            }
        }

        @Override
        public void onExit(ExitStatus status) {
            done.complete(status);
        }
    }

    /** A pipe's two descriptors from the backend's descriptor capability, for the members' wiring. */
    private static final class Pipes {
        private final io.prockit.spi.Descriptors d;

        Pipes(ProcessBackend backend) {
            this.d = backend.descriptors().orElseThrow(() -> new UnsupportedOperationException(
                    "pipelines need kernel pipes, which the " + backend.name() + " backend does not offer on "
                            + backend.platformName()));
        }

        int[] pipe() {
            return d.pipe();
        }

        void close(int fd) {
            d.close(fd);
        }
    }
}
