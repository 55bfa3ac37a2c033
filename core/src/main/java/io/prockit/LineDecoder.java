package io.prockit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.function.Consumer;

/**
 * Turns a stream's chunks into lines, as {@link java.io.BufferedReader#readLine()} would split them: at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, the terminator not included. A character or a
 * {@code \r\n} split across two chunks is put back together; malformed input becomes U+FFFD. The last
 * line is delivered by {@link #finish()} even without a terminator. Not thread-safe: one stream, one
 * caller at a time (the output loop's delivery guarantees that).
 */
final class LineDecoder {
    private final CharsetDecoder decoder;
    private final Consumer<String> lines;
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final StringBuilder line = new StringBuilder();
    /** Bytes of a character split across chunks, waiting for the rest. */
    private ByteBuffer carry = ByteBuffer.allocate(16);
    private boolean afterCr;
    private boolean finished;
    /** Inside {@link #accept}: a {@link #finish} then (a consumer that closed its own child) waits for it. */
    private boolean accepting;
    private boolean finishAfterAccept;

    LineDecoder(Charset charset, Consumer<String> lines) {
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.lines = lines;
    }

    /**
     * @param data the next bytes of the stream; read to its limit. A {@link #finish} requested by a consumer
     *             during this call (it closed its child) runs when this chunk's lines have been delivered.
     */
    void accept(ByteBuffer data) {
        if (finished) {
            data.position(data.limit());
            return;
        }
        accepting = true;
        try {
            acceptChunk(data);
        } finally {
            accepting = false;
            if (finishAfterAccept) {
                finishAfterAccept = false;
                finish();
            }
        }
    }

    private void acceptChunk(ByteBuffer data) {
        if (carry.position() > 0) {
            // complete the split character one byte at a time, then go on with the rest of data
            while (data.hasRemaining() && carry.position() > 0) {
                if (!carry.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(carry.capacity() * 2);
                    carry.flip();
                    bigger.put(carry);
                    carry = bigger;
                }
                carry.put(data.get());
                carry.flip();
                decode(carry, false);
                carry.compact();
            }
        }
        decode(data, false);
        if (data.hasRemaining()) {
            if (carry.remaining() < data.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(carry.position() + data.remaining() + 16);
                carry.flip();
                bigger.put(carry);
                carry = bigger;
            }
            carry.put(data);
        }
    }

    /** The stream has ended: decodes what is left and delivers the last line if it is not empty. */
    void finish() {
        if (accepting) {
            finishAfterAccept = true;
            return;
        }
        if (finished) {
            return;
        }
        finished = true;
        carry.flip();
        decode(carry, true);
        chars.clear();
        decoder.flush(chars);
        chars.flip();
        scan();
        if (line.length() > 0) {
            String last = line.toString();
            line.setLength(0);
            lines.accept(last);
        }
    }

    private void decode(ByteBuffer in, boolean end) {
        while (true) {
            chars.clear();
            var result = decoder.decode(in, chars, end);
            chars.flip();
            scan();
            if (!result.isOverflow()) {
                return;
            }
        }
    }

    private void scan() {
        while (chars.hasRemaining()) {
            char ch = chars.get();
            if (afterCr) {
                afterCr = false;
                if (ch == '\n') {
                    continue;
                }
            }
            if (ch == '\n' || ch == '\r') {
                afterCr = ch == '\r';
                String l = line.toString();
                line.setLength(0);
                lines.accept(l);
            } else {
                line.append(ch);
            }
        }
    }
}
