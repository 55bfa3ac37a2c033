package io.prockit.examples.tools;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Output;
import io.prockit.Stdio;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Helpers for the tests that run the model command (procps, psmisc, coreutils, GNU parallel) and
 * prockit's tool with the same arguments: finding the model, renamed {@code sleep} copies with unique
 * names for them to select, and both results as lines and exit codes.
 */
final class ModelCommands {
    private ModelCommands() {
    }

    /** What a command printed and how it exited. */
    record Result(int code, List<String> out, List<String> err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** @return the program found on PATH, if any */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Skips the test with a clear message unless {@code name} is on PATH and its {@code --version} (or
     * {@code -V}) output names {@code family}.
     *
     * @return the program
     */
    static Path require(String name, String versionFlag, String family) throws InterruptedException {
        Optional<Path> p = onPath(name);
        Assumptions.assumeTrue(p.isPresent(), () -> name + " is not installed: skipping the comparison with "
                + family + " (Debian: apt-get install procps psmisc parallel)");
        Output o = Command.of(p.get().toString(), versionFlag).stdin(Stdio.discard()).output();
        String v = o.stdoutText() + o.stderrText();
        Assumptions.assumeTrue(v.contains(family), () -> name + " is not " + family + " (" + v.lines().findFirst()
                .orElse("?") + "): skipping the comparison");
        return p.get();
    }

    /** Runs the model command with no stdin. */
    static Result model(Path program, List<String> args) throws InterruptedException {
        return model(program, args, null);
    }

    /** Runs the model command, its stdin from {@code input} (none when null). */
    static Result model(Path program, List<String> args, String input) throws InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(args);
        Command c = Command.of(argv);
        Output o;
        if (input == null) {
            o = c.stdin(Stdio.discard()).output();
        } else {
            Path in;
            try {
                in = Files.createTempFile("prockit-input", ".txt");
                Files.writeString(in, input, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            try {
                o = c.stdin(Stdio.from(in)).output();
            } finally {
                in.toFile().delete();
            }
        }
        return new Result(o.status().code().orElse(128 + o.status().signal().map(s -> s.number()).orElse(0)),
                o.stdoutText().lines().toList(), o.stderrText().lines().toList());
    }

    /** A tool's {@code run(args, out, err)}. */
    @FunctionalInterface
    interface Tool {
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }

    /** Runs prockit's tool in this JVM. */
    static Result prockit(Tool tool, List<String> args) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = tool.run(args.toArray(new String[0]), out, err);
        }
        return new Result(code, o.toString(StandardCharsets.UTF_8).lines().toList(),
                e.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /** @return a name no other process has: 12 letters, within Linux's 15-character comm */
    static String uniqueName(String prefix) {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < 12) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /**
     * Copies of {@code sleep} under a unique name in a temporary directory; {@link #start} runs them as this
     * JVM's children, {@link #close} kills and reaps every one still running and deletes the copy.
     */
    static final class Sleepers implements AutoCloseable {
        final Path dir;
        final Path program;
        final String name;
        private final List<Child> children = new ArrayList<>();

        Sleepers(String prefix) throws IOException {
            Path sleep = onPath("sleep").orElseThrow(() -> new IllegalStateException("no sleep on PATH"));
            dir = Files.createTempDirectory("prockit-tools");
            name = uniqueName(prefix);
            program = dir.resolve(name);
            Files.copy(sleep, program, StandardCopyOption.COPY_ATTRIBUTES);
            program.toFile().setExecutable(true);
        }

        /** Starts one copy with these arguments (numbers: {@code sleep} refuses anything else). */
        Child start(String... args) {
            List<String> argv = new ArrayList<>();
            argv.add(program.toString());
            argv.addAll(List.of(args));
            Child c = Command.of(argv).stdin(Stdio.discard()).stdout(Stdio.discard()).stderr(Stdio.discard()).spawn();
            children.add(c);
            return c;
        }

        List<Child> children() {
            return children;
        }

        @Override
        public void close() throws Exception {
            for (Child c : children) {
                try {
                    c.kill();
                } catch (RuntimeException ignored) {
                    // already reaped
                }
                c.waitFor(Duration.ofSeconds(30));
                c.close();
            }
            Files.deleteIfExists(program);
            Files.deleteIfExists(dir);
        }
    }
}
