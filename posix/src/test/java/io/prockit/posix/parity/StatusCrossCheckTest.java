package io.prockit.posix.parity;

import io.prockit.Command;
import io.prockit.Os;
import io.prockit.Output;
import io.prockit.Signal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statuses produced by real children (exits, every catchable signal, stop, continue) decoded by
 * {@code Os.W*} and by python3's {@code os.W*}: both must agree on every macro.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class StatusCrossCheckTest {

    private static final List<String> CATCHABLE = List.of("SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
            "SIGBUS", "SIGFPE", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGXCPU", "SIGXFSZ",
            "SIGVTALRM", "SIGPROF", "SIGSYS");

    private static long status(int pid, int options) {
        return Os.waitpid(pid, options).status();
    }

    private static List<Long> realStatuses() {
        List<Long> out = new ArrayList<>();
        for (int code : new int[] {0, 1, 3, 127, 255}) {
            out.add(status(WaitParityTest.sh("exit " + code), 0));
        }
        for (String name : CATCHABLE) {
            // ulimit -c 0: signals whose default is a core dump end without writing one.
            int pid = WaitParityTest.sh("ulimit -c 0; kill -" + name.substring(3) + " $$; sleep 5");
            out.add(status(pid, 0));
        }
        int pid = WaitParityTest.sh("sleep 30");
        try {
            Os.kill(pid, Signal.of("SIGSTOP").number());
            out.add(status(pid, Os.WUNTRACED));
            Os.kill(pid, Signal.of("SIGCONT").number());
            out.add(status(pid, Os.WCONTINUED));
        } finally {
            Os.kill(pid, Signal.of("SIGKILL").number());
        }
        out.add(status(pid, 0));
        return out;
    }

    private static String decode(long s) {
        return Os.WIFEXITED(s) + " " + Os.WEXITSTATUS(s) + " " + Os.WIFSIGNALED(s) + " " + Os.WTERMSIG(s) + " "
                + Os.WIFSTOPPED(s) + " " + Os.WSTOPSIG(s) + " " + Os.WIFCONTINUED(s) + " " + Os.WCOREDUMP(s);
    }

    @Test
    void osMacrosAgreeWithPython() throws InterruptedException {
        boolean python;
        try {
            python = Command.of("python3", "-c", "pass").output().status().success();
        } catch (RuntimeException e) {
            python = false;
        }
        Assumptions.assumeTrue(python, "python3 is not installed: skipping the cross-check against os.W*");
        List<Long> statuses = realStatuses();
        StringBuilder script = new StringBuilder("import os,sys\nfor s in map(int, sys.argv[1:]):\n"
                + "    print(os.WIFEXITED(s), os.WEXITSTATUS(s), os.WIFSIGNALED(s), os.WTERMSIG(s), os.WIFSTOPPED(s),"
                + " os.WSTOPSIG(s), os.WIFCONTINUED(s), os.WCOREDUMP(s))\n");
        List<String> argv = new ArrayList<>(List.of("python3", "-c", script.toString()));
        statuses.forEach(s -> argv.add(Long.toString(s)));
        Output o = Command.of(argv).output();
        assertTrue(o.status().success(), o.stderrText());
        String[] lines = o.stdoutText().split("\\R");
        assertEquals(statuses.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(lines[i].strip().toLowerCase(), decode(statuses.get(i)), "status " + statuses.get(i));
        }
    }

    @Test
    void waitstatusToExitcodeRefusesStoppedStatuses() {
        int pid = WaitParityTest.sh("sleep 30");
        try {
            Os.kill(pid, Signal.of("SIGSTOP").number());
            long stopped = status(pid, Os.WUNTRACED);
            assertTrue(Os.WIFSTOPPED(stopped));
            assertThrows(IllegalArgumentException.class, () -> Os.waitstatusToExitcode(stopped));
        } finally {
            Os.kill(pid, Signal.of("SIGKILL").number());
        }
        assertEquals(-Signal.of("SIGKILL").number(), Os.waitstatusToExitcode(status(pid, 0)));
    }
}
