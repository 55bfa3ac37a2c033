package io.prockit.posix.parity;

import io.prockit.Os;
import io.prockit.Popen;
import io.prockit.Popen2;
import io.prockit.Popen3;
import io.prockit.Popen4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** popen and Python 2's popen2/3/4 as seed 001 shows them. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PopenParityTest {

    @Test
    void popenReadsOutputAndCloseReturnsNullOnSuccess() {
        Popen p = Os.popen("echo to stdout", "r");
        assertEquals("to stdout\n", p.read());
        assertNull(p.close());
    }

    @Test
    void popenCloseReturnsTheWaitStatusOnFailure() {
        Popen p = Os.popen("exit 3");
        Long st = p.close();
        assertEquals(3, Os.waitstatusToExitcode(st));
        assertEquals(st, p.close());
    }

    @Test
    void popenWritesInput(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.txt");
        Popen p = Os.popen("cat - > '" + out + "'", "w");
        p.write("through stdin\n");
        assertNull(p.close());
        assertEquals("through stdin\n", Files.readString(out));
    }

    @Test
    void popenRefusesOtherModes() {
        assertThrows(IllegalArgumentException.class, () -> Os.popen("true", "rw"));
        assertThrows(IllegalStateException.class, () -> Os.popen("true", "r").stdin());
    }

    @Test
    void popen2AsTheSeed() throws Exception {
        for (Popen2 p : List.of(Os.popen2("cat -"), Os.popen2(List.of("cat", "-")))) {
            p.childStdin().write("through stdin to stdout".getBytes(StandardCharsets.UTF_8));
            p.childStdin().close();
            assertEquals("through stdin to stdout", new String(p.childStdout().readAllBytes(), StandardCharsets.UTF_8));
            p.childStdout().close();
            assertEquals(0, Os.waitstatusToExitcode(Os.waitpid(p.pid(), 0).status()));
        }
    }

    @Test
    void popen3SeparatesStderr() throws Exception {
        Popen3 p = Os.popen3("cat -; echo \";to stderr\" 1>&2");
        p.childStdin().write("through stdin to stdout".getBytes(StandardCharsets.UTF_8));
        p.childStdin().close();
        assertEquals("through stdin to stdout", new String(p.childStdout().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(";to stderr\n", new String(p.childStderr().readAllBytes(), StandardCharsets.UTF_8));
        p.childStdout().close();
        p.childStderr().close();
        assertEquals(0, Os.waitstatusToExitcode(Os.waitpid(p.pid(), 0).status()));
    }

    @Test
    void popen4MergesStderr() throws Exception {
        Popen4 p = Os.popen4(List.of("/bin/sh", "-c", "cat -; echo \";to stderr\" 1>&2"));
        p.childStdin().write("through stdin to stdout".getBytes(StandardCharsets.UTF_8));
        p.childStdin().close();
        assertEquals("through stdin to stdout;to stderr\n",
                new String(p.childStdoutAndStderr().readAllBytes(), StandardCharsets.UTF_8));
        p.childStdoutAndStderr().close();
        assertEquals(0, Os.waitstatusToExitcode(Os.waitpid(p.pid(), 0).status()));
    }
}
