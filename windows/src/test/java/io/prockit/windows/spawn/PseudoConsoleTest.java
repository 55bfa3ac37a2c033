package io.prockit.windows.spawn;

import io.prockit.PosixOptions;
import io.prockit.PtyOptions;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ConPTY decisions made before any call, and the priority class flags; runs on every OS. */
class PseudoConsoleTest {

    private static SpawnRequest pty(boolean detached, PtyOptions size, Stdio stdin) {
        return new SpawnRequest("prog", List.of("prog"), true, EnvironmentSpec.inherit(), null, stdin, Stdio.inherit(),
                Stdio.inherit(), Map.of(), null, true, detached, (PosixOptions) null, null, size);
    }

    @Test
    void sizesBeyondACoordAreRefused() {
        PseudoConsole.checkSize(1, 1);
        PseudoConsole.checkSize(32767, 32767);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PseudoConsole.checkSize(32768, 80));
        assertTrue(e.getMessage().contains("32768x80"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PseudoConsole.checkSize(24, 40000));
        assertThrows(IllegalArgumentException.class, () -> PseudoConsole.checkSize(0, 80));
        assertThrows(IllegalArgumentException.class,
                () -> Spawner.refuseUnsupported(pty(false, new PtyOptions(40000, 80), Stdio.inherit())));
    }

    @Test
    void aPtyIgnoresTheStdioSettingsButRefusesDetach() {
        // With a pty the terminal is the stdio: the Stdio settings are not even looked at.
        Spawner.refuseUnsupported(pty(false, new PtyOptions(24, 80), Stdio.fd(5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spawner.refuseUnsupported(pty(true, new PtyOptions(24, 80), Stdio.inherit())));
        assertTrue(e.getMessage().contains("detach"), e.getMessage());
    }

    @Test
    void aPtyChildLeadsItsOwnGroupAndUsesTheExtendedStartupInfo() {
        SpawnRequest r = pty(false, new PtyOptions(24, 80), Stdio.inherit());
        int f = Spawner.creationFlags(r, true);
        assertEquals(WinConstants.EXTENDED_STARTUPINFO_PRESENT, f & WinConstants.EXTENDED_STARTUPINFO_PRESENT);
        assertEquals(WinConstants.CREATE_NEW_PROCESS_GROUP, f & WinConstants.CREATE_NEW_PROCESS_GROUP);
        assertEquals(0, f & WinConstants.DETACHED_PROCESS);
    }

    @Test
    void hresultsFromWin32CarryTheirErrorCode() {
        assertEquals(87, PseudoConsole.win32Code(0x80070057));       // E_INVALIDARG
        assertEquals(5, PseudoConsole.win32Code(0x80070005));        // E_ACCESSDENIED
        assertEquals(0x8000FFFF, PseudoConsole.win32Code(0x8000FFFF)); // E_UNEXPECTED, not a Win32 code
    }

    @Test
    void priorityClassesArePassedAsCreationFlags() {
        int[] classes = {WinConstants.IDLE_PRIORITY_CLASS, WinConstants.BELOW_NORMAL_PRIORITY_CLASS,
                WinConstants.NORMAL_PRIORITY_CLASS, WinConstants.ABOVE_NORMAL_PRIORITY_CLASS,
                WinConstants.HIGH_PRIORITY_CLASS, WinConstants.REALTIME_PRIORITY_CLASS};
        for (int pc : classes) {
            WindowsOptions w = WindowsOptions.defaults().withPriorityClass(pc);
            SpawnRequest r = new SpawnRequest("p", List.of("p"), true, EnvironmentSpec.inherit(), null, Stdio.inherit(),
                    Stdio.inherit(), Stdio.inherit(), Map.of(), null, false, false, null, w);
            int f = Spawner.creationFlags(r, false);
            assertEquals(pc, f & pc);
            for (int other : classes) {
                if (other != pc) {
                    assertEquals(0, f & other, "only 0x" + Integer.toHexString(pc));
                }
            }
        }
        SpawnRequest plain = new SpawnRequest("p", List.of("p"), true, EnvironmentSpec.inherit(), null, Stdio.inherit(),
                Stdio.inherit(), Stdio.inherit(), Map.of(), null, false, false, null, WindowsOptions.defaults());
        int f = Spawner.creationFlags(plain, false);
        for (int pc : classes) {
            assertEquals(0, f & pc, "no priority class unless asked");
        }
    }

    @Test
    void onlyTheSixPriorityClassesAreAccepted() {
        for (int bad : new int[] {0, 1, 0x10, 0x200, 0x4000 | 0x40, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WindowsOptions.defaults().withPriorityClass(bad));
            assertTrue(e.getMessage().contains(Integer.toHexString(bad)), e.getMessage());
        }
        WindowsOptions w = WindowsOptions.defaults().withPriorityClass(0x80).withKillOnJobClose(false).withShowWindow(0);
        assertEquals(Integer.valueOf(0x80), w.priorityClass(), "kept by every with*");
        assertEquals(null, WindowsOptions.defaults().priorityClass());
        assertEquals(new WindowsOptions(1, null, true, null), new WindowsOptions(1, null, true, null, null));
    }
}
