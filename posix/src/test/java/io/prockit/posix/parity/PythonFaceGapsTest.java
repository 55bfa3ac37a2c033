package io.prockit.posix.parity;

import io.prockit.testing.TestChild;
import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Python face's remaining gaps (issue 12, item 5): each as CPython behaves on this OS. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PythonFaceGapsTest {
    /** errno values that are the same on Linux and macOS ({@code <errno.h>}). */
    private static final int EPERM = 1;

    static boolean root() {
        return Os.geteuid() == 0;
    }

    static boolean notRoot() {
        return !root();
    }

    @Test
    void exNotfoundIsAbsentAsInCPython() {
        // CPython adds os.EX_NOTFOUND only #ifdef EX_NOTFOUND; neither glibc's nor macOS's <sysexits.h> defines it.
        assertFalse(Os.hasConstant("EX_NOTFOUND"));
        assertEquals(-1, Os.EX_NOTFOUND);
        // Its neighbours are in both headers.
        assertTrue(Os.hasConstant("EX_CONFIG"));
        assertEquals(78, Os.EX_CONFIG);
        assertEquals(0, Os.EX_OK);
    }

    @Test
    @EnabledIf("root")
    void niceBelowZeroAsNonRootIsEpermAsGlibcsNice() throws InterruptedException {
        // setpriority(2) refuses with EACCES; glibc's (and macOS's) nice() reports EPERM, as POSIX specifies for nice.
        Output o = TestChild.command("become-nobody", "nice:-1").output();
        assertEquals("1 PERMISSION_DENIED nice", o.stdoutText().strip(), o.stdoutText() + o.stderrText());
        assertEquals(0, o.status().code().orElse(-1), o.stderrText());
    }

    @Test
    @EnabledIf("notRoot")
    void niceBelowZeroAsThisNonRootUserIsEperm() {
        OsException e = assertThrows(OsException.class, () -> Os.nice(-1));
        assertEquals(EPERM, e.errno(), e.getMessage());
        assertEquals(ErrorKind.PERMISSION_DENIED, e.kind());
        assertEquals("nice", e.operation());
    }

    @Test
    void waitstatusToExitcodeRefusesAValueOutside32Bits() {
        assertEquals(3, Os.waitstatusToExitcode(0x300));
        for (long bad : new long[] {1L << 32, (1L << 32) | 0x300, 0x1_0000_0009L, Long.MIN_VALUE, -(1L << 32)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Os.waitstatusToExitcode(bad), Long.toHexString(bad));
            assertTrue(e.getMessage().contains(Long.toString(bad)), e.getMessage());
        }
        // 32 bits as C's int or as its unsigned reading are both one status.
        assertEquals(0, Os.waitstatusToExitcode(Integer.MIN_VALUE));
        assertEquals(0, Os.waitstatusToExitcode(0x8000_0000L));
    }

    @Test
    void statusMacrosRefuseAValueOutside32Bits() {
        long bad = 1L << 40;
        assertThrows(IllegalArgumentException.class, () -> Os.WIFEXITED(bad));
        assertThrows(IllegalArgumentException.class, () -> Os.WEXITSTATUS(bad));
        assertThrows(IllegalArgumentException.class, () -> Os.WIFSIGNALED(bad));
        assertThrows(IllegalArgumentException.class, () -> Os.WTERMSIG(bad));
    }

    @Test
    void killOfAForeignZombieSucceedsAsKill2Does() throws Exception {
        // The shell starts a short sleep in the background and becomes `sleep 60`, which never waits: once the
        // short one ends it stays a zombie, a process prockit did not spawn. (A background `true` could end, and be
        // reaped by the shell, before the exec.) kill(2) of a zombie succeeds and does nothing, so Os.kill does too.
        var c = io.prockit.Command.of("/bin/sh", "-c", "sleep 1 & echo $!; exec sleep 60")
                .stdout(io.prockit.Stdio.pipe()).spawn();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(c.stdout(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            int zombie = Integer.parseInt(line.strip());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (state(zombie) != 'Z') {
                assertTrue(System.nanoTime() < deadline, "pid " + zombie + " never became a zombie: " + state(zombie));
                Thread.sleep(5);
            }
            Os.kill(zombie, 0);
            Os.kill(zombie, io.prockit.Signal.SIGTERM.number());
            assertEquals('Z', state(zombie), "still an unreaped zombie of its parent");
        } finally {
            c.kill();
            c.waitFor();
        }
    }

    /** @return 'Z' for a zombie, 'R' for any other live state, '?' when gone (the process table, Linux and macOS) */
    private static char state(int pid) {
        try {
            return io.prockit.ProcessTable.find(pid).map(p -> p.state() == io.prockit.ProcessState.ZOMBIE ? 'Z' : 'R')
                    .orElse('?');
        } catch (OsException e) {
            return e.kind() == ErrorKind.ZOMBIE ? 'Z' : '?';
        }
    }
}
