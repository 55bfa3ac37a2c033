package io.prockit.posix;

import io.prockit.posix.linux.LinuxConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every value of {@link LinuxConstants} against the C headers, through a program compiled with gcc. */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64") // Linux x86-64 headers; DarwinConstantsTest is macOS's
class LinuxConstantsTest {
    /** Python's own values, not C macros: checked against CPython's documented numbers below. */
    private static final Set<String> PYTHON_ONLY = Set.of("P_WAIT", "P_NOWAIT", "P_NOWAITO", "P_OVERLAY", "P_DETACH",
            "POSIX_SPAWN_OPEN", "POSIX_SPAWN_CLOSE", "POSIX_SPAWN_DUP2", "POSIX_SPAWN_CLOSEFROM");

    static Map<String, Integer> table() throws IllegalAccessException {
        Map<String, Integer> r = new LinkedHashMap<>();
        for (Field f : LinuxConstants.class.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) {
                r.put(f.getName(), f.getInt(null));
            }
        }
        return r;
    }

    /** @return the C expression whose value the constant must equal */
    static String cExpression(String name) {
        if (name.equals("SYS_waitid_x86_64")) {
            return "SYS_waitid";
        }
        if (name.startsWith("SIZEOF_")) {
            String type = name.substring(7);
            return "sizeof(" + (Set.of("rusage", "utsname", "sched_param", "timespec", "timeval", "winsize").contains(type) ? "struct " + type : type) + ")";
        }
        if (name.equals("UTSNAME_FIELD_LENGTH")) {
            return "sizeof(((struct utsname *) 0)->sysname)";
        }
        if (name.startsWith("OFFSETOF_siginfo_")) {
            return "offsetof(siginfo_t, " + name.substring("OFFSETOF_siginfo_".length()) + ")";
        }
        return name;
    }

    @Test
    void everyValueMatchesTheCHeaders(@TempDir Path dir) throws Exception {
        Map<String, Integer> table = table();
        StringBuilder c = new StringBuilder("""
                #define _GNU_SOURCE
                #include <stdio.h>
                #include <stddef.h>
                #include <errno.h>
                #include <signal.h>
                #include <sys/wait.h>
                #include <spawn.h>
                #include <sched.h>
                #include <fcntl.h>
                #include <limits.h>
                #include <termios.h>
                #include <sys/ioctl.h>
                #include <sys/param.h>
                #include <sys/resource.h>
                #include <sys/utsname.h>
                #include <unistd.h>
                #include <sys/epoll.h>
                #include <poll.h>
                #include <sys/syscall.h>
                #include <sysexits.h>
                #if __has_include(<sys/pidfd.h>)
                #include <sys/pidfd.h>
                #endif
                int main(void) {
                """);
        List<String> checked = new ArrayList<>();
        for (String name : table.keySet()) {
            if (PYTHON_ONLY.contains(name)) {
                continue;
            }
            c.append("  printf(\"%s=%lld\\n\", \"").append(name).append("\", (long long) (")
                    .append(cExpression(name)).append("));\n");
            checked.add(name);
        }
        c.append("  return 0;\n}\n");
        Map<String, Long> fromC = new LinkedHashMap<>();
        for (String line : Gcc.compileAndRun(dir, c.toString()).split("\n")) {
            int eq = line.indexOf('=');
            fromC.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        List<String> wrong = new ArrayList<>();
        for (String name : checked) {
            long expected = fromC.get(name);
            long actual = table.get(name);
            // ioctl numbers and flags above 2^31 are stored as the same 32 bits
            if (actual != expected && (actual & 0xffffffffL) != expected) {
                wrong.add(name + ": table " + actual + ", C " + expected);
            }
        }
        assertTrue(wrong.isEmpty(), "values that differ from the C headers: " + wrong);
        assertTrue(checked.size() > 150, "checked " + checked.size());
    }

    @Test
    void pythonsOwnValues() throws Exception {
        Map<String, Integer> t = table();
        // CPython Lib/os.py and posixmodule.c
        assertEquals(0, t.get("P_WAIT"));
        assertEquals(1, t.get("P_NOWAIT"));
        assertEquals(1, t.get("P_NOWAITO"));
        assertFalse(t.containsKey("EX_NOTFOUND"), "CPython has no os.EX_NOTFOUND on glibc");
        assertEquals(Set.of(), Set.copyOf(new ArrayList<>(PYTHON_ONLY.stream().filter(n -> !t.containsKey(n)).toList())));
    }
}
