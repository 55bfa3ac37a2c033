package io.prockit.posix.pty;

import io.prockit.testing.Children;
import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.Output;
import io.prockit.PtyOptions;
import io.prockit.Signal;
import io.prockit.Stdio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Command.pty}: real children on a real pseudo-terminal (Linux; macOS, where the slave becomes the
 * controlling terminal through the bash shim). The terminal's line discipline turns the child's {@code \n}
 * into {@code \r\n} and echoes what the caller types, so the assertions look for lines, not whole outputs.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PtyTest {

    private static Command sh(String script) {
        return Command.of("/bin/sh", "-c", script);
    }

    /** Reads until {@code marker} has been seen, or to the end; returns everything read. */
    static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!got.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stdinStdoutAndStderrAreTheTerminal() throws Exception {
        Output out = sh("test -t 0 && test -t 1 && test -t 2 && echo TTY").pty(new PtyOptions(24, 80)).output();
        assertTrue(out.status().success(), out.status().toString());
        assertEquals("TTY\r\n", out.stdoutText(), "the slave's ONLCR turns \\n into \\r\\n");
        assertEquals("", out.stderrText(), "stderr is the terminal too: nothing comes through a pipe");
    }

    @Test
    void theChildHasTheTerminalAsItsControllingTerminal() throws Exception {
        // Portable: /dev/tty opens only for a process with a controlling terminal; the session and group are
        // read from the parent while the child waits.
        try (Child c = sh("tty; echo ctty-ok >/dev/tty; read x").pty(PtyOptions.defaults()).spawn()) {
            String text = readUntil(c.stdout(), "ctty-ok\r\n");
            assertTrue(text.contains("ctty-ok\r\n"), "/dev/tty opens: " + text);
            assertTrue(Pattern.compile("/dev/(pts/\\d+|ttys\\d+)").matcher(text).find(), "tty names the slave: " + text);
            assertEquals(c.pid(), Os.getsid(c.pid()), "the child leads a new session");
            assertEquals(c.pid(), Os.getpgid(c.pid()), "and its own process group");
            c.stdin().write("\n".getBytes(StandardCharsets.UTF_8));
            c.stdin().flush();
            assertTrue(c.waitFor().success());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the controlling terminal and foreground group read from /proc/PID/stat
    void theTerminalIsTheControllingTerminalOfANewSession() throws Exception {
        // tty names the slave on fd 0; /proc/$$/stat holds the session and the controlling terminal (tty_nr).
        try (Child c = sh("tty; cat /proc/$$/stat; echo ctty-ok >/dev/tty").pty(PtyOptions.defaults()).spawn()) {
            String text = Children.readAll(c.stdout());
            assertTrue(c.waitFor().success(), text);
            Matcher name = Pattern.compile("/dev/pts/(\\d+)").matcher(text);
            assertTrue(name.find(), text);
            int ptsNumber = Integer.parseInt(name.group(1));
            String stat = text.lines().filter(l -> l.startsWith(c.pid() + " (")).findFirst().orElseThrow(() ->
                    new AssertionError("no stat line in " + text));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            int pgrp = Integer.parseInt(f[2]);
            int session = Integer.parseInt(f[3]);
            int ttyNr = Integer.parseInt(f[4]);
            int tpgid = Integer.parseInt(f[5]);
            assertEquals(c.pid(), session, "the child leads a new session");
            assertEquals(c.pid(), pgrp, "and its own process group");
            assertEquals(c.pid(), tpgid, "which is the terminal's foreground group");
            assertNotEquals(0, ttyNr, "it has a controlling terminal");
            int major = (ttyNr >> 8) & 0xfff;
            int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
            assertTrue(major >= 136 && major <= 143, "a Unix98 pty slave (majors 136-143): " + major);
            assertEquals(ptsNumber, (major - 136) * 256 + minor, "the controlling terminal is the slave on fd 0");
            assertTrue(text.contains("ctty-ok\r\n"), "/dev/tty opens: " + text);
        }
    }

    @Test
    void theSessionIsVisibleFromTheParent() throws Exception {
        Child c = null;
        try {
            c = Command.of("sleep", "30").pty(PtyOptions.defaults()).spawn();
            assertEquals(c.pid(), Os.getsid(c.pid()));
            assertEquals(c.pid(), Os.getpgid(c.pid()));
            if (io.prockit.posix.Procs.LINUX) { // another process's descriptors: /proc only
                String fd0 = Files.readSymbolicLink(Path.of("/proc/" + c.pid() + "/fd/0")).toString(); // os-scan: Linux branch
                assertTrue(fd0.startsWith("/dev/pts/"), fd0);
                assertEquals(fd0, Files.readSymbolicLink(Path.of("/proc/" + c.pid() + "/fd/1")).toString()); // os-scan: Linux branch
                assertEquals(fd0, Files.readSymbolicLink(Path.of("/proc/" + c.pid() + "/fd/2")).toString()); // os-scan: Linux branch
            }
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void theWindowSizeIsTheOneGiven() throws Exception {
        Output out = Command.of("stty", "size").pty(new PtyOptions(50, 132)).output();
        assertTrue(out.status().success(), out.status() + " " + out.stdoutText());
        assertEquals("50 132\r\n", out.stdoutText());
        assertEquals("1 65535\r\n", Command.of("stty", "size").pty(new PtyOptions(1, 65535)).output().stdoutText());
    }

    @Test
    void resizeChangesTheSizeAndSendsSigwinch() throws Exception {
        // The loop ends by itself after about a minute, so a missing SIGWINCH fails the test instead of hanging it.
        Child c = null;
        try {
            c = sh("trap 'echo WINCH; stty size' WINCH; echo READY; i=0; "
                    + "while [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done").pty(new PtyOptions(24, 80)).spawn();
            assertTrue(readUntil(c.stdout(), "READY\r\n").contains("READY"));
            c.resizePty(40, 100);
            String text = readUntil(c.stdout(), "40 100\r\n");
            assertTrue(text.contains("WINCH\r\n40 100\r\n"), text);
            c.resizePty(10, 20);
            text = readUntil(c.stdout(), "10 20\r\n");
            assertTrue(text.contains("WINCH\r\n10 20\r\n"), text);
        } finally {
            Children.reap(c);
        }
    }

    @Test
    void whatTheCallerWritesReachesTheChildThroughTheLineDiscipline() throws Exception {
        try (Child c = Command.of("cat").pty(PtyOptions.defaults()).spawn()) {
            c.stdin().write("hello pty\n".getBytes(StandardCharsets.UTF_8));
            c.stdin().flush();
            // Once echoed by the terminal, once written back by cat.
            String text = readUntil(c.stdout(), "hello pty\r\nhello pty\r\n");
            assertEquals("hello pty\r\nhello pty\r\n", text);
            c.stdin().write(4); // VEOF (^D) at the start of a line: cat reads end of file
            c.stdin().flush();
            assertEquals(ExitStatus.exited(0), c.waitFor());
            Children.readAll(c.stdout()); // ends: the slave's last holder is gone
        }
    }

    @Test
    void readingEndsAfterTheChildExits() throws Exception {
        try (Child c = sh("echo one; echo two >&2; exit 3").pty(PtyOptions.defaults()).spawn()) {
            assertEquals(ExitStatus.exited(3), c.waitFor());
            // Linux reports EIO on the master once the slave is closed: the stream turns it into the end.
            assertEquals("one\r\ntwo\r\n", new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(-1, c.stdout().read(), "and stays at the end"); // so no readAll: it closes the stream
        }
    }

    @Test
    void closingStdinLeavesStdoutAndResizingWorking() throws Exception {
        try (Child c = sh("read x; stty size; echo got $x").pty(new PtyOptions(30, 90)).spawn()) {
            c.resizePty(31, 91); // before the line that lets `read` return, so stty sees the new size
            c.stdin().write("abc\n".getBytes(StandardCharsets.UTF_8));
            c.stdin().close();
            String text = Children.readAll(c.stdout());
            assertTrue(c.waitFor().success(), text);
            assertTrue(text.endsWith("abc\r\n31 91\r\ngot abc\r\n"), text);
            c.resizePty(32, 92); // the master is still open until close()
        }
    }

    @Test
    void theStdioSettingsAreIgnored() throws Exception {
        Output out = sh("echo out; echo err >&2").stdout(Stdio.discard()).stderr(Stdio.pipe()).stdin(Stdio.discard())
                .pty(PtyOptions.defaults()).output();
        assertTrue(out.status().success());
        assertEquals("out\r\nerr\r\n", out.stdoutText());
        assertEquals("", out.stderrText());
    }

    @Test
    void closingTheChildHangsUpTheTerminal() throws Exception {
        Child c = Command.of("sleep", "30").pty(PtyOptions.defaults()).spawn();
        try {
            c.close(); // closes every master descriptor: the kernel hangs the terminal up
            assertEquals(ExitStatus.signaled(Signal.of("SIGHUP"), false), c.waitFor());
        } finally {
            Children.reap(c);
        }
    }

    @Test
    // Linux only: masters are told from slaves by their /proc link to /dev/ptmx (macOS's /dev/fd shows both as
    // character devices), flags read from /proc/self/fdinfo. aFailedSpawnClosesTheTerminal runs on both.
    @EnabledOnOs(OS.LINUX)
    void noDescriptorLeaksInTheParentOrTheChild() throws Exception {
        Set<Integer> before = ptmxFds();
        java.util.Map<Integer, String> kindsBefore = io.prockit.posix.Procs.prockitKindFds();
        Set<Integer> during;
        try (Child c = sh("for f in /dev/fd/*; do [ -e \"$f\" ] && echo \"fd ${f##*/}\"; done; true")
                .pty(PtyOptions.defaults()).spawn()) {
            during = ptmxFds();
            during.removeAll(before);
            assertEquals(3, during.size(), "the master and its two duplicates: " + during);
            java.util.Map<Integer, String> added = io.prockit.posix.Procs.newKindFds(kindsBefore);
            assertTrue(added.values().stream().noneMatch(t -> t.startsWith("/dev/pts/")),
                    "the parent keeps no slave open: " + added);
            for (int fd : during) {
                String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
                        .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
                int octal = Integer.parseInt(flags.substring(6).trim(), 8);
                assertTrue((octal & 02000000) != 0, "O_CLOEXEC on fd " + fd + ": " + flags);
            }
            String text = Children.readAll(c.stdout());
            assertTrue(c.waitFor().success(), text);
            assertEquals(List.of("fd 0", "fd 1", "fd 2"), text.lines().toList(), "the child holds only the slave");
        }
        Set<Integer> after = ptmxFds();
        for (int fd : during) {
            assertFalse(after.contains(fd), "fd " + fd + " still open on /dev/ptmx after close()");
        }
        // Nothing else of the kinds a pty spawn opens (slave, pipes, pidfd) is left either.
        java.util.Map<Integer, String> left = io.prockit.posix.Procs.newKindFds(kindsBefore);
        // Released once the reaper is done (pidfd); created once per JVM by the first spawn (the reaper's epoll set).
        left.values().removeIf(t -> t.startsWith("anon_inode:[pidfd]") || t.equals("anon_inode:[eventpoll]"));
        assertEquals(java.util.Map.of(), left, "descriptors left after close()");
    }

    @Test
    void aFailedSpawnClosesTheTerminal() throws Exception {
        Command.of("true").stdin(Stdio.discard()).status(); // the reaper's own descriptors exist from here on
        java.util.Map<Integer, String> before = io.prockit.posix.Procs.prockitKindFds();
        io.prockit.OsException e = assertThrows(io.prockit.OsException.class,
                () -> Command.of("/nonexistent/prockit-pty").pty(PtyOptions.defaults()).spawn());
        assertEquals(io.prockit.ErrorKind.NOT_FOUND, e.kind());
        // Master, its duplicates, the slave (Linux: /dev/ptmx and /dev/pts/N; macOS: character devices).
        assertEquals(java.util.Map.of(), io.prockit.posix.Procs.newKindFds(before),
                "the terminal's descriptors were closed");
    }

    /** @return this process's descriptors open on /dev/ptmx (Linux: pty masters) */
    private static Set<Integer> ptmxFds() {
        Set<Integer> out = new TreeSet<>();
        io.prockit.posix.Procs.prockitKindFds().forEach((fd, target) -> {
            if (target.equals("/dev/ptmx")) {
                out.add(fd);
            }
        });
        return out;
    }

    @Test
    void badSizesAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new PtyOptions(0, 80));
        assertThrows(IllegalArgumentException.class, () -> new PtyOptions(24, 0));
        assertThrows(IllegalArgumentException.class, () -> new PtyOptions(65536, 80));
        assertThrows(IllegalArgumentException.class, () -> new PtyOptions(24, -1));
        try (Child c = sh("read x; stty size").pty(new PtyOptions(24, 80)).spawn()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.resizePty(-3, 80));
            assertTrue(e.getMessage().contains("-3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.resizePty(24, 70000));
            c.stdin().write("\n".getBytes(StandardCharsets.UTF_8));
            c.stdin().flush();
            assertTrue(Children.readAll(c.stdout()).endsWith("24 80\r\n"), "the refused sizes changed nothing");
            assertTrue(c.waitFor().success());
            c.close();
            assertThrows(IllegalStateException.class, () -> c.resizePty(24, 80), "closed: the master is gone");
        }
    }

    @Test
    void resizingAChildWithoutATerminalIsUnsupported() throws Exception {
        try (Child c = Command.of("true").spawn()) {
            c.waitFor();
            assertThrows(UnsupportedOperationException.class, () -> c.resizePty(24, 80));
        }
    }

    @Test
    void pythonSeesATerminal() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "python3"))), "python3 is not on the PATH");
        Output out = Command.of("python3", "-c",
                "import os,sys; print(os.isatty(0), os.isatty(1), os.isatty(2), tuple(os.get_terminal_size()))")
                .pty(new PtyOptions(33, 101)).output();
        assertTrue(out.status().success(), out.status() + " " + out.stdoutText());
        assertEquals("True True True (101, 33)\r\n", out.stdoutText());
    }
}
