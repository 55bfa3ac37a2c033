package io.prockit.windows;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.KillReport;
import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessQuery;
import io.prockit.ProcessTable;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process table on real Windows processes: this JVM, and a {@code cmd.exe} running
 * {@code ping.exe} that the test starts, finds, suspends, resumes and kills as a tree. Only the
 * processes started here are acted on; each test kills and waits for what it started.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsProcessTableIntegrationTest {

    @Test
    void theListHoldsThisJvmWithItsDetails() {
        int self = (int) ProcessHandle.current().pid();
        List<ProcessInfo> all = ProcessTable.list();
        ProcessInfo me = all.stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
        assertEquals("java.exe", me.name().toLowerCase(Locale.ROOT));
        assertTrue(me.exe().toLowerCase(Locale.ROOT).endsWith("\\java.exe"), me.exe());
        assertEquals(ProcessHandle.current().info().command().orElseThrow().toLowerCase(Locale.ROOT),
                me.exe().toLowerCase(Locale.ROOT));
        List<String> argv = me.cmdline();
        assertFalse(argv.isEmpty());
        assertTrue(argv.get(0).toLowerCase(Locale.ROOT).contains("java"), argv.toString());
        String classPath = System.getProperty("java.class.path");
        assertTrue(argv.contains(classPath) || argv.stream().anyMatch(a -> a.startsWith("@")
                || a.contains("surefire")), "the JVM's own arguments: " + argv);
        assertEquals(ProcessHandle.current().info().startInstant().orElseThrow(),
                me.createTime().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow(), (long) me.ppid());
        assertTrue(me.username().toLowerCase(Locale.ROOT)
                .endsWith("\\" + System.getProperty("user.name").toLowerCase(Locale.ROOT)), me.username());
        assertTrue(me.uid().isEmpty());
        assertTrue(me.cpuTimes().total().compareTo(Duration.ZERO) > 0);
        assertTrue(me.memory().rss() > 0 && me.memory().vms() > 0, me.memory().toString());
        assertTrue(me.threads() > 1);
        assertTrue(me.isRunning());
        assertEquals(me, ProcessTable.self());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).pid() < all.get(i).pid(), "pid order");
        }
    }

    @Test
    void aPidNobodyHasIsNoSuchProcess() {
        // Windows pids are multiples of 4: an odd one is never in use.
        OsException e = assertThrows(OsException.class, () -> ProcessTable.of(4_000_001));
        assertEquals(ErrorKind.NO_SUCH_PROCESS, e.kind());
    }

    @Test
    void aSpawnedTreeIsFoundSuspendedResumedAndKilled() throws Exception {
        Child cmd = Command.of("cmd.exe", "/d", "/c", "ping", "-n", "30", "127.0.0.1")
                .stdout(Stdio.discard()).stderr(Stdio.discard()).spawn();
        try {
            ProcessInfo shell = ProcessTable.of(cmd.pid());
            assertEquals("cmd.exe", shell.name().toLowerCase(Locale.ROOT));
            ProcessQuery pingOfShell = ProcessQuery.all().name("PING.EXE").parent(cmd.pid())
                    .cmdlineContains("127.0.0.1");
            Optional<ProcessInfo> found = pingOfShell.first();
            while (found.isEmpty() && !cmd.hasExited()) {
                Thread.sleep(20);
                found = pingOfShell.first();
            }
            ProcessInfo ping = found.orElseThrow(() -> new AssertionError("ping.exe never appeared under " + cmd));
            assertEquals(List.of("ping", "-n", "30", "127.0.0.1"), ping.cmdline().subList(0, 4).stream()
                    .map(a -> a.toLowerCase(Locale.ROOT).replace(".exe", "")).toList(), ping.cmdline().toString());
            assertTrue(ping.exe().toLowerCase(Locale.ROOT).endsWith("\\ping.exe"), ping.exe());
            // A console host (conhost.exe) may be the shell's child too, when the JVM has no console to share.
            assertTrue(shell.children().contains(ping), shell.children().toString());

            ping.suspend();
            assertTrue(ping.isRunning());
            ping.resume();
            assertTrue(ping.isRunning());
            assertThrows(UnsupportedOperationException.class, () -> ping.signal(Signal.SIGINT));

            KillReport report = ProcessKiller.of(shell).tree(true).grace(Duration.ofSeconds(5)).kill();
            assertTrue(report.allEnded(), report.toString());
            assertTrue(report.entries().stream().anyMatch(e -> e.pid() == shell.pid() && !e.treeMember()),
                    report.toString());
            KillReport.Entry pingEntry = report.entries().stream().filter(e -> e.pid() == ping.pid()).findFirst()
                    .orElseThrow();
            assertTrue(pingEntry.treeMember());
            assertFalse(shell.isRunning());
            assertFalse(ping.isRunning());
            OsException gone = assertThrows(OsException.class, ping::kill);
            assertEquals(ErrorKind.NO_SUCH_PROCESS, gone.kind());
            assertTrue(ping.waitFor(Duration.ZERO));
            cmd.waitFor();
        } finally {
            cmd.killTree();
            cmd.waitFor();
            cmd.close();
        }
    }
}
