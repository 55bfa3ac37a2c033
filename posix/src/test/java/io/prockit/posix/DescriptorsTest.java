package io.prockit.posix;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.OpenptyResult;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Stdio;
import io.prockit.TerminalSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python's descriptor plumbing ({@code os.pipe}, {@code dup2}, {@code read}, ...) on real descriptors and children. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DescriptorsTest {

    @Test
    void pipeWriteReadCloseAndFlags() {
        int[] p = Os.pipe();
        try {
            assertFalse(Os.getInheritable(p[0]), "PEP 446: non-inheritable");
            assertFalse(Os.getInheritable(p[1]));
            assertTrue(Os.getBlocking(p[0]));
            assertEquals(5, Os.write(p[1], "hello".getBytes(StandardCharsets.US_ASCII)));
            assertArrayEquals("hel".getBytes(StandardCharsets.US_ASCII), Os.read(p[0], 3));
            assertArrayEquals("lo".getBytes(StandardCharsets.US_ASCII), Os.read(p[0], 100));
            Os.setBlocking(p[0], false);
            assertFalse(Os.getBlocking(p[0]));
            OsException e = assertThrows(OsException.class, () -> Os.read(p[0], 1));
            assertEquals(ErrorKind.RESOURCE_EXHAUSTED, e.kind(), e.getMessage());
            assertEquals("read", e.operation());
            Os.setBlocking(p[0], true);
            Os.setInheritable(p[1], true);
            assertTrue(Os.getInheritable(p[1]));
            Os.setInheritable(p[1], false);
            assertFalse(Os.getInheritable(p[1]));
        } finally {
            Os.close(p[0]);
            Os.close(p[1]);
        }
        assertEquals(ErrorKind.INVALID_ARGUMENT, assertThrows(OsException.class, () -> Os.read(p[0], 1)).kind(),
                "EBADF once closed");
    }

    @Test
    void dupAndDup2WithAndWithoutInheritable() {
        int[] p = Os.pipe();
        int d = Os.dup(p[1]);
        int target = Os.dup(p[1]); // a number of our own to dup2 onto
        try {
            assertFalse(Os.getInheritable(d));
            assertEquals(target, Os.dup2(p[1], target));
            assertTrue(Os.getInheritable(target), "dup2 is inheritable by default, as in Python");
            assertEquals(target, Os.dup2(p[1], target, false));
            assertFalse(Os.getInheritable(target));
            Os.write(d, new byte[] {1});
            Os.write(target, new byte[] {2});
            assertArrayEquals(new byte[] {1, 2}, Os.read(p[0], 10));
        } finally {
            Os.close(d);
            Os.close(target);
            Os.close(p[0]);
            Os.close(p[1]);
        }
    }

    @Test
    void wiringAChildByHandAsPythonDoes() throws Exception {
        int[] p = Os.pipe();
        Child c;
        try {
            c = Command.of("sh", "-c", "echo from child; echo via fd 5 >&5").stdout(Stdio.fd(p[1])).fd(5, p[1]).spawn();
        } finally {
            Os.close(p[1]);
        }
        try (InputStream in = Os.fdopenInput(p[0])) {
            assertEquals("from child\nvia fd 5\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(ExitStatus.exited(0), c.waitFor());
    }

    @Test
    void fdopenOutputOwnsTheDescriptor() throws Exception {
        int[] p = Os.pipe();
        try (OutputStream out = Os.fdopenOutput(p[1])) {
            out.write("xyz".getBytes(StandardCharsets.US_ASCII));
        }
        assertArrayEquals("xyz".getBytes(StandardCharsets.US_ASCII), Os.read(p[0], 10));
        assertArrayEquals(new byte[0], Os.read(p[0], 10), "end of file: the stream closed the write end");
        Os.close(p[0]);
    }

    @Test
    void closerangeClosesOnlyTheRange() {
        int[] a = Os.pipe();
        int[] b = Os.pipe();
        int lo = Math.min(Math.min(a[0], a[1]), Math.min(b[0], b[1]));
        int hi = Math.max(Math.max(a[0], a[1]), Math.max(b[0], b[1]));
        // only ours may be in [lo, hi]: close exactly these four with closerange when they are contiguous
        if (hi - lo == 3) {
            Os.closerange(lo, hi + 1);
            for (int fd : new int[] {a[0], a[1], b[0], b[1]}) {
                assertThrows(OsException.class, () -> Os.getInheritable(fd));
            }
        } else {
            for (int fd : new int[] {a[0], a[1], b[0], b[1]}) {
                Os.closerange(fd, fd + 1);
                assertThrows(OsException.class, () -> Os.getInheritable(fd));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Os.closerange(5, 4));
    }

    @Test
    void terminalSizeOfAPty() {
        OpenptyResult pty = Os.openpty();
        try {
            Os.setWindowSize(pty.masterFd(), 33, 101);
            assertEquals(new TerminalSize(101, 33), Os.getTerminalSize(pty.slaveFd()));
            int[] p = Os.pipe();
            try {
                OsException e = assertThrows(OsException.class, () -> Os.getTerminalSize(p[0]));
                assertTrue(e.getMessage().contains("TIOCGWINSZ"), e.getMessage());
            } finally {
                Os.close(p[0]);
                Os.close(p[1]);
            }
        } finally {
            Os.close(pty.slaveFd());
            Os.close(pty.masterFd());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // macOS has no pipe2
    void pipe2OnLinux() {
        int[] p = Os.pipe2(Os.O_NONBLOCK | Os.O_CLOEXEC);
        try {
            assertFalse(Os.getBlocking(p[0]));
            assertFalse(Os.getInheritable(p[0]));
        } finally {
            Os.close(p[0]);
            Os.close(p[1]);
        }
        int[] q = Os.pipe2(0);
        try {
            assertTrue(Os.getInheritable(q[0]));
        } finally {
            Os.close(q[0]);
            Os.close(q[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> Os.pipe2(0x1000_0000));
    }

    @Test
    @EnabledOnOs(OS.MAC)
    void pipe2IsLinuxOnly() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Os.pipe2(0));
        assertTrue(e.getMessage().contains("os.pipe2"));
    }

    @Test
    void badDescriptorsAreRefusedBeforeAnyCall() {
        assertThrows(IllegalArgumentException.class, () -> Os.dup(-1));
        assertThrows(IllegalArgumentException.class, () -> Os.dup2(0, -2));
        assertThrows(IllegalArgumentException.class, () -> Os.read(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Os.write(-1, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> Os.setBlocking(-1, true));
    }
}
