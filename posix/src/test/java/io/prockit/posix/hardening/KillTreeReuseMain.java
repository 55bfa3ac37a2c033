package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Stdio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link KillTreeTest}'s pid-reuse cases, run as pid 1 of a fresh pid namespace with a
 * small pid range (pid_max is per namespace since Linux 6.14). Each round lets prockit reap a child, starts
 * JDK shells until one gets that pid, has that shell start a child of its own, then calls {@code killTree()}
 * on the reaped prockit child: neither the shell nor its child may be signalled. Prints
 * {@code spared N of M}; exits 77 when the kernel does not let it force reuse.
 */
public final class KillTreeReuseMain {
    static final int SKIP = 77;
    private static final int PID_MAX = 1000;

    private KillTreeReuseMain() {
    }

    /**
     * @param args the number of rounds
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        if (ProcessHandle.current().pid() != 1) {
            System.out.println("SKIP: not pid 1 of a new pid namespace");
            System.exit(SKIP);
        }
        try {
            Files.writeString(Path.of("/proc/sys/kernel/pid_max"), Integer.toString(PID_MAX)); // os-scan: run only by the Linux-only KillTreeTest
        } catch (java.io.IOException e) {
            System.out.println("SKIP: cannot set this namespace's pid_max (Linux < 6.14?): " + e);
            System.exit(SKIP);
        }
        while (true) { // past the pids below 300 that are never handed out again after a wrap
            Process burn = new ProcessBuilder("true").start();
            burn.waitFor();
            if (burn.pid() > 310) {
                break;
            }
        }
        int spared = 0;
        for (int round = 0; round < rounds; round++) {
            if (round(round)) {
                spared++;
            }
        }
        System.out.println("spared " + spared + " of " + rounds);
    }

    private static boolean round(int round) throws Exception {
        Child old = Command.of("/bin/true").stdin(Stdio.discard()).spawn(); // os-scan: run only by the Linux-only KillTreeTest
        int pid = old.pid();
        old.onExit().get(); // reaped by prockit, status not collected: the backend still knows the child
        Process reuser = null;
        for (int spawns = 0; reuser == null; spawns++) {
            if (spawns > 20 * PID_MAX) {
                throw new AssertionError("pid " + pid + " never came back");
            }
            // The shell starts its own child only when told, so the misses leave no orphan behind.
            Process p = new ProcessBuilder("/bin/sh", "-c", "read x; sleep 600 & echo started; wait")
                    .redirectErrorStream(true).start();
            if (p.pid() == pid) {
                reuser = p;
            } else {
                p.destroyForcibly();
                p.waitFor();
            }
        }
        try {
            OutputStream in = reuser.getOutputStream();
            in.write('\n');
            in.flush();
            String line = new BufferedReader(new InputStreamReader(reuser.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (!"started".equals(line)) {
                throw new AssertionError("reuser said " + line);
            }
            ProcessHandle grandchild = reuser.toHandle().children().findFirst()
                    .orElseThrow(() -> new AssertionError("the reuser has no child"));
            boolean r = old.killTree();
            // Anything signalled would be dead or stopped by now? SIGKILL is delivered before kill() returns for
            // a process that is not in an uninterruptible sleep; give it a moment anyway.
            Thread.sleep(100);
            boolean ok = !r && reuser.isAlive() && grandchild.isAlive() && !stopped(grandchild.pid())
                    && !stopped(reuser.pid());
            System.out.println("round " + round + ": pid " + pid + (ok ? " spared" : " SIGNALLED") + " (killTree "
                    + r + ", reuser alive " + reuser.isAlive() + ", its child alive " + grandchild.isAlive() + ")");
            grandchild.destroyForcibly();
            return ok;
        } finally {
            reuser.destroyForcibly();
            reuser.waitFor();
            old.waitFor();
            old.close();
        }
    }

    private static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat")); // os-scan: run only by the Linux-only KillTreeTest
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
