package io.prockit.posix.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.prockit.ErrorKind;
import io.prockit.OsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cgroup v2 of its own for a child ({@code PosixOptions.withOwnCgroup(true)}, Linux 5.14+): created as a
 * new directory under the JVM's own cgroup before the spawn, the child moved in right after it (by writing
 * its pid to {@code cgroup.procs} while prockit has not reaped it, so the pid is still the child's), killed
 * as a whole through {@code cgroup.kill} (the kernel kills every process in it, including ones forked while
 * it does so), and removed once empty.
 *
 * <p>Why not from the first instruction: {@code posix_spawn} has no cgroup attribute before glibc 2.41
 * ({@code posix_spawnattr_setcgroup_np}, through {@code clone3(CLONE_INTO_CGROUP)}), and moving the JVM's
 * spawning thread alone is impossible for a domain cgroup. So a process the child forks between its
 * {@code exec} and the move (microseconds) is left outside. The cgroup is found from
 * {@code /proc/self/cgroup} (the {@code 0::} line) and the {@code cgroup2} mount in
 * {@code /proc/self/mountinfo} (a hybrid system mounts it at {@code /sys/fs/cgroup/unified}).
 */
public final class Cgroups {
    private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static volatile Path base;

    private Cgroups() {
    }

    /**
     * Creates a new, empty cgroup for one child.
     *
     * @return its directory
     * @throws OsException naming the directory when cgroup v2 is missing, read-only or without cgroup.kill
     */
    public static Path create() {
        Path dir = base().resolve("prockit-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet());
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw failure("mkdir", dir, e);
        }
        if (!Files.exists(dir.resolve("cgroup.kill"))) {
            remove(dir);
            throw new OsException("cgroup.kill", dir.toString(), 0, ErrorKind.UNSUPPORTED,
                    "this kernel's cgroup v2 has no cgroup.kill (Linux 5.14+ needed)");
        }
        return dir;
    }

    /** Moves {@code pid} (an unreaped child) into {@code dir}. */
    public static void move(Path dir, int pid) {
        write(dir.resolve("cgroup.procs"), Integer.toString(pid));
    }

    /** Kills every process in {@code dir} at once (the kernel also catches processes forking meanwhile). */
    static void kill(Path dir) {
        write(dir.resolve("cgroup.kill"), "1");
    }

    /** @return whether {@code dir} still holds a process (its {@code cgroup.events} says {@code populated 1}) */
    public static boolean populated(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve("cgroup.events"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("populated ")) {
                    return !line.endsWith(" 0");
                }
            }
            return false;
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * Removes {@code dir} if it is empty.
     *
     * @return true if it is gone now
     */
    public static boolean remove(Path dir) {
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException busy) {
            return false; // EBUSY: processes still in it
        }
    }

    /** Waits up to {@code millis} for {@code dir} to empty (after a kill), then removes it. */
    public static boolean removeWhenEmpty(Path dir, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (populated(dir) && System.nanoTime() < end) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return remove(dir);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw failure("write", file, e);
        }
    }

    private static Path base() {
        Path b = base;
        if (b == null) {
            b = find();
            base = b;
        }
        return b;
    }

    /** The JVM's own cgroup v2 directory. */
    private static Path find() {
        String rel = null;
        Path mountinfo = Path.of("/proc/self/mountinfo");
        Path self = Path.of("/proc/self/cgroup");
        try {
            for (String line : Files.readAllLines(self, StandardCharsets.UTF_8)) {
                if (line.startsWith("0::")) {
                    rel = line.substring(3);
                }
            }
            if (rel == null) {
                throw new OsException("cgroup", self.toString(), 0, ErrorKind.UNSUPPORTED,
                        "this process is in no cgroup v2 hierarchy");
            }
            for (String line : Files.readAllLines(mountinfo, StandardCharsets.UTF_8)) {
                List<String> f = List.of(line.split(" "));
                int dash = f.indexOf("-");
                if (dash > 0 && dash + 1 < f.size() && f.get(dash + 1).equals("cgroup2")) {
                    String root = f.get(3);
                    String rest = rel.startsWith(root) ? rel.substring(root.length()) : rel;
                    Path dir = Path.of(f.get(4), rest.startsWith("/") ? rest.substring(1) : rest);
                    LOG.debug("the JVM's cgroup v2: {}", dir);
                    return dir;
                }
            }
        } catch (IOException e) {
            throw failure("read", mountinfo, e);
        }
        throw new OsException("cgroup", mountinfo.toString(), 0, ErrorKind.UNSUPPORTED, "no cgroup2 file system is mounted");
    }

    private static OsException failure(String op, Path path, IOException e) {
        ErrorKind kind = e instanceof AccessDeniedException ? ErrorKind.PERMISSION_DENIED
                : e instanceof NoSuchFileException ? ErrorKind.NOT_FOUND : ErrorKind.OTHER;
        String why = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        return new OsException(op, path.toString(), 0, kind, why);
    }
}
