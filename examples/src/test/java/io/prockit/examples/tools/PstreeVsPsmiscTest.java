package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ProcessQuery;
import io.prockit.ProcessTable;
import io.prockit.Stdio;
import io.prockit.examples.tools.ModelCommands.Result;
import io.prockit.examples.tools.ModelCommands.Sleepers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * psmisc's {@code pstree} and prockit's with the same arguments, on a tree this test started (a shell with
 * renamed {@code sleep} copies and a second shell below it): the same drawing, line by line, and the same
 * exit codes. Skipped where psmisc is not installed.
 */
@EnabledOnOs(OS.LINUX) // psmisc is Linux's
class PstreeVsPsmiscTest {

    private static List<String> a(Object... args) {
        List<String> l = new ArrayList<>();
        for (Object o : args) {
            l.add(o.toString());
        }
        return l;
    }

    private static void assertSame(Path pstree, List<String> args) throws Exception {
        Result want = ModelCommands.model(pstree, args);
        Result got = ModelCommands.prockit(Pstree::run, args);
        assertEquals(want.code(), got.code(), () -> "exit code of " + args + "\npsmisc: " + want + "\nprockit: " + got);
        assertEquals(String.join("\n", want.out()), String.join("\n", got.out()), () -> "stdout of " + args);
    }

    @Test
    void drawsTheTreeAsPsmisc() throws Exception {
        Path pstree = ModelCommands.require("pstree", "-V", "PSmisc");
        try (Sleepers s = new Sleepers("pt")) {
            String p = "./" + s.name; // short command lines: psmisc cuts long ones in its own way
            // sh: two sleepers of its own (merged as 2*[...]) and a second shell with two different ones
            Child sh = Command.of("/bin/sh", "-c", p + " 300 & " + p + " 300 & /bin/sh -c '" + p + " 301 & " + p
                    + " 302 & wait' & wait").directory(s.dir).stdin(Stdio.discard()).spawn();
            try {
                for (int i = 0; i < 6000 && ProcessQuery.all().name(s.name).list().size() < 4; i++) {
                    Thread.sleep(10);
                }
                assertEquals(4, ProcessQuery.all().name(s.name).list().size(), "the sleepers started");
                int pid = sh.pid();
                for (String draw : List.of("-A", "-U")) {
                    assertSame(pstree, a(draw, pid));
                    assertSame(pstree, a(draw, "-p", pid));
                    assertSame(pstree, a(draw, "-c", pid));
                    assertSame(pstree, a(draw, "-a", pid));
                    assertSame(pstree, a(draw, "-pa", pid));
                    assertSame(pstree, a(draw, "-n", "-p", pid));
                    assertSame(pstree, a(draw, "-u", "--show-pids", pid));
                    assertSame(pstree, a(draw, "-l", "--arguments", pid));
                }
                assertSame(pstree, a("-A", "-p", 999999999));
                assertSame(pstree, a("-x"));
                assertSame(pstree, a("no-such-user-" + s.name));
                Result mine = ModelCommands.prockit(Pstree::run, a("-A", ProcessTable.self().username()));
                assertEquals(0, mine.code());
                assertTrue(mine.out().stream().anyMatch(l -> l.contains(s.name)), mine::toString);
            } finally {
                for (var x : ProcessQuery.all().name(s.name).list()) {
                    x.kill();
                }
                sh.kill();
                sh.waitFor(Duration.ofSeconds(30));
            }
        }
    }
}
