package io.prockit.windows.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windows' signal table: exactly Python's names and numbers there, and any value accepted by kill. */
class WindowsSignalTableTest {
    private final WindowsSignalTable t = WindowsSignalTable.INSTANCE;

    @Test
    void namesAndNumbersArePythonsOnWindows() {
        assertEquals(List.of("CTRL_C_EVENT", "CTRL_BREAK_EVENT", "SIGINT", "SIGILL", "SIGFPE", "SIGSEGV", "SIGTERM",
                "SIGBREAK", "SIGABRT"), List.copyOf(t.names()));
        int[] numbers = {0, 1, 2, 4, 8, 11, 15, 21, 22};
        int i = 0;
        for (String n : t.names()) {
            assertEquals(numbers[i], t.number(n), n);
            assertEquals(Optional.of(n), t.name(numbers[i]), "number " + numbers[i]);
            i++;
        }
        assertEquals(Optional.empty(), t.name(9));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> t.number("SIGKILL"));
        assertTrue(e.getMessage().contains("SIGKILL"), e.getMessage());
    }

    @Test
    void killAcceptsAnyValueAsPythonDoes() {
        // Python's os.kill on Windows: console events for 0 and 1, TerminateProcess with the value otherwise.
        for (int v : new int[] {0, 1, 9, 15, 255, -1, Integer.MAX_VALUE}) {
            assertTrue(t.acceptsForKill(v), "value " + v);
        }
    }
}
