package io.prockit.posix;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Children whose {@link Child} was dropped without a wait or a close: once they have ended prockit
 * forgets them and the garbage collector closes their pipes, while children handed out by pid
 * ({@code Os.spawn} with {@code P_NOWAIT}) stay for {@code Os.waitpid}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class AbandonedChildTest {
    private static final int CHILDREN = 200;

    private static boolean gone(int pid) {
        return !io.prockit.ProcessTable.exists(pid); // a zombie still exists
    }

    /** Collects garbage until {@code done} holds, for at most 20 s. */
    private static boolean gcUntil(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            System.gc();
            Thread.sleep(50);
        }
        return done.getAsBoolean();
    }

    @Test
    void droppedChildrenAreForgottenOnceEndedAndTheirPipesClosed() throws Exception {
        Command.of(Procs.program("true")).stdout(Stdio.pipe()).output(); // the reaper's and loop's own descriptors
        Map<Integer, String> before = Procs.prockitKindFds();
        List<Integer> pids = new ArrayList<>();
        List<Child> held = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            held.add(Command.of(Procs.program("true")).stdin(Stdio.pipe()).stdout(Stdio.pipe()).stderr(Stdio.pipe()).spawn());
            pids.add(held.get(i).pid());
        }
        Map<Integer, String> created = Procs.newKindFds(before);
        long pipes = created.values().stream().filter(t -> t.startsWith("pipe:") || t.startsWith("darwin:fifo")).count();
        assertTrue(pipes >= CHILDREN * 3L, "every child's three pipes are open while referenced: " + pipes);
        held.clear(); // dropped now: never waited on, never closed
        assertTrue(gcUntil(() -> pids.stream().allMatch(AbandonedChildTest::gone)), "all reaped");
        // Exact: every descriptor of a kind prockit creates (pipe, pidfd...) that is open now was open before.
        assertTrue(gcUntil(() -> Procs.newKindFds(before).isEmpty()),
                "the pipes (and pidfds) of dropped children are closed; still open: " + Procs.newKindFds(before));
        for (int pid : pids) {
            OsException e = assertThrows(OsException.class, () -> Os.waitpid(pid, Os.WNOHANG),
                    "pid " + pid + " forgotten");
            assertEquals(ErrorKind.NO_CHILD, e.kind());
        }
    }

    @Test
    void aChildStillReferencedStaysWaitable() throws Exception {
        Child kept = Command.of("/bin/sh", "-c", "exit 5").spawn();
        assertTrue(gcUntil(() -> gone(kept.pid())), "reaped");
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        io.prockit.WaitResult r = Os.waitpid(kept.pid(), Os.WNOHANG);
        assertEquals(kept.pid(), r.pid());
        assertEquals(5, Os.waitstatusToExitcode(r.status()));
        assertEquals(5, kept.waitFor().code().getAsInt());
    }

    @Test
    void aPidFromSpawnNowaitSurvivesGarbageCollection() throws Exception {
        int pid = Os.spawnv(Os.P_NOWAIT, "/bin/sh", List.of("sh", "-c", "exit 7"));
        assertTrue(gcUntil(() -> gone(pid)), "reaped");
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(7, Os.waitstatusToExitcode(Os.waitpid(pid, 0).status()));
    }

    @Test
    void theStreamOfADroppedChildStaysReadable() throws Exception {
        InputStream out = Command.of("/bin/sh", "-c", "sleep 0.3; echo still here").stdout(Stdio.pipe()).spawn()
                .stdout();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        try (out) {
            assertEquals("still here\n", new String(out.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
