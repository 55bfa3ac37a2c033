package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input is refused with an {@link IllegalArgumentException} naming the value, before any system
 * call: one row per case, each checking that no child was started and the bystander child was not signalled.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BadInputTest {
    /** The pids C's kill(2) reads as "my group" and "everyone": prockit's Os.kill must refuse both. */
    private static final int REFUSED_PID_ZERO = 0;
    private static final int REFUSED_PID_ALL = -1;

    /** A child that must never receive a signal from the refused calls. */
    private static Child bystander;

    @BeforeAll
    static void startBystander() {
        // In a process group of its own, so that the "negative group" rows aim at a group that exists: a
        // signal that got through would end the bystander, and the row would fail.
        bystander = Command.of("sleep", "600").stdin(Stdio.discard()).newProcessGroup().spawn();
    }

    @AfterAll
    static void stopBystander() {
        Children.reap(bystander);
    }

    static Stream<Arguments> cases() {
        Map<String, String> nulValue = new HashMap<>(Map.of("OK", "fine"));
        nulValue.put("BAD", "v\0w");
        return Stream.of(
                row("NUL in program", "p\\0q", () -> Command.of("p\0q").spawn()),
                row("NUL in program (constructor)", "p\\0q", () -> new Command("/nonexistent/p\0q").spawn()),
                row("NUL in argument", "a\\0b", () -> Command.of(Procs.program("true"), "ok", "a\0b").spawn()),
                row("NUL in argument via arg()", "a\\0b", () -> Command.of(Procs.program("true")).arg("a\0b").spawn()),
                row("NUL in argument list", "a\\0b", () -> Command.of(List.of(Procs.program("true"), "a\0b")).spawn()),
                row("NUL in argv0", "z\\0", () -> Command.of(Procs.program("true")).argv0("z\0").spawn()),
                row("NUL in env name", "N\\0M", () -> Command.of(Procs.program("true")).env("N\0M", "v").spawn()),
                row("NUL in env value", "v\\0w", () -> Command.of(Procs.program("true")).env("N", "v\0w").spawn()),
                row("NUL in replaced env value", "v\\0w", () -> Command.of(Procs.program("true")).environment(nulValue).spawn()),
                row("NUL in env name to remove", "N\\0", () -> Command.of(Procs.program("true")).envRemove("N\0").spawn()),
                row("'=' in env name", "A=B", () -> Command.of(Procs.program("true")).env("A=B", "v").spawn()),
                row("'=' in replaced env name", "A=B", () -> Command.of(Procs.program("true")).environment(Map.of("A=B", "v")).spawn()),
                row("empty env name", "name is empty", () -> Command.of(Procs.program("true")).env("", "v").spawn()),
                row("empty argv", "empty", () -> Command.of(List.of()).spawn()),
                row("empty program", "program is empty", () -> Command.of("").spawn()),
                row("os.spawnv empty args", "empty", () -> Os.spawnv(Os.P_WAIT, Procs.program("true"), List.of())),
                row("os.spawnvpe NUL in env", "v\\0w", () -> Os.spawnvpe(Os.P_WAIT, "true", List.of("true"), nulValue)),
                row("os.spawnl NUL in arg", "x\\0", () -> Os.spawnl(Os.P_WAIT, Procs.program("true"), "true", "x\0")),
                row("os.spawnv unknown mode", "12345", () -> Os.spawnv(12345, Procs.program("true"), List.of("true"))),
                row("os.system NUL", "exit 0\\0", () -> Os.system("exit 0\0")),
                // Each must be refused before any system call; a refusal never reaches kill(2).
                row("os.kill pid 0", "0", () -> Os.kill(REFUSED_PID_ZERO, Signal.SIGTERM.number())),
                row("os.kill pid -1", "-1", () -> Os.kill(REFUSED_PID_ALL, Signal.SIGTERM.number())),
                row("os.kill negative group", "-" + bystander.pid(), () -> Os.kill(-bystander.pid(), Signal.SIGTERM.number())),
                row("os.kill Integer.MIN_VALUE", Integer.toString(Integer.MIN_VALUE),
                        () -> Os.kill(Integer.MIN_VALUE, Signal.SIGTERM.number())),
                row("os.kill unknown signal", "999", () -> Os.kill(bystander.pid(), 999)),
                row("os.kill negative signal", "-9", () -> Os.kill(bystander.pid(), -9)),
                row("os.killpg group 0", "0", () -> Os.killpg(0, Signal.SIGTERM.number())),
                row("os.killpg negative group", "-7", () -> Os.killpg(-7, Signal.SIGTERM.number())),
                row("os.killpg unknown signal", "999", () -> Os.killpg(bystander.pid(), 999)),
                row("Signal.of unknown number", "999", () -> Signal.of(999)),
                row("Signal.of zero", "0", () -> Signal.of(0)),
                row("Signal.of unknown name", "SIGFROB", () -> Signal.of("SIGFROB")),
                row("negative timeout", "PT-0.001S", () -> bystander.waitFor(Duration.ofMillis(-1))),
                row("negative huge timeout", "PT-", () -> bystander.waitFor(Duration.ofDays(-100_000))));
    }

    private static Arguments row(String name, String named, Executable action) {
        return arguments(name, named, action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedNamingTheValueWithNothingStartedOrSignalled(String name, String named, Executable action)
            throws InterruptedException {
        Set<Long> before = Procs.childPids();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, name);
        assertTrue(e.getMessage() != null && e.getMessage().contains(named),
                name + ": message should name " + named + ": " + e.getMessage());
        assertEquals(before, Procs.childPids(), name + ": nothing spawned");
        // A SIGTERM that got through ends sleep at once; give its exit a moment to be reaped before looking.
        assertTrue(bystander.waitFor(Duration.ofMillis(50)).isEmpty(), name + ": bystander not signalled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMessageIsReadable(String name, String named, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action, name);
        assertFalse(e.getMessage().contains("\0"), "a NUL is shown as \\0, not raw: " + name);
    }
}
