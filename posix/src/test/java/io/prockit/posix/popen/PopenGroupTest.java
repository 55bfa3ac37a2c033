package io.prockit.posix.popen;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Popen;
import io.prockit.Popen3;
import io.prockit.PtyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 5: popen's shell leads its own process group, so a job it leaves in the background ends with
 * the JVM (ExitTreeTest checks that); but where a terminal it inherits has the JVM's group in the foreground,
 * it stays in the JVM's group so it can still read that terminal.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PopenGroupTest {

    @Test
    void withoutAForegroundTerminalPopensShellLeadsItsOwnGroup() throws Exception {
        // Under surefire the test JVM has no controlling terminal, or runs in the background of one; run by
        // hand in a terminal's foreground (forkCount=0), this case does not apply.
        org.junit.jupiter.api.Assumptions.assumeFalse(inTerminalForeground(), "this JVM is in its terminal's foreground");
        Popen w = Os.popen("read x", "w");
        try {
            assertEquals(w.pid(), Os.getpgid(w.pid()), "popen(\"w\")'s shell leads its group");
        } finally {
            w.write("go\n");
            assertEquals(null, w.close());
        }
        Popen3 p3 = Os.popen3("read x");
        try {
            assertEquals(p3.pid(), Os.getpgid(p3.pid()), "popen3's shell leads its group");
        } finally {
            p3.childStdin().write("go\n".getBytes(StandardCharsets.US_ASCII));
            p3.childStdin().close();
            p3.childStdout().readAllBytes();
            p3.childStderr().readAllBytes();
            assertTrue(Os.waitpid(p3.pid(), 0).pid() == p3.pid());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"popen", "popen3"})
    void underAForegroundTerminalPopensShellStaysInTheJvmsGroupAndReadsIt(String how) throws Exception {
        Child jvm = JavaChild.of(PopenTtyMain.class, how).command().pty(PtyOptions.defaults()).spawn();
        try {
            InputStream tty = jvm.stdout();
            OutputStream keys = jvm.stdin();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                byte[] b = new byte[4096];
                try {
                    for (int n; (n = tty.read(b)) > 0; ) {
                        synchronized (seen) {
                            seen.write(b, 0, n);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the terminal hung up: the JVM ended
                }
            });
            awaitText(seen, "same-group:true", jvm);
            keys.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            keys.flush();
            awaitText(seen, "got:hello", jvm);
            assertEquals(ExitStatus.exited(0), jvm.waitFor(java.time.Duration.ofSeconds(60)).orElseThrow());
            reader.get(20, TimeUnit.SECONDS);
        } finally {
            jvm.kill();
            jvm.waitFor();
            jvm.close();
        }
    }

    private static void awaitText(ByteArrayOutputStream seen, String text, Child jvm) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (seen) {
                if (seen.toString(StandardCharsets.UTF_8).contains(text)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        synchronized (seen) {
            throw new AssertionError("no \"" + text + "\" from the JVM on the terminal (alive: "
                    + jvm.tryWait().isEmpty() + "); it wrote:\n" + seen.toString(StandardCharsets.UTF_8));
        }
    }

    /** @return whether ps marks this JVM as in the foreground group of its terminal ("+" in STAT; procps and BSD) */
    private static boolean inTerminalForeground() throws Exception {
        io.prockit.Output o = io.prockit.Command.of("ps", "-o", "stat=", "-p", Long.toString(ProcessHandle.current().pid()))
                .output();
        return o.stdoutText().contains("+");
    }
}
