package io.prockit.posix;

import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.FileAction;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.PosixSpawnAttributes;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 4: a spawn failure names what failed (the working directory, a redirect file, a descriptor),
 * not the program, which exists in every case here.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SpawnFailureTest {

    private static OsException fails(Command cmd, String operation, String subject, ErrorKind kind) {
        Set<Long> before = Procs.childPids();
        OsException e = assertThrows(OsException.class, cmd::spawn, cmd.toString());
        assertEquals(operation, e.operation(), e.getMessage());
        assertEquals(subject, e.subject(), e.getMessage());
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(operation + "(\"" + subject + "\")"), e.getMessage());
        assertEquals(before, Procs.childPids(), "no child is left behind");
        return e;
    }

    @Test
    void missingInputFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-file");
        fails(Command.of("true").stdin(Stdio.from(missing)), "open", missing.toString(), ErrorKind.NOT_FOUND);
    }

    @Test
    void missingDirectoryOfAnOutputFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("no-such-dir").resolve("out.txt");
        fails(Command.of("true").stdout(Stdio.to(file)), "open", file.toString(), ErrorKind.NOT_FOUND);
        fails(Command.of("true").stderr(Stdio.appendTo(file)), "open", file.toString(), ErrorKind.NOT_FOUND);
    }

    @Test
    void unwritableOutputFileIsPermissionDenied(@TempDir Path dir) throws Exception {
        if (Os.geteuid() == 0) {
            return; // root writes anywhere
        }
        Path file = Files.writeString(dir.resolve("ro.txt"), "x");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        fails(Command.of("true").stdout(Stdio.to(file)), "open", file.toString(), ErrorKind.PERMISSION_DENIED);
    }

    @Test
    void missingWorkingDirectoryIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir");
        fails(Command.of("true").directory(missing), "chdir", missing.toString(), ErrorKind.NOT_FOUND);
    }

    @Test
    void workingDirectoryThatIsAFileIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        fails(Command.of("true").directory(file), "chdir", file.toString(), ErrorKind.NOT_FOUND);
    }

    @Test
    void unopenedDescriptorIsNamed() {
        int fd = 999;
        try {
            io.prockit.posix.jna.LibCVarargs.INSTANCE.fcntl(fd, PosixBackend.table().F_GETFD);
            return; // this JVM happens to have it open: nothing to show
        } catch (com.sun.jna.LastErrorException expected) {
            // EBADF: not open, as the test needs
        }
        fails(Command.of("true").stdout(Stdio.fd(fd)), "dup2", "999", ErrorKind.INVALID_ARGUMENT);
        fails(Command.of("true").fd(3, fd), "dup2", "999", ErrorKind.INVALID_ARGUMENT);
    }

    @Test
    void theProgramIsStillBlamedWhenEverythingElseIsFine(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "x");
        fails(Command.of("prockit-no-such-program-frob").stdin(Stdio.from(in)).directory(dir), "posix_spawnp",
                "prockit-no-such-program-frob", ErrorKind.NOT_FOUND);
        Path notExec = Files.writeString(dir.resolve("notexec"), "x");
        fails(Command.of(notExec.toString()).stdout(Stdio.to(dir.resolve("out.txt"))).directory(dir),
                "posix_spawn", notExec.toString(), ErrorKind.PERMISSION_DENIED);
    }

    @Test
    void posixSpawnFileActionsAreNamedToo(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-file");
        OsException e = assertThrows(OsException.class, () -> Os.posixSpawn("/bin/sh", List.of("sh", "-c", "true"),
                Map.of(), PosixSpawnAttributes.defaults().withFileActions(List.of(
                        FileAction.open(0, missing.toString(), Os.O_RDONLY, 0)))));
        assertEquals("open", e.operation(), e.getMessage());
        assertEquals(missing.toString(), e.subject());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }
}
