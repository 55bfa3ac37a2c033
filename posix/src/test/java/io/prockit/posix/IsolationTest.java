package io.prockit.posix;

import io.prockit.testing.Children;
import com.sun.jna.LastErrorException;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.posix.jna.LibC;
import io.prockit.posix.jna.LibCVarargs;
import io.prockit.posix.linux.LinuxConstants;
import io.prockit.posix.spawn.Spawner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What the child inherits: fds (listed through /dev/fd: on macOS this is the {@code
 * POSIX_SPAWN_CLOEXEC_DEFAULT} / {@code addinherit_np} path), signal mask and dispositions (Linux /proc),
 * process group and session (getpgid / getsid).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class IsolationTest {

    @Test
    void childSeesOnlyItsStandardFds() throws Exception {
        // The JVM itself holds fds without O_CLOEXEC; add more to be sure.
        List<Integer> opened = openWithoutCloexec(5);
        try {
            for (int fd : opened) {
                assertEquals(0, LibCVarargs.INSTANCE.fcntl(fd, LinuxConstants.F_GETFD) & LinuxConstants.FD_CLOEXEC);
            }
            assertEquals("0\n1\n2\n", Procs.run(Command.of("/bin/sh", "-c", Procs.LIST_FDS)));
            // with every kind of stdio
            assertEquals("0\n1\n2\n", Procs.run(Command.of("/bin/sh", "-c", Procs.LIST_FDS)
                    .stdin(Stdio.discard()).stderr(Stdio.toStdout())));
        } finally {
            opened.forEach(Spawner::quietClose);
        }
    }

    @Test
    void listingIsExactWhenAnFdIsPassed() throws Exception {
        // The probe itself must see an fd that is meant to be there, or it proves nothing.
        List<Integer> opened = openWithoutCloexec(1);
        try {
            assertEquals("0\n1\n2\n5\n", Procs.run(Command.of("/bin/sh", "-c", Procs.LIST_FDS).fd(5, opened.get(0))));
        } finally {
            opened.forEach(Spawner::quietClose);
        }
    }

    @Test
    void childSeesOnlyItsStandardFdsWhileAnotherThreadOpensFds() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread opener = new Thread(() -> {
            while (!stop.get()) {
                openWithoutCloexec(4).forEach(Spawner::quietClose);
            }
        });
        opener.start();
        try {
            for (int i = 0; i < 100; i++) {
                assertEquals("0\n1\n2\n", Procs.run(Command.of("/bin/sh", "-c", Procs.LIST_FDS)), "round " + i);
            }
        } finally {
            stop.set(true);
            opener.join();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // reads SigBlk / SigIgn from /proc; the Linux sigset layout and SIG_BLOCK value
    void signalMaskEmptyAndNothingIgnoredEvenWhenTheSpawningThreadBlocks() throws Exception {
        int usr1 = Signal.SIGUSR1.number();
        int winch = Signal.SIGWINCH.number();
        int urg = Signal.SIGURG.number();
        Procs.sigmask(LinuxConstants.SIG_BLOCK, usr1, winch);
        // The JVM itself ignores a signal too (no JVM ignores SIGURG on its own), so that "nothing ignored"
        // rests on the spawn resetting dispositions, not on what this JVM happens to ignore.
        com.sun.jna.Pointer oldUrg = Procs.ignore(urg, null);
        try {
            // sanity: this thread does block them, so a child started naively would inherit it
            String mine = String.join("\n", java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/thread-self/status")));
            long myBlk = Long.parseUnsignedLong(field(mine, "SigBlk:"), 16);
            assertEquals(1L << (usr1 - 1), myBlk & (1L << (usr1 - 1)));
            long myIgn = Long.parseUnsignedLong(field(mine, "SigIgn:"), 16);
            assertEquals(1L << (urg - 1), myIgn & (1L << (urg - 1)), "sanity: this process ignores SIGURG");
            String out = Procs.run(Command.of("grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status"));
            assertEquals(0L, Long.parseUnsignedLong(field(out, "SigBlk:"), 16), out);
            assertEquals(0L, Long.parseUnsignedLong(field(out, "SigIgn:"), 16), out);
        } finally {
            Procs.ignore(urg, oldUrg);
            Procs.sigmask(LinuxConstants.SIG_UNBLOCK, usr1, winch);
        }
    }

    @Test
    void psSeesAnEmptyMaskAndNothingIgnoredEvenWhenTheSpawningThreadBlocks() throws Exception {
        // Portable (Linux and macOS): ps reports the mask and the ignored set of the exec'd program itself
        // (exec keeps both, so what ps sees is what the spawn gave the shell).
        int usr1 = Signal.SIGUSR1.number();
        int winch = Signal.SIGWINCH.number();
        int block = Procs.LINUX ? LinuxConstants.SIG_BLOCK : io.prockit.posix.darwin.DarwinConstants.SIG_BLOCK;
        int unblock = Procs.LINUX ? LinuxConstants.SIG_UNBLOCK : io.prockit.posix.darwin.DarwinConstants.SIG_UNBLOCK;
        int urg = Signal.SIGURG.number();
        Procs.sigmask(block, usr1, winch);
        com.sun.jna.Pointer oldUrg = Procs.ignore(urg, null); // see the Linux test: the JVM ignores one itself
        try {
            long mine = Procs.currentSigmask();
            assertEquals(1L << (usr1 - 1), mine & (1L << (usr1 - 1)), "sanity: this thread blocks SIGUSR1");
            String[] out = Procs.run(Command.of("/bin/sh", "-c", "exec ps -o sigmask=,sigignore= -p $$"))
                    .trim().split("\\s+");
            assertEquals(2, out.length, String.join(" ", out));
            assertEquals(0L, Long.parseUnsignedLong(out[0], 16), "blocked: " + out[0]);
            assertEquals(0L, Long.parseUnsignedLong(out[1], 16), "ignored: " + out[1]);
        } finally {
            Procs.ignore(urg, oldUrg);
            Procs.sigmask(unblock, usr1, winch);
        }
    }

    @Test
    void newSessionMakesTheChildASessionLeader() throws Exception {
        int[] mine = Procs.pgidSid(ProcessHandle.current().pid());
        int[] ids = Procs.shellIds(Command::newSession);
        int pid = ids[0];
        assertEquals(pid, ids[1], "pgid == pid");
        assertEquals(pid, ids[2], "sid == pid");
        assertNotEquals(mine[1], pid);
    }

    @Test
    void newProcessGroupKeepsTheSession() throws Exception {
        int[] mine = Procs.pgidSid(ProcessHandle.current().pid());
        int[] ids = Procs.shellIds(Command::newProcessGroup);
        int pid = ids[0];
        assertEquals(pid, ids[1], "pgid == pid");
        assertEquals(mine[1], ids[2], "same session as the parent");
    }

    @Test
    void defaultKeepsTheParentsGroup() throws Exception {
        int[] mine = Procs.pgidSid(ProcessHandle.current().pid());
        int[] ids = Procs.shellIds(c -> c);
        assertEquals(mine[0], ids[1]);
        assertEquals(mine[1], ids[2]);
    }

    @Test
    void processGroupJoinsAnExistingGroup() throws Exception {
        Child leader = Command.of("sleep", "60").newProcessGroup().spawn();
        try {
            int[] ids = Procs.shellIds(c -> c.processGroup(leader.pid()));
            assertEquals(leader.pid(), ids[1]);
            assertEquals(leader.pid(), Procs.pgidSid(leader.pid())[0]);
        } finally {
            Children.reap(leader);
        }
        assertEquals(ExitStatus.signaled(Signal.SIGKILL, false), leader.waitFor());
    }

    @Test
    void childIsInTheStateWeAsked() throws Exception {
        Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.pipe()).newProcessGroup().spawn();
        try {
            assertEquals(c.pid(), Procs.pgidSid(c.pid())[0]);
            c.stdin().write("x".getBytes(StandardCharsets.UTF_8));
            c.stdin().close();
            assertEquals("x", new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(ExitStatus.exited(0), c.waitFor());
        } finally {
            Children.reap(c);
        }
    }

    static String field(String status, String name) {
        for (String line : status.split("\\R")) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).trim();
            }
        }
        throw new AssertionError("no " + name + " in " + status);
    }

    static List<Integer> openWithoutCloexec(int n) {
        List<Integer> fds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                fds.add(LibCVarargs.INSTANCE.open("/dev/null", LinuxConstants.O_RDONLY));
            } catch (LastErrorException e) {
                throw new AssertionError("open /dev/null: " + LibC.strerror(e.getErrorCode()), e);
            }
        }
        return fds;
    }
}
