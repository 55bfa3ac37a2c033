package io.prockit.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Windows-only examples: on other systems {@code run} says they need Windows. */
class WindowsExamplesTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void startfileSaysItNeedsWindows() throws Exception {
        assertEquals(List.of("startfile needs Windows; this is " + System.getProperty("os.name") + "."),
                ExampleRun.example("startfile").lines());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void ctrlEventsSaysItNeedsWindows() throws Exception {
        assertEquals(List.of("ctrl-events needs Windows; this is " + System.getProperty("os.name") + "."),
                ExampleRun.example("ctrl-events").lines());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theExampleClassesThemselvesSayItToo() throws Exception {
        // Run directly (java -cp jar io.prockit.examples.windows.StartFile), not through Main.
        var out = io.prockit.JavaChild.of(io.prockit.examples.windows.StartFile.class).command().output();
        assertEquals(List.of("startfile needs Windows; this is " + System.getProperty("os.name") + "."),
                out.stdoutText().lines().toList());
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void ctrlBreakEndsAChildInItsOwnGroupAndKillSetsTheExitCode() throws Exception {
        ExampleRun run = ExampleRun.example("ctrl-events");
        run.one("CTRL_C_EVENT to a new process group: .*");
        run.one("os.kill\\(pid, 3\\): child ended with exit status: 3");
    }
}
