package io.prockit.windows.os;

import io.prockit.ErrorKind;
import io.prockit.OsException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Win32 failure of the process table becomes which per-field error. */
class TableErrorsTest {

    @Test
    void openingAMissingPidIsNoSuchProcess() {
        OsException e = TableErrors.open(4242, 87);
        assertEquals(ErrorKind.NO_SUCH_PROCESS, e.kind());
        assertEquals("OpenProcess", e.operation());
        assertEquals("4242", e.subject());
    }

    @Test
    void accessDeniedIsPermissionDenied() {
        OsException e = TableErrors.open(4, 5);
        assertEquals(ErrorKind.PERMISSION_DENIED, e.kind());
        assertEquals(5, e.errno());
        assertEquals(ErrorKind.PERMISSION_DENIED,
                TableErrors.field("QueryFullProcessImageNameW", 700, 5, false).kind());
        assertEquals(ErrorKind.PERMISSION_DENIED, TableErrors.field("OpenProcessToken", 700, 5, false).kind());
        assertEquals(ErrorKind.PERMISSION_DENIED, TableErrors.unverifiable("terminate", 700).kind());
    }

    @Test
    void theIdleProcessIsDeniedNotMissing() {
        // OpenProcess(0) fails with ERROR_INVALID_PARAMETER although pid 0 is listed.
        assertEquals(ErrorKind.PERMISSION_DENIED, TableErrors.open(0, 87).kind());
    }

    @Test
    void anExitedProcessHasLostItsFields() {
        OsException e = TableErrors.field("ReadProcessMemory", 700, 299, true);
        assertEquals(ErrorKind.ZOMBIE, e.kind());
        assertEquals(ErrorKind.OTHER, TableErrors.field("ReadProcessMemory", 700, 299, false).kind());
        assertEquals(ErrorKind.ZOMBIE, TableErrors.field("QueryFullProcessImageNameW", 700, 31, true).kind());
    }

    @Test
    void reuseAndExitAreNoSuchProcess() {
        OsException r = TableErrors.reused("TerminateProcess", 900);
        assertEquals(ErrorKind.NO_SUCH_PROCESS, r.kind());
        assertTrue(r.getMessage().contains("newer process"), r.getMessage());
        assertEquals(ErrorKind.NO_SUCH_PROCESS, TableErrors.ended("NtSuspendProcess", 900).kind());
        assertEquals(ErrorKind.NO_SUCH_PROCESS, TableErrors.gone("Process32NextW", 900).kind());
    }

    @Test
    void otherCodesKeepTheirKind() {
        assertEquals(ErrorKind.INVALID_ARGUMENT, TableErrors.open(55, 6).kind());
        assertEquals(ErrorKind.RESOURCE_EXHAUSTED, TableErrors.field("ReadProcessMemory", 55, 8, false).kind());
    }
}
