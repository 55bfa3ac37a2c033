package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Stdio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link ExitHookTest}: starts a default child, a detached child and a group leader
 * with a grandchild, prints their pids, then ends as {@code args[0]} says: {@code return} from main,
 * {@code exit} through System.exit(0), or {@code wait} for the test's SIGTERM.
 */
public final class ExitHookMain {
    private ExitHookMain() {
    }

    /**
     * @param args the way to end
     * @throws Exception on failure (the test sees a non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        Child attached = Command.of("sleep", ExitHookTest.ATTACHED_SECONDS)
                .stdin(Stdio.discard()).stdout(Stdio.discard()).spawn();
        Child detached = Command.of("sleep", ExitHookTest.DETACHED_SECONDS).detach().spawn();
        Child leader = Command.of("/bin/sh", "-c", "sleep " + ExitHookTest.GRANDCHILD_SECONDS + " & echo $!; wait")
                .stdin(Stdio.discard()).stdout(Stdio.pipe()).newProcessGroup().spawn();
        String grandchild = new BufferedReader(new InputStreamReader(leader.stdout(), StandardCharsets.US_ASCII))
                .readLine();
        System.out.println("attached=" + attached.pid());
        System.out.println("detached=" + detached.pid());
        System.out.println("leader=" + leader.pid());
        System.out.println("grandchild=" + grandchild);
        System.out.flush();
        switch (args[0]) {
            case "return" -> {
                // main returns; the reaper's daemon threads do not keep the JVM alive
            }
            case "exit" -> System.exit(0);
            case "wait" -> {
                System.out.println("waiting");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException("unknown ending: " + args[0]);
        }
    }
}
