package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Os;
import io.prockit.ProcessTable;
import io.prockit.examples.tools.ModelCommands.Result;
import io.prockit.examples.tools.ModelCommands.Sleepers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * procps-ng's {@code ps} and prockit's with the same arguments, on renamed {@code sleep} copies this test
 * started: the header and the lines of those processes, column by column (columns that tick with the clock,
 * such as ELAPSED, are left out), and the exit codes. Skipped where procps is not installed.
 */
@EnabledOnOs(OS.LINUX) // procps-ng is Linux's (macOS has BSD ps)
class PsVsProcpsTest {

    private static List<String> a(Object... args) {
        List<String> l = new ArrayList<>();
        for (Object o : args) {
            l.add(o.toString());
        }
        return l;
    }

    /** The header and the lines naming the sleepers. */
    private static List<String> ours(List<String> lines, String name) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0 || lines.get(i).contains(name)) {
                l.add(lines.get(i));
            }
        }
        return l;
    }

    private static void assertSame(Path ps, List<String> args, String name) throws Exception {
        Result want = ModelCommands.model(ps, args);
        Result got = ModelCommands.prockit(Ps::run, args);
        assertEquals(want.code(), got.code(), () -> "exit code of " + args + "\nprocps: " + want + "\nprockit: " + got);
        List<String> w = name == null ? want.out() : ours(want.out(), name);
        List<String> g = name == null ? got.out() : ours(got.out(), name);
        assertEquals(String.join("\n", w), String.join("\n", g), () -> "stdout of " + args);
    }

    @Test
    void columnsAndSelectionAsProcps() throws Exception {
        Path ps = ModelCommands.require("ps", "-V", "procps");
        try (Sleepers s = new Sleepers("ps")) {
            s.start("300");
            s.start("301");
            s.start("302");
            String pids = s.children().stream().map(c -> Integer.toString(c.pid())).collect(Collectors.joining(","));
            String first = Integer.toString(s.children().get(0).pid());
            String n = s.name;
            assertSame(ps, a("-p", pids), null);
            assertSame(ps, a("-p", first), null);
            assertSame(ps, a("-f", "-p", pids), null);
            assertSame(ps, a("-fp", pids), null);
            assertSame(ps, a("-p", pids, "u"), null);
            assertSame(ps, a("--pid", pids, "-o", "pid,ppid,pgid,sid,user,uid,ruser,euser,ruid,euid,tty,stat,s,ni,nlwp,"
                    + "c,pcpu,pmem,vsz,rss,time,stime,comm,args"), null);
            assertSame(ps, a("-p", pids, "-o", "pid,args,comm,cmd"), null);
            assertSame(ps, a("-p", pids, "-o", "pid", "-o", "comm=NAME", "-o", "ucmd"), null);
            assertSame(ps, a("-p", pids, "-o", "pid=", "-o", "comm="), null);
            assertSame(ps, a("-p", pids, "-o", "pid ppid tt"), null);
            assertSame(ps, a("-p", pids, "--no-headers"), null);
            assertSame(ps, a("-p", pids, "--sort=-pid", "-o", "pid,args"), null);
            assertSame(ps, a("-p", pids, "--sort", "ppid,-pid", "-o", "pid,ppid"), null);
            assertSame(ps, a("-p", pids, "--sort", "-start_time", "-o", "pid,rss"), null);
            assertSame(ps, a("-e"), n);
            assertSame(ps, a("-A"), n);
            assertSame(ps, a("-ef"), n);
            assertSame(ps, a("aux"), n);
            assertSame(ps, a("ax"), n);
            assertSame(ps, a("-u", ProcessTable.self().username(), "-o", "pid,user,comm"), n);
            assertSame(ps, a("-U", Os.getuid(), "-o", "pid,ruser,comm"), n);
            assertSame(ps, a("-p", first, "-u", "0", "-o", "pid,comm"), n); // selections combine with OR
            assertSame(ps, a(first), null);
        }
    }

    @Test
    void failuresAsProcps() throws Exception {
        Path ps = ModelCommands.require("ps", "-V", "procps");
        Child gone;
        try (Sleepers s = new Sleepers("pf")) {
            gone = s.start("300");
        }
        // the child is reaped: its pid names nothing (unless reused within these few milliseconds)
        assertSame(ps, a("-p", gone.pid()), null);
        Result bad = ModelCommands.prockit(Ps::run, a("-o", "bogus"));
        assertEquals(ModelCommands.model(ps, a("-o", "bogus")).code(), bad.code());
        assertTrue(bad.err().get(0).contains("unknown user-defined format specifier"), bad::toString);
        assertEquals(ModelCommands.model(ps, a("-u", "no-such-user-x")).code(),
                ModelCommands.prockit(Ps::run, a("-u", "no-such-user-x")).code());
    }
}
