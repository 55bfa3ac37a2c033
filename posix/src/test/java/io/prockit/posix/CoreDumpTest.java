package io.prockit.posix;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.posix.process.PosixChild;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a wait status becomes an {@link ExitStatus}, the core-dump flag above all: every synthetic status
 * whose exit or signal glibc's macros report, decoded by the backend and compared field by field with
 * {@code WIFEXITED}/{@code WEXITSTATUS}/{@code WTERMSIG}/{@code WCOREDUMP}, then a real child that dumps
 * core where the machine lets it.
 */
// Linux only: the Linux status codec against glibc's macros, and /proc/sys/kernel/core_pattern; the macOS codec
// is checked against the macros of xnu's wait.h by PosixStatusCodecTest, and on real statuses against Python by
// StatusCrossCheckTest, both on macOS too.
@EnabledOnOs(OS.LINUX)
class CoreDumpTest {

    @Test
    void everyExitAndSignalStatusDecodesAsGlibcSays(@TempDir Path dir) throws Exception {
        // Statuses 0..0xffff cover every exit code, signal number and core flag; the macros ignore the rest.
        String c = """
                #include <stdio.h>
                #include <sys/wait.h>
                int main(void) {
                  for (int s = 0; s <= 0xffff; s++) {
                    if (WIFEXITED(s)) printf("%d e %d\\n", s, WEXITSTATUS(s));
                    else if (WIFSIGNALED(s)) printf("%d s %d %d\\n", s, WTERMSIG(s), WCOREDUMP(s) ? 1 : 0);
                  }
                  return 0;
                }
                """;
        String[] lines = Gcc.compileAndRun(dir, c).split("\n");
        java.util.Set<ExitStatus> seen = new java.util.HashSet<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            int status = Integer.parseInt(f[0]);
            ExitStatus expected;
            if (f[1].equals("e")) {
                expected = ExitStatus.exited(Integer.parseInt(f[2]));
            } else {
                int sig = Integer.parseInt(f[2]);
                if (sig > 64) {
                    continue; // Linux has no signal above 64: no child can end with one
                }
                boolean core = f[3].equals("1");
                expected = ExitStatus.signaled(Signal.of(sig), core);
            }
            ExitStatus got = PosixChild.decode(PosixStatusCodec.LINUX, status);
            if (!expected.equals(got)) {
                throw new AssertionError(String.format("status 0x%x: glibc says %s, decoded %s", status, expected, got));
            }
            seen.add(got);
        }
        assertEquals(256 + 64 * 2, seen.size(), "every exit code, and every signal with and without a core");
    }

    @Test
    void signaledStatusesPrintAndConvertLikePython() {
        ExitStatus dumped = PosixChild.decode(PosixStatusCodec.LINUX, 0x80 | 11);
        assertEquals("signal: 11 (SIGSEGV) (core dumped)", dumped.toString());
        assertEquals(-11, dumped.toExitcode());
        assertFalse(dumped.success());
        assertEquals(OptionalInt.empty(), dumped.code());
        assertEquals(Optional.of(Signal.SIGSEGV), dumped.signal());
        ExitStatus killed = PosixChild.decode(PosixStatusCodec.LINUX, 9);
        assertEquals("signal: 9 (SIGKILL)", killed.toString());
        assertEquals(-9, killed.toExitcode());
        ExitStatus exited = PosixChild.decode(PosixStatusCodec.LINUX, 3 << 8);
        assertEquals("exit status: 3", exited.toString());
        assertEquals(3, exited.toExitcode());
    }

    @Test
    void aChildThatDumpsCoreIsReportedSo(@TempDir Path dir) throws Exception {
        String pattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern"), StandardCharsets.US_ASCII).strip();
        Assumptions.assumeFalse(pattern.startsWith("|"),
                "core_pattern hands cores to a program (" + pattern + "): whether one is written is not ours to say");
        Assumptions.assumeTrue(Files.isWritable(dir), "no writable directory for the core file");
        // The shell raises its own soft limit (the hard one allows it, or the test is skipped) and kills itself.
        try (Child child = Command.of("sh", "-c", "ulimit -c unlimited 2>/dev/null || exit 77; kill -SEGV $$")
                .directory(dir).stdin(Stdio.discard()).spawn()) {
            ExitStatus s = child.waitFor(Duration.ofMinutes(2)).orElseThrow();
            Assumptions.assumeFalse(s.equals(ExitStatus.exited(77)), "the hard core-size limit is 0 here");
            assertEquals(Optional.of(Signal.SIGSEGV), s.signal(), s.toString());
            boolean written;
            try (var files = Files.list(dir)) {
                written = files.anyMatch(p -> p.getFileName().toString().startsWith("core"));
            }
            Assumptions.assumeTrue(written || !pattern.contains("/"),
                    "the core went elsewhere (core_pattern " + pattern + ")");
            assertTrue(((ExitStatus.Signaled) s).coreDumped(), "a core was written, so WCOREDUMP is set: " + s);
            assertTrue(s.toString().endsWith("(core dumped)"), s.toString());
        }
    }
}
