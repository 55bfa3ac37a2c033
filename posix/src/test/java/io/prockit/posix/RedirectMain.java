package io.prockit.posix;

import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.spawn.Spawner;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.Stdio;
import io.prockit.posix.jna.LibCVarargs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The middle JVM of {@link RedirectTest}'s cases on descriptors 0..2: it may put files on its own 0, 1
 * and 2 (the test JVM may not: surefire talks to it through them). Each case replaces one of its standard
 * descriptors with a file of the directory given, spawns a shell with a redirect that names that descriptor,
 * and writes what it saw to {@code report.txt}; the test reads the files and the report.
 */
public final class RedirectMain {
    private static final Function DUP2 = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("dup2");

    private RedirectMain() {
    }

    /**
     * @param args the directory for the files and the report
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PosixConstants c = PosixBackend.table();
        List<String> report = new ArrayList<>();

        // 1: stdout piped, stderr to the parent's fd 1 (a file here): stderr must reach the file, not the pipe.
        onto(1, dir.resolve("one.txt"), c);
        Child one = Command.of("/bin/sh", "-c", "echo out; echo err >&2").stdin(Stdio.discard())
                .stdout(Stdio.pipe()).stderr(Stdio.fd(1)).spawn();
        report.add("one pipe=" + readAll(one.stdout()).strip() + " exit=" + one.waitFor());

        // 2: fd(5, 1) with stdout piped: fd 5 gets the parent's fd 1.
        onto(1, dir.resolve("two.txt"), c);
        Child two = Command.of("/bin/sh", "-c", "echo five >&5; echo out").stdin(Stdio.discard())
                .stdout(Stdio.pipe()).fd(5, 1).spawn();
        report.add("two pipe=" + readAll(two.stdout()).strip() + " exit=" + two.waitFor());

        // 3: stdin piped, stdout to the parent's fd 0 (a file opened for writing here).
        onto(0, dir.resolve("three.txt"), c);
        Child three = Command.of("/bin/sh", "-c", "read x; echo got $x").stdin(Stdio.pipe())
                .stdout(Stdio.fd(0)).stderr(Stdio.discard()).spawn();
        try (OutputStream in = three.stdin()) {
            in.write("in\n".getBytes(StandardCharsets.UTF_8));
        }
        report.add("three exit=" + three.waitFor());

        // 4: the three standard descriptors rotated: 0 <- parent's 1, 1 <- parent's 2, 2 <- parent's 0.
        onto(0, dir.resolve("four-0.txt"), c);
        onto(1, dir.resolve("four-1.txt"), c);
        onto(2, dir.resolve("four-2.txt"), c);
        Child four = Command.of("/bin/sh", "-c", "echo zero >&0; echo one; echo two >&2")
                .stdin(Stdio.fd(1)).stdout(Stdio.fd(2)).stderr(Stdio.fd(0)).spawn();
        report.add("four exit=" + four.waitFor());

        Files.write(dir.resolve("report.txt"), report);
        System.exit(0);
    }

    /** Opens {@code file} read-write (created) and puts it on this process's descriptor {@code fd}. */
    private static void onto(int fd, Path file, PosixConstants c) {
        int opened = LibCVarargs.INSTANCE.open(file.toString(), c.O_RDWR | c.O_CREAT | c.O_TRUNC | c.O_CLOEXEC, 0644);
        if (DUP2.invokeInt(new Object[] {opened, fd}) != fd) {
            throw new IllegalStateException("dup2 onto " + fd + " failed");
        }
        Spawner.quietClose(opened);
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
