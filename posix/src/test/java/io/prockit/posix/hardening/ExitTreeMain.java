package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Popen;
import io.prockit.PosixOptions;
import io.prockit.Stdio;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child JVM of {@link ExitTreeTest}. Every process it starts carries {@code args[1]} (to die with the
 * JVM) or {@code args[2]} (detached: to survive it) in its command line. It starts
 * <ul>
 *   <li>a shell (not in its own group) with a child of its own,</li>
 *   <li>{@code Os.popen} of a shell that runs a background sleep and waits for it,</li>
 *   <li>{@code Os.popen} of a shell that puts a sleep in the background and exits at once (closed),</li>
 *   <li>the leader of its own group that starts a child and exits (reaped before the JVM ends),</li>
 *   <li>a detached shell with a child,</li>
 *   <li>where the JVM may create cgroups, a shell in its own cgroup that starts a {@code setsid} daemon,</li>
 * </ul>
 * prints {@code ready}, then ends as {@code args[0]} says: {@code return} from main, {@code exit} through
 * System.exit(0), {@code wait} for the test's SIGTERM, or {@code race}: System.exit(0) while another thread
 * keeps spawning marked children (and a second shutdown hook keeps the JVM alive for half a second meanwhile).
 */
public final class ExitTreeMain {
    private ExitTreeMain() {
    }

    /**
     * @param args ending, token, detached token
     * @throws Exception on failure (the test sees a non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        String ending = args[0];
        String t = args[1];
        String d = args[2];
        Command.of("/bin/sh", "-c", Marked.sleep(t) + " & wait").stdin(Stdio.discard()).stdout(Stdio.discard())
                .stderr(Stdio.discard()).spawn();
        // The shell's stderr is inherited: its children keep the JVM's stderr (a file of the test) open, not a pipe.
        Popen popen = Os.popen(Marked.sleep(t) + " >/dev/null & wait", "r");
        Child leader = Command.of("/bin/sh", "-c", Marked.sleep(t) + " & exit 0").stdin(Stdio.discard())
                .stdout(Stdio.discard()).stderr(Stdio.discard()).newProcessGroup().spawn();
        leader.waitFor();
        Command.of("/bin/sh", "-c", Marked.sleep(d) + " & wait").stdin(Stdio.discard()).stdout(Stdio.discard())
                .stderr(Stdio.discard()).detach().spawn();
        // Issue 14 item 5: popen's shell puts a job in the background and exits at once; its orphan must still
        // end with the JVM (the shell led its own group, which the exit hook kills after the leader is gone).
        Popen orphaning = Os.popen(Marked.sleep(t) + " >/dev/null 2>&1 &", "r");
        orphaning.read();
        orphaning.close();
        int expected = 6; // 2 shells, their 2 sleeps, 1 orphan of the group leader, 1 orphan of popen's shell
        try {
            // In a cgroup of its own: a setsid daemon that left the tree, plus the sleep the shell became.
            Child daemonizer = Command.of("/bin/sh", "-c", "read go; (setsid " + Marked.sleep(t) + " &); exec "
                            + Marked.sleep(t)).stdin(Stdio.pipe()).stdout(Stdio.discard()).stderr(Stdio.discard())
                    .posixOptions(PosixOptions.defaults().withOwnCgroup(true)).spawn();
            daemonizer.stdin().write('\n');
            daemonizer.stdin().flush();
            expected += 2;
            System.out.println("cgroup");
        } catch (OsException e) {
            System.out.println("no cgroup: " + e.getMessage());
        }
        while (Marked.alive(t).size() < expected || Marked.alive(d).size() < 2) {
            Thread.sleep(5);
        }
        System.out.println("ready popen " + popen.pid());
        System.out.flush();
        switch (ending) {
            case "return" -> {
                // main returns; prockit's daemon threads do not keep the JVM alive
            }
            case "exit" -> System.exit(0);
            case "wait" -> Thread.sleep(Long.MAX_VALUE);
            case "race" -> race(t);
            default -> throw new IllegalArgumentException("unknown ending: " + ending);
        }
    }

    private static void race(String t) throws Exception {
        AtomicInteger spawned = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Thread spawner = new Thread(() -> {
            while (true) {
                try {
                    Command.of("sleep", "300", t).stdin(Stdio.discard()).stdout(Stdio.discard())
                            .stderr(Stdio.discard()).spawn();
                    spawned.incrementAndGet();
                } catch (IllegalStateException e) {
                    if (refused.getAndIncrement() == 0) {
                        System.out.println("refused: " + e.getMessage());
                        System.out.flush();
                    }
                    Thread.onSpinWait();
                }
            }
        }, "spawner");
        spawner.setDaemon(true);
        spawner.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        while (spawned.get() < 20) {
            Thread.sleep(1);
        }
        System.exit(0);
    }
}
