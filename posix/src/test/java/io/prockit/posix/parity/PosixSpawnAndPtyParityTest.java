package io.prockit.posix.parity;

import io.prockit.ErrorKind;
import io.prockit.FileAction;
import io.prockit.OpenptyResult;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.PosixSpawnAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** posix_spawn with Python's keyword arguments, and pseudo-terminals. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PosixSpawnAndPtyParityTest {

    private static int exitcode(int pid) {
        return Os.waitstatusToExitcode(Os.waitpid(pid, 0).status());
    }

    @Test
    void fileActionsOpenDup2AndClose(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.txt");
        int pid = Os.posixSpawn("/bin/sh", List.of("sh", "-c", "echo hello; echo err >&2; echo five >&5"),
                Os.environ(), PosixSpawnAttributes.defaults().withFileActions(List.of(
                        FileAction.open(1, out.toString(), Os.O_WRONLY | Os.O_CREAT | Os.O_TRUNC, 0644),
                        FileAction.dup2(1, 2),
                        FileAction.dup2(1, 5))));
        assertEquals(0, exitcode(pid));
        assertEquals("hello\nerr\nfive\n", Files.readString(out));
        // With stdout closed, echo fails; the shell's complaint goes to a file, not the test run's stderr.
        Path err = dir.resolve("err.txt");
        int pid2 = Os.posixSpawn("/bin/sh", List.of("sh", "-c", "echo x >&1"), Os.environ(),
                PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.close(1),
                        FileAction.open(2, err.toString(), Os.O_WRONLY | Os.O_CREAT | Os.O_TRUNC, 0644))));
        assertTrue(exitcode(pid2) != 0);
        assertTrue(Files.readString(err).contains("echo"), Files.readString(err));
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the CLOSEFROM file action is glibc's addclosefrom_np
    void noJvmDescriptorLeaksAndClosefrom() throws Exception {
        // The child lists its descriptors: only 0, 1, 2 (and the one ls opens to list them).
        Path out = Files.createTempFile("fds", ".txt");
        try {
            int pid = Os.posixSpawn(io.prockit.posix.Procs.program("ls"), List.of("ls", "/proc/self/fd"), Os.environ(),
                    PosixSpawnAttributes.defaults().withFileActions(List.of(
                            FileAction.open(1, out.toString(), Os.O_WRONLY | Os.O_TRUNC, 0),
                            FileAction.closefrom(3))));
            assertEquals(0, exitcode(pid));
            assertEquals(List.of("0", "1", "2", "3"), Files.readAllLines(out));
        } finally {
            Files.delete(out);
        }
    }

    @Test
    void spawnpSearchesTheEnvironmentsPath() {
        int pid = Os.posixSpawnp("true", List.of("true"), Map.of("PATH", "/nonexistent:/bin:/usr/bin"),
                PosixSpawnAttributes.defaults());
        assertEquals(0, exitcode(pid));
        OsException e = assertThrows(OsException.class, () -> Os.posixSpawnp("true", List.of("true"),
                Map.of("PATH", "/nonexistent"), PosixSpawnAttributes.defaults()));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("posix_spawnp", e.operation());
        e = assertThrows(OsException.class, () -> Os.posixSpawn("/nonexistent", List.of("x"), Map.of()));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void sessionGroupMaskAndDefaults() throws Exception {
        int sid = Os.posixSpawn(io.prockit.posix.Procs.program("sleep"), List.of("sleep", "30"), Os.environ(),
                PosixSpawnAttributes.defaults().withSetsid(true).withSetsigmask(Set.of(10, 12)).withSetsigdef(Set.of(2)));
        try {
            assertEquals(sid, Os.getsid(sid));
            long blocked = io.prockit.posix.Procs.psSignalState(sid)[0];
            assertEquals(Long.toHexString((1L << 9) | (1L << 11)), Long.toHexString(blocked));
        } finally {
            Os.kill(sid, 9);
            Os.waitpid(sid, 0);
        }
        int pg = Os.posixSpawn(io.prockit.posix.Procs.program("sleep"), List.of("sleep", "30"), Os.environ(),
                PosixSpawnAttributes.defaults().withSetpgroup(0).withResetids(true));
        try {
            assertEquals(pg, Os.getpgid(pg));
            assertEquals(Os.getsid(0), Os.getsid(pg));
        } finally {
            Os.kill(pg, 9);
            Os.waitpid(pg, 0);
        }
        assertThrows(IllegalArgumentException.class, () -> Os.posixSpawn(io.prockit.posix.Procs.program("true"), List.of("true"), Os.environ(),
                PosixSpawnAttributes.defaults().withSetsigdef(Set.of(0))));
        assertThrows(IllegalArgumentException.class, () -> FileAction.dup2(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Os.posixSpawn(io.prockit.posix.Procs.program("true"), List.of(), Os.environ()));
        if (io.prockit.posix.Procs.LINUX) { // SCHED_BATCH and spawn scheduler attributes: Linux only
            OsException e = assertThrows(OsException.class, () -> Os.posixSpawn(io.prockit.posix.Procs.program("true"),
                    List.of("true"), Os.environ(),
                    PosixSpawnAttributes.defaults().withScheduler(Os.SCHED_BATCH, new io.prockit.SchedParam(0))));
            assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // macOS's posix_spawn has no scheduler attributes
    void schedulerAttribute() {
        // glibc's posix_spawnattr_setschedpolicy takes SCHED_OTHER, SCHED_FIFO and SCHED_RR only.
        boolean root = Os.geteuid() == 0;
        int policy = root ? Os.SCHED_FIFO : Os.SCHED_OTHER;
        int prio = root ? 1 : 0;
        int pid = Os.posixSpawn(io.prockit.posix.Procs.program("sleep"), List.of("sleep", "30"), Os.environ(),
                PosixSpawnAttributes.defaults().withScheduler(policy, new io.prockit.SchedParam(prio)));
        try {
            assertEquals(policy, Os.schedGetscheduler(pid));
            assertEquals(prio, Os.schedGetparam(pid).schedPriority());
        } finally {
            Os.kill(pid, 9);
            Os.waitpid(pid, 0);
        }
    }

    @Test
    void openptyGivesATerminalPair() throws Exception {
        OpenptyResult p = Os.openpty();
        try {
            assertTrue(Os.isatty(p.masterFd()));
            assertTrue(Os.isatty(p.slaveFd()));
            assertTrue(p.slaveName().startsWith("/dev/"), p.slaveName());
        } finally {
            Os.close(p.slaveFd());
            Os.close(p.masterFd());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // glibc applies SETSID before the file actions; macOS after (DESIGN.md): no ctty there
    void childInANewSessionOnThePtyHasItAsControllingTerminal() throws Exception {
        OpenptyResult p = Os.openpty();
        try {
            Os.setWindowSize(p.masterFd(), 50, 132);
            String slave = p.slaveName();
            // setsid is applied before the file actions by glibc, so opening the slave makes it the ctty.
            int pid = Os.posixSpawn("/bin/sh", List.of("sh", "-c", "stty size; test -t 0 && echo tty; "
                    + "ps -o tty= -p $$ >/dev/null && readlink /proc/$$/fd/0; echo ctty $(ps -o tt= -p $$)"),
                    Os.environ(), PosixSpawnAttributes.defaults().withSetsid(true).withFileActions(List.of(
                            FileAction.open(0, slave, Os.O_RDWR, 0), FileAction.dup2(0, 1), FileAction.dup2(0, 2))));
            Os.close(p.slaveFd());
            assertEquals(0, exitcode(pid));
            String text = io.prockit.posix.Procs.readMaster(p.masterFd());
            assertTrue(text.contains("50 132"), text);
            assertTrue(text.contains("tty"), text);
            assertTrue(text.contains("ctty " + slave.substring("/dev/".length())), text);
        } finally {
            try {
                Os.close(p.slaveFd());
            } catch (OsException ignored) {
                // closed above
            }
            Os.close(p.masterFd());
        }
    }

}
