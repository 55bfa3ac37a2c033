package io.prockit.posix;

import io.prockit.Os;
import io.prockit.posix.platform.PosixStatusCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait-status decoders against the C macros: glibc's compiled, xnu's transcribed. */
class PosixStatusCodecTest {

    /** Every 16-bit status, then a band above and the edges of int. */
    static List<Integer> statuses() {
        List<Integer> r = new ArrayList<>();
        for (int s = 0; s <= 0x2ffff; s++) {
            r.add(s);
        }
        for (int s : new int[] {0x7fffffff, 0x80000000, 0xffffffff, 0xffff00ff, 0xffffff7f, 0x8000137f, 0x7fff0000,
                0x100ffff, -2, -128, -129}) {
            r.add(s);
        }
        return r;
    }

    static String decode(PosixStatusCodec c, long s) {
        return (c.ifExited(s) ? 1 : 0) + " " + c.exitStatus(s) + " " + (c.ifSignaled(s) ? 1 : 0) + " " + c.termSig(s)
                + " " + (c.coreDump(s) ? 1 : 0) + " " + (c.ifStopped(s) ? 1 : 0) + " " + c.stopSig(s) + " "
                + (c.ifContinued(s) ? 1 : 0);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the Linux codec against glibc's macros (gcc)
    void linuxMatchesGlibcForEveryStatus(@TempDir Path dir) throws Exception {
        List<Integer> all = statuses();
        StringBuilder src = new StringBuilder("""
                #include <stdio.h>
                #include <sys/wait.h>
                static void one(int s) {
                  printf("%d %d %d %d %d %d %d %d\\n", WIFEXITED(s) ? 1 : 0, WEXITSTATUS(s), WIFSIGNALED(s) ? 1 : 0,
                         WTERMSIG(s), WCOREDUMP(s) ? 1 : 0, WIFSTOPPED(s) ? 1 : 0, WSTOPSIG(s), WIFCONTINUED(s) ? 1 : 0);
                }
                int main(void) {
                  for (int s = 0; s <= 0x2ffff; s++) one(s);
                """);
        for (int s : all.subList(0x30000, all.size())) {
            src.append("  one((int) ").append(Integer.toUnsignedString(s)).append("u);\n");
        }
        src.append("  return 0;\n}\n");
        String[] lines = Gcc.compileAndRun(dir, src.toString()).split("\n");
        assertEquals(all.size(), lines.length);
        int mismatches = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            long s = all.get(i) & 0xffffffffL; // the status as prockit carries it: the C int's 32 bits
            String java = decode(PosixStatusCodec.LINUX, s);
            if (!java.equals(lines[i])) {
                if (mismatches++ < 5) {
                    first.append(String.format("0x%x: java [%s] glibc [%s]%n", s, java, lines[i]));
                }
            }
        }
        assertEquals(0, mismatches, "statuses decoded differently from glibc:\n" + first);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void osFaceUsesTheRunningCodec() {
        PosixStatusCodec running = Procs.LINUX ? PosixStatusCodec.LINUX : PosixStatusCodec.DARWIN;
        for (int s = 0; s <= 0xffff; s++) {
            assertEquals(running.ifExited(s), Os.WIFEXITED(s));
            assertEquals(running.exitStatus(s), Os.WEXITSTATUS(s));
            assertEquals(running.ifSignaled(s), Os.WIFSIGNALED(s));
            assertEquals(running.termSig(s), Os.WTERMSIG(s));
            assertEquals(running.coreDump(s), Os.WCOREDUMP(s));
            assertEquals(running.ifStopped(s), Os.WIFSTOPPED(s));
            assertEquals(running.stopSig(s), Os.WSTOPSIG(s));
            assertEquals(running.ifContinued(s), Os.WIFCONTINUED(s));
        }
    }

    // ---- xnu bsd/sys/wait.h, transcribed from darwin-constants.txt (macro lines) ---------------------
    private static final int DARWIN_WSTOPPED = 0177;
    private static final int DARWIN_SIGCONT = 0x13;

    private static int wstatus(int x) {
        return x & 0177;
    }

    private static int darwinStopSig(int x) {
        return x >> 8;
    }

    static String darwinMacros(int x) {
        boolean exited = wstatus(x) == 0;
        int exitStatus = (x >> 8) & 0x000000ff;
        boolean signaled = wstatus(x) != DARWIN_WSTOPPED && wstatus(x) != 0;
        int termSig = wstatus(x);
        boolean core = (x & 0200) != 0;
        boolean stopped = wstatus(x) == DARWIN_WSTOPPED && darwinStopSig(x) != DARWIN_SIGCONT;
        boolean continued = wstatus(x) == DARWIN_WSTOPPED && darwinStopSig(x) == DARWIN_SIGCONT;
        return (exited ? 1 : 0) + " " + exitStatus + " " + (signaled ? 1 : 0) + " " + termSig + " " + (core ? 1 : 0)
                + " " + (stopped ? 1 : 0) + " " + darwinStopSig(x) + " " + (continued ? 1 : 0);
    }

    @Test
    void darwinMatchesXnuMacrosForEveryStatus() {
        int mismatches = 0;
        StringBuilder first = new StringBuilder();
        for (int s : statuses()) {
            String java = decode(PosixStatusCodec.DARWIN, s & 0xffffffffL);
            String xnu = darwinMacros(s);
            if (!java.equals(xnu) && mismatches++ < 5) {
                first.append(String.format("0x%x: java [%s] xnu [%s]%n", s, java, xnu));
            }
        }
        assertEquals(0, mismatches, "statuses decoded differently from xnu's macros:\n" + first);
    }

    @Test
    void continuedIsEncodedDifferently() {
        // darwin-constants.txt, note wait-status: Darwin reports "continued" as W_STOPCODE(SIGCONT) = 0x137f.
        assertTrue(PosixStatusCodec.DARWIN.ifContinued(0x137f));
        assertFalse(PosixStatusCodec.DARWIN.ifStopped(0x137f));
        assertEquals(0x137f, PosixStatusCodec.DARWIN.continuedStatus());
        // ... which glibc reads as "stopped by signal 19" (SIGSTOP on Linux); glibc's continued is 0xffff.
        assertTrue(PosixStatusCodec.LINUX.ifStopped(0x137f));
        assertEquals(19, PosixStatusCodec.LINUX.stopSig(0x137f));
        assertFalse(PosixStatusCodec.LINUX.ifContinued(0x137f));
        assertTrue(PosixStatusCodec.LINUX.ifContinued(0xffff));
        assertEquals(0xffff, PosixStatusCodec.LINUX.continuedStatus());
        assertFalse(PosixStatusCodec.DARWIN.ifContinued(0xffff));
    }

    @Test
    void encodersRoundTrip() {
        for (PosixStatusCodec c : List.of(PosixStatusCodec.LINUX, PosixStatusCodec.DARWIN)) {
            for (int code = 0; code <= 255; code++) {
                long s = c.exitedStatus(code);
                assertTrue(c.ifExited(s));
                assertEquals(code, c.exitStatus(s));
                assertFalse(c.ifSignaled(s) || c.ifStopped(s) || c.ifContinued(s));
            }
            for (int sig = 1; sig < 0x7f; sig++) {
                for (boolean core : new boolean[] {false, true}) {
                    long s = c.signaledStatus(sig, core);
                    assertTrue(c.ifSignaled(s), c + " " + sig);
                    assertEquals(sig, c.termSig(s));
                    assertEquals(core, c.coreDump(s));
                    assertFalse(c.ifExited(s) || c.ifStopped(s) || c.ifContinued(s));
                }
            }
            for (int sig = 1; sig < 32; sig++) {
                long s = c.stoppedStatus(sig);
                boolean darwinCont = c == PosixStatusCodec.DARWIN && sig == DARWIN_SIGCONT;
                assertEquals(!darwinCont, c.ifStopped(s));
                assertEquals(sig, c.stopSig(s));
            }
            long cont = c.continuedStatus();
            assertTrue(c.ifContinued(cont));
            assertFalse(c.ifExited(cont) || c.ifSignaled(cont) || c.ifStopped(cont));
        }
    }
}
