package io.prockit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The message format and accessors of {@link OsException}. */
class OsExceptionTest {

    @Test
    void messageNamesOperationSubjectDescriptionAndErrno() {
        OsException e = new OsException("posix_spawnp", "frob", 2, ErrorKind.NOT_FOUND, "No such file or directory");
        assertEquals("posix_spawnp(\"frob\"): No such file or directory (errno 2)", e.getMessage());
        assertEquals("posix_spawnp", e.operation());
        assertEquals("frob", e.subject());
        assertEquals(2, e.errno());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("No such file or directory", e.description());
    }

    @Test
    void withoutASubjectTheParenthesesStayEmpty() {
        OsException e = new OsException("getpgrp", null, 1, ErrorKind.OTHER, "Operation not permitted");
        assertEquals("getpgrp(): Operation not permitted (errno 1)", e.getMessage());
        assertNull(e.subject());
    }

    @Test
    void windowsCodesReadTheSameWay() {
        OsException e = new OsException("CreateProcessW", "C:\\x.exe", 5, ErrorKind.PERMISSION_DENIED,
                "Access is denied.");
        assertEquals("CreateProcessW(\"C:\\x.exe\"): Access is denied. (errno 5)", e.getMessage());
    }

    @Test
    void itIsUncheckedAndRefusesMissingParts() {
        RuntimeException r = new OsException("kill", "42", 3, ErrorKind.NO_SUCH_PROCESS, "No such process");
        assertEquals(OsException.class, r.getClass());
        assertThrows(NullPointerException.class, () -> new OsException(null, "x", 1, ErrorKind.OTHER, "d"));
        assertThrows(NullPointerException.class, () -> new OsException("op", "x", 1, null, "d"));
        assertThrows(NullPointerException.class, () -> new OsException("op", "x", 1, ErrorKind.OTHER, null));
    }
}
