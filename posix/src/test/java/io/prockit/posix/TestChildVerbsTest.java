package io.prockit.posix;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.Output;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.testing.Children;
import io.prockit.testing.TestChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared {@link TestChild}'s verbs do what their documentation says, here where they can be run: the Windows
 * suites use several of them ({@code print}, {@code tree}, {@code exec:*}, {@code detach-after-line}) and run only
 * on the matrix, so a broken verb would show there first. Several verbs in one JVM per test, to stay fast.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TestChildVerbsTest {

    @Test
    void outputVerbsAndArguments() throws Exception {
        Output o = TestChild.command("print:a", "echo:b", "eprint:x", "err:y", "env:PROCKIT_TC", "env:PROCKIT_NONE",
                "ready", "spew:10000", "args", "one", "two words", "", "exit:9").env("PROCKIT_TC", "v").output();
        String out = o.stdoutText();
        assertTrue(out.startsWith("ab" + System.lineSeparator() + "v" + System.lineSeparator() + "<unset>"
                + System.lineSeparator() + "ready" + System.lineSeparator()), out.substring(0, 30));
        String n = System.lineSeparator();
        assertTrue(out.endsWith("n[one]" + n + "[two words]" + n + "[]" + n + "[exit:9]" + n),
                out.substring(Math.max(0, out.length() - 100)));
        int texts = "ab".length() + "v".length() + "<unset>".length() + "ready".length() + "[one]".length()
                + "[two words]".length() + "[]".length() + "[exit:9]".length();
        assertEquals(texts + 8 * n.length() + 10000, out.length(), "stdout: eight lines and 10000 spewed bytes");
        assertTrue(o.stderrText().startsWith("xy" + System.lineSeparator()), o.stderrText());
        assertEquals(2 + System.lineSeparator().length() + 10000, o.stderrText().length(),
                "stderr: the two texts and 10000 spewed bytes");
        assertEquals(ExitStatus.exited(0), o.status(), "args ends the actions: exit:9 is an argument");
    }

    @Test
    void inputVerbs() throws Exception {
        Child c = TestChild.command("readline", "count").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        try {
            try (OutputStream in = c.stdin()) {
                in.write("first line\nthe rest: 12".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(List.of("first line", "12"), Children.lines(Children.readAll(c.stdout())));
            assertEquals(ExitStatus.exited(0), Children.await(c));
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void execReplacesTheChildWithAnotherTestChild() throws Exception {
        for (String form : new String[] {"exec:execv"}) { // overlay: ExecParityTest
            List<String> verbs = new ArrayList<>(List.of("pid", form));
            verbs.addAll(TestChild.argv("pid", "exit:42"));
            Output o = TestChild.command(verbs.toArray(String[]::new)).output();
            List<String> lines = Children.lines(o.stdoutText());
            assertEquals(2, lines.size(), o.stdoutText() + o.stderrText());
            assertEquals(lines.get(0), lines.get(1), form + ": the same process, another program");
            assertEquals(ExitStatus.exited(42), o.status(), form);
        }
        Output failed = TestChild.command("exec:execv", "/nonexistent/prog", "prog").output();
        assertEquals(List.of("failed NOT_FOUND execve"), Children.lines(failed.stdoutText()), failed.stderrText());
        assertEquals(ExitStatus.exited(3), failed.status());
    }

    @Test
    void raiseEndsTheChildByTheSignal() throws Exception {
        Output o = TestChild.command("echo:before", "raise:KILL", "echo:after").output();
        assertEquals(List.of("before"), Children.lines(o.stdoutText()));
        assertEquals(ExitStatus.signaled(Signal.SIGKILL, false), o.status());
    }

    @Test
    void osExitSkipsShutdownHooks() throws Exception {
        Output o = TestChild.command("print:before", "os-exit:7").output();
        assertEquals("before", o.stdoutText());
        assertEquals(ExitStatus.exited(7), o.status());
    }

    @Test
    void treeAndDetachPrintTheirChildsPid() throws Exception {
        Child c = TestChild.command("tree:60000").stdout(Stdio.pipe()).spawn();
        long grandchild = -1;
        try {
            grandchild = Long.parseLong(Children.reader(c).readLine().trim());
            assertEquals(c.pid(), ProcessHandle.of(grandchild).orElseThrow().parent().orElseThrow().pid());
        } finally {
            ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly); // our own grandchild
            Children.reap(c);
        }
        assertTrue(Children.gone(grandchild));
        Child d = TestChild.command("detach-after-line:60000").stdin(Stdio.pipe()).stdout(Stdio.pipe()).spawn();
        long detached = -1;
        try {
            d.stdin().write("go\n".getBytes(StandardCharsets.UTF_8));
            d.stdin().flush();
            detached = Long.parseLong(Children.reader(d).readLine().trim());
            int pid = (int) detached;
            assertTrue(io.prockit.ProcessTable.find(pid).map(p -> p.cmdline().contains("sleep:60000")).orElse(false),
                    "the detached TestChild runs");
        } finally {
            ProcessHandle.of(detached).ifPresent(ProcessHandle::destroyForcibly); // started by the child we started
            Children.reap(d);
        }
        assertTrue(Children.gone(detached));
    }

    @Test
    void anIgnoredSignalDoesNotEndTheChild() throws Exception {
        Child c = TestChild.command("ignore:TERM", "ready", "sleep:60000").stdout(Stdio.pipe()).spawn();
        try {
            BufferedReader r = Children.reader(c);
            Children.awaitLine(r, "ready");
            c.signal(Signal.SIGTERM);
            assertTrue(c.waitFor(java.time.Duration.ofMillis(300)).isEmpty(), "SIGTERM is ignored");
            assertFalse(c.hasExited());
        } finally {
            Children.reap(c);
        }
        assertEquals(ExitStatus.signaled(Signal.SIGKILL, false), c.waitFor());
    }
}
