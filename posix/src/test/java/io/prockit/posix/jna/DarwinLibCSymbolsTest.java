package io.prockit.posix.jna;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Runs on every OS: the classes registered in full on macOS map only functions known to be in macOS's
 * libSystem ({@code darwin/libsystem-functions.txt}). {@code Native.register} fails a whole class when one
 * symbol is missing, and every native call goes through {@link LibC}, so one Linux-only function there
 * would break prockit on macOS entirely.
 */
class DarwinLibCSymbolsTest {
    private static final List<Class<?>> REGISTERED_ON_DARWIN =
            List.of(LibC.class, DarwinLibC.class, LibProc.class, TableLibC.class);

    private static Set<String> listed() throws IOException {
        try (InputStream in = DarwinLibCSymbolsTest.class.getResourceAsStream("/darwin/libsystem-functions.txt")) {
            assertNotNull(in, "darwin/libsystem-functions.txt");
            Set<String> out = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    private static Set<String> mapped() {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : REGISTERED_ON_DARWIN) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isNative(m.getModifiers())) {
                    out.add(c.getSimpleName() + " " + m.getName());
                }
            }
        }
        return out;
    }

    @Test
    void everyFunctionOfTheClassesRegisteredOnMacosIsOneMacosHas() throws IOException {
        Set<String> unknown = new TreeSet<>(mapped());
        unknown.removeAll(listed());
        assertEquals(Set.of(), unknown, "functions not checked against macOS's libSystem (see the list's header)");
    }

    @Test
    void theListHasNoStaleEntriesAndNoKnownAbsentFunction() throws IOException {
        Set<String> stale = new TreeSet<>(listed());
        stale.removeAll(mapped());
        assertEquals(Set.of(), stale, "listed but no longer mapped");
        List<String> names = new ArrayList<>();
        for (String entry : mapped()) {
            names.add(entry.substring(entry.indexOf(' ') + 1));
        }
        for (String absent : List.of("posix_spawnattr_setschedpolicy", "posix_spawnattr_setschedparam", "ptsname_r",
                "pipe2", "epoll_create1", "pidfd_open", "getresuid", "sched_setaffinity")) {
            assertFalse(names.contains(absent), absent + " is not in every macOS libSystem");
        }
    }
}
