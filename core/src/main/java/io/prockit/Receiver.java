package io.prockit;

import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where one of a child's output streams goes inside the JVM, for one run: the targets
 * {@link Command#stdoutTo}, {@link Command#stdoutLines}, {@link Command#stdoutLog} (and their stderr twins)
 * and the capture of {@link Command#output()}. Called by the output loop (or a pool thread where there is
 * none), one call at a time, {@link #end()} once after the last {@link #data}.
 */
interface Receiver {
    void data(ByteBuffer data);

    void end();

    /** A target as set on a {@link Command}: opens a fresh receiver for each run (line state is per run). */
    interface Target {
        Receiver open();
    }

    /** {@link Command#stdoutTo(OutputStream)}: the bytes as they come; the stream is flushed at the end, not closed. */
    record ToStream(OutputStream stream) implements Target {
        public ToStream {
            Objects.requireNonNull(stream, "stream");
        }

        @Override
        public Receiver open() {
            return new Receiver() {
                private final byte[] chunk = new byte[64 * 1024];
                private boolean failed;

                @Override
                public void data(ByteBuffer data) {
                    if (failed) {
                        return;
                    }
                    try {
                        while (data.hasRemaining()) {
                            int n = Math.min(chunk.length, data.remaining());
                            data.get(chunk, 0, n);
                            stream.write(chunk, 0, n);
                        }
                    } catch (IOException e) {
                        failed = true; // the rest of the child's output is read and dropped
                        Log.LOG.warn("writing a child's output to {} failed; the rest is dropped", stream, e);
                    }
                }

                @Override
                public void end() {
                    try {
                        stream.flush();
                    } catch (IOException e) {
                        Log.LOG.warn("flushing {} failed", stream, e);
                    }
                }
            };
        }
    }

    /** {@link Command#stdoutLines}: decoded whole lines; the last one even without a terminator. */
    record Lines(Consumer<String> consumer, Charset charset) implements Target {
        public Lines {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(charset, "charset");
        }

        @Override
        public Receiver open() {
            LineDecoder d = new LineDecoder(charset, line -> {
                try {
                    consumer.accept(line);
                } catch (RuntimeException e) {
                    Log.LOG.warn("a line consumer threw", e);
                }
            });
            return new Receiver() {
                @Override
                public void data(ByteBuffer data) {
                    d.accept(data);
                }

                @Override
                public void end() {
                    d.finish();
                }
            };
        }
    }

    /** {@link Command#stdoutLog}: one log event per line, at {@code level}. */
    record ToLog(Logger logger, Level level, Charset charset) implements Target {
        public ToLog {
            Objects.requireNonNull(logger, "logger");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(charset, "charset");
        }

        @Override
        public Receiver open() {
            return new Lines(this::log, charset).open();
        }

        private void log(String line) {
            switch (level) {
                case ERROR -> logger.error(line);
                case WARN -> logger.warn(line);
                case INFO -> logger.info(line);
                case DEBUG -> logger.debug(line);
                case TRACE -> logger.trace(line);
                default -> throw new IllegalStateException("unknown level " + level);
            }
        }
    }

    /** {@link Command#output()}'s capture: keeps the first {@code limit} bytes, counts and drops the rest. */
    final class Capture implements Receiver {
        private final long limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[64 * 1024];
        private boolean truncated;

        Capture(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void data(ByteBuffer data) {
            long room = limit - bytes.size();
            if (data.remaining() > room) {
                truncated = true;
                data.limit(data.position() + (int) Math.max(0, room));
            }
            while (data.hasRemaining()) {
                int n = Math.min(chunk.length, data.remaining());
                data.get(chunk, 0, n);
                bytes.write(chunk, 0, n);
            }
        }

        @Override
        public void end() {
        }

        /** @return what was kept so far (a snapshot: also read after a timeout while the loop may still deliver) */
        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }

    /** The logger, created when first needed. */
    final class Log {
        static final Logger LOG = org.slf4j.LoggerFactory.getLogger(Command.class);

        private Log() {
        }
    }
}
