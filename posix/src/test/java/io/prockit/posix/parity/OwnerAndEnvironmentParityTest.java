package io.prockit.posix.parity;

import io.prockit.testing.TestChild;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Owner ids, groups, sessions, the live environment and the working directory, checked against the system's tools. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OwnerAndEnvironmentParityTest {

    static String out(String... argv) throws InterruptedException {
        Output o = Command.of(List.of(argv)).output();
        assertTrue(o.status().success(), o.toString());
        return o.stdoutText().strip();
    }

    @Test
    void idsMatchTheIdTool() throws InterruptedException {
        assertEquals(out("id", "-u"), Integer.toString(Os.getuid()));
        assertEquals(out("id", "-u"), Integer.toString(Os.geteuid()));
        assertEquals(out("id", "-g"), Integer.toString(Os.getgid()));
        assertEquals(out("id", "-g"), Integer.toString(Os.getegid()));
        int[] groups = Os.getgroups();
        for (String g : out("id", "-G").split(" ")) {
            if (Integer.parseInt(g) != Os.getegid()) {
                assertTrue(Arrays.stream(groups).anyMatch(x -> x == Integer.parseInt(g)), g + " in " + Arrays.toString(groups));
            }
        }
        assertTrue(Arrays.stream(Os.getgrouplist("root", 0)).anyMatch(x -> x == 0));
    }

    @Test
    @EnabledOnOs(OS.LINUX) // getresuid / getresgid: not on macOS; compared with /proc/self/status
    void resIdsMatchProcStatus() throws Exception {
        String status = Files.readString(Path.of("/proc/self/status"));
        String uidLine = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
        String[] f = uidLine.split("\\s+");
        int[] r = Os.getresuid();
        assertEquals(List.of(f[1], f[2], f[3]), List.of("" + r[0], "" + r[1], "" + r[2]));
        int[] g = Os.getresgid();
        assertEquals(Os.getgid(), g[0]);
    }

    @Test
    void processGroupAndSession() throws Exception {
        assertEquals(Os.getpgrp(), Os.getpgid(0));
        assertEquals(Os.getpgrp(), Os.getpgid(Os.getpid()));
        // getsid answers 0 when the session leader lives outside our pid namespace (containers, CI
        // runners); the kernel's own view in /proc/self/stat is the reference, not "> 0".
        assertTrue(Os.getsid(0) >= 0);
        if (Files.isReadable(Path.of("/proc/self/stat"))) { // os-scan: Linux only, guarded
            String stat = Files.readString(Path.of("/proc/self/stat")); // os-scan: Linux only, guarded
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state ppid pgrp session
            assertEquals(Integer.parseInt(f[2]), Os.getpgrp());
            assertEquals(Integer.parseInt(f[3]), Os.getsid(0));
        }
        // setsid fails for a group leader; a child that is not one gets a new session.
        int pid = Os.posixSpawn("/bin/sh", List.of("sh", "-c", "sleep 30"), Os.environ(),
                io.prockit.PosixSpawnAttributes.defaults().withSetsid(true));
        try {
            assertEquals(pid, Os.getsid(pid));
            assertEquals(pid, Os.getpgid(pid));
        } finally {
            Os.kill(pid, 9);
            Os.waitpid(pid, 0);
        }
        OsException e = assertThrows(OsException.class, () -> Os.getpgid(Integer.MAX_VALUE - 1));
        assertEquals(ErrorKind.NO_SUCH_PROCESS, e.kind());
        assertFalse(Os.ctermid().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Os.getpgid(-1));
    }

    @Test
    void rootDropsPrivilegesInAChildJvmAndCannotTakeThemBack() throws InterruptedException {
        Output o = TestChild.command("dropids").output();
        String text = o.stdoutText();
        if (Os.geteuid() == 0) {
            assertTrue(text.contains("before 0 0 0 0"), text + o.stderrText());
            assertTrue(text.contains("groups 0"), text);
            assertTrue(text.contains("effective 0 65534 0 65534"), text);
            assertTrue(text.contains("after 65534 65534 65534 65534"), text);
            assertTrue(text.contains("setuid(0) PERMISSION_DENIED errno 1"), text);
            assertTrue(text.contains("initgroups PERMISSION_DENIED"), text);
        } else {
            // Not root: the first privileged call fails with EPERM, as seed 001 shows for an ordinary user.
            assertTrue(o.stderrText().contains("setgroups") && o.stderrText().contains("Operation not permitted"),
                    text + o.stderrText());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // setresuid: not on macOS
    void setresuidKeepsTheSavedId() throws InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Os.geteuid() == 0, "needs root");
        Output o = TestChild.command("setres").output();
        assertTrue(o.stdoutText().contains("res 65534 65534 0"), o.stdoutText() + o.stderrText());
        assertTrue(o.stdoutText().contains("euid 0"), o.stdoutText());
    }

    @Test
    void putenvIsSeenBySystemAndChildrenAndUnsetenvRemovesIt() throws InterruptedException {
        Os.putenv("TESTVAR", "THIS VALUE WAS CHANGED");
        try {
            assertEquals("THIS VALUE WAS CHANGED", Os.getenv("TESTVAR"));
            assertEquals("THIS VALUE WAS CHANGED", Os.environ().get("TESTVAR"));
            assertEquals("THIS VALUE WAS CHANGED\n", Os.popen("echo $TESTVAR").read());
            assertEquals("THIS VALUE WAS CHANGED", out("/bin/sh", "-c", "echo $TESTVAR"));
            assertEquals(0, Os.waitstatusToExitcode(Os.system("test \"$TESTVAR\" = 'THIS VALUE WAS CHANGED'")));
        } finally {
            Os.unsetenv("TESTVAR");
        }
        assertNull(Os.getenv("TESTVAR"));
        assertEquals("default", Os.getenv("TESTVAR", "default"));
        assertEquals("", out("/bin/sh", "-c", "echo $TESTVAR"));
        assertThrows(IllegalArgumentException.class, () -> Os.putenv("A=B", "x"));
        assertThrows(IllegalArgumentException.class, () -> Os.putenv("", "x"));
        assertThrows(IllegalArgumentException.class, () -> Os.putenv("A", "x\0y"));
    }

    @Test
    void getExecPathReadsPath() {
        assertEquals(List.of("/a", "", "/b"), Os.getExecPath(Map.of("PATH", "/a::/b")));
        assertEquals(List.of("/bin", "/usr/bin"), Os.getExecPath(Map.of()));
        assertEquals(List.of(Os.getenv("PATH").split(":", -1)), Os.getExecPath(null));
    }

    @Test
    void chdirChangesTheRealDirectoryChildrenInherit(@TempDir Path dir) throws Exception {
        String before = Os.getcwd();
        Path real = dir.toRealPath();
        Files.createDirectory(real.resolve("bin"));
        Path tool = real.resolve("bin/parity-tool");
        Files.writeString(tool, "#!/bin/sh\necho found\n");
        tool.toFile().setExecutable(true);
        try {
            Os.chdir(real.toString());
            assertEquals(real.toString(), Os.getcwd());
            assertEquals(real.toString(), out("/bin/sh", "-c", "pwd -P"));
            // A relative PATH entry resolves against the real working directory.
            assertEquals("found", Command.of("parity-tool").env("PATH", "bin").output().stdoutText().strip());
            assertEquals(Path.of("x").toAbsolutePath().getParent().toString(), System.getProperty("user.dir"));
            // Relative redirect files and working directories follow it too, not user.dir.
            Files.writeString(real.resolve("in.txt"), "from the real cwd\n");
            assertEquals("from the real cwd\n", Command.of("cat").stdin(io.prockit.Stdio.from(Path.of("in.txt")))
                    .output().stdoutText());
            Command.of(io.prockit.posix.Procs.program("echo"), "written").stdout(io.prockit.Stdio.to(Path.of("out.txt"))).status();
            assertEquals("written\n", Files.readString(real.resolve("out.txt")));
            assertEquals(real.resolve("bin").toString(),
                    Command.of("/bin/sh", "-c", "pwd -P").directory(Path.of("bin")).output().stdoutText().strip());
        } finally {
            Os.chdir(before);
        }
        assertEquals(before, Os.getcwd());
        OsException e = assertThrows(OsException.class, () -> Os.chdir("/nonexistent/dir"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }
}
