package io.prockit.posix.hardening;

import io.prockit.Command;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Output;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8 (and issue 18: the guard must be proved without root): after a child is reaped, its pid is
 * never signalled through it again, even once the kernel has given that pid to another process. Reuse is
 * forced inside a fresh pid namespace, where {@link PidReuseMain} is pid 1:
 * <ul>
 *   <li>as any user, in a user namespace of its own ({@code unshare --user --map-root-user --pid}), which
 *       lets it set the namespace's {@code ns_last_pid} and get the reaped pid back at once;</li>
 *   <li>as root here, the same again under uid 65534 ({@code setpriv}), so that the unprivileged path is
 *       proved on this machine too;</li>
 *   <li>as root without a user namespace (the original variant).</li>
 * </ul>
 * Each is skipped, with the reason, where the kernel or the installed tools do not allow it.
 */
@EnabledOnOs(OS.LINUX) // pidfds, and pid reuse forced in a pid namespace (unshare)
class PidReuseTest {
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static boolean root() {
        return Os.geteuid() == 0;
    }

    private static void run(List<String> prefix) throws Exception {
        run(prefix, null);
    }

    /** @param readable where to copy class path entries another user could not read, or null to leave them */
    private static void run(List<String> prefix, Path readable) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(UNSHARE), "util-linux unshare is not installed");
        Command jvm = JavaChild.of(PidReuseMain.class).command();
        List<String> argv = new ArrayList<>(prefix);
        List<String> jvmArgv = new ArrayList<>(jvm.argv());
        int cp = jvmArgv.indexOf("-cp");
        if (readable != null && cp >= 0) {
            jvmArgv.set(cp + 1, readableCopy(jvmArgv.get(cp + 1), readable));
        }
        argv.addAll(jvmArgv);
        // When the JVM (pid 1 there) ends, the kernel kills whatever is left in the namespace.
        Output out = Command.of(argv).output();
        String text = out.stdoutText() + out.stderrText();
        Assumptions.assumeFalse(text.contains("unshare failed") || text.contains("Operation not permitted")
                || text.contains("unshare: "), "unshare is not allowed here: " + text);
        Assumptions.assumeFalse(out.status().code().orElse(-1) == PidReuseMain.SKIP, text);
        assertTrue(out.status().success(), out.status() + ": " + text);
        assertTrue(out.stdoutText().matches("(?s).*reused pid \\d+ after \\d+ spawns.*"), text);
    }

    @Test
    void aReusedPidIsNeverSignalledInAUserNamespaceOfOurOwn() throws Exception {
        run(List.of(UNSHARE.toString(), "--user", "--map-root-user", "--pid", "--fork", "--mount-proc"));
    }

    @Test
    void aReusedPidIsNeverSignalledAsAnUnprivilegedUser(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(root(), "runs the unprivileged variant under another uid, which needs root");
        Assumptions.assumeTrue(Files.isExecutable(SETPRIV), "util-linux setpriv is not installed");
        run(List.of(SETPRIV.toString(), "--reuid=65534", "--regid=65534", "--clear-groups", UNSHARE.toString(),
                "--user", "--map-root-user", "--pid", "--fork", "--mount-proc"), dir);
    }

    /**
     * The class path with every jar copied into {@code dir} (the local Maven repository usually lies under a
     * home directory that uid 65534 cannot enter); directories are kept, each checked readable.
     */
    private static String readableCopy(String classPath, Path dir) throws IOException {
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
        Files.setPosixFilePermissions(dir, open);
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Assumptions.assumeTrue(Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE),
                    "the temporary directory is not reachable by another user: " + p);
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path e = Path.of(entry);
            if (Files.isRegularFile(e)) {
                Path copy = dir.resolve(i++ + "-" + e.getFileName());
                Files.copy(e, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                out.add(copy.toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    @Test
    void aReusedPidIsNeverSignalledThroughTheReapedChild() throws Exception {
        Assumptions.assumeTrue(root(), "a pid namespace without a user namespace needs root");
        run(List.of(UNSHARE.toString(), "--pid", "--fork", "--mount-proc"));
    }
}
