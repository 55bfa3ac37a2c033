package io.prockit.posix;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.prockit.Child;
import io.prockit.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Helpers for tests that look at real processes through /proc and libc. */
public final class Procs {
    /**
     * A shell script listing the shell's own open fds, one a line. The glob opens the directory and
     * closes it before the loop runs, so its fd fails the {@code -e} test: the list is exact.
     */
    static final String LIST_FDS = "for f in /proc/$$/fd/*; do [ -e \"$f\" ] && echo \"${f##*/}\"; done; true";

    private static final NativeLibrary C = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);

    private Procs() {
    }

    /** Kills (if still running) and reaps a child; for finally blocks. */
    static void reap(Child c) {
        if (c == null) {
            return;
        }
        c.kill();
        try {
            c.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        c.close();
    }

    /** @return pids of this JVM's live children, zombies included */
    /**
     * Collects every ended child nobody has waited for yet (another test's), so that tests of
     * "wait for any child" see only their own. Never blocks.
     */
    public static void drainUncollected() {
        while (true) {
            try {
                if (io.prockit.Os.waitpid(-1, io.prockit.Os.WNOHANG).pid() == 0) {
                    return;
                }
            } catch (io.prockit.OsException noChildren) {
                return;
            }
        }
    }

    static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** @return the names of this process's open fds */
    static Set<Integer> openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            Set<Integer> r = new TreeSet<>();
            s.forEach(p -> r.add(Integer.parseInt(p.getFileName().toString())));
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The descriptors of kinds prockit creates (pipes, pidfds, epoll sets, pty masters), with what each
     * points to. Leak checks compare these rather than every descriptor: the JVM itself opens some lazily
     * (a jar file when a class is first loaded from it), which a long loop can trigger at any moment.
     *
     * @return fd to link target
     */
    static java.util.Map<Integer, String> prockitKindFds() {
        java.util.Map<Integer, String> r = new java.util.TreeMap<>();
        for (int fd : openFds()) {
            try {
                String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
                if (target.startsWith("pipe:") || target.startsWith("anon_inode:") || target.equals("/dev/ptmx")
                        || target.startsWith("/dev/pts/")) {
                    r.put(fd, target);
                }
            } catch (IOException gone) {
                // closed while we looked (the listing's own directory descriptor)
            }
        }
        return r;
    }

    /**
     * The descriptors of {@link #prockitKindFds()} open now that were not open (as the same file) at
     * {@code before}. Ones gone since are fine: the shared cleaner closes the pipes of children earlier
     * tests dropped whenever the garbage collector finds them.
     *
     * @param before an earlier {@link #prockitKindFds()}
     * @return fd to link target of every descriptor that is new
     */
    static java.util.Map<Integer, String> newKindFds(java.util.Map<Integer, String> before) {
        java.util.Map<Integer, String> added = new java.util.TreeMap<>(prockitKindFds());
        added.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        return added;
    }

    /** @return the number of threads of this process (from /proc/self/status) */
    static int threadCount() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).trim());
                }
            }
            throw new IllegalStateException("no Threads: line");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the state letter of /proc/PID/stat if it exists and its parent is us, else null (gone or
     * reused by someone else's process)
     */
    static String stateIfOurs(int pid) {
        try {
            String s = Files.readAllLines(Path.of("/proc/" + pid + "/stat")).get(0);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[1]) == ProcessHandle.current().pid() ? f[0] : null;
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            if (vanished(e, pid)) {
                return null;
            }
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return whether a failed read of a /proc file of {@code pid} means the process went away meanwhile:
     * the kernel answers {@code ESRCH} ("No such process") to a read of a process being reaped, and
     * the directory may vanish or still be there at that moment
     */
    public static boolean vanished(IOException e, int pid) {
        return e instanceof NoSuchFileException || !Files.exists(Path.of("/proc/" + pid))
                || String.valueOf(e.getMessage()).contains("No such process");
    }

    /** @return {pgid, sid} of a process from /proc/PID/stat */
    static int[] pgidSid(long pid) {
        try {
            return TestChild.procStatIds("/proc/" + pid + "/stat");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Changes the calling thread's signal mask through pthread_sigmask.
     *
     * @param how     SIG_BLOCK / SIG_UNBLOCK
     * @param signals signal numbers
     */
    static void sigmask(int how, int... signals) {
        Memory set = new Memory(128);
        set.clear();
        for (int s : signals) {
            int bit = s - 1;
            set.setLong(8L * (bit / 64), set.getLong(8L * (bit / 64)) | (1L << (bit % 64)));
        }
        Function f = C.getFunction("pthread_sigmask");
        int r = f.invokeInt(new Object[] {how, set, Pointer.NULL});
        if (r != 0) {
            throw new IllegalStateException("pthread_sigmask: " + r);
        }
    }

    /** Runs a command and returns its stdout as text, asserting it exited 0. */
    static String run(Command c) throws InterruptedException {
        var out = c.output();
        if (!out.status().success()) {
            throw new AssertionError(c + " ended with " + out.status() + "; stderr: " + out.stderrText());
        }
        return out.stdoutText();
    }
}
