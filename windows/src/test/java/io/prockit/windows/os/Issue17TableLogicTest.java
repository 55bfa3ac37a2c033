package io.prockit.windows.os;

import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pure decisions behind issue 17's Windows fixes in the process table, on every OS: how an exit is told
 * from a running process whose exit code reads 259, and how a {@code ProcessCommandLineInformation} buffer is
 * read (the spawn part is {@code spawn.Issue17LogicTest}).
 */
class Issue17TableLogicTest {

    // ---- 10: exit code 259 -----------------------------------------------------------------------------

    @Test
    void anExitWithCode259IsAnExitWhenTheHandleCanBeWaitedOn() {
        int stillActive = WinConstants.STILL_ACTIVE;
        assertTrue(ProcessExit.hasEnded(WinConstants.WAIT_OBJECT_0, true, stillActive), "exited with 259");
        assertFalse(ProcessExit.hasEnded(WinConstants.WAIT_TIMEOUT, true, stillActive), "running");
        assertFalse(ProcessExit.hasEnded(WinConstants.WAIT_TIMEOUT, true, 0), "the wait wins over the code");
        // Without SYNCHRONIZE the wait fails and the exit code decides (259 then reads as running).
        assertTrue(ProcessExit.hasEnded(WinConstants.WAIT_FAILED, true, 0));
        assertFalse(ProcessExit.hasEnded(WinConstants.WAIT_FAILED, true, stillActive));
        assertFalse(ProcessExit.hasEnded(WinConstants.WAIT_FAILED, false, 0), "nothing known: not ended");
    }

    // ---- 6: ProcessCommandLineInformation ---------------------------------------------------------------

    private static byte[] commandLineInformation(long address, int pointerSize, String text, int textOffset) {
        byte[] t = text.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(textOffset + t.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) t.length);
        b.putShort(2, (short) (t.length + 2));
        if (pointerSize == 8) {
            b.putLong(8, address + textOffset);
        } else {
            b.putInt(4, (int) (address + textOffset));
        }
        b.position(textOffset);
        b.put(t);
        return b.array();
    }

    @Test
    void commandLineInformationIsTheStringAfterItsHeader() {
        long at = 0x0000_01F2_3A40_0000L;
        String line = "\"C:\\Program Files\\app.exe\" --name \"x y\" \u00e9";
        assertEquals(line, PebCommandLine.fromCommandLineInformation(commandLineInformation(at, 8, line, 16), at, 8));
        assertEquals(line, PebCommandLine.fromCommandLineInformation(commandLineInformation(0x0040_0000L, 4, line, 8),
                0x0040_0000L, 4));
        assertEquals("", PebCommandLine.fromCommandLineInformation(commandLineInformation(at, 8, "", 16), at, 8));
        // A Buffer pointing outside the returned bytes is refused, never read.
        byte[] bad = commandLineInformation(at, 8, "abc", 16);
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putLong(8, at + 4096);
        assertThrows(PebCommandLine.MalformedException.class, () -> PebCommandLine.fromCommandLineInformation(bad, at, 8));
        byte[] odd = commandLineInformation(at, 8, "abc", 16);
        odd[0] = 5;
        assertThrows(PebCommandLine.MalformedException.class, () -> PebCommandLine.fromCommandLineInformation(odd, at, 8));
        assertThrows(PebCommandLine.MalformedException.class,
                () -> PebCommandLine.fromCommandLineInformation(new byte[4], at, 8));
    }

    @Test
    void thePebWalkIsRefusedOnA32BitJvm() {
        assertTrue(PebCommandLine.walkSupported(8));
        assertFalse(PebCommandLine.walkSupported(4));
        assertEquals(60, WinConstants.ProcessCommandLineInformation);
    }
}
