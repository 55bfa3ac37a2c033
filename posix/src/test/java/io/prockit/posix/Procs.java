package io.prockit.posix;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.testing.Children;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Helpers for tests that look at real processes, on Linux and macOS alike: descriptors through
 * {@code /dev/fd} (on Linux a link to {@code /proc/self/fd}; on macOS the fdesc file system, which lists
 * the descriptors of the process that reads it), ids through the system calls, states and command lines
 * through {@link io.prockit.ProcessTable}. What only Linux has ({@code /proc}) is marked {@code os-scan:}.
 */
public final class Procs {
    /**
     * A shell script listing the shell's own open fds, one a line. The glob opens the directory and
     * closes it before the loop runs, so its fd fails the {@code -e} test: the list is exact.
     */
    static final String LIST_FDS = "for f in /dev/fd/*; do [ -e \"$f\" ] && echo \"${f##*/}\"; done; true";

    /** Whether this is Linux (else macOS: the tests that use these helpers run on those two). */
    public static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private static final java.util.Map<String, String> PROGRAMS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The absolute path of a program found through {@code PATH} (then {@code /usr/bin}, {@code /bin}), for
     * tests that need an absolute path: {@code true} is {@code /bin/true} on Linux and {@code /usr/bin/true}
     * on macOS.
     *
     * @param name a program name, e.g. {@code "true"}
     * @return its absolute path
     */
    public static String program(String name) {
        return PROGRAMS.computeIfAbsent(name, n -> {
            List<String> dirs = new java.util.ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
            dirs.add("/usr/bin");
            dirs.add("/bin");
            for (String d : dirs) {
                if (!d.isEmpty() && d.startsWith("/") && Files.isExecutable(Path.of(d, n))
                        && !Files.isDirectory(Path.of(d, n))) {
                    return Path.of(d, n).toString();
                }
            }
            throw new IllegalStateException(n + " is not on PATH, in /usr/bin or /bin");
        });
    }

