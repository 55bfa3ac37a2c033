package io.prockit.posix.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Functions that may leave errno set when they succeed are mapped without {@code throws
 * LastErrorException}: JNA throws it whenever errno is non-zero after such a call, success or not, and
 * {@code initgroups} and macOS's {@code getgroups$DARWIN_EXTSN} go through the directory service
 * (opendirectory / NSS), which leaves errno set on success. Their callers check the return value and
 * read {@link Native#getLastError()} only on failure.
 */
class ErrnoOnSuccessTest {

    /** The mechanism, shown with a call that succeeds and sets errno by contract: strtol on overflow (ERANGE). */
    static final class Strtol {
        static {
            Native.register(Strtol.class, Platform.C_LIBRARY_NAME);
        }

        static native long strtol(String s, Pointer end, int base) throws LastErrorException;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void jnaThrowsLastErrorExceptionAfterASuccessfulCallThatLeftErrnoSet() {
        LastErrorException e = assertThrows(LastErrorException.class,
                () -> Strtol.strtol("999999999999999999999999", Pointer.NULL, 10));
        assertFalse(e.getErrorCode() == 0);
    }

    @Test
    void directoryServiceCallsDoNotDeclareLastErrorException() throws Exception {
        List<Method> methods = List.of(
                LibC.class.getMethod("initgroups", String.class, int.class),
                OptionalLibC.DarwinGetgroups.class.getMethod("getgroups$DARWIN_EXTSN", int.class, int[].class));
        for (Method m : methods) {
            assertEquals(List.of(), Arrays.asList(m.getExceptionTypes()),
                    m + " must check its return value instead: errno may be set on success");
        }
    }
}
