package io.prockit.posix.table;

import io.prockit.ProcessState;
import io.prockit.posix.darwin.BsdInfo;
import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.darwin.ProcArgs2;
import io.prockit.posix.darwin.TaskInfo;
import io.prockit.posix.linux.ProcCmdline;
import io.prockit.posix.linux.ProcFiles;
import io.prockit.posix.linux.ProcStat;
import io.prockit.posix.linux.ProcStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edges of the /proc and libproc parsers that the fixture tests do not reach: the shortest line
 * that parses and the longest that does not, negative and malformed numbers, separators, every process
 * state, and the Mach tick conversion. Pure: every OS runs it.
 */
class ParserEdgeCasesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static ProcStat stat(String line) {
        byte[] b = ascii(line);
        return ProcStat.parse(b, b.length);
    }

    /** Fields 3..24 of a stat line: state, then 21 numbers with recognisable values. */
    private static String tail(int upTo) {
        StringBuilder sb = new StringBuilder("R");
        for (int f = 4; f <= upTo; f++) {
            sb.append(' ').append(f * 10);
        }
        return sb.toString();
    }

    @Test
    void theShortestStatLineThatParsesHasTwentyFourFields() {
        ProcStat s = stat("7 (a) " + tail(24));
        assertEquals(7, s.pid());
        assertEquals("a", s.comm());
        assertEquals('R', s.state());
        assertEquals(40, s.ppid());
        assertEquals(50, s.pgrp());
        assertEquals(60, s.session());
        assertEquals(140, s.utime());
        assertEquals(150, s.stime());
        assertEquals(200, s.numThreads());
        assertEquals(220, s.starttime());
        assertEquals(230, s.vsize());
        assertEquals(240, s.rssPages());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stat("7 (a) " + tail(23)));
        assertTrue(e.getMessage().contains("23 fields"), e.getMessage());
    }

    @Test
    void aTrailingNewlineAndExtraFieldsAreIgnored() {
        ProcStat s = stat("8 (b) " + tail(52) + "\n");
        assertEquals(240, s.rssPages());
        assertEquals(8, s.pid());
    }

    @Test
    void negativeAndMalformedNumbers() {
        ProcStat s = stat("9 (c) S -1 -22 x7 " + tail(24).substring(tail(6).length() + 1));
        assertEquals(-1, s.ppid());
        assertEquals(-22, s.pgrp());
        assertEquals(0, s.session(), "a malformed number reads as 0");
        ProcStat minus = stat("10 (d) S - 5 6 " + tail(24).substring(tail(6).length() + 1));
        assertEquals(0, minus.ppid(), "a lone minus sign is zero");
    }

    @Test
    void theLastClosingParenthesisEndsTheName() {
        ProcStat s = stat("11 (a) (b)) " + tail(24));
        assertEquals("a) (b)", s.comm());
        assertEquals(40, s.ppid());
        ProcStat empty = stat("12 () " + tail(24));
        assertEquals("", empty.comm());
    }

    @Test
    void linesWithoutPidOrStateAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> stat("(a) " + tail(24)));
        assertThrows(IllegalArgumentException.class, () -> stat("5 (a)"));
        assertThrows(IllegalArgumentException.class, () -> stat("5 (a) "));
        assertThrows(IllegalArgumentException.class, () -> stat("5 (a"));
        assertThrows(IllegalArgumentException.class, () -> stat("5 (a) R"));
    }

    @Test
    void statusNeedsRealAndEffectiveUid() {
        byte[] ok = ascii("Name:\tx\nUid:\t5\t6\t7\t8\nThreads:\t4\n");
        ProcStatus s = ProcStatus.parse(ok, ok.length);
        assertEquals(5, s.realUid());
        assertEquals(6, s.effectiveUid());
        assertEquals(-1, s.realGid(), "no Gid: line");
        assertEquals(4, s.threads());
        byte[] two = ascii("Uid:\t5\t6\nGid:\t9\t9\n");
        assertEquals(9, ProcStatus.parse(two, two.length).realGid());
        assertEquals(0, ProcStatus.parse(two, two.length).threads(), "no Threads: line");
        byte[] one = ascii("Uid:\t5\n");
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.parse(one, one.length));
        byte[] none = ascii("Name:\tx\n");
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.parse(none, none.length));
    }

    @Test
    void cmdlineForms() {
        byte[] plain = ascii("a  b c");
        assertEquals(List.of("a", "b", "c"), ProcCmdline.parse(plain, plain.length), "no NUL: split on spaces");
        byte[] inner = ascii("a b\0c");
        assertEquals(List.of("a b", "c"), ProcCmdline.parse(inner, inner.length), "NUL-separated, unterminated");
        byte[] empties = ascii("a\0\0b\0");
        assertEquals(List.of("a", "", "b"), ProcCmdline.parse(empties, empties.length), "empty arguments stay");
        byte[] nuls = new byte[4];
        assertEquals(List.of(), ProcCmdline.parse(nuls, nuls.length));
        assertEquals(List.of(), ProcCmdline.parse(nuls, 0));
        byte[] partial = ascii("ab\0cd\0");
        assertEquals(List.of("ab"), ProcCmdline.parse(partial, 3), "only the valid length counts");
    }

    @Test
    void procFilesReadsExactlyTheBufferSizeAndMore(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("3"));
        ProcFiles f = new ProcFiles(dir);
        assertEquals(dir, f.root());
        int size = f.bytes().length;
        for (int n : new int[] {0, 1, size - 1, size, size + 1, 3 * size}) {
            byte[] content = new byte[n];
            for (int i = 0; i < n; i++) {
                content[i] = (byte) ('a' + i % 26);
            }
            Files.write(dir.resolve("3").resolve("x"), content);
            int got = f.read(3, "x");
            assertEquals(n, got, "length of a " + n + "-byte file");
            for (int i = 0; i < n; i++) {
                if (f.bytes()[i] != content[i]) {
                    throw new AssertionError("byte " + i + " of a " + n + "-byte file");
                }
            }
        }
        Files.writeString(dir.resolve("top"), "root file");
        int n = f.read(0, "top");
        assertEquals("root file", new String(f.bytes(), 0, n, StandardCharsets.US_ASCII));
    }

    @Test
    void everyDarwinStatusHasItsState() {
        int[] codes = {DarwinConstants.SIDL, DarwinConstants.SRUN, DarwinConstants.SSLEEP, DarwinConstants.SSTOP,
                DarwinConstants.SZOMB, 0, 99};
        ProcessState[] states = {ProcessState.IDLE, ProcessState.RUNNING, ProcessState.SLEEPING, ProcessState.STOPPED,
                ProcessState.ZOMBIE, ProcessState.UNKNOWN, ProcessState.UNKNOWN};
        for (int i = 0; i < codes.length; i++) {
            ByteBuffer b = ByteBuffer.allocate(BsdInfo.SIZE).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(BsdInfo.OFF_STATUS, codes[i]);
            assertEquals(states[i], BsdInfo.parse(b.array()).state(), "pbi_status " + codes[i]);
        }
    }

    @Test
    void machTicksToNanos() {
        assertEquals(1_000_000_000L, TaskInfo.nanos(24_000_000L, 125, 3));
        assertEquals(7L, TaskInfo.nanos(7L, 1, 1));
        assertEquals(3L, TaskInfo.nanos(7L, 1, 2), "integer division, rounding down");
        assertEquals(0L, TaskInfo.nanos(0L, 125, 3));
        // numer and denom are unsigned 32-bit in mach_timebase_info.
        assertEquals(4_294_967_295L, TaskInfo.nanos(1L, -1, 1));
        assertEquals(1L, TaskInfo.nanos(4_294_967_295L, 1, -1));
        // A product beyond 64 bits is computed in floating point rather than wrapping.
        long big = Long.MAX_VALUE / 100;
        long n = TaskInfo.nanos(big, 125, 3);
        assertEquals(big / 3.0 * 125, n, 1e-9 * n);
        assertTrue(n > big, "no wrap-around: " + n);
        assertThrows(IllegalArgumentException.class, () -> TaskInfo.nanos(1L, 1, 0));
    }

    @Test
    void procargs2Edges() {
        ByteBuffer only = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0);
        ProcArgs2 a = ProcArgs2.parse(only.array(), 4);
        assertEquals("", a.execPath());
        assertEquals(List.of(), a.argv());
        ByteBuffer neg = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-1);
        assertThrows(IllegalArgumentException.class, () -> ProcArgs2.parse(neg.array(), 8));
        assertThrows(IllegalArgumentException.class, () -> ProcArgs2.parse(new byte[8], 3));

        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2).put(ascii("/x")).put(new byte[3]).put(ascii("x")).put((byte) 0).put(ascii("y"));
        int len = b.position();
        ProcArgs2 p = ProcArgs2.parse(b.array(), len);
        assertEquals("/x", p.execPath());
        assertEquals(List.of("x", "y"), p.argv(), "the last argument may end with the buffer");
        ProcArgs2 one = ProcArgs2.parse(b.array(), len - 1);
        assertEquals(List.of("x"), one.argv());

        ByteBuffer more = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        more.putInt(1).put(ascii("/e")).put((byte) 0).put(ascii("a")).put((byte) 0).put(ascii("ENV=1")).put((byte) 0);
        assertEquals(List.of("a"), ProcArgs2.parse(more.array(), more.position()).argv(),
                "argc bounds the arguments: the environment follows them");
    }
}
