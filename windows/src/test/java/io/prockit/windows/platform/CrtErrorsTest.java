package io.prockit.windows.platform;

import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The C runtime's errors as Python reports them on Windows ({@link CrtErrors}), and the terminal size arithmetic
 * of {@link WindowsDescriptors}: pure logic, run on every OS.
 */
class CrtErrorsTest {

    @Test
    void anEmptyNonBlockingPipeIsEagainForReadAndAGonReaderIsEpipeForWrite() {
        // _read of an empty PIPE_NOWAIT pipe: EINVAL from the runtime, ERROR_NO_DATA from ReadFile.
        assertEquals(WinConstants.CRT_EAGAIN,
                CrtErrors.errno(CrtErrors.Call.READ, WinConstants.CRT_EINVAL, WinConstants.ERROR_NO_DATA));
        // _write into a pipe whose reader is closed: the same pair means "the pipe is being closed".
        assertEquals(WinConstants.CRT_EPIPE,
                CrtErrors.errno(CrtErrors.Call.WRITE, WinConstants.CRT_EINVAL, WinConstants.ERROR_NO_DATA));
        // _write that wrote nothing into a full non-blocking pipe: ENOSPC without an OS error.
        assertEquals(WinConstants.CRT_EAGAIN, CrtErrors.errno(CrtErrors.Call.WRITE, WinConstants.CRT_ENOSPC, 0));
    }

    @Test
    void otherErrorsPassUnchanged() {
        assertEquals(WinConstants.CRT_EINVAL,
                CrtErrors.errno(CrtErrors.Call.OTHER, WinConstants.CRT_EINVAL, WinConstants.ERROR_NO_DATA));
        assertEquals(WinConstants.CRT_EINVAL, CrtErrors.errno(CrtErrors.Call.READ, WinConstants.CRT_EINVAL, 0));
        assertEquals(WinConstants.CRT_ENOSPC,
                CrtErrors.errno(CrtErrors.Call.WRITE, WinConstants.CRT_ENOSPC, 112)); // a full disk: ERROR_DISK_FULL
        assertEquals(WinConstants.CRT_EBADF, CrtErrors.errno(CrtErrors.Call.READ, WinConstants.CRT_EBADF, 0));
        assertEquals(WinConstants.CRT_EMFILE, CrtErrors.errno(CrtErrors.Call.OTHER, WinConstants.CRT_EMFILE, 0));
        // Validation failures without errno are a descriptor that is not open.
        assertEquals(WinConstants.CRT_EBADF, CrtErrors.errno(CrtErrors.Call.OTHER, 0, 0));
    }

    @Test
    void kindsAgreeWithThePosixBackendsForTheSameErrno() {
        assertEquals(ErrorKind.INVALID_ARGUMENT, CrtErrors.kind(WinConstants.CRT_EBADF));
        assertEquals(ErrorKind.INVALID_ARGUMENT, CrtErrors.kind(WinConstants.CRT_EINVAL));
        assertEquals(ErrorKind.RESOURCE_EXHAUSTED, CrtErrors.kind(WinConstants.CRT_EAGAIN));
        assertEquals(ErrorKind.RESOURCE_EXHAUSTED, CrtErrors.kind(WinConstants.CRT_EMFILE));
        assertEquals(ErrorKind.RESOURCE_EXHAUSTED, CrtErrors.kind(WinConstants.CRT_ENFILE));
        assertEquals(ErrorKind.RESOURCE_EXHAUSTED, CrtErrors.kind(WinConstants.CRT_ENOMEM));
        assertEquals(ErrorKind.PERMISSION_DENIED, CrtErrors.kind(WinConstants.CRT_EACCES));
        assertEquals(ErrorKind.NOT_FOUND, CrtErrors.kind(WinConstants.CRT_ENOENT));
        assertEquals(ErrorKind.INTERRUPTED, CrtErrors.kind(WinConstants.CRT_EINTR));
        assertEquals(ErrorKind.OTHER, CrtErrors.kind(WinConstants.CRT_EPIPE));
        assertEquals(ErrorKind.OTHER, CrtErrors.kind(WinConstants.CRT_ENOSPC));
    }

    @Test
    void theExceptionNamesTheCallTheDescriptorAndTheErrno() {
        OsException e = CrtErrors.exception("read", 7, WinConstants.CRT_EBADF);
        assertEquals("read", e.operation());
        assertEquals("7", e.subject());
        assertEquals(9, e.errno());
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        assertEquals("read(\"7\"): Bad file descriptor (errno 9)", e.getMessage());
        assertEquals("Broken pipe", CrtErrors.exception("write", 3, WinConstants.CRT_EPIPE).description());
        assertEquals("error 99", CrtErrors.message(99)); // no runtime to ask off Windows
    }
}
