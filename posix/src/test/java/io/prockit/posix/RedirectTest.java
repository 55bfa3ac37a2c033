package io.prockit.posix;

import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.spawn.Spawner;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.JavaChild;
import io.prockit.Output;
import io.prockit.Stdio;
import io.prockit.posix.jna.LibCVarargs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 2: a redirect names the parent's descriptor as it was when {@code spawn()} was called; the
 * child's descriptors are a parallel assignment from those (swaps, cycles and chains included).
 *
 * <p>The children are bash, not sh: dash (Debian's sh) takes only one-digit descriptors in a redirection,
 * and this JVM's own descriptors 3..9 are not the test's to replace.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RedirectTest {
    private static final PosixConstants C = PosixBackend.table();

    /** A descriptor of this JVM, numbered {@code >= 100}, on a new file; close-on-exec, as the JDK opens its own. */
    private static int openHigh(Path file, int atLeast) {
        int fd = LibCVarargs.INSTANCE.open(file.toString(), C.O_RDWR | C.O_CREAT | C.O_TRUNC | C.O_CLOEXEC, 0644);
        try {
            return LibCVarargs.INSTANCE.fcntl(fd, C.optional("F_DUPFD_CLOEXEC").orElseThrow(), atLeast);
        } finally {
            Spawner.quietClose(fd);
        }
    }

    @Test
    void swappedDescriptorsEachGetTheOthersFile(@TempDir Path dir) throws Exception {
        int a = openHigh(dir.resolve("a.txt"), 100);
        int b = openHigh(dir.resolve("b.txt"), a + 1);
        try {
            // Child a <- parent b, child b <- parent a: what the child writes to a lands in b.txt.
            Output out = Command.of("bash", "-c", "echo to-a >&" + a + "; echo to-b >&" + b)
                    .fd(a, b).fd(b, a).output();
            assertTrue(out.status().success(), out.stderrText());
            assertEquals("to-a\n", Files.readString(dir.resolve("b.txt")));
            assertEquals("to-b\n", Files.readString(dir.resolve("a.txt")));
        } finally {
            Spawner.quietClose(a);
            Spawner.quietClose(b);
        }
    }

    @Test
    void aChainReadsEachSourceBeforeItIsReplaced(@TempDir Path dir) throws Exception {
        int x = openHigh(dir.resolve("x.txt"), 120);
        int y = openHigh(dir.resolve("y.txt"), x + 1);
        int z = openHigh(dir.resolve("z.txt"), y + 1);
        try {
            // x <- y, y <- z: a chain (macOS refused it before the planner).
            Output out = Command.of("bash", "-c", "echo one >&" + x + "; echo two >&" + y)
                    .fd(x, y).fd(y, z).output();
            assertTrue(out.status().success(), out.stderrText());
            assertEquals("one\n", Files.readString(dir.resolve("y.txt")));
            assertEquals("two\n", Files.readString(dir.resolve("z.txt")));
            assertEquals("", Files.readString(dir.resolve("x.txt")));
        } finally {
            Spawner.quietClose(x);
            Spawner.quietClose(y);
            Spawner.quietClose(z);
        }
    }

    @Test
    void aThreeCycleRotates(@TempDir Path dir) throws Exception {
        int p = openHigh(dir.resolve("p.txt"), 140);
        int q = openHigh(dir.resolve("q.txt"), p + 1);
        int r = openHigh(dir.resolve("r.txt"), q + 1);
        try {
            Output out = Command.of("bash", "-c", "echo P >&" + p + "; echo Q >&" + q + "; echo R >&" + r)
                    .fd(p, q).fd(q, r).fd(r, p).output();
            assertTrue(out.status().success(), out.stderrText());
            assertEquals("P\n", Files.readString(dir.resolve("q.txt")));
            assertEquals("Q\n", Files.readString(dir.resolve("r.txt")));
            assertEquals("R\n", Files.readString(dir.resolve("p.txt")));
        } finally {
            Spawner.quietClose(p);
            Spawner.quietClose(q);
            Spawner.quietClose(r);
        }
    }

    @Test
    void anExtraDescriptorMayNameAPipeTarget(@TempDir Path dir) throws Exception {
        // One parent descriptor feeding stderr and an extra descriptor at once (the 0..2 cases, which need a
        // JVM whose standard descriptors the test may replace, are in RedirectMain).
        int f = openHigh(dir.resolve("f.txt"), 160);
        try {
            Child c = Command.of("bash", "-c", "echo err >&2; echo out; echo extra >&" + (f + 1))
                    .stdin(Stdio.discard()).stdout(Stdio.pipe()).stderr(Stdio.fd(f)).fd(f + 1, f).spawn();
            String piped = new String(c.stdout().readAllBytes());
            assertTrue(c.waitFor().success());
            assertEquals("out\n", piped);
            assertEquals("err\nextra\n", Files.readString(dir.resolve("f.txt")));
        } finally {
            Spawner.quietClose(f);
        }
    }

    @Test
    void redirectsNamingTheStandardDescriptorsUseTheParentsOnes(@TempDir Path dir) throws Exception {
        Output run = JavaChild.of(RedirectMain.class, dir.toString()).command().output();
        assertEquals(0, run.status().code().orElse(-1), run.stdoutText() + run.stderrText());
        List<String> report = Files.readAllLines(dir.resolve("report.txt"));
        // stdout(pipe) + stderr(Stdio.fd(1)): stderr reaches the parent's fd 1, the pipe holds only stdout.
        assertEquals("one pipe=out exit=exit status: 0", report.get(0));
        assertEquals("err\n", Files.readString(dir.resolve("one.txt")));
        // fd(5, 1) with stdout piped: fd 5 is the parent's 1.
        assertEquals("two pipe=out exit=exit status: 0", report.get(1));
        assertEquals("five\n", Files.readString(dir.resolve("two.txt")));
        // stdin(pipe) + stdout(Stdio.fd(0)): stdout is the parent's 0, not the stdin pipe.
        assertEquals("three exit=exit status: 0", report.get(2));
        assertEquals("got in\n", Files.readString(dir.resolve("three.txt")));
        // 0 <- 1, 1 <- 2, 2 <- 0: a cycle through the three standard descriptors.
        assertEquals("four exit=exit status: 0", report.get(3));
        assertEquals("zero\n", Files.readString(dir.resolve("four-1.txt")));
        assertEquals("one\n", Files.readString(dir.resolve("four-2.txt")));
        assertEquals("two\n", Files.readString(dir.resolve("four-0.txt")));
    }

    @Test
    void aDescriptorBeyondTheLimitIsRefusedNamingTheMapping() {
        java.util.Set<Long> before = Procs.childPids();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Command.of("true").stdout(Stdio.pipe()).fd(Integer.MAX_VALUE, 1).spawn());
        assertTrue(e.getMessage().startsWith("fd(" + Integer.MAX_VALUE + ", 1)"), e.getMessage());
        assertEquals(before, Procs.childPids());
    }
}
