package io.prockit.posix.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads small {@code /proc} files into one reused buffer: the listing reads hundreds of them, and a
 * fresh array per file would be most of its garbage. One instance per thread; not thread-safe.
 * Not API.
 *
 * <p>A file that vanished throws {@link java.nio.file.NoSuchFileException}, one the caller may not
 * read {@link java.nio.file.AccessDeniedException}; reading a process that exits half-way may also
 * give an {@link IOException} for {@code ESRCH}.
 */
public final class ProcFiles {
    private final Path root;
    private ByteBuffer buffer = ByteBuffer.allocate(1024);

    /** @param root the proc mount, normally {@code /proc}; tests point it at fixture directories */
    public ProcFiles(Path root) {
        this.root = root;
    }

    /** @return the proc mount this reader reads */
    public Path root() {
        return root;
    }

    /**
     * Reads a whole file.
     *
     * @param pid  the process, or 0 for a file directly under the root
     * @param name the file, e.g. {@code "stat"}
     * @return the number of bytes now in {@link #bytes()}
     * @throws IOException if it cannot be read
     */
    public int read(int pid, String name) throws IOException {
        Path p = pid > 0 ? root.resolve(Integer.toString(pid)).resolve(name) : root.resolve(name);
        buffer.clear();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            while (true) {
                int n = ch.read(buffer);
                if (n < 0) {
                    break;
                }
                if (!buffer.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                }
            }
        }
        return buffer.position();
    }

    /** @return the buffer holding the last file read (valid up to the length {@link #read} returned) */
    public byte[] bytes() {
        return buffer.array();
    }
}
