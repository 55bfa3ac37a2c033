package io.prockit.posix;

import io.prockit.testing.Children;
import io.prockit.posix.process.ChildRegistry;
import io.prockit.posix.process.Probes;
import com.sun.jna.Memory;
import com.sun.jna.StringArray;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Stdio;
import io.prockit.WaitResult;
import io.prockit.posix.jna.LibC;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reaper leaves an exited child to a group wait blocked in the kernel ({@code WaitEngine.deferIfWaitedFor});
 * such a child must not stay unreaped once no remaining wait would take it.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class WaitEngineDeferTest {
    private static final long BOUND_S = 20;

    @BeforeEach
    void collectOtherTestsChildren() {
        Procs.drainUncollected();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_S);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    /** A child prockit does not know (plain posix_spawn), exiting at once with {@code code}. */
    static int foreignChild(int code) {
        String sh = null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(dir, "sh");
            if (f.canExecute()) {
                sh = f.getPath();
                break;
            }
        }
        assertTrue(sh != null, "sh on PATH");
        byte[] path = (sh + "\0").getBytes(StandardCharsets.UTF_8);
        try (Memory p = new Memory(path.length)) {
            p.write(0, path, 0, path.length);
            StringArray argv = new StringArray(new String[] {"sh", "-c", "exit " + code});
            StringArray envp = new StringArray(new String[] {"PATH=" + System.getenv("PATH")});
            int[] pid = new int[1];
            int err = LibC.posix_spawn(pid, p, null, null, argv, envp);
            assertEquals(0, err, "posix_spawn");
            return pid[0];
        }
    }

    /**
     * Two group waits block: one for a group whose only member keeps running, one for any child. A prockit child
     * exits while both are blocked, so the reaper leaves it to the wait for any child; that wait returns another
     * child (a foreign one it is busy reaping when the prockit child exits) and leaves. The prockit child is
     * matched by no remaining wait, so it must go back to the reaper: its {@code onExit()} completes although the
     * other group wait still blocks.
     */
    @Test
    void aChildLeftToAWaitThatReturnedAnotherGoesBackToTheReaper() throws Exception {
        Child leader = Command.of("sh", "-c", "read x").newProcessGroup().stdin(Stdio.pipe()).spawn();
        Child c = Command.of("sh", "-c", "read x; exit 7").stdin(Stdio.pipe()).spawn();
        CompletableFuture<Object> groupWait = new CompletableFuture<>();
        CompletableFuture<Object> anyWait = new CompletableFuture<>();
        Thread anyThread = null;
        int foreign = -1;
        ChildRegistry.Spawning gate = null;
        try {
            Thread g = new Thread(() -> complete(groupWait, () -> Os.waitpid(-leader.pid(), 0)), "wait-group");
            g.setDaemon(true);
            g.start();
            await("the group wait blocks", () -> Probes.kernelWaiters() == 1);

            // Hold the registration gate: the wait for any child then stops in the foreign reap, still counted
            // as a blocked wait, until the gate is released.
            gate = Probes.registry().spawning();
            foreign = foreignChild(3);
            int foreignPid = foreign;
            anyThread = new Thread(() -> complete(anyWait, Os::waitAny), "wait-any");
            anyThread.setDaemon(true);
            anyThread.start();
            Thread any = anyThread;
            await("the wait for any child queues on the gate", () -> any.getState() == Thread.State.WAITING);
            assertEquals(2, Probes.kernelWaiters());

            c.stdin().close();
            await("the reaper leaves the child to the blocked waits", () -> Probes.deferredCount() == 1);
            gate.close();
            gate = null;
            WaitResult r = (WaitResult) anyWait.get(BOUND_S, TimeUnit.SECONDS);
            assertEquals(foreignPid, r.pid(), "the wait for any child returned the foreign child");
            foreign = -1;
            assertEquals(3, Os.waitstatusToExitcode(r.status()));

            try {
                ExitStatus s = c.onExit().get(BOUND_S, TimeUnit.SECONDS);
                assertEquals(ExitStatus.exited(7), s);
            } catch (TimeoutException e) {
                fail("child " + c.pid() + " exited but was never reaped: it stays left to a wait that took another"
                        + " child, while a wait for an unrelated group still blocks");
            }
            assertTrue(!groupWait.isDone(), "the group wait still blocks: " + groupWait);
        } finally {
            if (gate != null) {
                gate.close();
            }
            leader.stdin().close();
            Object last = groupWait.get(BOUND_S, TimeUnit.SECONDS);
            assertTrue(last instanceof WaitResult w && w.pid() == leader.pid(), String.valueOf(last));
            if (anyThread != null) {
                anyThread.join(TimeUnit.SECONDS.toMillis(BOUND_S));
            }
            if (foreign > 0) {
                try {
                    Os.waitpid(foreign, 0);
                } catch (OsException ignored) {
                    // collected by the wait for any child
                }
            }
            Children.reap(c);
            Children.reap(leader);
        }
    }

    @Test
    void childrenEndingTogetherUnderAWaitForAnyAreAllReapedShort() throws Exception {
        endTogether(20);
    }

    @Test
    @org.junit.jupiter.api.Tag("stress")
    void childrenEndingTogetherUnderAWaitForAnyAreAllReaped() throws Exception {
        endTogether(1_000);
    }

    /**
     * Each round: a wait for any child blocks, two prockit children end at once; the wait returns one, and the
     * other (which the reaper may have left to that wait) must still be reaped while a wait for an unrelated
     * group keeps blocking.
     */
    private static void endTogether(int rounds) throws Exception {
        Child leader = Command.of("sh", "-c", "read x").newProcessGroup().stdin(Stdio.pipe()).spawn();
        CompletableFuture<Object> groupWait = new CompletableFuture<>();
        try {
            Thread g = new Thread(() -> complete(groupWait, () -> Os.waitpid(-leader.pid(), 0)), "wait-group");
            g.setDaemon(true);
            g.start();
            await("the group wait blocks", () -> Probes.kernelWaiters() == 1);
            for (int i = 0; i < rounds; i++) {
                Child a = Command.of("sh", "-c", "read x; exit 1").stdin(Stdio.pipe()).spawn();
                Child b = Command.of("sh", "-c", "read x; exit 2").stdin(Stdio.pipe()).spawn();
                try {
                    CompletableFuture<Object> any = new CompletableFuture<>();
                    Thread t = new Thread(() -> complete(any, Os::waitAny), "wait-any");
                    t.setDaemon(true);
                    t.start();
                    await("the wait for any child blocks", () -> Probes.kernelWaiters() == 2);
                    a.stdin().close();
                    b.stdin().close();
                    Object r = any.get(BOUND_S, TimeUnit.SECONDS);
                    assertTrue(r instanceof WaitResult w && (w.pid() == a.pid() || w.pid() == b.pid()),
                            "round " + i + ": " + r);
                    for (Child c : new Child[] {a, b}) {
                        try {
                            c.onExit().get(BOUND_S, TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
                            fail("round " + i + ": child " + c.pid() + " ended but was never reaped");
                        }
                    }
                } finally {
                    Children.reap(a);
                    Children.reap(b);
                }
            }
            assertTrue(!groupWait.isDone(), "the group wait still blocks: " + groupWait);
        } finally {
            leader.stdin().close();
            groupWait.get(BOUND_S, TimeUnit.SECONDS);
            Children.reap(leader);
        }
    }

    private interface Call {
        Object call();
    }

    private static void complete(CompletableFuture<Object> f, Call call) {
        try {
            f.complete(call.call());
        } catch (Throwable e) {
            f.complete(e);
        }
    }
}
