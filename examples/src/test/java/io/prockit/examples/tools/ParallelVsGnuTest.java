package io.prockit.examples.tools;

import io.prockit.ProcessInfo;
import io.prockit.ProcessQuery;
import io.prockit.examples.tools.ModelCommands.Result;
import io.prockit.examples.tools.ModelCommands.Sleepers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GNU parallel and prockit's with the same arguments: the same output (in order with {@code -k}, as sorted
 * lines without), the same exit codes. Jobs that sleep run a renamed {@code sleep} copy, killed by name at
 * the end if anything left one behind. Skipped where GNU parallel is not installed.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // GNU parallel and its /bin/sh jobs
class ParallelVsGnuTest {

    private static List<String> a(Object... args) {
        List<String> l = new ArrayList<>();
        l.add("--will-cite");
        for (Object o : args) {
            l.add(o.toString());
        }
        return l;
    }

    private static Result prockit(List<String> args, String input) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = Parallel.run(args.toArray(new String[0]),
                    new ByteArrayInputStream((input == null ? "" : input).getBytes(StandardCharsets.UTF_8)), out, err);
        }
        return new Result(code, o.toString(StandardCharsets.UTF_8).lines().toList(),
                e.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static void assertSame(Path parallel, List<String> args, String input, boolean ordered, boolean stderrToo)
            throws Exception {
        Result want = ModelCommands.model(parallel, args, input == null ? "" : input);
        Result got = prockit(args, input);
        assertEquals(want.code(), got.code(), () -> "exit code of " + args + "\nGNU: " + want + "\nprockit: " + got);
        assertEquals(ordered ? want.out() : want.out().stream().sorted().toList(),
                ordered ? got.out() : got.out().stream().sorted().toList(),
                () -> "stdout of " + args + "\nGNU: " + want + "\nprockit: " + got);
        if (stderrToo) {
            assertEquals(want.err().stream().sorted().toList(), got.err().stream().sorted().toList(),
                    () -> "stderr of " + args + "\nGNU: " + want + "\nprockit: " + got);
        }
    }

    @Test
    void outputAndExitCodesAsGnu() throws Exception {
        Path parallel = ModelCommands.require("parallel", "--version", "GNU parallel");
        Path list = Files.createTempFile("prockit-parallel", ".txt");
        try {
            Files.writeString(list, "one\ntwo\nthree four\n");
            assertSame(parallel, a("-k", "echo", ":::", "a", "b", "c"), null, true, true);
            assertSame(parallel, a("echo", ":::", "a", "b", "c"), null, false, true);
            assertSame(parallel, a("-j2", "-k", "echo {#} {} {.} {/} {//} {/.}", ":::", "a/b.txt", "c", "d.e/f", "/g"),
                    null, true, true);
            assertSame(parallel, a("-j", "3", "--tag", "-k", "echo out {}; echo err {} >&2; printf tail-{}; test {} != b",
                    ":::", "a", "b", "c", "d"), null, true, true);
            assertSame(parallel, a("--tag", "echo", "x", ":::", "a", "b", ":::", "1", "2"), null, false, true);
            assertSame(parallel, a("echo", "v=", ":::", "x y"), null, true, true);
            assertSame(parallel, a("-k", "echo", "{2}-{1}", ":::", "a", "b", ":::", "1", "2"), null, true, true);
            assertSame(parallel, a("-k", "echo", "{}", "::::", list), null, true, true);
            assertSame(parallel, a("-k", "-a", list, "echo", "[{}]"), null, true, true);
            assertSame(parallel, a("-k", "echo", "in"), "x\ny z\n", true, true);
            assertSame(parallel, a("-k", "echo", "::::", "-"), "x\ny\n", true, true);
            assertSame(parallel, a("exit {}", ":::", 0, 1, 2, 3), null, true, true);
            assertSame(parallel, a("-k", ":::", "echo a", "echo b"), null, true, true);
            assertSame(parallel, a("-q", "echo", "a  b", ":::", "x"), null, true, true);
            assertSame(parallel, a("--dry-run", "-k", "echo", "{}", ":::", "a", "b"), null, true, true);
            assertSame(parallel, a("-j0", "echo", ":::"), null, true, true);
            assertSame(parallel, a("-j1", "--halt", "soon,fail=1", "exit {}", ":::", 0, 2, 3), null, true, false);
            assertEquals(ModelCommands.model(parallel, a("--bogus-option"), "").code(),
                    prockit(a("--bogus-option"), null).code(), "a bad option: 255");
        } finally {
            Files.deleteIfExists(list);
        }
    }

    @Test
    void timeoutAndHaltKillJobsAsGnu() throws Exception {
        Path parallel = ModelCommands.require("parallel", "--version", "GNU parallel");
        try (Sleepers s = new Sleepers("pl")) {
            String sleep = s.program.toString();
            try {
                assertSame(parallel, a("--timeout", "1", sleep + " {}", ":::", "0.1", "30"), null, true, false);
                assertSame(parallel, a("-j2", "--halt", "now,fail=1", "test {} = 1 && exit 4; " + sleep + " {}", ":::",
                        1, 30), null, true, false);
                assertSame(parallel, a("-j2", "--halt", "now,success=1", "test {} = 1 || " + sleep + " {}", ":::", 1,
                        30), null, true, false);
                for (ProcessInfo p : ProcessQuery.all().name(s.name).list()) {
                    if (!p.waitFor(Duration.ofSeconds(10))) {
                        throw new AssertionError(p + " outlived its job by 10 s");
                    }
                }
            } finally {
                for (ProcessInfo p : ProcessQuery.all().name(s.name).list()) {
                    p.kill();
                }
            }
        }
    }
}
