package io.prockit.posix;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.prockit.posix.darwin.DarwinConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a Mac only (the GitHub Actions {@code macos-latest} job): {@link DarwinConstants} against the SDK's
 * own headers through a C program compiled there, and every function of {@code darwin/libsystem-functions.txt}
 * against the running libSystem. Elsewhere the same values are checked against Apple's published sources
 * ({@link DarwinConstantsTest}, {@code jna.DarwinLibCSymbolsTest}); this is the check on the real thing.
 */
@EnabledOnOs(OS.MAC)
class DarwinNativeCheckTest {
    /** Python's own values, not C macros. */
    private static final Set<String> PYTHON_ONLY = Set.of("P_WAIT", "P_NOWAIT", "P_NOWAITO", "P_OVERLAY", "P_DETACH",
            "POSIX_SPAWN_OPEN", "POSIX_SPAWN_CLOSE", "POSIX_SPAWN_DUP2", "POSIX_SPAWN_CLOSEFROM");
    private static final Set<String> STRUCTS = Set.of("rusage", "kevent", "utsname", "sched_param");

    /** @return the C expression whose value the constant must equal */
    static String cExpression(String name) {
        if (name.startsWith("SIZEOF_")) {
            String type = name.substring(7);
            return "sizeof(" + (STRUCTS.contains(type) ? "struct " + type : type) + ")";
        }
        if (name.startsWith("OFFSETOF_siginfo_")) {
            return "offsetof(siginfo_t, " + name.substring("OFFSETOF_siginfo_".length()) + ")";
        }
        if (name.equals("UTSNAME_FIELD_LENGTH")) {
            return "sizeof(((struct utsname *) 0)->sysname)";
        }
        return name;
    }

    /** @return the names the ground truth records as macros ({@code #define}), which the program guards */
    private static Set<String> macros() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String file : new String[] {"/darwin/darwin-constants.txt", "/darwin/darwin-constants-extra.txt"}) {
            try (InputStream in = DarwinNativeCheckTest.class.getResourceAsStream(file)) {
                assertNotNull(in, file);
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    if (line.startsWith("const ")) {
                        String name = line.substring(6, line.indexOf('='));
                        if (line.contains("#define " + name) || file.endsWith("extra.txt")) {
                            out.add(name);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyValueMatchesTheSdkHeaders(@TempDir Path dir) throws Exception {
        Map<String, Integer> table = DarwinConstantsTest.fields(DarwinConstants.class);
        Set<String> macros = macros();
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <stddef.h>
                #include <errno.h>
                #include <signal.h>
                #include <sys/types.h>
                #include <sys/wait.h>
                #include <spawn.h>
                #include <sched.h>
                #include <fcntl.h>
                #include <poll.h>
                #include <limits.h>
                #include <termios.h>
                #include <sys/ioctl.h>
                #include <sys/param.h>
                #include <sys/resource.h>
                #include <sys/utsname.h>
                #include <sys/event.h>
                #include <sys/sysctl.h>
                #include <sys/proc_info.h>
                #include <libproc.h>
                #include <unistd.h>
                #include <sysexits.h>
                int main(void) {
                """);
        List<String> checked = new ArrayList<>();
        for (String name : table.keySet()) {
            if (PYTHON_ONLY.contains(name)) {
                continue;
            }
            String print = "  printf(\"%s=%lld\\n\", \"" + name + "\", (long long) (" + cExpression(name) + "));\n";
            if (macros.contains(name)) {
                c.append("#ifdef ").append(name).append('\n').append(print)
                        .append("#else\n  printf(\"%s=undefined\\n\", \"").append(name).append("\");\n#endif\n");
            } else {
                c.append(print);
            }
            checked.add(name);
        }
        c.append("  return 0;\n}\n");
        Map<String, String> fromC = new LinkedHashMap<>();
        for (String line : Gcc.compileAndRun(dir, c.toString()).split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fromC.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String name : checked) {
            String v = fromC.get(name);
            if (v == null || v.equals("undefined")) {
                wrong.add(name + ": not defined by this SDK");
                continue;
            }
            long expected = Long.parseLong(v);
            long actual = table.get(name);
            if (actual != expected && (actual & 0xffffffffL) != expected) {
                wrong.add(name + ": table " + actual + ", SDK " + expected);
            }
        }
        assertTrue(wrong.isEmpty(), "values that differ from the SDK's headers: " + wrong);
        assertTrue(checked.size() > 150, "checked " + checked.size());
    }

    @Test
    void everyListedFunctionResolvesInLibSystem() throws IOException {
        NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
        List<String> missing = new ArrayList<>();
        try (InputStream in = DarwinNativeCheckTest.class.getResourceAsStream("/darwin/libsystem-functions.txt")) {
            assertNotNull(in);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String function = l.substring(l.indexOf(' ') + 1);
                try {
                    c.getFunction(function);
                } catch (UnsatisfiedLinkError e) {
                    missing.add(function);
                }
            }
        }
        assertEquals(List.of(), missing, "listed as in libSystem but not found by dlsym");
    }
}
