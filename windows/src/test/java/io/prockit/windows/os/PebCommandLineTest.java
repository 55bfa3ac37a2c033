package io.prockit.windows.os;

import io.prockit.windows.spawn.CommandLine;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PEB walk over a fake address space built from Microsoft's documented Win64 layout (winternl.h):
 * {@code PEB.ProcessParameters} at 0x20 (after BYTE Reserved1[2], BeingDebugged, BYTE Reserved2[21]
 * and the loader data pointer at 0x18); {@code RTL_USER_PROCESS_PARAMETERS.CommandLine} at 0x70
 * (after BYTE Reserved1[16], PVOID Reserved2[10] and ImagePathName at 0x60); {@code UNICODE_STRING}
 * Length (u16) at 0, MaximumLength (u16) at 2, Buffer (pointer) at 8, 16 bytes. The offsets are
 * written here as literals, so the fixture checks the class's constants rather than reusing them.
 */
class PebCommandLineTest {
    private static final long PEB = 0x0000_00D4_5E3F_1000L;
    private static final long PARAMS = 0x0000_01F2_3A40_0000L;
    private static final long TEXT = 0x0000_01F2_3A40_0800L;

    /** A sparse address space: regions of bytes; reading outside one fails as ReadProcessMemory would. */
    static final class FakeMemory implements PebCommandLine.RemoteMemory {
        final TreeMap<Long, byte[]> regions = new TreeMap<>();
        final List<String> reads = new ArrayList<>();

