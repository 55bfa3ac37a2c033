package io.prockit.posix;

import io.prockit.Command;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 13 item 3: spawning while another thread rewrites the C environment. Before {@code LiveEnvironment}
 * the spawn path read {@code environ} without the lock {@code Os.putenv} takes: the JVM crashed (SIGSEGV in
 * the native string reader) or {@code posix_spawn} failed with EFAULT, and children saw a torn environment.
 *
 * <p>The writer adds new names (each one can make glibc reallocate and free the {@code environ} array) and
 * removes them again; the spawner starts children both with the environment inherited unchanged (the live
 * {@code environ} handed to {@code posix_spawn}) and with one change (a copy read from {@code environ}), each
 * printing a variable that never changes.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class EnvironmentRaceTest {
    private static final String STABLE = "PROCKIT_RACE_STABLE";

    @Test
    void spawningWhilePutenvRuns() throws Exception {
        race(150);
    }

    @Test
    @Tag("stress")
    void spawningWhilePutenvRunsThousandsOfTimes() throws Exception {
        race(5_000);
    }

    private static void race(int spawns) throws Exception {
        Os.putenv(STABLE, "steady");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    names.add("PROCKIT_RACE_" + i);
                }
                String value = "v".repeat(200);
                while (!stop.get()) {
                    for (String n : names) {
                        Os.putenv(n, value);
                    }
                    for (String n : names) {
                        Os.unsetenv(n);
                    }
                }
            } catch (Throwable t) {
                writerFailed.set(t);
            }
        }, "putenv-loop");
        writer.start();
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < spawns; i++) {
                Command cmd = Command.of("/bin/sh", "-c", "echo \"$" + STABLE + "\"");
                if (i % 2 == 1) {
                    cmd.env("PROCKIT_RACE_CHILD", Integer.toString(i));
                }
                try {
                    Output out = cmd.output();
                    String text = out.stdoutText().strip();
                    if (!out.status().success() || !text.equals("steady")) {
                        failures.add(i + ": " + out.status() + " [" + text + "] " + out.stderrText().strip());
                    }
                } catch (OsException e) {
                    failures.add(i + ": " + e.getMessage());
                }
            }
        } finally {
            stop.set(true);
            writer.join();
            for (int i = 0; i < 64; i++) {
                Os.unsetenv("PROCKIT_RACE_" + i);
            }
            Os.unsetenv(STABLE);
        }
        assertNull(writerFailed.get());
        assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures,
                failures.size() + " of " + spawns + " spawns failed");
    }
}
