package io.prockit.windows.os;

import io.prockit.TerminalSize;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pure arithmetic of {@link WindowsDescriptors}, run on every OS. */
class WindowsDescriptorsLogicTest {

    @Test
    void theTerminalSizeIsTheVisibleWindowEdgesIncluded() {
        // A 120x30 window scrolled down a 9001-line buffer: srWindow {0, 8971, 119, 9000}.
        assertEquals(new TerminalSize(120, 30), WindowsDescriptors.terminalSize(0, 8971, 119, 9000));
        assertEquals(new TerminalSize(1, 1), WindowsDescriptors.terminalSize(5, 5, 5, 5));
    }
}
