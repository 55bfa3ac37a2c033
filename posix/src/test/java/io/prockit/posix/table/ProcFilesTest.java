package io.prockit.posix.table;

import io.prockit.posix.linux.ProcFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** {@link ProcFiles}: whole files into the reused buffer, and why a file could not be read as a typed exception. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcFilesTest {

    @Test
    void readsAWholeFileLargerThanTheBufferThenASmallOne(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("42"));
        byte[] big = new byte[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        Files.write(root.resolve("42/cmdline"), big);
        Files.writeString(root.resolve("42/stat"), "42 (x) S 1");
        Files.writeString(root.resolve("stat"), "btime 7\n");
        ProcFiles f = new ProcFiles(root);
        int n = f.read(42, "cmdline");
        assertEquals(big.length, n);
        assertArrayEquals(big, Arrays.copyOf(f.bytes(), n));
        n = f.read(42, "stat");
        assertEquals("42 (x) S 1", new String(f.bytes(), 0, n));
        n = f.read(0, "stat");
        assertEquals("btime 7\n", new String(f.bytes(), 0, n));
    }

    @Test
    void aMissingFileIsNoSuchFile(@TempDir Path root) {
        ProcFiles f = new ProcFiles(root);
        assertThrows(NoSuchFileException.class, () -> f.read(99, "stat"));
    }

    @Test
    void anUnreadableFileIsAccessDenied(@TempDir Path root) throws Exception {
        assumeFalse(io.prockit.Os.geteuid() == 0, "the effective uid is 0: root reads any file");
        Files.createDirectories(root.resolve("7"));
        Path p = Files.writeString(root.resolve("7/environ"), "A=1");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        ProcFiles f = new ProcFiles(root);
        assertThrows(AccessDeniedException.class, () -> f.read(7, "environ"));
    }
}
