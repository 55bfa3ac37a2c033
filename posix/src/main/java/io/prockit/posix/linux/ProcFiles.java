package io.prockit.posix.linux;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
    private final StringBuilder path;
    private final int rootLength;
    private byte[] buffer = new byte[1024];

    /** @param root the proc mount, normally {@code /proc}; tests point it at fixture directories */
    public ProcFiles(Path root) {
        this.root = root;
        String r = root.toString();
        this.path = new StringBuilder(r.length() + 32).append(r);
        if (!r.endsWith("/")) {
            path.append('/');
        }
        this.rootLength = path.length();
    }

    /** @return the proc mount this reader reads */
    public Path root() {
        return root;
    }

    /**
     * Reads a whole file.
     *
     * <p>Through a {@link FileInputStream} on a reused path string: the listing opens two files per process,
     * and this is the shortest way through the JDK (no {@code Path} objects, no channel, the bytes read
     * straight into the reused array), which shows most before the JIT has compiled it. A file that cannot
     * be opened is opened again through {@link Files#newInputStream} only to learn why, as a typed exception.
     *
     * @param pid  the process, or 0 for a file directly under the root
     * @param name the file, e.g. {@code "stat"}
     * @return the number of bytes now in {@link #bytes()}
     * @throws IOException if it cannot be read
     */
    public int read(int pid, String name) throws IOException {
        path.setLength(rootLength);
        if (pid > 0) {
            path.append(pid).append('/');
        }
        path.append(name);
        String p = path.toString();
        FileInputStream in;
        try {
            in = new FileInputStream(p);
        } catch (FileNotFoundException e) {
            // Missing (NoSuchFileException) or not readable (AccessDeniedException): let NIO say which.
            try (InputStream again = Files.newInputStream(Path.of(p))) {
                return readAll(again);
            }
        }
        try (in) {
            return readAll(in);
        }
    }

    private int readAll(InputStream in) throws IOException {
        int n = 0;
        while (true) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                return n;
            }
            n += r;
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
    }

    /** @return the buffer holding the last file read (valid up to the length {@link #read} returned) */
    public byte[] bytes() {
        return buffer;
    }
}