    private static final NativeLibrary C = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);

    private Procs() {
    }

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
        try (Stream<Path> s = Files.list(Path.of("/dev/fd"))) {
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
    public static java.util.Map<Integer, String> prockitKindFds() {
        java.util.Map<Integer, String> r = new java.util.TreeMap<>();
        for (int fd : openFds()) {
            try {
                String target = LINUX ? Files.readSymbolicLink(Path.of("/dev/fd/" + fd)).toString() : darwinKind(fd);
                if (target.startsWith("pipe:") || target.startsWith("anon_inode:") || target.equals("/dev/ptmx")
                        || target.startsWith("/dev/pts/") || target.startsWith("darwin:")) {
                    r.put(fd, target);
                }
            } catch (IOException | UnsupportedOperationException gone) {
                // closed while we looked (the listing's own directory descriptor)
            }
        }
        return r;
    }

    /**
     * macOS: /dev/fd/N is no link there; what it stands for is read with stat(2) through it (fdesc hands
     * the call to the open file). Pipes and kqueues report {@code S_IFIFO}, sockets {@code S_IFSOCK}, pty
     * masters and slaves {@code S_IFCHR}: those kinds, with inode and device, identify a descriptor.
     *
     * @param fd a descriptor
     * @return {@code darwin:KIND:ino:rdev} for the kinds prockit creates, else {@code other}
     * @throws IOException if the descriptor was closed meanwhile
     */
    private static String darwinKind(int fd) throws IOException {
        java.util.Map<String, Object> a = Files.readAttributes(Path.of("/dev/fd/" + fd), "unix:mode,ino,rdev");
        int type = ((Integer) a.get("mode")) & 0170000;
        String kind = switch (type) {
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            case 0020000 -> "chr";
            default -> null;
        };
        return kind == null ? "other" : "darwin:" + kind + ":" + a.get("ino") + ":" + a.get("rdev");
    }

    /**
     * The descriptors of {@link #prockitKindFds()} open now that were not open (as the same file) at
     * {@code before}. Ones gone since are fine: the shared cleaner closes the pipes of children earlier
     * tests dropped whenever the garbage collector finds them.
     *
     * @param before an earlier {@link #prockitKindFds()}
     * @return fd to link target of every descriptor that is new
     */
    public static java.util.Map<Integer, String> newKindFds(java.util.Map<Integer, String> before) {
        java.util.Map<Integer, String> added = new java.util.TreeMap<>(prockitKindFds());
        added.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        return added;
    }

    /** @return the number of threads of this process (/proc/self/status on Linux, the process table elsewhere) */
    static int threadCount() {
        if (!LINUX) {
            return io.prockit.ProcessTable.self().threads();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) { // os-scan: Linux branch
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
        if (!LINUX) {
            // macOS: the process table (libproc); a zombie is "Z", any other state is reported as "R".
            return io.prockit.ProcessTable.find(pid).filter(i -> i.ppid() == ProcessHandle.current().pid())
                    .map(i -> i.state() == io.prockit.ProcessState.ZOMBIE ? "Z" : "R").orElse(null);
        }
        try {
            String s = Files.readAllLines(Path.of("/proc/" + pid + "/stat")).get(0); // os-scan: Linux branch
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
        return e instanceof NoSuchFileException || !Files.exists(Path.of("/proc/" + pid)) // os-scan: Linux /proc reads only
                || String.valueOf(e.getMessage()).contains("No such process");
    }

    /** @return {pgid, sid} of a live process, through getpgid(2) and getsid(2) */
    static int[] pgidSid(long pid) {
        return new int[] {io.prockit.Os.getpgid((int) pid), io.prockit.Os.getsid((int) pid)};
    }

    /**
     * Starts {@code sh -c 'echo $$; read x'} as {@code adjust} makes it (new session, process group...),
     * reads its pid, pgid and session while it waits, then lets it end.
     *
     * @param adjust sets up the command
     * @return {pid, pgid, sid} of the shell
     */
    static int[] shellIds(java.util.function.UnaryOperator<Command> adjust) throws IOException, InterruptedException {
        Child c = adjust.apply(Command.of("/bin/sh", "-c", "echo $$; read x; exit 0")).stdin(io.prockit.Stdio.pipe())
                .stdout(io.prockit.Stdio.pipe()).spawn();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(c.stdout(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            int pid = Integer.parseInt(first.trim());
            if (pid != c.pid()) {
                throw new AssertionError("the shell says it is " + pid + ", spawned " + c.pid());
            }
            int[] ids = pgidSid(pid);
            c.stdin().close();
            if (!c.waitFor().success()) {
                throw new AssertionError("the shell failed");
            }
            return new int[] {pid, ids[0], ids[1]};
        } finally {
            Children.reap(c);
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

    /**
     * Sets a signal's disposition for the whole process through signal(3): {@code SIG_IGN} (1) or back to what
     * it was. SIG_DFL is 0 and SIG_IGN 1 on Linux and macOS alike.
     *
     * @param signo the signal
     * @param old   null to ignore it, or the disposition {@link #ignore} returned, to restore it
     * @return the disposition before the call
     */
    static Pointer ignore(int signo, Pointer old) {
        Function f = C.getFunction("signal");
        Pointer before = f.invokePointer(new Object[] {signo, old != null ? old : new Pointer(1)});
        if (before != null && Pointer.nativeValue(before) == -1L) {
            throw new IllegalStateException("signal(" + signo + ") failed");
        }
        return before;
    }

    /**
     * The calling thread's signal mask through pthread_sigmask (its first 64 signals; macOS's sigset_t is 32
     * bits, Linux's 1024: both start with signal 1 in bit 0).
     *
     * @return the mask, bit {@code s - 1} for signal {@code s}
     */
    static long currentSigmask() {
        Memory old = new Memory(128);
        old.clear();
        Function f = C.getFunction("pthread_sigmask");
        int how = LINUX ? io.prockit.posix.linux.LinuxConstants.SIG_BLOCK : io.prockit.posix.darwin.DarwinConstants.SIG_BLOCK;
        int r = f.invokeInt(new Object[] {how, Pointer.NULL, old});
        if (r != 0) {
            throw new IllegalStateException("pthread_sigmask: " + r);
        }
        return LINUX ? old.getLong(0) : Integer.toUnsignedLong(old.getInt(0));
    }

    /**
     * Reads a pty master (or any descriptor) through {@link io.prockit.Os#read} until end of file or an error:
     * a master answers EIO once every holder of its slave is gone (Linux).
     *
     * @param fd the descriptor; stays open
     * @return what was read, UTF-8
     */
    public static String readMaster(int fd) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] chunk;
            try {
                chunk = io.prockit.Os.read(fd, 4096);
            } catch (io.prockit.OsException eio) {
                break;
            }
            if (chunk.length == 0) {
                break;
            }
            b.write(chunk, 0, chunk.length);
        }
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The blocked and the ignored signals of a process, as {@code ps -o sigmask=,sigignore=} reports them
     * (procps and BSD ps alike; bit {@code s - 1} for signal s). Exec keeps both, so for a spawned program this
     * is what the spawn gave it.
     *
     * @param pid a live process
     * @return {blocked, ignored}
     */
    public static long[] psSignalState(int pid) throws InterruptedException {
        String[] out = run(Command.of("ps", "-o", "sigmask=,sigignore=", "-p", Integer.toString(pid))).trim()
                .split("\\s+");
        if (out.length != 2) {
            throw new AssertionError("ps said: " + String.join(" ", out));
        }
        return new long[] {Long.parseUnsignedLong(out[0], 16), Long.parseUnsignedLong(out[1], 16)};
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
