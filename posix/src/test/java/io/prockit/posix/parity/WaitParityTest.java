package io.prockit.posix.parity;

import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Signal;
import io.prockit.Wait4Result;
import io.prockit.WaitResult;
import io.prockit.WaitidResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wait3, wait4, waitid and pidfd_open on real children, each reaped exactly once. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WaitParityTest {

    @org.junit.jupiter.api.BeforeEach
    void collectOtherTestsChildren() {
        io.prockit.posix.Procs.drainUncollected();
    }

    static int sh(String script) {
        return Os.spawnv(Os.P_NOWAIT, "/bin/sh", List.of("sh", "-c", script));
    }

    @Test
    void wait4ReportsStatusAndRusage() {
        int pid = sh("i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 5");
        Wait4Result r = Os.wait4(pid, 0);
        assertEquals(pid, r.pid());
        assertEquals(5, Os.waitstatusToExitcode(r.status()));
        assertTrue(r.rusage().ruUtime() + r.rusage().ruStime() > 0, r.rusage().toString());
        assertTrue(r.rusage().ruMaxrss() > 0);
        OsException e = assertThrows(OsException.class, () -> Os.waitpid(pid, 0));
        assertEquals(ErrorKind.NO_CHILD, e.kind());
    }

    @Test
    void wait4WithNohangReturnsZeroWhileRunning() {
        int pid = sh("sleep 30");
        try {
            Wait4Result r = Os.wait4(pid, Os.WNOHANG);
            assertEquals(0, r.pid());
        } finally {
            Os.kill(pid, Signal.of("SIGKILL").number());
        }
        Wait4Result r = Os.wait4(pid, 0);
        assertEquals(-Signal.of("SIGKILL").number(), Os.waitstatusToExitcode(r.status()));
    }

    @Test
    void wait3AndWaitAnyCollectAnyChild() {
        int pid = sh("exit 4");
        Wait4Result r = Os.wait3(0);
        assertEquals(pid, r.pid());
        assertEquals(4, Os.WEXITSTATUS(r.status()));
        int pid2 = sh("exit 6");
        WaitResult w = Os.waitAny();
        assertEquals(pid2, w.pid());
        assertEquals(6, Os.WEXITSTATUS(w.status()));
    }

    @Test
    void waitidReportsExitAndReapsOnce() {
        int pid = sh("exit 9");
        WaitidResult r = Os.waitid(Os.P_PID, pid, Os.WEXITED);
        assertEquals(pid, r.siPid());
        assertEquals(Os.CLD_EXITED, r.siCode());
        assertEquals(9, r.siStatus());
        assertEquals(Os.getuid(), r.siUid());
        OsException e = assertThrows(OsException.class, () -> Os.waitid(Os.P_PID, pid, Os.WEXITED));
        assertEquals(ErrorKind.NO_CHILD, e.kind());
    }

    @Test
    void waitidWithWnowaitLeavesTheChildWaitable() {
        int pid = sh("exit 2");
        WaitidResult peek = Os.waitid(Os.P_PID, pid, Os.WEXITED | Os.WNOWAIT);
        assertEquals(pid, peek.siPid());
        assertEquals(2, peek.siStatus());
        assertEquals(2, Os.waitstatusToExitcode(Os.waitpid(pid, 0).status()));
    }

    @Test
    void waitidReportsKilledStoppedAndContinued() {
        int pid = sh("sleep 30");
        try {
            assertNull(Os.waitid(Os.P_PID, pid, Os.WEXITED | Os.WNOHANG));
            Os.kill(pid, Signal.of("SIGSTOP").number());
            WaitidResult stopped = Os.waitid(Os.P_PID, pid, Os.WSTOPPED);
            assertEquals(Os.CLD_STOPPED, stopped.siCode());
            assertEquals(Signal.of("SIGSTOP").number(), stopped.siStatus());
            Os.kill(pid, Signal.of("SIGCONT").number());
            WaitidResult cont = Os.waitid(Os.P_PID, pid, Os.WCONTINUED);
            assertEquals(Os.CLD_CONTINUED, cont.siCode());
        } finally {
            Os.kill(pid, Signal.of("SIGKILL").number());
        }
        WaitidResult killed = Os.waitid(Os.P_PID, pid, Os.WEXITED);
        assertEquals(Os.CLD_KILLED, killed.siCode());
        assertEquals(Signal.of("SIGKILL").number(), killed.siStatus());
    }

    @Test
    void waitidByProcessGroupAndAll() {
        int pid = Os.posixSpawn("/bin/sh", List.of("sh", "-c", "exit 1"), Os.environ(),
                io.prockit.PosixSpawnAttributes.defaults().withSetpgroup(0));
        WaitidResult r = Os.waitid(Os.P_PGID, pid, Os.WEXITED);
        assertEquals(pid, r.siPid());
        int pid2 = sh("exit 0");
        WaitidResult all = Os.waitid(Os.P_ALL, 0, Os.WEXITED);
        assertTrue(all.siPid() > 0 && all.siCode() == Os.CLD_EXITED, all.toString());
        if (all.siPid() != pid2) {
            Os.waitpid(pid2, 0);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // pidfds
    void pidfdOpenAndWaitidByPidfd() {
        int pid = sh("sleep 30");
        int fd = Os.pidfdOpen(pid);
        try {
            Os.kill(pid, Signal.of("SIGTERM").number());
            WaitidResult r = Os.waitid(Os.P_PIDFD, fd, Os.WEXITED);
            assertEquals(pid, r.siPid());
            assertEquals(Os.CLD_KILLED, r.siCode());
            assertEquals(Signal.of("SIGTERM").number(), r.siStatus());
        } finally {
            Os.close(fd);
        }
        int fd2 = Os.pidfdOpen(Os.getpid(), Os.PIDFD_NONBLOCK);
        Os.close(fd2);
        assertThrows(IllegalArgumentException.class, () -> Os.pidfdOpen(0));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Os.waitid(99, 1, Os.WEXITED));
        assertThrows(IllegalArgumentException.class, () -> Os.waitid(Os.P_PID, 1, Os.WNOHANG));
        assertThrows(IllegalArgumentException.class, () -> Os.wait4(-1, 0x40000000));
        assertNotNull(Os.strerror(10));
    }
}
