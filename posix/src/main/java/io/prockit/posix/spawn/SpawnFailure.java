package io.prockit.posix.spawn;

import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/**
 * Finds which step of a failed {@code posix_spawn} failed. {@code posix_spawn} returns one error number for
 * everything the child did before {@code exec}: changing directory, each file action, the exec itself. An
 * ENOENT may mean a missing program, a missing working directory or a missing redirect file. Guessing blames
 * the program (code that branches on NOT_FOUND then says the program is missing when it exists), so after a
 * failure the parent probes each step the child ran, in the child's order, without side effects: the first
 * step whose probe gives the same error is the one named ({@code chdir("/no/such/dir")},
 * {@code open("/no/such/file")}, {@code dup2(999)}); when none does, the program is named, as before.
 *
 * <p>The probes cost nothing on a spawn that succeeds. They look at the file system as it is after the
 * failure: a directory created meanwhile hides the cause and the program is named instead, never a step
 * that did not fail with that error.
 */
final class SpawnFailure {
    private SpawnFailure() {
    }

    /**
     * @param plan         the plan that failed
     * @param err          what {@code posix_spawn} returned
     * @param c            the constants
     * @param parentHasFd  whether the parent has a descriptor open
     * @param errors       builds the exception
     * @return the exception naming the failed step
     */
    static RuntimeException of(SpawnPlan plan, int err, PosixConstants c, IntPredicate parentHasFd, Errors errors) {
        Blame b = blame(plan, err, c, parentHasFd);
        return errors.of(b.operation(), b.subject(), err);
    }

    /**
     * @param operation the failed operation
     * @param subject   what it was applied to
     */
    record Blame(String operation, String subject) {
    }

    /**
     * The step to name (pure but for the file system and descriptor probes).
     *
     * @param plan        the plan that failed
     * @param err         its error number
     * @param c           the constants
     * @param parentHasFd whether the parent has a descriptor open
     * @return the operation and subject to report
     */
    static Blame blame(SpawnPlan plan, int err, PosixConstants c, IntPredicate parentHasFd) {
        for (SpawnPlan.Action a : plan.fileActions()) {
            if (a instanceof SpawnPlan.Chdir d && chdirProbe(Path.of(d.dir()), c) == err) {
                return new Blame("chdir", d.dir());
            }
            if (a instanceof SpawnPlan.Open o && openProbe(Path.of(o.path()), o.flags(), c) == err) {
                return new Blame("open", o.path());
            }
            if (a instanceof SpawnPlan.Dup2 d && d.parentSource() && err == c.EBADF && !parentHasFd.test(d.from())) {
                return new Blame("dup2", Integer.toString(d.from()));
            }
            if (a instanceof SpawnPlan.Inherit i && err == c.EBADF && !parentHasFd.test(i.fd())) {
                return new Blame("dup2", Integer.toString(i.fd()));
            }
        }
        return new Blame(plan.operation(), plan.program());
    }

    /** @return the error {@code chdir(dir)} would give, or 0 */
    static int chdirProbe(Path dir, PosixConstants c) {
        if (Files.isDirectory(dir)) {
            return Files.isExecutable(dir) ? 0 : c.EACCES;
        }
        return Files.exists(dir) ? c.ENOTDIR : missing(dir, c);
    }

    /** @return the error {@code open(path, flags)} would give, or 0 (read-only look-ups: nothing is created) */
    static int openProbe(Path path, int flags, PosixConstants c) {
        int access = flags & 3; // O_ACCMODE: O_RDONLY 0, O_WRONLY 1, O_RDWR 2 on Linux and macOS
        boolean create = (flags & c.O_CREAT) != 0;
        if (Files.exists(path)) {
            int excl = c.optional("O_EXCL").orElse(0);
            if (create && excl != 0 && (flags & excl) != 0) {
                return c.optional("EEXIST").orElse(17);
            }
            if (Files.isDirectory(path) && access != c.O_RDONLY) {
                return c.EISDIR;
            }
            boolean readOk = access == c.O_WRONLY || Files.isReadable(path);
            boolean writeOk = access == c.O_RDONLY || Files.isWritable(path);
            return readOk && writeOk ? 0 : c.EACCES;
        }
        if (!create) {
            return missing(path, c);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return parent == null ? c.ENOENT : Files.exists(parent) ? c.ENOTDIR : missing(parent, c);
        }
        return Files.isWritable(parent) && Files.isExecutable(parent) ? 0 : c.EACCES;
    }

    /** For a path that does not exist: ENOTDIR when an existing ancestor is not a directory, else ENOENT. */
    private static int missing(Path p, PosixConstants c) {
        for (Path up = p.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                return Files.isDirectory(up) ? c.ENOENT : c.ENOTDIR;
            }
        }
        return c.ENOENT;
    }
}
