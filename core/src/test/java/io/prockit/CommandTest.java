package io.prockit;

import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link Command} builder without a backend: what it refuses (every message names the value) and
 * the {@link SpawnRequest} it builds.
 */
class CommandTest {

    private static void refused(String named, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(named), "message should name " + named + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\0"), "NUL shown as \\0: " + e.getMessage());
    }

    @Test
    void programRefusals() {
        refused("program is empty", () -> new Command(""));
        refused("p\\0q", () -> new Command("p\0q"));
        refused("p\\0q", () -> Command.of("p\0q", "a"));
        refused("argv is empty", () -> Command.of(List.of()));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> new Command(null));
        assertTrue(npe.getMessage().contains("program"), npe.getMessage());
    }

    @Test
    void argumentRefusals() {
        refused("a\\0b", () -> Command.of("x").arg("a\0b"));
        refused("a\\0b", () -> Command.of("x", "ok", "a\0b"));
        refused("a\\0b", () -> Command.of("x").args(List.of("ok", "a\0b")));
        refused("a\\0b", () -> Command.of(List.of("x", "a\0b")));
        refused("argv0 must not be null", () -> Command.of("x").argv0(null));
        refused("z\\0", () -> Command.of("x").argv0("z\0"));
    }

    @Test
    void environmentRefusals() {
        refused("environment variable name is empty", () -> Command.of("x").env("", "v"));
        refused("A=B", () -> Command.of("x").env("A=B", "v"));
        refused("N\\0M", () -> Command.of("x").env("N\0M", "v"));
        refused("v\\0w", () -> Command.of("x").env("N", "v\0w"));
        refused("environment value of N", () -> Command.of("x").env("N", "v\0w"));
        refused("A=B", () -> Command.of("x").envRemove("A=B"));
        refused("environment variable name is empty", () -> Command.of("x").envRemove(""));
        refused("A=B", () -> Command.of("x").environment(Map.of("A=B", "v")));
        refused("v\\0w", () -> Command.of("x").environment(Map.of("N", "v\0w")));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("GONE", null);
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> Command.of("x").environment(nullValue));
        assertTrue(npe.getMessage().contains("GONE"), npe.getMessage());
    }

    @Test
    void aRefusedEnvironmentLeavesTheCommandAsItWas() {
        Command c = Command.of("x").env("KEEP", "1");
        refused("A=B", () -> c.environment(Map.of("OK", "1", "A=B", "v")));
        EnvironmentSpec spec = request(c).environment();
        assertFalse(spec.clear(), "environment() refused before clearing");
        assertEquals(Map.of("KEEP", "1"), spec.changes());
    }

    @Test
    void directoryRefusals() {
        refused("work\\0dir", () -> Command.of("x").directory(FakePaths.of("work\0dir")));
        assertThrows(NullPointerException.class, () -> Command.of("x").directory(null));
    }

    @Test
    void stdioRefusalsNameTheChoice() {
        refused("stdin", () -> Command.of("x").stdin(Stdio.toStdout()));
        refused("toStdout", () -> Command.of("x").stdin(Stdio.toStdout()));
        refused("/tmp/o", () -> Command.of("x").stdin(Stdio.to(Path.of("/tmp/o"))));
        refused("toStdout", () -> Command.of("x").stdout(Stdio.toStdout()));
        refused("/tmp/i", () -> Command.of("x").stdout(Stdio.from(Path.of("/tmp/i"))));
        refused("/tmp/i", () -> Command.of("x").stderr(Stdio.from(Path.of("/tmp/i"))));
        assertThrows(NullPointerException.class, () -> Command.of("x").stdin(null));
        assertThrows(NullPointerException.class, () -> Command.of("x").stdout(null));
        assertThrows(NullPointerException.class, () -> Command.of("x").stderr(null));
    }

    @Test
    void descriptorAndGroupRefusals() {
        refused("2", () -> Command.of("x").fd(2, 5));
        refused("-1", () -> Command.of("x").fd(3, -1));
        refused("0", () -> Command.of("x").processGroup(0));
        refused("-5", () -> Command.of("x").processGroup(-5));
        assertThrows(NullPointerException.class, () -> Command.of("x").posixOptions(null));
        assertThrows(NullPointerException.class, () -> Command.of("x").windowsOptions(null));
    }

    @Test
    void shellRefusesNulBeforeLookingForABackend() {
        refused("exit 0\\0", () -> Command.shell("exit 0\0"));
    }

    @Test
    void argvIsProgramThenArguments() {
        Command c = Command.of("prog", "a", "b").arg("c").args(List.of("d"));
        assertEquals(List.of("prog", "a", "b", "c", "d"), c.argv());
        assertEquals("prog", c.program());
        c.argv0("shown");
        assertEquals(List.of("shown", "a", "b", "c", "d"), c.argv());
        assertEquals("prog", c.program(), "argv0 does not change what runs");
        assertThrows(UnsupportedOperationException.class, () -> c.argv().add("e"));
        assertEquals(List.of("p", "q r", ""), Command.of(List.of("p", "q r", "")).argv());
        assertEquals("Command[prog, x]", Command.of("prog", "x").toString());
    }

    private static SpawnRequest request(Command c) {
        return c.toRequest(Stdio.inherit(), Stdio.inherit(), Stdio.inherit());
    }

    @Test
    void defaultsInTheRequest() {
        SpawnRequest r = request(Command.of("ls", "-l"));
        assertEquals("ls", r.program());
        assertEquals(List.of("ls", "-l"), r.argv());
        assertTrue(r.searchPath(), "a bare name is searched");
        assertTrue(r.environment().isInheritedUnchanged());
        assertNull(r.directory());
        assertNull(r.processGroup());
        assertFalse(r.newSession());
        assertFalse(r.detached());
        assertEquals(Stdio.inherit(), r.stdin());
        assertEquals(Map.of(), r.extraFds());
        assertEquals(PosixOptions.defaults(), r.posix());
        assertEquals(WindowsOptions.defaults(), r.windows());
    }

    @Test
    void pathSearchOnlyForBareNamesUnlessSaid() {
        assertFalse(request(Command.of("/bin/ls")).searchPath()); // os-scan: a request is built, nothing runs
        assertFalse(request(Command.of("./ls")).searchPath());
        assertFalse(request(Command.of("ls").searchPath(false)).searchPath());
        assertTrue(request(Command.of("/bin/ls").searchPath(true)).searchPath()); // os-scan: a request is built, nothing runs
    }

    @Test
    void detachMeansNewSessionAndNullStdioUnlessSet() {
        Path log = Path.of("/tmp/log");
        SpawnRequest r = request(Command.of("x").detach().stdout(Stdio.to(log)));
        assertTrue(r.detached());
        assertTrue(r.newSession());
        // toRequest receives the stdio to use; inherited ones become the null device.
        r = Command.of("x").detach().toRequest(Stdio.inherit(), Stdio.to(log), Stdio.inherit());
        assertEquals(Stdio.discard(), r.stdin());
        assertEquals(Stdio.to(log), r.stdout());
        assertEquals(Stdio.discard(), r.stderr());
    }

    @Test
    void groupsSessionsAndFds() {
        assertEquals(0, request(Command.of("x").newProcessGroup()).processGroup());
        assertEquals(77, request(Command.of("x").processGroup(77)).processGroup());
        assertTrue(request(Command.of("x").newSession()).newSession());
        SpawnRequest r = request(Command.of("x").fd(5, 9).fd(3, 4).fd(5, 6));
        assertEquals(Map.of(3, 4, 5, 6), r.extraFds(), "the last mapping of a child fd wins");
    }

    @Test
    void environmentChangesKeepTheirOrderAndTheLastWordWins() {
        Command c = Command.of("x").env("A", "1").env("B", "2").envRemove("A").env("C", "3").env("B", "4");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("A", null);
        expected.put("C", "3");
        expected.put("B", "4");
        EnvironmentSpec spec = request(c).environment();
        assertFalse(spec.clear());
        assertEquals(expected, spec.changes());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(spec.changes().keySet()));

        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("A", "p");
        parent.put("B", "p");
        parent.put("Z", "p");
        assertEquals(Map.of("B", "4", "Z", "p", "C", "3"), spec.applyTo(parent));
    }

    @Test
    void replacingTheEnvironmentStartsEmpty() {
        Command c = Command.of("x").env("DROPPED", "1").environment(Map.of("ONLY", "1")).env("MORE", "2");
        EnvironmentSpec spec = request(c).environment();
        assertTrue(spec.clear());
        assertEquals(Map.of("ONLY", "1", "MORE", "2"), spec.applyTo(Map.of("PATH", "/bin", "LD_PRELOAD", "evil.so")));
        assertTrue(request(Command.of("x").env("A", "1").envClear()).environment().changes().isEmpty());
    }

    @Test
    void aCommandSpawnsTheSameRequestTwice() {
        Command c = Command.of("x", "y").env("A", "1");
        assertEquals(request(c), request(c));
        SpawnRequest first = request(c);
        c.arg("later").env("B", "2");
        assertEquals(Arrays.asList("x", "y"), first.argv(), "a request is a snapshot");
        assertEquals(Map.of("A", "1"), first.environment().changes());
    }
}
