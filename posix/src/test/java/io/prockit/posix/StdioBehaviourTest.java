package io.prockit.posix;

import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Output;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each {@link Stdio} redirect does to a real child: a file read as stdin, a file truncated or appended to,
 * the null device both ways, stderr into stdout. (Core's StdioTest checks only what the factories refuse.)
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class StdioBehaviourTest {

    private static Command sh(String script) {
        return Command.of("/bin/sh", "-c", script);
    }

    @Test
    void fromFeedsTheFileAsStdin(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "line one\nline two\n");
        Output o = sh("cat").stdin(Stdio.from(in)).output();
        assertEquals("line one\nline two\n", o.stdoutText());
    }

    @Test
    void toTruncatesAndAppendToAppends(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("out.txt"), "old content that is longer\n");
        assertEquals(ExitStatus.exited(0), sh("echo new").stdout(Stdio.to(f)).status());
        assertEquals("new\n", Files.readString(f), "to() truncates what was there");
        assertEquals(ExitStatus.exited(0), sh("echo more").stdout(Stdio.appendTo(f)).status());
        assertEquals("new\nmore\n", Files.readString(f), "appendTo() keeps what was there");
        Path fresh = dir.resolve("fresh.txt");
        assertEquals(ExitStatus.exited(0), sh("echo err >&2").stderr(Stdio.appendTo(fresh)).status());
        assertEquals("err\n", Files.readString(fresh), "appendTo() creates a missing file");
    }

    @Test
    void discardGivesEndOfFileAndSwallowsOutput() throws Exception {
        Output o = sh("cat; echo done; echo hidden >&2").stdin(Stdio.discard()).stderr(Stdio.discard()).output();
        assertEquals("done\n", o.stdoutText(), "stdin from the null device ends at once");
        assertEquals("", o.stderrText());
    }

    @Test
    void toStdoutMergesStderrInOrder() throws Exception {
        Output o = sh("echo a; echo b >&2; echo c").stderr(Stdio.toStdout()).output();
        assertEquals("a\nb\nc\n", o.stdoutText());
        assertEquals("", o.stderrText());
    }
}
