package io.prockit.posix.table;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Os;
import io.prockit.ProcessInfo;
import io.prockit.ProcessState;
import io.prockit.ProcessTable;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The macOS process table (libproc and {@code KERN_PROCARGS2}) on live processes of its own: what
 * {@code DarwinParsersTest} checks on byte fixtures, read from the kernel. Runs only on a Mac (the CI
 * matrix's {@code macos-latest}); the same questions on Linux are {@code ProcessTableLinuxTest}'s.
 */
@EnabledOnOs(OS.MAC)
class DarwinProcessTableTest {

    @Test
    void readsAChildOfItsOwn() throws Exception {
        String token = "prockit-darwin-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(2);
        // The shell says when it runs: the kernel sets the new argv up after posix_spawn may have returned.
        Child c = Command.of("/bin/sh", "-c", "echo ready; sleep 300; exit 0", token).stdout(Stdio.pipe()).spawn();
        try {
            assertEquals('r', c.stdout().read());
            ProcessInfo self = ProcessTable.self();
            ProcessInfo p = ProcessTable.of(c.pid());
            assertEquals(c.pid(), p.pid());
            assertEquals(self.pid(), p.ppid());
            assertEquals("sh", p.name());
            assertEquals(List.of("/bin/sh", "-c", "echo ready; sleep 300; exit 0", token), p.cmdline());
            assertTrue(p.exe().endsWith("sh"), p.exe());
            assertEquals(self.uid(), p.uid());
            assertFalse(p.createTime().isBefore(before), p.createTime() + " vs " + before);
            assertFalse(p.createTime().isAfter(Instant.now().plusSeconds(2)), p.createTime().toString());
            assertTrue(p.threads() >= 1);
            assertTrue(p.memory().rss() > 0, p.memory().toString());
            assertFalse(p.cpuTimes().total().isNegative());
            assertTrue(p.isRunning());
            assertTrue(self.children(false).contains(p));
            assertTrue(ProcessTable.list().contains(p));
            assertTrue(self.cmdline().stream().anyMatch(a -> a.contains("java")), self.cmdline().toString());
        } finally {
            c.kill();
            c.waitFor();
            c.close();
        }
    }

    @Test
    void aStoppedChildIsStoppedAndAnEndedOneIsAZombieUntilReaped() throws Exception {
        int pid = Os.spawnv(Os.P_NOWAIT, "/bin/sh", List.of("sh", "-c", "kill -STOP $$; exit 3"));
        try {
            ProcessInfo p = ProcessTable.of(pid);
            assertEquals(ProcessState.STOPPED, awaitState(p, ProcessState.STOPPED).state());
            Os.kill(pid, Signal.SIGCONT.number());
            assertEquals(ProcessState.ZOMBIE, awaitState(p, ProcessState.ZOMBIE).state());
            assertTrue(ProcessTable.exists(pid), "a zombie is still in the table");
        } finally {
            Os.kill(pid, Signal.SIGKILL.number());
            Os.waitpid(pid, 0);
        }
    }

    private static ProcessInfo awaitState(ProcessInfo p, ProcessState want) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            ProcessInfo now = p.refresh();
            if (now.state() == want) {
                return now;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(p + " never reached " + want);
    }
}
