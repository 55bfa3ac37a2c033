package io.prockit.windows.platform;

import io.prockit.ErrorKind;
import io.prockit.OsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WinErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "CreateProcessW, 2, NOT_FOUND",
            "CreateProcessW, 3, NOT_FOUND",
            "CreateProcessW, 267, NOT_FOUND",
            "CreateFileW, 15, NOT_FOUND",
            "CreateFileW, 53, NOT_FOUND",
            "CreateProcessW, 5, PERMISSION_DENIED",
            "CreateFileW, 32, PERMISSION_DENIED",
            "CreateProcessW, 740, PERMISSION_DENIED",
            "OpenProcess, 87, NO_SUCH_PROCESS",
            "CreateProcessW, 87, INVALID_ARGUMENT",
            "CreateProcessW, 193, INVALID_ARGUMENT",
            "CreateProcessW, 216, INVALID_ARGUMENT",
            "CreateProcessW, 206, INVALID_ARGUMENT",
            "CreateProcessW, 123, INVALID_ARGUMENT",
            "ReadFile, 6, INVALID_ARGUMENT",
            "CreateProcessW, 8, RESOURCE_EXHAUSTED",
            "CreateProcessW, 14, RESOURCE_EXHAUSTED",
            "CreateFileW, 4, RESOURCE_EXHAUSTED",
            "CreateProcessW, 1450, RESOURCE_EXHAUSTED",
            "X, 50, UNSUPPORTED",
            "X, 120, UNSUPPORTED",
            "ReadFile, 995, INTERRUPTED",
            "X, 128, NO_CHILD",
            "ReadFile, 109, OTHER",
            "X, 999999, OTHER",
    })
    void mapsCodesToKinds(String op, int code, ErrorKind kind) {
        assertEquals(kind, WinErrors.kind(op, code));
    }

    @Test
    void messageFormatMatchesCore() {
        OsException e = WinErrors.exception("CreateProcessW", "frob.exe", 2);
        assertEquals("CreateProcessW(\"frob.exe\"): The system cannot find the file specified (errno 2)", e.getMessage());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals(2, e.errno());
        assertEquals("frob.exe", e.subject());
        assertEquals("OpenProcess(\"4242\"): The parameter is incorrect (errno 87)",
                WinErrors.exception("OpenProcess", "4242", 87).getMessage());
        assertEquals("CreateJobObjectW(): Access is denied (errno 5)",
                WinErrors.exception("CreateJobObjectW", null, 5).getMessage());
    }

    @Test
    void unknownCodesStillReadWell() {
        assertEquals("Windows error 4294967295", WinErrors.message(-1));
        assertEquals("Windows error 31337", WinErrors.message(31337));
    }

    @Test
    void systemTextIsTrimmed() {
        assertEquals("The operation completed successfully", WinErrors.trim("The operation completed successfully.\r\n"));
        assertEquals("x", WinErrors.trim("  x.. "));
    }
}
