package io.prockit.posix;

import io.prockit.Command;
import io.prockit.Signal;
import io.prockit.posix.linux.LinuxConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The running backend's signal table against the shell's {@code kill -l} and the C values. */
@EnabledOnOs(OS.LINUX) // the Linux table (64 signals, real-time ones); DarwinConstantsTest checks macOS's
class SignalTableTest {

    @Test
    void everyNumberTheShellNamesMatches() throws Exception {
        StringBuilder script = new StringBuilder();
        for (int n = 1; n <= 64; n++) {
            script.append("echo ").append(n).append(" $(kill -l ").append(n).append(");");
        }
        String out = Procs.run(Command.of("/bin/sh", "-c", script.toString()));
        List<String> wrong = new ArrayList<>();
        int named = 0;
        for (String line : out.split("\n")) {
            String[] w = line.trim().split(" ");
            int n = Integer.parseInt(w[0]);
            String shell = w[1];
            // Every number 1..64 is a signal in the table (32 and 33 by number: NPTL keeps them).
            String ours = Signal.of(n).name();
            assertEquals(n, Signal.of(n).number());
            if (shell.matches("\\d+")) {
                continue; // the shell has no name for it (SIGSTKFLT, 32, 33 in dash)
            }
            named++;
            int shellNumber;
            if (shell.startsWith("RTMIN+")) {
                shellNumber = Signal.of("SIGRTMIN").number() + Integer.parseInt(shell.substring(6));
            } else if (shell.startsWith("RTMAX-")) {
                shellNumber = Signal.of("SIGRTMAX").number() - Integer.parseInt(shell.substring(6));
            } else {
                shellNumber = Signal.of("SIG" + shell).number();
                if (!ours.equals("SIG" + shell)) {
                    wrong.add(n + ": table " + ours + ", shell SIG" + shell);
                }
            }
            if (shellNumber != n) {
                wrong.add(n + ": shell " + shell + " is " + shellNumber + " in the table");
            }
        }
        assertTrue(wrong.isEmpty(), wrong.toString());
        assertTrue(named >= 60, "named " + named);
    }

    @Test
    void standardSignalsHaveTheirCValues() {
        // LinuxConstants is checked against gcc by LinuxConstantsTest; the Signal constants must read it.
        assertEquals(LinuxConstants.SIGHUP, Signal.SIGHUP.number());
        assertEquals(LinuxConstants.SIGKILL, Signal.SIGKILL.number());
        assertEquals(LinuxConstants.SIGSEGV, Signal.SIGSEGV.number());
        assertEquals(LinuxConstants.SIGTERM, Signal.SIGTERM.number());
        assertEquals(LinuxConstants.SIGCHLD, Signal.SIGCHLD.number());
        assertEquals(LinuxConstants.SIGCONT, Signal.SIGCONT.number());
        assertEquals(LinuxConstants.SIGSTOP, Signal.SIGSTOP.number());
        assertEquals(LinuxConstants.SIGUSR1, Signal.SIGUSR1.number());
        assertEquals(LinuxConstants.SIGIO, Signal.SIGIO.number());
        assertEquals(LinuxConstants.SIGSYS, Signal.SIGSYS.number());
        assertEquals(LinuxConstants.SIGRTMIN, Signal.of("SIGRTMIN").number());
        assertEquals(LinuxConstants.SIGRTMAX, Signal.of("RTMAX").number());
        assertEquals("SIGABRT", Signal.of(LinuxConstants.SIGABRT).name());
        assertEquals(Signal.SIGTERM, Signal.of("TERM"));
        assertEquals("SIGRTMIN+3", Signal.of(LinuxConstants.SIGRTMIN + 3).name());
        for (Signal s : List.of(Signal.SIGHUP, Signal.SIGINT, Signal.SIGQUIT, Signal.SIGILL, Signal.SIGTRAP,
                Signal.SIGABRT, Signal.SIGBUS, Signal.SIGFPE, Signal.SIGKILL, Signal.SIGUSR1, Signal.SIGSEGV,
                Signal.SIGUSR2, Signal.SIGPIPE, Signal.SIGALRM, Signal.SIGTERM, Signal.SIGCHLD, Signal.SIGCONT,
                Signal.SIGSTOP, Signal.SIGTSTP, Signal.SIGTTIN, Signal.SIGTTOU, Signal.SIGURG, Signal.SIGXCPU,
                Signal.SIGXFSZ, Signal.SIGVTALRM, Signal.SIGPROF, Signal.SIGWINCH, Signal.SIGIO, Signal.SIGSYS)) {
            assertTrue(s.isSupported(), s.name());
            assertEquals(s, Signal.of(s.number()), s.name());
        }
    }
}