        ByteBuffer map(long address, int size) {
            byte[] b = new byte[size];
            regions.put(address, b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public byte[] read(long address, int length) {
            reads.add(Long.toHexString(address) + ":" + length);
            Map.Entry<Long, byte[]> r = regions.floorEntry(address);
            if (r == null || address + length > r.getKey() + r.getValue().length) {
                throw new IllegalStateException("unmapped: 0x" + Long.toHexString(address) + " +" + length);
            }
            int from = (int) (address - r.getKey());
            return Arrays.copyOfRange(r.getValue(), from, from + length);
        }
    }

    /** A PEB and parameters block as a process has them, the command line at TEXT (with a NUL after it). */
    private static FakeMemory process(String commandLine) {
        FakeMemory m = new FakeMemory();
        ByteBuffer peb = m.map(PEB, 0x7d0);
        peb.put(2, (byte) 1);                  // BeingDebugged, not read
        peb.putLong(0x18, 0x7ffa_1234_5000L);  // Ldr, not read
        peb.putLong(0x20, PARAMS);             // ProcessParameters
        ByteBuffer params = m.map(PARAMS, 0x440);
        byte[] image = "C:\\Windows\\notepad.exe".getBytes(StandardCharsets.UTF_16LE);
        params.putShort(0x60, (short) image.length);                // ImagePathName: a decoy
        params.putShort(0x62, (short) (image.length + 2));
        params.putLong(0x68, PARAMS + 0x300);
        params.put(0x300, image);
        byte[] text = commandLine.getBytes(StandardCharsets.UTF_16LE);
        params.putShort(0x70, (short) text.length);                 // CommandLine.Length
        params.putShort(0x72, (short) (text.length + 2));           // CommandLine.MaximumLength
        params.putLong(0x78, TEXT);                                 // CommandLine.Buffer
        ByteBuffer buf = m.map(TEXT, text.length + 2);
        buf.put(0, text);
        return m;
    }

    @Test
    void offsetsAreTheDocumentedWin64Ones() {
        assertEquals(0x20, PebCommandLine.PEB_PROCESS_PARAMETERS);
        assertEquals(0x70, PebCommandLine.PARAMETERS_COMMAND_LINE);
        assertEquals(0, PebCommandLine.STRING_LENGTH);
        assertEquals(2, PebCommandLine.STRING_MAXIMUM_LENGTH);
        assertEquals(8, PebCommandLine.STRING_BUFFER);
        assertEquals(16, PebCommandLine.STRING_SIZE);
    }

    @Test
    void readsTheCommandLineThroughTheParameters() {
        List<String> argv = List.of("C:\\Program Files\\Java\\bin\\java.exe", "-cp", "a b", "Main", "x\"y", "c:\\dir\\");
        String line = CommandLine.quote(argv);
        FakeMemory m = process(line);
        String read = PebCommandLine.read(PEB, m);
        assertEquals(line, read);
        assertEquals(argv, CommandLine.parse(read));
        assertEquals(List.of(Long.toHexString(PEB + 0x20) + ":8", Long.toHexString(PARAMS + 0x70) + ":16",
                Long.toHexString(TEXT) + ":" + line.length() * 2), m.reads, "three reads: pointer, header, text");
    }

    @Test
    void decodesUtf16IncludingSurrogatePairs() {
        String line = "tool.exe Gr\u00fc\u00dfe \u2603 \ud834\udd1e";
        assertEquals(line, PebCommandLine.read(PEB, process(line)));
        assertEquals(List.of("tool.exe", "Gr\u00fc\u00dfe", "\u2603", "\ud834\udd1e"),
                CommandLine.parse(PebCommandLine.read(PEB, process(line))));
    }

    @Test
    void readsLengthBytesNotUpToANul() {
        FakeMemory m = process("prog.exe abcdef");
        ByteBuffer params = ByteBuffer.wrap(m.regions.get(PARAMS)).order(ByteOrder.LITTLE_ENDIAN);
        params.putShort(0x70, (short) ("prog.exe abc".length() * 2));
        assertEquals("prog.exe abc", PebCommandLine.read(PEB, m));
    }

    @Test
    void parametersNotYetSetReadAsNull() {
        FakeMemory m = process("x.exe");
        ByteBuffer.wrap(m.regions.get(PEB)).order(ByteOrder.LITTLE_ENDIAN).putLong(0x20, 0);
        assertNull(PebCommandLine.read(PEB, m));
        assertEquals(1, m.reads.size());
    }

    @Test
    void anEmptyCommandLineIsEmpty() {
        FakeMemory m = process("");
        assertEquals("", PebCommandLine.read(PEB, m));
        assertEquals(2, m.reads.size(), "no text read for Length 0");
    }

    @Test
    void impossibleHeadersAreMalformed() {
        FakeMemory odd = process("a.exe b");
        ByteBuffer.wrap(odd.regions.get(PARAMS)).order(ByteOrder.LITTLE_ENDIAN).putShort(0x70, (short) 5);
        assertThrows(PebCommandLine.MalformedException.class, () -> PebCommandLine.read(PEB, odd));

        FakeMemory longer = process("a.exe b");
        ByteBuffer.wrap(longer.regions.get(PARAMS)).order(ByteOrder.LITTLE_ENDIAN).putShort(0x72, (short) 4);
        PebCommandLine.MalformedException e = assertThrows(PebCommandLine.MalformedException.class,
                () -> PebCommandLine.read(PEB, longer));
        assertTrue(e.getMessage().contains("MaximumLength 4"), e.getMessage());

        FakeMemory nullBuffer = process("a.exe b");
        ByteBuffer.wrap(nullBuffer.regions.get(PARAMS)).order(ByteOrder.LITTLE_ENDIAN).putLong(0x78, 0);
        assertThrows(PebCommandLine.MalformedException.class, () -> PebCommandLine.read(PEB, nullBuffer));
    }

    @Test
    void lengthsAboveThirtyTwoKilobytesAreUnsigned() {
        // UNICODE_STRING lengths are USHORTs: a 20,000-character line is 40,000 bytes, negative as a Java short.
        String line = "p.exe " + "x".repeat(19_994);
        assertEquals(40_000, line.length() * 2);
        assertEquals(line, PebCommandLine.read(PEB, process(line)));
    }

    @Test
    void aFailedReadPropagates() {
        FakeMemory m = process("a.exe");
        m.regions.remove(TEXT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PebCommandLine.read(PEB, m));
        assertTrue(e.getMessage().startsWith("unmapped"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PebCommandLine.read(0, m));
    }
}
