package io.prockit.posix.parity;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
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

    static Output run(String... args) throws InterruptedException {
        return JavaChild.of(ParityMain.class, args).command().output();
    }

    private static void assertSamePid(Output o, String suffix) {
        String[] lines = o.stdoutText().strip().split("\\R");
        assertEquals(2, lines.length, o.stdoutText() + o.stderrText());
        String pid = lines[0].substring("pid ".length());
        assertEquals("exec " + pid + suffix, lines[1]);
        assertEquals(0, o.status().code().orElse(-1));
    }

    @Test
    void execvReplacesTheJvmKeepingThePid() throws InterruptedException {
        assertSamePid(run("execv"), "");
    }

    @Test
    void execlPassesArgv() throws InterruptedException {
        assertSamePid(run("execl"), " zero");
    }

    @Test
    void execlpSearchesPath() throws InterruptedException {
        assertSamePid(run("execlp"), "");
    }

    @Test
    void execvpeSearchesTheGivenEnvironmentsPathAndPassesIt() throws InterruptedException {
        assertSamePid(run("execvpe"), " seen");
    }

    @Test
    void execlePassesTheEnvironment() throws InterruptedException {
        assertSamePid(run("execle"), " le");
    }

    @Test
    void spawnWithPOverlayExecs() throws InterruptedException {
        assertSamePid(run("overlay"), "");
    }

    @Test
    void execFailureIsAnExceptionInTheCaller() throws InterruptedException {
        Output o = run("fail");
        assertTrue(o.stdoutText().contains("failed NOT_FOUND execve"), o.stdoutText() + o.stderrText());
        assertEquals(3, o.status().code().orElse(-1));
    }

    @Test
    void exitEndsAtOnceWithoutShutdownHooks() throws InterruptedException {
        Output o = run("exit", "7");
        assertEquals(7, o.status().code().orElse(-1));
        assertTrue(o.stdoutText().contains("before _exit"));
        assertFalse(o.stdoutText().contains("hook ran"));
    }

    @Test
    void abortEndsWithSigabrt() throws InterruptedException {
        // Through the shell so the core size limit is 0 and no core file lands in the build directory.
        List<String> java = JavaChild.of(ParityMain.class, "abort").command().argv();
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
