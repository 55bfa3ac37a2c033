package io.prockit.posix;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Stdio;
import io.prockit.WaitResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The registration gate (spawns hold it from before {@code posix_spawn} until the child is registered; a reap of
 * a pid prockit does not know waits for it) must not make unrelated calls wait for a spawn that blocks. A spawn
 * whose stdout is a FIFO blocks inside {@code posix_spawn} (the child opens the FIFO in a file action, and the
 * parent is suspended until the child execs) until something opens the FIFO's read end.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RegistrationGateTest {
    private static final long BOUND_S = 10;

    private static <T> CompletableFuture<Object> async(String name, java.util.concurrent.Callable<T> call) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable e) {
                f.complete(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Starts a spawn whose child opens {@code fifo} for writing, and returns once it blocks in posix_spawn. */
    private static CompletableFuture<Object> stuckSpawn(Path fifo) throws Exception {
        assertEquals(ExitStatus.exited(0), Command.of("mkfifo", fifo.toString()).status());
        Set<Long> before = Procs.childPids();
        CompletableFuture<Object> writer = async("fifo-writer",
                () -> Command.of("sh", "-c", "echo through").stdout(Stdio.to(fifo)).spawn());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
        while (Procs.childPids().stream().noneMatch(p -> !before.contains(p))) {
            assertTrue(System.nanoTime() < deadline, "the writer's child never appeared");
            Thread.sleep(1);
        }
        assertTrue(!writer.isDone(), "the writer's spawn blocks until the FIFO has a reader: " + writer);
        return writer;
    }

    /** Opens the FIFO's read end, so the stuck spawn completes, and collects its child. */
    private static void release(Path fifo, CompletableFuture<Object> writer) throws Exception {
        try (InputStream in = new FileInputStream(fifo.toFile())) {
            byte[] buf = new byte[256];
            while (in.read(buf) >= 0) {
                // drain (FileInputStream.readAllBytes seeks, which a FIFO refuses on JDK 17)
            }
        }
        Object w = writer.get(BOUND_S, TimeUnit.SECONDS);
        if (w instanceof Child c) {
            c.waitFor();
        }
    }

    private static Object within(CompletableFuture<Object> f) throws Exception {
        try {
            return f.get(BOUND_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    /**
     * A wait for any child that finds a foreign zombie waits for the spawns in flight (one of them may own the
     * pid). It must not stop later spawns meanwhile: here the later spawn could be the FIFO's reader, and the
     * three would wait for each other for ever. And a WNOHANG wait does not wait for the stuck spawn at all.
     */
    @Test
    void aForeignReapWaitingForAStuckSpawnStopsNoOtherSpawn() throws Exception {
        Procs.drainUncollected();
        Path dir = Files.createTempDirectory("prockit-gate");
        Path fifo = dir.resolve("fifo");
        CompletableFuture<Object> writer = stuckSpawn(fifo);
        int foreign = -1;
        CompletableFuture<Object> any = null;
        try {
            foreign = WaitEngineDeferTest.foreignChild(5);
            int foreignPid = foreign;
            // The foreign child is a zombie before the waits look (its exit does not depend on them).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
            while (!"Z".equals(Procs.stateIfOurs(foreignPid))) {
                assertTrue(System.nanoTime() < deadline, "the foreign child never ended");
                Thread.sleep(1);
            }
            Object nohang = within(async("waitpid-any-nohang", () -> Os.waitpid(-1, Os.WNOHANG)));
            assertTrue(nohang instanceof WaitResult, "Os.waitpid(-1, WNOHANG) answers at once while a spawn is"
                    + " stuck: " + nohang);
            if (((WaitResult) nohang).pid() == foreignPid) {
                foreign = WaitEngineDeferTest.foreignChild(5); // the blocking wait below needs one to find
            }
            any = async("wait-any", Os::waitAny);
            Object o = within(async("other-spawn", () -> Command.of("true").status()));
            assertEquals(ExitStatus.exited(0), o, "a spawn of true while another spawn is stuck and a wait for any"
                    + " child waits for it");
        } finally {
            release(fifo, writer);
            if (any != null) {
                Object r = any.get(BOUND_S, TimeUnit.SECONDS);
                if (r instanceof WaitResult w && w.pid() == foreign) {
                    foreign = -1;
                }
            }
            if (foreign > 0) {
                try {
                    Os.waitpid(foreign, 0);
                } catch (OsException ignored) {
                    // collected meanwhile
                }
            }
            Procs.drainUncollected();
            Files.delete(fifo);
            Files.delete(dir);
        }
    }

    @Test
    void aSpawnBlockedOnAFifoDelaysNeitherWnohangWaitsNorOtherSpawns() throws Exception {
        Path dir = Files.createTempDirectory("prockit-gate");
        Path fifo = dir.resolve("fifo");
        assertEquals(ExitStatus.exited(0), Command.of("mkfifo", fifo.toString()).status());
        Set<Long> before = Procs.childPids();
        CompletableFuture<Object> writer = async("fifo-writer",
                () -> Command.of("sh", "-c", "echo through").stdout(Stdio.to(fifo)).spawn());
        CompletableFuture<Object> probe = null;
        CompletableFuture<Object> other = null;
        try {
            // The writer's child exists (forked, blocked opening the FIFO) while its posix_spawn has not returned.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
            while (Procs.childPids().stream().noneMatch(p -> !before.contains(p))) {
                assertTrue(System.nanoTime() < deadline, "the writer's child never appeared");
                Thread.sleep(1);
            }
            assertTrue(!writer.isDone(), "the writer's spawn blocks until the FIFO has a reader: " + writer);

            // Pid 1 is never this JVM's child: WNOHANG must answer ECHILD at once.
            probe = async("waitpid-not-a-child", () -> Os.waitpid(1, Os.WNOHANG));
            Object r;
            try {
                r = probe.get(BOUND_S, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                r = null;
            }
            other = async("other-spawn", () -> Command.of("true").status());
            Object o;
            try {
                o = other.get(BOUND_S, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                o = null;
            }
            if (r == null) {
                fail("Os.waitpid(1, WNOHANG) did not answer within " + BOUND_S + " s while another thread's spawn"
                        + " blocked (other spawn meanwhile: " + (o == null ? "blocked too" : o) + ")");
            }
            assertTrue(r instanceof OsException e && e.kind() == ErrorKind.NO_CHILD, String.valueOf(r));
            assertEquals(ExitStatus.exited(0), o, "a spawn of true while another spawn blocks");
        } finally {
            // Open the read end: the writer's child execs, its spawn returns, and everything queued behind it runs.
            try (InputStream in = new FileInputStream(fifo.toFile())) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // drain (FileInputStream.readAllBytes seeks, which a FIFO refuses on JDK 17)
                }
            }
            Object w = writer.get(BOUND_S, TimeUnit.SECONDS);
            if (w instanceof Child c) {
                assertEquals(ExitStatus.exited(0), c.waitFor());
            }
            if (probe != null) {
                probe.get(BOUND_S, TimeUnit.SECONDS);
            }
            if (other != null) {
                other.get(BOUND_S, TimeUnit.SECONDS);
            }
            Files.delete(fifo);
            Files.delete(dir);
        }
    }
}
