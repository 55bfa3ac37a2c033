package io.prockit.posix.hardening;

import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.ProcessInfo;
import io.prockit.ProcessQuery;
import io.prockit.ProcessState;
import io.prockit.ProcessTable;
import io.prockit.testing.Children;

import java.util.List;

/**
 * Processes a test started, recognised by a random token in their command line ({@code sleep 300
 * 0.0<digits>}: coreutils and BSD sleep add their arguments, so the token costs a fraction of a second). Lets a
 * test count what survived through the process table and kill exactly those, whoever their parent is now
 * (Linux and macOS).
 */
final class Marked {
    private Marked() {
    }

    /** @return a fresh token, e.g. {@code 0.0123456789} */
    static String token() {
        return Children.token();
    }

    /** @return a shell command sleeping long, marked with {@code token} */
    static String sleep(String token) {
        return "sleep 300 " + token;
    }

    /** @return pids of live (not zombie) processes whose command line holds {@code token} */
    static List<Integer> alive(String token) {
        return ProcessQuery.all().cmdlineContains(token)
                .where(p -> p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD).list().stream()
                .map(ProcessInfo::pid).toList();
    }

    /**
     * Kills every live process carrying {@code token} (its command line checked again right before each
     * signal), shells first so that they start no more, and again until none is left.
     */
    static int killAll(String token) {
        int n = 0;
        for (int round = 0; round < 50; round++) {
            List<Integer> live = alive(token);
            if (live.isEmpty()) {
                break;
            }
            for (boolean shells : new boolean[] {true, false}) {
                for (int pid : live) {
                    String cmd = cmdline(pid);
                    if (cmd != null && cmd.contains(token) && cmd.startsWith("/bin/sh") == shells) {
                        try {
                            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                            n++;
                        } catch (RuntimeException ignored) {
                            // gone meanwhile
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Waits (bounded) until no live process carries {@code token}; returns the survivors then. */
    static List<Integer> awaitNone(String token, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        List<Integer> left = alive(token);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            left = alive(token);
        }
        return left;
    }

    /** @return the command line joined with spaces, "" where it cannot be read (a zombie), null when gone */
    static String cmdline(int pid) {
        try {
            return ProcessTable.find(pid).map(p -> String.join(" ", p.cmdline()).trim()).orElse(null);
        } catch (OsException e) {
            if (e.kind() == ErrorKind.ZOMBIE) {
                return "";
            }
            if (e.kind() == ErrorKind.NO_SUCH_PROCESS) {
                return null; // gone while we read
            }
            throw e;
        }
    }

    /** @return whether {@code pid} is a live (not zombie) process */
    static boolean live(int pid) {
        try {
            return ProcessTable.find(pid).map(p -> p.state() != ProcessState.ZOMBIE && p.state() != ProcessState.DEAD)
                    .orElse(false);
        } catch (OsException e) {
            if (e.kind() == ErrorKind.ZOMBIE || e.kind() == ErrorKind.NO_SUCH_PROCESS) {
                return false;
            }
            throw e;
        }
    }
}
