package io.prockit.windows.os;

import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.WinErrors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** startfile's error mapping and argument checks; runs on every OS (the checks come before any call). */
class ShellExecuteTest {

    @Test
    void lastErrorWinsWhenSet() {
        assertEquals(1155, ShellExecute.win32Code(1155, 31));
        assertEquals(5, ShellExecute.win32Code(5, 0));
    }

    @Test
    void seErrValuesMapToTheWin32CodeWithTheSameMeaning() {
        assertEquals(WinConstants.ERROR_FILE_NOT_FOUND, ShellExecute.win32Code(0, WinConstants.SE_ERR_FNF));
        assertEquals(WinConstants.ERROR_PATH_NOT_FOUND, ShellExecute.win32Code(0, WinConstants.SE_ERR_PNF));
        assertEquals(WinConstants.ERROR_ACCESS_DENIED, ShellExecute.win32Code(0, WinConstants.SE_ERR_ACCESSDENIED));
        assertEquals(WinConstants.ERROR_NOT_ENOUGH_MEMORY, ShellExecute.win32Code(0, WinConstants.SE_ERR_OOM));
        assertEquals(WinConstants.ERROR_NOT_ENOUGH_MEMORY, ShellExecute.win32Code(0, 0));
        assertEquals(WinConstants.ERROR_SHARING_VIOLATION, ShellExecute.win32Code(0, WinConstants.SE_ERR_SHARE));
        assertEquals(WinConstants.ERROR_NO_ASSOCIATION, ShellExecute.win32Code(0, WinConstants.SE_ERR_NOASSOC));
        assertEquals(WinConstants.ERROR_NO_ASSOCIATION, ShellExecute.win32Code(0, WinConstants.SE_ERR_ASSOCINCOMPLETE));
        for (int dde : new int[] {WinConstants.SE_ERR_DDETIMEOUT, WinConstants.SE_ERR_DDEFAIL, WinConstants.SE_ERR_DDEBUSY}) {
            assertEquals(WinConstants.ERROR_DDE_FAIL, ShellExecute.win32Code(0, dde));
        }
        assertEquals(WinConstants.ERROR_DLL_NOT_FOUND, ShellExecute.win32Code(0, WinConstants.SE_ERR_DLLNOTFOUND));
        assertEquals(ErrorKind.NOT_FOUND, WinErrors.kind("ShellExecuteExW", ShellExecute.win32Code(0, WinConstants.SE_ERR_FNF)));
        assertEquals(ErrorKind.PERMISSION_DENIED,
                WinErrors.kind("ShellExecuteExW", ShellExecute.win32Code(0, WinConstants.SE_ERR_ACCESSDENIED)));
    }

    @Test
    void theMaskAsksForTheProcessHandleAndNoDialogs() {
        assertEquals(WinConstants.SEE_MASK_NOCLOSEPROCESS, ShellExecute.MASK & WinConstants.SEE_MASK_NOCLOSEPROCESS);
        assertEquals(WinConstants.SEE_MASK_FLAG_NO_UI, ShellExecute.MASK & WinConstants.SEE_MASK_FLAG_NO_UI);
    }

    @Test
    void osStartfileRefusesBadArgumentsBeforeAnyCall() {
        assertThrows(NullPointerException.class, () -> Os.startfile(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Os.startfile(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Os.startfile("a\0b"));
        assertTrue(e.getMessage().contains("path"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Os.startfile("a.txt", "op\0en"));
        assertTrue(e.getMessage().contains("operation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Os.startfile("a.exe", null, "x\0", null));
        assertTrue(e.getMessage().contains("arguments"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Os.startfile("a.exe", null, null, "C:\\\0"));
        assertTrue(e.getMessage().contains("cwd"), e.getMessage());
        for (int bad : new int[] {-1, 12, 1000}) {
            e = assertThrows(IllegalArgumentException.class, () -> Os.startfile("a.exe", null, null, null, bad));
            assertTrue(e.getMessage().contains(Integer.toString(bad)), e.getMessage());
        }
    }
}
