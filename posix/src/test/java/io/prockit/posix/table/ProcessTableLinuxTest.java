package io.prockit.posix.table;

import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.KillReport;
import io.prockit.OsException;
import io.prockit.Output;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessQuery;
import io.prockit.ProcessState;
import io.prockit.ProcessTable;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process table on real processes: each test starts its own tree and touches only it. */
@EnabledOnOs(OS.LINUX) // the /proc table; DarwinProcessTableTest is macOS's
class ProcessTableLinuxTest {

    private static ProcessInfo awaitState(ProcessInfo p, Predicate<ProcessState> want) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            ProcessInfo now = p.refresh();
            if (want.test(now.state())) {
                return now;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(p + " never reached the wanted state");
    }

    @Test
    void findsAndInspectsExactlyItsOwnTree() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            ProcessInfo self = ProcessTable.self();
            ProcessInfo sh = ProcessTable.of(tree.shell.pid());
            assertEquals(self.pid(), sh.ppid());
            assertEquals(3, tree.mine().list().size(), "the shell and its two sleeps carry the token");
            assertEquals(Set.copyOf(sleeps), Set.copyOf(sh.children()));
            assertEquals(Set.copyOf(sleeps), Set.copyOf(sh.children(true)));
            assertTrue(self.children(true).containsAll(sleeps));
            assertTrue(self.children(false).contains(sh));
            int myUid = self.uid().orElseThrow();
            for (ProcessInfo s : sleeps) {
                assertEquals("sleep", s.name());
                assertEquals(List.of("sleep", "300", tree.token), s.cmdline());
                assertTrue(s.exe().endsWith("sleep"), s.exe());
                assertEquals(sh.pid(), s.ppid());
                assertEquals(sh, s.parent().orElseThrow());
                List<ProcessInfo> parents = s.parents();
                assertEquals(sh, parents.get(0));
                assertEquals(self, parents.get(1));
                assertEquals(myUid, s.uid().orElseThrow());
                assertEquals(System.getProperty("user.name"), s.username());
                assertFalse(s.createTime().isBefore(sh.createTime()));
                assertEquals(1, s.threads());
                io.prockit.MemoryInfo m = s.memory(); // one reading: a process just past exec is still mapping
                assertTrue(m.rss() > 0 && m.vms() >= m.rss(), m.toString());
                assertFalse(s.cpuTimes().total().isNegative());
                assertTrue(s.isRunning());
                assertEquals(s, ProcessTable.of(s.pid()), "same pid and creation time: equal");
            }
            assertEquals(List.of("/bin/sh", "-c"), sh.cmdline().subList(0, 2));
            assertEquals("marker-" + tree.token, sh.cmdline().get(3));
        }
    }

    @Test
    void tableAgreesWithPsForItsOwnChildren() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            sleeps.get(0).suspend();
            awaitState(sleeps.get(0), st -> st == ProcessState.STOPPED);
            String pids = tree.shell.pid() + "," + sleeps.get(0).pid() + "," + sleeps.get(1).pid();
            Output out = Command.of("ps", "-o", "pid=,ppid=,stat=,comm=,args=", "-p", pids)
                    .stdout(Stdio.pipe()).output();
            Map<Integer, ProcessInfo> table = ProcessTable.list().stream()
                    .filter(p -> pids.contains(Integer.toString(p.pid())))
                    .collect(Collectors.toMap(ProcessInfo::pid, p -> p));
            String text = new String(out.stdout(), StandardCharsets.UTF_8);
            int rows = 0;
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+", 5);
                if (f.length < 5) {
                    continue;
                }
                rows++;
                ProcessInfo p = table.get(Integer.parseInt(f[0]));
                assertEquals(Integer.parseInt(f[1]), p.ppid(), line);
                assertEquals(f[2].charAt(0), p.state().code(), line);
                assertEquals(f[3], p.name(), line);
                assertEquals(f[4], String.join(" ", p.cmdline()), line);
            }
            assertEquals(3, rows, text);
        }
    }

    @Test
    void suspendAndResumeStopAndContinue() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            ProcessInfo s = tree.awaitSleeps(2).get(0);
            s.suspend();
            assertEquals(ProcessState.STOPPED, awaitState(s, st -> st == ProcessState.STOPPED).state());
            s.resume();
            assertEquals(ProcessState.SLEEPING, awaitState(s, st -> st == ProcessState.SLEEPING).state());
        }
    }

    @Test
    void treeKillEndsTheWholeTreePolitely() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            ProcessInfo sh = ProcessTable.of(tree.shell.pid());
            KillReport r = ProcessKiller.of(sh).tree(true).grace(Duration.ofSeconds(60)).kill();
            assertEquals(3, r.entries().size(), r.toString());
            assertEquals(3, r.ended().size(), r.toString());
            assertFalse(r.entries().get(0).treeMember());
            assertEquals(Set.of(sleeps.get(0).pid(), sleeps.get(1).pid()),
                    r.entries().stream().filter(KillReport.Entry::treeMember).map(KillReport.Entry::pid)
                            .collect(Collectors.toSet()));
            assertTrue(r.allEnded());
            for (ProcessInfo s : sleeps) {
                assertFalse(s.isRunning());
            }
            assertTrue(tree.shell.waitFor().signal().isPresent());
        }
    }

    @Test
    void processesIgnoringTermAreForcedAfterTheGrace() throws Exception {
        try (SleepTree tree = SleepTree.start("trap '' TERM; ")) {
            tree.awaitSleeps(2);
            KillReport r = ProcessKiller.of(ProcessTable.of(tree.shell.pid())).tree(true)
                    .grace(Duration.ofMillis(200)).kill();
            assertEquals(3, r.forced().size(), r.toString());
            assertTrue(tree.mine().list().stream().noneMatch(ProcessInfo::isRunning));
        }
    }

    @Test
    void withoutEscalationSurvivorsAreReportedSignalled() throws Exception {
        try (SleepTree tree = SleepTree.start("trap '' TERM; ")) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            KillReport r = ProcessKiller.of(sleeps).escalate(false).grace(Duration.ZERO).kill();
            assertEquals(2, r.with(KillReport.Outcome.SIGNALLED).size(), r.toString());
            assertTrue(sleeps.stream().allMatch(ProcessInfo::isRunning));
        }
    }

    @Test
    void queryByNameAndCommandLineKillsOnlyTheMatches() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            ProcessQuery q = ProcessQuery.all().name("sleep").cmdlineMatches("^sleep 300 " + tree.token.replace(".", "\\.") + "$")
                    .user(System.getProperty("user.name")).olderThan(Duration.ZERO);
            assertEquals(Set.copyOf(sleeps), Set.copyOf(q.list()));
            KillReport r = q.killer().signal(Signal.SIGTERM).grace(Duration.ofSeconds(60)).kill();
            assertEquals(2, r.ended().size(), r.toString());
            // The shell was not matched: its wait returns and it exits 0 by itself.
            assertTrue(tree.shell.waitFor().success());
            assertEquals(List.of(), ProcessQuery.all().nameContains("slee").cmdlineContains(tree.token).list());
        }
    }

    @Test
    void waitForWatchesAProcessThatIsNotOurChild() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            ProcessInfo s = tree.awaitSleeps(2).get(0); // a grandchild: its parent is the shell
            assertFalse(s.waitFor(Duration.ZERO));
            assertFalse(s.waitFor(Duration.ofMillis(120)), "still running");
            s.kill();
            assertTrue(s.waitFor(Duration.ofSeconds(30)), "seen ending (a zombie of the shell, or reaped)");
            assertTrue(s.waitFor(Duration.ZERO));
            assertFalse(s.isRunning());
        }
    }

    @Test
    void awaitAnyExitReturnsWhenTheFirstOfSeveralEnds() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            Set<Integer> pids = sleeps.stream().map(ProcessInfo::pid).collect(Collectors.toSet());
            io.prockit.spi.ProcessTableProvider p = new io.prockit.posix.PosixBackend().processTable();
            List<io.prockit.spi.ProcessEntry> entries = p.list().stream().filter(e -> pids.contains(e.pid())).toList();
            assertEquals(2, entries.size());
            assertFalse(p.awaitAnyExit(entries, Duration.ZERO));
            assertFalse(p.awaitAnyExit(entries, Duration.ofMillis(120)), "both still running");
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> p.awaitAnyExit(entries, Duration.ofSeconds(30)));
            assertFalse(Thread.interrupted(), "the interrupt was consumed by the exception");
            sleeps.get(1).kill();
            assertTrue(p.awaitAnyExit(entries, Duration.ofSeconds(30)), "the killed one is seen ending");
            assertTrue(sleeps.get(0).isRunning(), "the other is untouched");
        }
    }

    @Test
    void aProcessThatEndedIsNeverSignalledAgain() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            ProcessInfo s = tree.awaitSleeps(2).get(0);
            ProcessInfo sh = ProcessTable.of(tree.shell.pid());
            tree.shell.kill();
            tree.shell.waitFor();
            assertFalse(sh.isRunning());
            OsException e = assertThrows(OsException.class, () -> sh.signal(Signal.SIGTERM));
            assertEquals(ErrorKind.NO_SUCH_PROCESS, e.kind());
            assertThrows(OsException.class, sh::kill);
            assertThrows(OsException.class, sh::refresh);
            KillReport r = ProcessKiller.of(sh).kill();
            assertEquals(KillReport.Outcome.ALREADY_GONE, r.entries().get(0).outcome());
            assertTrue(s.isRunning(), "the orphaned sleep is untouched");
        }
    }

    @Test
    void zombieFieldsReportZombie() throws Exception {
        try (SleepTree tree = SleepTree.zombieMaker()) {
            ProcessInfo z = null;
            for (int i = 0; i < 6000 && z == null; i++) {
                for (ProcessInfo c : ProcessTable.of(tree.shell.pid()).children()) {
                    if (c.state() == ProcessState.ZOMBIE) {
                        z = c;
                    }
                }
                Thread.sleep(5);
            }
            assertTrue(z != null, "no zombie appeared");
            assertFalse(z.isRunning());
            ProcessInfo zz = z;
            assertEquals(ErrorKind.ZOMBIE, assertThrows(OsException.class, zz::exe).kind());
            assertEquals(ErrorKind.ZOMBIE, assertThrows(OsException.class, zz::cmdline).kind());
            assertEquals("?", z.orElse(ProcessInfo::exe, "?"));
            assertEquals(KillReport.Outcome.ALREADY_GONE, ProcessKiller.of(z).kill().entries().get(0).outcome());
        }
    }

    @Test
    void neverKillsItselfOrItsAncestorsUnlessAllowed() throws Exception {
        ProcessInfo self = ProcessTable.self();
        List<ProcessInfo> targets = new java.util.ArrayList<>();
        targets.add(self);
        targets.addAll(self.parents());
        KillReport r = ProcessKiller.of(targets).dryRun(true).kill();
        assertEquals(targets.size(), r.with(KillReport.Outcome.SKIPPED_SELF).size(), r.toString());
        KillReport allowed = ProcessKiller.of(self).allowSelf(true).dryRun(true).kill();
        assertEquals(KillReport.Outcome.WOULD_SIGNAL, allowed.entries().get(0).outcome());
    }

    @Test
    void dryRunListsTheTreeAndTouchesNothing() throws Exception {
        try (SleepTree tree = SleepTree.start()) {
            List<ProcessInfo> sleeps = tree.awaitSleeps(2);
            KillReport r = ProcessKiller.of(ProcessTable.of(tree.shell.pid())).tree(true).dryRun(true).kill();
            assertEquals(3, r.with(KillReport.Outcome.WOULD_SIGNAL).size(), r.toString());
            assertTrue(sleeps.stream().allMatch(ProcessInfo::isRunning));
        }
    }

    @Test
    void listingHoldsEachPidOnceInOrderAndMatchesProc() throws Exception {
        List<ProcessInfo> all = ProcessTable.list();
        Set<Integer> seen = new HashSet<>();
        int last = 0;
        for (ProcessInfo p : all) {
            assertTrue(seen.add(p.pid()));
            assertTrue(p.pid() > last);
            last = p.pid();
        }
        assertTrue(seen.contains(ProcessTable.self().pid()));
        String stat = Files.readString(Path.of("/proc/self/stat"));
        int statPpid = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        // /proc/self here is this JVM
        assertEquals(statPpid, ProcessTable.self().ppid());
    }

    @Test
    void nonPositivePidsAreRefusedBeforeAnyCall() {
        assertThrows(IllegalArgumentException.class, () -> ProcessTable.of(0));
        assertThrows(IllegalArgumentException.class, () -> ProcessTable.of(-1));
        assertThrows(IllegalArgumentException.class, () -> ProcessTable.find(0));
        assertThrows(IllegalArgumentException.class, () -> ProcessQuery.all().parent(0));
    }
}
