package io.prockit.posix.table;

import io.prockit.ProcessState;
import io.prockit.posix.linux.BootTime;
import io.prockit.posix.linux.ProcCmdline;
import io.prockit.posix.linux.ProcFiles;
import io.prockit.posix.linux.ProcStat;
import io.prockit.posix.linux.ProcStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /proc parsers on fixture files (test resources proc/), on every OS. */
class ProcParsersTest {

    private static ProcFiles fixtures() throws URISyntaxException {
        return new ProcFiles(Path.of(ProcParsersTest.class.getResource("/proc/stat").toURI()).getParent()); // os-scan: a fixture directory in the test resources
    }

    // read first, then take the buffer: a read may replace it with a larger one
    private static List<String> cmdline(ProcFiles f, int pid, String name) throws IOException {
        int n = f.read(pid, name);
        return ProcCmdline.parse(f.bytes(), n);
    }

    private static ProcStat stat(ProcFiles f, int pid, String name) throws IOException {
        int n = f.read(pid, name);
        return ProcStat.parse(f.bytes(), n);
    }

    private static ProcStatus status(ProcFiles f, int pid, String name) throws IOException {
        int n = f.read(pid, name);
        return ProcStatus.parse(f.bytes(), n);
    }

    private static long btime(ProcFiles f, int pid, String name) throws IOException {
        int n = f.read(pid, name);
        return BootTime.parse(f.bytes(), n);
    }

    @Test
    void statWithParenthesesAndSpacesInCommParsesEveryField() throws Exception {
        ProcFiles f = fixtures();
        int n = f.read(4242, "stat");
        ProcStat s = ProcStat.parse(f.bytes(), n);
        assertEquals(4242, s.pid());
        assertEquals("a) b (x", s.comm());
        assertEquals('S', s.state());
        assertEquals(4200, s.ppid());
        assertEquals(4200, s.pgrp());
        assertEquals(7613, s.session());
        assertEquals(250, s.utime());
        assertEquals(75, s.stime());
        assertEquals(3, s.numThreads());
        assertEquals(113472, s.starttime());
        assertEquals(3133440, s.vsize());
        assertEquals(390, s.rssPages());
        assertEquals(ProcessState.SLEEPING, ProcessState.fromLinuxCode(s.state()));
    }

    @Test
    void zombieAndKernelThreadStatParse() throws Exception {
        ProcFiles f = fixtures();
        ProcStat z = stat(f, 77, "stat");
        assertEquals(ProcessState.ZOMBIE, ProcessState.fromLinuxCode(z.state()));
        assertEquals(1, z.ppid());
        ProcStat k = stat(f, 2, "stat");
        assertEquals("kthreadd", k.comm());
        assertEquals(0, k.ppid());
        assertEquals(0, k.starttime());
    }

    @Test
    void truncatedStatIsRefusedWithTheText() {
        byte[] b = "12 (x) S 1 2".getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(b, b.length));
        assertTrue(e.getMessage().contains("12"), e.getMessage());
        byte[] junk = "hello".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse(junk, junk.length));
    }

    @Test
    void cmdlineSplitsOnNulAndKeepsSpacesInsideArguments() throws Exception {
        ProcFiles f = fixtures();
        assertEquals(List.of("sleep", "300", "marker token"), cmdline(f, 4242, "cmdline"));
        assertEquals(List.of(), cmdline(f, 77, "cmdline"));
    }

    @Test
    void rewrittenCmdlineWithoutSeparatorsIsSplitOnSpaces() throws Exception {
        ProcFiles f = fixtures();
        // NUL padding after one string: setproctitle that kept the terminator.
        assertEquals(List.of("nginx: worker process"), cmdline(f, 4243, "cmdline"));
        // No NUL at all: split on spaces, as psutil does.
        assertEquals(List.of("postgres:", "checkpointer"), cmdline(f, 4244, "cmdline"));
    }

    @Test
    void statusGivesRealAndEffectiveIds() throws Exception {
        ProcFiles f = fixtures();
        ProcStatus s = status(f, 4242, "status");
        assertEquals(1000, s.realUid());
        assertEquals(1001, s.effectiveUid());
        assertEquals(100, s.realGid());
        assertEquals(3, s.threads());
    }

    @Test
    void bootTimeComesFromTheBtimeLine() throws Exception {
        ProcFiles f = fixtures();
        assertEquals(1795327922L, btime(f, 0, "stat"));
        byte[] none = "cpu 1 2 3\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> BootTime.parse(none, none.length));
    }

    @Test
    void missingProcessIsNoSuchFile() throws Exception {
        ProcFiles f = fixtures();
        assertThrows(NoSuchFileException.class, () -> f.read(999999, "stat"));
    }

    @Test
    void bufferGrowsForLargeFiles() throws IOException, URISyntaxException {
        Path dir = java.nio.file.Files.createTempDirectory("procfix");
        try {
            java.nio.file.Files.createDirectories(dir.resolve("5"));
            byte[] big = new byte[10_000];
            java.util.Arrays.fill(big, (byte) 'a');
            big[4999] = 0;
            big[9999] = 0;
            java.nio.file.Files.write(dir.resolve("5").resolve("cmdline"), big);
            ProcFiles f = new ProcFiles(dir);
            List<String> argv = cmdline(f, 5, "cmdline");
            assertEquals(2, argv.size());
            assertEquals(4999, argv.get(0).length());
            assertEquals(4999, argv.get(1).length());
        } finally {
            java.nio.file.Files.deleteIfExists(dir.resolve("5").resolve("cmdline"));
            java.nio.file.Files.deleteIfExists(dir.resolve("5"));
            java.nio.file.Files.deleteIfExists(dir);
        }
    }
}
