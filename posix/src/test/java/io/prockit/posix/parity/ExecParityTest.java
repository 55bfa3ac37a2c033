package io.prockit.posix.parity;

import io.prockit.testing.TestChild;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.Output;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** exec replaces the child JVM in place: the program it runs reports the JVM's pid. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ExecParityTest {

    /** Runs the TestChild: its pid on the first line, then the verbs. */
    static Output run(String... verbs) throws InterruptedException {
        List<String> all = new java.util.ArrayList<>(List.of("pid"));
        all.addAll(List.of(verbs));
        return TestChild.command(all.toArray(String[]::new)).output();
    }

    private static void assertSamePid(Output o, String suffix) {
        String[] lines = o.stdoutText().strip().split("\\R");
        assertEquals(2, lines.length, o.stdoutText() + o.stderrText());
        String pid = lines[0];
        assertEquals("exec " + pid + suffix, lines[1]);
        assertEquals(0, o.status().code().orElse(-1));
    }

    @Test
    void execvReplacesTheJvmKeepingThePid() throws InterruptedException {
        assertSamePid(run("exec:execv", "/bin/sh", "sh", "-c", "echo exec $$"), "");
    }

    @Test
    void execlPassesArgv() throws InterruptedException {
        assertSamePid(run("exec:execl", "/bin/sh", "sh", "-c", "echo exec $$ $0", "zero"), " zero");
    }

    @Test
    void execlpSearchesPath() throws InterruptedException {
        assertSamePid(run("exec:execlp", "sh", "sh", "-c", "echo exec $$"), "");
    }

    @Test
    void execvpeSearchesTheGivenEnvironmentsPathAndPassesIt() throws InterruptedException {
        assertSamePid(run("exec:execvpe", "PATH=/nonexistent:/bin", "PARITY=seen", "sh", "sh", "-c", "echo exec $$ $PARITY"), " seen");
    }

    @Test
    void execlePassesTheEnvironment() throws InterruptedException {
        assertSamePid(run("exec:execle", "PARITY=le", "/bin/sh", "sh", "-c", "echo exec $$ $PARITY"), " le");
    }

    @Test
    void spawnWithPOverlayExecs() throws InterruptedException {
        assertSamePid(run("exec:overlay", "/bin/sh", "sh", "-c", "echo exec $$"), "");
    }

    @Test
    void execFailureIsAnExceptionInTheCaller() throws InterruptedException {
        Output o = run("exec:execv", "/nonexistent/prog", "prog");
        assertTrue(o.stdoutText().contains("failed NOT_FOUND execve"), o.stdoutText() + o.stderrText());
        assertEquals(3, o.status().code().orElse(-1));
    }

    @Test
    void exitEndsAtOnceWithoutShutdownHooks() throws InterruptedException {
        Output o = run("echo:before _exit", "os-exit:7");
        assertEquals(7, o.status().code().orElse(-1));
        assertTrue(o.stdoutText().contains("before _exit"));
        assertFalse(o.stdoutText().contains("hook ran"));
    }

    @Test
    void abortEndsWithSigabrt() throws InterruptedException {
        // Through the shell so the core size limit is 0 and no core file lands in the build directory.
        List<String> java = TestChild.argv("os-abort");
        StringBuilder cmd = new StringBuilder("ulimit -c 0; exec");
        for (String a : java) {
            cmd.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        try (Child c = Command.of("/bin/sh", "-c", cmd.toString()).stdout(Stdio.discard()).stderr(Stdio.discard())
                .spawn()) {
            ExitStatus st = c.waitFor();
            assertEquals(Signal.of(Os.WTERMSIG(c.waitStatus().orElseThrow())), st.signal().orElseThrow());
            assertEquals("SIGABRT", st.signal().orElseThrow().name());
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyCall() {
        assertThrows(IllegalArgumentException.class, () -> Os.execv(io.prockit.posix.Procs.program("true"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Os.execv(io.prockit.posix.Procs.program("true"), List.of("")));
        assertThrows(IllegalArgumentException.class, () -> Os.execv("/nonexistent/tr\0ue", List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> Os.execve(io.prockit.posix.Procs.program("true"), List.of("x"), java.util.Map.of("A=B", "c")));
    }

    @Test
    void forkAndFriendsExplainWhyAndNameTheReplacement() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, Os::fork);
        assertTrue(e.getMessage().contains("JavaChild"), e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, Os::forkpty);
        assertTrue(e.getMessage().contains("openpty"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> Os.registerAtFork(null, null, null));
        assertThrows(UnsupportedOperationException.class, () -> Os.plock(0));
    }
}
