package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Stdio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Processes with names of our choosing, for the kill-by-name examples to find and kill: copies of
 * {@code sleep} under a unique name, so no process this example did not start can match.
 * Closing it kills and reaps whatever is still running and deletes the copies.
 */
final class Decoys implements AutoCloseable {
    /** Four random hex digits, so two runs (or two users) never share names; names stay within 15 characters. */
    static final String TOKEN = HexFormat.of().formatHex(new SecureRandom().generateSeed(2));

    private final Path dir;
    private final List<Child> children = new ArrayList<>();

    Decoys() {
        try {
            dir = Files.createTempDirectory("prockit-decoys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code sleep 60} under the name {@code name}.
     *
     * @param name the process name (15 characters at most: Linux keeps no more in {@code comm})
     * @return the child
     */
    Child start(String name) {
        Path exe = dir.resolve(name);
        try {
            if (!Files.exists(exe)) {
                Files.copy(sleep(), exe);
                exe.toFile().setExecutable(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Child c = new Command(exe.toString()).arg("60").stdin(Stdio.discard()).spawn();
        children.add(c);
        return c;
    }

    private static Path sleep() {
        for (String p : List.of("/bin/sleep", "/usr/bin/sleep")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        throw new IllegalStateException("no sleep program in /bin or /usr/bin");
    }

    @Override
    public void close() {
        for (Child c : children) {
            if (!c.hasExited()) {
                c.kill();
            }
            try {
                c.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // killed already; prockit still reaps it
            }
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
