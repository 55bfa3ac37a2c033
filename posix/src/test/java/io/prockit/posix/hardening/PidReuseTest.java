package io.prockit.posix.hardening;

import io.prockit.Command;
import io.prockit.JavaChild;
import io.prockit.Output;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: after a child is reaped, its pid is never signalled through it again, even once the kernel
 * has given that pid to another process. Reuse is forced inside a fresh pid namespace with a small
 * pid range ({@code unshare --pid --fork --mount-proc}, root, Linux 6.14 or later for a per-namespace
 * pid_max); skipped with the reason elsewhere.
 */
@EnabledOnOs(OS.LINUX)
class PidReuseTest {

    @Test
    void aReusedPidIsNeverSignalledThroughTheReapedChild() throws Exception {
        Path unshare = Path.of("/usr/bin/unshare");
        Assumptions.assumeTrue(Files.isExecutable(unshare), "util-linux unshare is not installed");
        Command jvm = JavaChild.of(PidReuseMain.class).command();
        List<String> argv = new ArrayList<>(List.of(unshare.toString(), "--pid", "--fork", "--mount-proc"));
        argv.addAll(jvm.argv());
        // When the JVM (pid 1 there) ends, the kernel kills whatever is left in the namespace.
        Output out = Command.of(argv).output();
        String text = out.stdoutText() + out.stderrText();
        Assumptions.assumeFalse(text.contains("unshare failed") || text.contains("Operation not permitted"),
                "unshare is not allowed here: " + text);
        Assumptions.assumeFalse(out.status().code().orElse(-1) == PidReuseMain.SKIP, text);
        assertTrue(out.status().success(), out.status() + ": " + text);
        assertTrue(out.stdoutText().matches("(?s).*reused pid \\d+ after \\d+ spawns.*"), text);
    }
}
