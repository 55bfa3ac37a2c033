package io.prockit;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link LineDecoder} at its edges (issue 18's mutation testing showed {@link LineDecoderTest} leaves them
 * open): lines are delivered as soon as their terminator arrives, not at the end; a character longer than
 * the 16 bytes kept for a split character; a decoder that hands its last character over only when flushed.
 * The last two use small charsets defined here: {@code LineDecoder} takes any {@link Charset}.
 */
class LineDecoderEdgeTest {

    /**
     * A consumer that ends the stream from inside a delivery (it closed its own child): the chunk's lines are
     * still delivered in order, the end runs once after them, and data after the end is dropped, whatever the
     * chunk's size against the decoder's 8,192-character buffer.
     */
    @Test
    void finishRequestedByAConsumerDuringAChunkRunsAfterIt() {
        for (int count : new int[] {1, 3, 2000, 9000}) {
            List<String> got = new ArrayList<>();
            LineDecoder[] self = new LineDecoder[1];
            self[0] = new LineDecoder(StandardCharsets.UTF_8, l -> {
                got.add(l);
                if (got.size() == 1) {
                    self[0].finish();
                }
            });
            StringBuilder text = new StringBuilder();
            List<String> want = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                text.append("line").append(i).append('\n');
                want.add("line" + i);
            }
            text.append("partial");
            want.add("partial");
            ByteBuffer chunk = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            self[0].accept(chunk);
            assertEquals(0, chunk.remaining(), "the chunk is read to its limit");
            ByteBuffer after = ByteBuffer.wrap("late\n".getBytes(StandardCharsets.UTF_8));
            self[0].accept(after);
            assertEquals(0, after.remaining(), "data after the end is consumed and dropped");
            self[0].finish();
            assertEquals(want, got, count + " lines");
        }
    }

    private static ByteBuffer bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(b);
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aLineIsDeliveredWhenItsTerminatorArrivesNotAtTheEnd() {
        List<String> lines = new ArrayList<>();
        LineDecoder d = new LineDecoder(StandardCharsets.UTF_8, lines::add);
        d.accept(ascii("a\nb"));
        assertEquals(List.of("a"), lines);
        d.accept(bytes(0xC3)); // the first byte of é
        assertEquals(List.of("a"), lines);
        d.accept(bytes(0xA9, 'x', '\n', 'c', '\n', 'd'));
        assertEquals(List.of("a", "béx", "c"), lines, "the split character completed, then the rest at once");
        d.accept(ascii("\r\n"));
        assertEquals(List.of("a", "béx", "c", "d"), lines);
        d.finish();
        assertEquals(List.of("a", "béx", "c", "d"), lines);
    }

    @Test
    void aCharacterLongerThanTheSplitBufferIsPutBackTogetherAtEverySplit() {
        String text = "ab\ncd\r\ne";
        byte[] encoded = Wide.frames(text);
        List<String> want = List.of("ab", "cd", "e");
        for (int i = 0; i <= encoded.length; i++) {
            assertEquals(want, decode(new Wide(), encoded, i), "split at " + i);
            for (int j = i; j <= encoded.length; j += 7) {
                assertEquals(want, decode(new Wide(), encoded, i, j), "split at " + i + "," + j);
            }
        }
        int[] everyByte = new int[encoded.length];
        Arrays.setAll(everyByte, k -> k);
        assertEquals(want, decode(new Wide(), encoded, everyByte), "one byte at a time");
    }

    @Test
    void whatTheDecoderHandsOverWhenFlushedEndsTheLastLine() {
        assertEquals(List.of("ab", "cd"), decode(new Holding(), "ab\ncd".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("ab", "c"), decode(new Holding(), "ab\nc".getBytes(StandardCharsets.US_ASCII), 2, 3));
    }

    private static List<String> decode(Charset cs, byte[] bytes, int... cuts) {
        List<String> lines = new ArrayList<>();
        LineDecoder d = new LineDecoder(cs, lines::add);
        int from = 0;
        for (int cut : cuts) {
            d.accept(ByteBuffer.wrap(bytes, from, cut - from).asReadOnlyBuffer());
            from = cut;
        }
        d.accept(ByteBuffer.wrap(bytes, from, bytes.length - from).asReadOnlyBuffer());
        d.finish();
        return lines;
    }

    /** A decode-only test charset. */
    private abstract static class DecodeOnly extends Charset {
        DecodeOnly(String name) {
            super(name, new String[0]);
        }

        @Override
        public boolean contains(Charset cs) {
            return cs == this;
        }

        @Override
        public boolean canEncode() {
            return false;
        }

        @Override
        public CharsetEncoder newEncoder() {
            throw new UnsupportedOperationException("decode only");
        }
    }

    /** Every character is 20 bytes: the ASCII character, then 19 bytes of padding. */
    private static final class Wide extends DecodeOnly {
        static final int WIDTH = 20;

        Wide() {
            super("X-PROCKIT-TEST-WIDE");
        }

        static byte[] frames(String text) {
            byte[] out = new byte[text.length() * WIDTH];
            for (int i = 0; i < text.length(); i++) {
                out[i * WIDTH] = (byte) text.charAt(i);
                Arrays.fill(out, i * WIDTH + 1, (i + 1) * WIDTH, (byte) '.');
            }
            return out;
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1f / WIDTH, 1f) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.remaining() >= WIDTH) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        out.put((char) in.get());
                        in.position(in.position() + WIDTH - 1);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }
    }

    /** ASCII, but each character is handed over only with the next byte, or when the decoder is flushed. */
    private static final class Holding extends DecodeOnly {
        Holding() {
            super("X-PROCKIT-TEST-HOLDING");
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1f, 1f) {
                private int held = -1;

                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.hasRemaining()) {
                        if (held >= 0 && !out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        if (held >= 0) {
                            out.put((char) held);
                        }
                        held = in.get() & 0xFF;
                    }
                    return CoderResult.UNDERFLOW;
                }

                @Override
                protected CoderResult implFlush(CharBuffer out) {
                    if (held >= 0) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        out.put((char) held);
                        held = -1;
                    }
                    return CoderResult.UNDERFLOW;
                }

                @Override
                protected void implReset() {
                    held = -1;
                }
            };
        }
    }
}
