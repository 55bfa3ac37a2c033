package io.prockit.posix.hardening;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Signal;
import io.prockit.Stdio;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link PidReuseTest}, run as pid 1 of a fresh pid namespace. It lets prockit reap a
 * child, makes the kernel give that pid to a new JDK child (through the namespace's {@code ns_last_pid},
 * or by shrinking its pid range, per namespace since Linux 6.14, and cycling), and checks that prockit
 * refuses to signal that pid through the old child. Prints {@code reused pid N after K spawns} and exits 0;
 * exits 77 when the kernel does not let it force reuse; any other failure is an exception (exit 1).
 */
public final class PidReuseMain {
    static final int SKIP = 77;
    private static final int PID_MAX = 1000;

    private PidReuseMain() {
    }

    /**
     * @param args none
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (ProcessHandle.current().pid() != 1) {
            System.out.println("SKIP: not pid 1 of a new pid namespace");
            System.exit(SKIP);
        }
        // Two ways to make the kernel hand out a chosen pid again, tried in this order:
        // - ns_last_pid: the namespace's "last pid given"; writable by whoever holds CAP_SYS_ADMIN over the pid
        //   namespace, which includes an unprivileged user who made the namespace inside a user namespace of
        //   its own (unshare --user --map-root-user). The next process gets ns_last_pid + 1 at once.
        // - pid_max (Linux 6.14+, per namespace, root): shrink the range and cycle through it.
        Path lastPid = Path.of("/proc/sys/kernel/ns_last_pid"); // os-scan: run only by the Linux-only PidReuseTest
        boolean direct = Files.isWritable(lastPid) && tryWrite(lastPid, "400");
        if (!direct) {
            if (!tryWrite(Path.of("/proc/sys/kernel/pid_max"), Integer.toString(PID_MAX))) { // os-scan: run only by the Linux-only PidReuseTest
                System.out.println("SKIP: neither ns_last_pid nor this namespace's pid_max can be set here");
                System.exit(SKIP);
            }
            // Pids below 300 are handed out once only: after wrapping, the kernel restarts at 300 (RESERVED_PIDS).
            // Move past them first, so that the pid tested comes round again.
            while (true) {
                Process burn = new ProcessBuilder("true").start();
                burn.waitFor();
                if (burn.pid() > 310) {
                    break;
                }
            }
        }
        Child old = Command.of("/bin/true").stdin(Stdio.discard()).spawn(); // os-scan: run only by the Linux-only PidReuseTest
        int pid = old.pid();
        // Let prockit's reaper reap it without collecting the status through the Child (that would let
        // the backend forget it): wait on the future that the reaper completes.
        old.onExit().get();
        if (!old.hasExited()) {
            throw new AssertionError("onExit completed but the child is not reaped");
        }

        Process reuser = null;
        int spawns = 0;
        while (reuser == null) {
            if (++spawns > 20 * PID_MAX) {
                throw new AssertionError("pid " + pid + " never came back after " + spawns + " spawns");
            }
            if (direct) {
                // Another thread of this JVM may take the pid first (threads use pids too): then try again.
                Files.writeString(lastPid, Integer.toString(pid - 1));
            }
            Process p = new ProcessBuilder("sleep", "600").redirectInput(new java.io.File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.pid() == pid) {
                reuser = p;
            } else {
                p.destroyForcibly();
                p.waitFor();
            }
        }
        try {
            // The old child object never reaches the new process.
            check(!old.signal(Signal.SIGKILL), "signal() on the reaped child returned true");
            check(!old.kill(), "kill() on the reaped child returned true");
            check(!old.terminate(), "terminate() on the reaped child returned true");
            try {
                Os.kill(pid, Signal.SIGKILL.number());
                throw new AssertionError("Os.kill(" + pid + ") of a reaped, uncollected child did not throw");
            } catch (OsException e) {
                check(e.kind() == ErrorKind.NO_SUCH_PROCESS, "Os.kill: " + e);
            }
            check(reuser.isAlive(), "the process now holding pid " + pid + " was signalled");
            check(old.waitFor().equals(ExitStatus.exited(0)), "old status " + old.waitFor());
            System.out.println("reused pid " + pid + " after " + spawns + " spawns");
        } finally {
            reuser.destroyForcibly();
            reuser.waitFor();
        }
    }

    private static boolean tryWrite(Path file, String value) {
        try {
            Files.writeString(file, value);
            return true;
        } catch (java.io.IOException e) {
            System.out.println("cannot write " + file + ": " + e);
            return false;
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
