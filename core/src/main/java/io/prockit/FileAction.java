package io.prockit;

import io.prockit.internal.Checks;

import java.util.Objects;

/**
 * One entry of Python's {@code posix_spawn(..., file_actions=[...])}: the tuples
 * {@code (os.POSIX_SPAWN_OPEN, fd, path, flags, mode)}, {@code (os.POSIX_SPAWN_CLOSE, fd)},
 * {@code (os.POSIX_SPAWN_DUP2, fd, new_fd)} and {@code (os.POSIX_SPAWN_CLOSEFROM, fd)}, run in the
 * child in order before the program starts.
 *
 * <pre>{@code
 * int pid = Os.posixSpawn("/bin/sh", List.of("sh", "-c", "echo hi"), Os.environ(),
 *         PosixSpawnAttributes.defaults().withFileActions(List.of(
 *                 FileAction.open(1, "/tmp/out.txt", Os.O_WRONLY | Os.O_CREAT | Os.O_TRUNC, 0644))));
 * }</pre>
 *
 * <p>Platform notes: {@link Closefrom} needs {@code posix_spawn_file_actions_addclosefrom_np} (glibc
 * 2.34+); macOS lacks it and refuses it, as Python does not offer it there.
 *
 * <p>Availability: Unix (Linux, macOS), as {@code os.posix_spawn}. {@code CLOSEFROM} needs
 * {@code posix_spawn_file_actions_addclosefrom_np} (glibc 2.34+) and is refused with
 * {@link UnsupportedOperationException} where it is missing, macOS included.
 */
public sealed interface FileAction {

    /**
     * @param fd    the descriptor the file gets in the child
     * @param path  the file
     * @param flags {@code O_*} flags of the running platform
     * @param mode  the creation mode
     * @return {@code (POSIX_SPAWN_OPEN, fd, path, flags, mode)}
     */
    static FileAction open(int fd, String path, int flags, int mode) {
        return new Open(fd, path, flags, mode);
    }

    /**
     * @param fd the descriptor to close in the child
     * @return {@code (POSIX_SPAWN_CLOSE, fd)}
     */
    static FileAction close(int fd) {
        return new Close(fd);
    }

    /**
     * @param fd    the parent's descriptor
     * @param newFd the number it gets in the child
     * @return {@code (POSIX_SPAWN_DUP2, fd, new_fd)}
     */
    static FileAction dup2(int fd, int newFd) {
        return new Dup2(fd, newFd);
    }

    /**
     * @param fd the lowest descriptor to close in the child
     * @return {@code (POSIX_SPAWN_CLOSEFROM, fd)}
     */
    static FileAction closefrom(int fd) {
        return new Closefrom(fd);
    }

    private static int checkFd(String what, int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException(what + " must be >= 0 (got " + fd + ")");
        }
        return fd;
    }

    /**
     * Open {@code path} as {@code fd}.
     *
     * @param fd    target descriptor
     * @param path  file
     * @param flags {@code O_*}
     * @param mode  creation mode
     */
    record Open(int fd, String path, int flags, int mode) implements FileAction {
        /**
         * Checks the values.
         *
         * @param fd    target descriptor
         * @param path  file
         * @param flags {@code O_*}
         * @param mode  creation mode
         */
        public Open {
            FileAction.checkFd("POSIX_SPAWN_OPEN fd", fd);
            Checks.noNul("POSIX_SPAWN_OPEN path", Objects.requireNonNull(path, "path"));
        }
    }

    /**
     * Close {@code fd}.
     *
     * @param fd descriptor
     */
    record Close(int fd) implements FileAction {
        /**
         * Checks the value.
         *
         * @param fd descriptor
         */
        public Close {
            FileAction.checkFd("POSIX_SPAWN_CLOSE fd", fd);
        }
    }

    /**
     * Duplicate {@code fd} onto {@code newFd}; when equal, the descriptor is kept open across the exec.
     *
     * @param fd    source
     * @param newFd target
     */
    record Dup2(int fd, int newFd) implements FileAction {
        /**
         * Checks the values.
         *
         * @param fd    source
         * @param newFd target
         */
        public Dup2 {
            FileAction.checkFd("POSIX_SPAWN_DUP2 fd", fd);
            FileAction.checkFd("POSIX_SPAWN_DUP2 new_fd", newFd);
        }
    }

    /**
     * Close every descriptor from {@code fd} up.
     *
     * @param fd lowest descriptor
     */
    record Closefrom(int fd) implements FileAction {
        /**
         * Checks the value.
         *
         * @param fd lowest descriptor
         */
        public Closefrom {
            FileAction.checkFd("POSIX_SPAWN_CLOSEFROM fd", fd);
        }
    }
}
