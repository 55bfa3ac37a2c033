package io.prockit;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines out of chunks: every split point of the input gives the same lines as BufferedReader. */
class LineDecoderTest {

    private static List<String> decode(byte[] bytes, Charset cs, int... cuts) {
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

    private static List<String> expected(String text) {
        return new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList();
    }

    @Test
    void everySplitOfMixedTerminatorsAndMultibyteCharactersGivesTheSameLines() {
        String text = "a\nb\r\nc\rd\n\né€𝄞x\r\n\r\rlast without terminator é";
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
            byte[] bytes = text.getBytes(cs);
            for (int i = 0; i <= bytes.length; i++) {
                assertEquals(expected(text), decode(bytes, cs, i), cs + " split at " + i);
                for (int j = i; j <= bytes.length; j += 3) {
                    assertEquals(expected(text), decode(bytes, cs, i, j), cs + " split at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void oneByteAtATime() {
        String text = "αβγ\r\n\n€\rz";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[bytes.length];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i;
        }
        assertEquals(expected(text), decode(bytes, StandardCharsets.UTF_8, cuts));
    }

    @Test
    void emptyStreamGivesNoLineAndMalformedBytesBecomeReplacement() {
        assertEquals(List.of(), decode(new byte[0], StandardCharsets.UTF_8));
        assertEquals(List.of("a\uFFFDb"), decode(new byte[] {'a', (byte) 0xff, 'b', '\n'}, StandardCharsets.UTF_8));
        assertEquals(List.of("", ""), decode("\n\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
