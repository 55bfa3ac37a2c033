package io.prockit.posix;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the child inherits: fds, signal mask and dispositions, process group and session (Linux /proc). */
@EnabledOnOs(OS.LINUX)
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
    void signalMaskEmptyAndNothingIgnoredEvenWhenTheSpawningThreadBlocks() throws Exception {
        int usr1 = Signal.SIGUSR1.number();
        int winch = Signal.SIGWINCH.number();
        Procs.sigmask(LinuxConstants.SIG_BLOCK, usr1, winch);
        try {
            // sanity: this thread does block them, so a child started naively would inherit it
            String mine = String.join("\n", java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/thread-self/status")));
            long myBlk = Long.parseUnsignedLong(field(mine, "SigBlk:"), 16);
            assertEquals(1L << (usr1 - 1), myBlk & (1L << (usr1 - 1)));
            String out = Procs.run(Command.of("grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status"));
            assertEquals(0L, Long.parseUnsignedLong(field(out, "SigBlk:"), 16), out);
            assertEquals(0L, Long.parseUnsignedLong(field(out, "SigIgn:"), 16), out);
        } finally {
            Procs.sigmask(LinuxConstants.SIG_UNBLOCK, usr1, winch);
        }
    }

    @Test
    void newSessionMakesTheChildASessionLeader() throws Exception {
        int[] mine = Procs.pgidSid(ProcessHandle.current().pid());
        String[] ids = Procs.run(Command.of("/bin/sh", "-c", "echo $$; cut -d' ' -f5,6 /proc/$$/stat").newSession())
                .trim().split("\\s+");
        int pid = Integer.parseInt(ids[0]);
        assertEquals(pid, Integer.parseInt(ids[1]), "pgid == pid");
        assertEquals(pid, Integer.parseInt(ids[2]), "sid == pid");
        assertNotEquals(mine[1], pid);
    }

    @Test
    void newProcessGroupKeepsTheSession() throws Exception {
        int[] mine = Procs.pgidSid(ProcessHandle.current().pid());
        String[] ids = Procs.run(Command.of("/bin/sh", "-c", "echo $$; cut -d' ' -f5,6 /proc/$$/stat")
                .newProcessGroup()).trim().split("\\s+");
        int pid = Integer.parseInt(ids[0]);
        assertEquals(pid, Integer.parseInt(ids[1]), "pgid == pid");
        assertEquals(mine[1], Integer.parseInt(ids[2]), "same session as the parent");
    }

    @Test
    void defaultKeepsTheParentsGroup() throws Exception {
        int[] mine = Procs.pgidSid(ProcessHandle.current().pid());
        String[] ids = Procs.run(Command.of("/bin/sh", "-c", "cut -d' ' -f5,6 /proc/$$/stat")).trim().split("\\s+");
        assertEquals(mine[0], Integer.parseInt(ids[0]));
        assertEquals(mine[1], Integer.parseInt(ids[1]));
    }

    @Test
    void processGroupJoinsAnExistingGroup() throws Exception {
        Child leader = Command.of("sleep", "60").newProcessGroup().spawn();
        try {
            String[] ids = Procs.run(Command.of("/bin/sh", "-c", "cut -d' ' -f5 /proc/$$/stat")
                    .processGroup(leader.pid())).trim().split("\\s+");
            assertEquals(leader.pid(), Integer.parseInt(ids[0]));
            assertEquals(leader.pid(), Procs.pgidSid(leader.pid())[0]);
        } finally {
            Procs.reap(leader);
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
            Procs.reap(c);
        }
    }

    static String field(String status, String name) {
        for (String line : status.split("\n")) {
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
