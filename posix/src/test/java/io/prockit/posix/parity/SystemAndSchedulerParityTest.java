package io.prockit.posix.parity;

import io.prockit.Os;
import io.prockit.SchedParam;
import io.prockit.TimesResult;
import io.prockit.UnameResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;
import java.util.Set;

import static io.prockit.posix.parity.OwnerAndEnvironmentParityTest.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priority, umask, uname, times, load, CPU counts, sysconf/confstr and the scheduler against the system's tools. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SystemAndSchedulerParityTest {

    private static int sleeper() {
        return WaitParityTest.sh("sleep 30");
    }

    private static void end(int pid) {
        Os.kill(pid, 9);
        Os.waitpid(pid, 0);
    }

    @Test
    void priorityOfAChild() {
        int pid = sleeper();
        try {
            assertEquals(Os.getpriority(Os.PRIO_PROCESS, 0), Os.getpriority(Os.PRIO_PROCESS, pid));
            Os.setpriority(Os.PRIO_PROCESS, pid, 10);
            assertEquals(10, Os.getpriority(Os.PRIO_PROCESS, pid));
        } finally {
            end(pid);
        }
        assertEquals(Os.getpriority(Os.PRIO_PROCESS, 0), Os.nice(0));
        assertThrows(IllegalArgumentException.class, () -> Os.getpriority(77, 0));
    }

    @Test
    void niceInAChildRaisesItsNiceness() throws InterruptedException {
        // nice(1) runs the child at its parent's niceness +5 (at most 19); the kernel reports it through
        // getpriority. Relative to ours: the suite may itself run under nice.
        int expected = Math.min(19, Os.getpriority(Os.PRIO_PROCESS, 0) + 5);
        int pid = Os.spawnv(Os.P_NOWAIT, "/usr/bin/nice", List.of("nice", "-n", "5", "sleep", "30"));
        try {
            int seen = -100;
            for (int i = 0; i < 1000 && seen != expected; i++) {
                seen = Os.getpriority(Os.PRIO_PROCESS, pid);
                Thread.sleep(10);
            }
            assertEquals(expected, seen);
        } finally {
            end(pid);
        }
    }

    @Test
    void umaskSetsAndReturnsThePrevious() {
        int old = Os.umask(0077);
        try {
            assertEquals(0077, Os.umask(0022));
        } finally {
            Os.umask(old);
        }
        assertThrows(IllegalArgumentException.class, () -> Os.umask(01000));
    }

    @Test
    void unameMatchesTheTool() throws InterruptedException {
        UnameResult u = Os.uname();
        assertEquals(out("uname", "-s"), u.sysname());
        assertEquals(out("uname", "-n"), u.nodename());
        assertEquals(out("uname", "-r"), u.release());
        assertEquals(out("uname", "-v"), u.version());
        assertEquals(out("uname", "-m"), u.machine());
    }

    @Test
    void strerrorTimesAndLoad() {
        assertEquals("No such file or directory", Os.strerror(2));
        TimesResult t = Os.times();
        assertTrue(t.user() > 0 && t.elapsed() > 0, t.toString());
        double[] l = Os.getloadavg();
        assertEquals(3, l.length);
        assertTrue(l[0] >= 0 && l[1] >= 0 && l[2] >= 0);
    }

    @Test
    void cpuCountsMatchTheTools() throws InterruptedException {
        assertEquals(Integer.parseInt(out("getconf", "_NPROCESSORS_ONLN")), Os.cpuCount());
        if (Os.uname().sysname().equals("Linux")) {
            assertEquals(Integer.parseInt(out("nproc")), Os.processCpuCount());
        }
    }

    @Test
    void sysconfAndConfstrMatchGetconf() throws InterruptedException {
        assertEquals(Long.parseLong(out("getconf", "PAGESIZE")), Os.sysconf("SC_PAGESIZE"));
        assertEquals(Long.parseLong(out("getconf", "ARG_MAX")), Os.sysconf("SC_ARG_MAX"));
        assertEquals(Long.parseLong(out("getconf", "CLK_TCK")), Os.sysconf(Os.sysconfNames().get("SC_CLK_TCK")));
        assertEquals(out("getconf", "PATH"), Os.confstr("CS_PATH"));
        assertTrue(Os.sysconfNames().containsKey("SC_NPROCESSORS_ONLN"));
        assertThrows(IllegalArgumentException.class, () -> Os.sysconf("SC_NO_SUCH_THING"));
        assertThrows(IllegalArgumentException.class, () -> Os.confstr("CS_NO_SUCH_THING"));
        assertThrows(io.prockit.OsException.class, () -> Os.sysconf(99999));
        // os.cpu_count() is the number of processors online (sysconf(_SC_NPROCESSORS_ONLN)), as getconf says.
        assertEquals(Integer.valueOf(out("getconf", "_NPROCESSORS_ONLN")), Os.cpuCount());
    }

    @Test
    void schedulerLimitsAndYield() {
        assertEquals(1, Os.schedGetPriorityMin(Os.SCHED_FIFO));
        assertTrue(Os.schedGetPriorityMax(Os.SCHED_FIFO) >= 31);
        assertEquals(0, Os.schedGetPriorityMin(Os.SCHED_OTHER));
        Os.schedYield();
        assertThrows(IllegalArgumentException.class, () -> Os.schedGetPriorityMin(12345));
    }

    @Test
    @EnabledOnOs(OS.LINUX) // sched_getscheduler / sched_setscheduler: Linux only (Python: Linux, FreeBSD)
    void schedulerOfAChild() {
        assertEquals(Os.SCHED_OTHER, Os.schedGetscheduler(0));
        assertEquals(0, Os.schedGetparam(0).schedPriority());
        int pid = sleeper();
        try {
            Os.schedSetscheduler(pid, Os.SCHED_BATCH, new SchedParam(0));
            assertEquals(Os.SCHED_BATCH, Os.schedGetscheduler(pid));
            Os.schedSetparam(pid, new SchedParam(0));
            assertTrue(Os.schedRrGetInterval(pid) >= 0);
            Os.schedSetscheduler(pid, Os.SCHED_IDLE | Os.SCHED_RESET_ON_FORK, new SchedParam(0));
            assertEquals(Os.SCHED_IDLE | Os.SCHED_RESET_ON_FORK, Os.schedGetscheduler(pid));
        } finally {
            end(pid);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // sched_getaffinity / sched_setaffinity: Linux only
    void affinityOfAChild() {
        Set<Integer> mine = Os.schedGetaffinity(0);
        assertEquals(mine.size(), Os.processCpuCount());
        int first = mine.iterator().next();
        int pid = sleeper();
        try {
            assertEquals(mine, Os.schedGetaffinity(pid));
            Os.schedSetaffinity(pid, Set.of(first));
            assertEquals(Set.of(first), Os.schedGetaffinity(pid));
        } finally {
            end(pid);
        }
        assertThrows(IllegalArgumentException.class, () -> Os.schedSetaffinity(0, Set.of(-1)));
    }
}
