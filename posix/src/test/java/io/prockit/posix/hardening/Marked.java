package io.prockit.posix.hardening;

import io.prockit.posix.Procs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Processes a test started, recognised by a random token in their command line ({@code sleep 300
 * 0.0<digits>}: coreutils sleep adds its arguments, so the token costs a fraction of a second). Lets a test
 * count what survived with /proc and kill exactly those, whoever their parent is now (Linux only).
 */
final class Marked {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Marked() {
    }

    /** @return a fresh token, e.g. {@code 0.0123456789} */
    static String token() {
        StringBuilder sb = new StringBuilder("0.0");
        for (int i = 0; i < 9; i++) {
            sb.append(1 + RANDOM.nextInt(9));
        }
        return sb.toString();
    }

    /** @return a shell command sleeping long, marked with {@code token} */
    static String sleep(String token) {
        return "sleep 300 " + token;
    }

    /** @return pids of live (not zombie) processes whose command line holds {@code token} */
    static List<Integer> alive(String token) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) { // os-scan: used by Linux-only tests
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                int pid = Integer.parseInt(name);
                String cmd = cmdline(pid);
                if (cmd != null && cmd.contains(token) && !zombie(pid)) {
                    out.add(pid);
                }
            }
        }
        return out;
    }

    /**
     * Kills every live process carrying {@code token} (its command line checked again right before each
     * signal), shells first so that they start no more, and again until none is left.
     */
    static int killAll(String token) throws IOException {
        int n = 0;
        for (int round = 0; round < 50; round++) {
            List<Integer> live = alive(token);
            if (live.isEmpty()) {
                break;
            }
            for (boolean shells : new boolean[] {true, false}) {
                for (int pid : live) {
                    String cmd = cmdline(pid);
                    if (cmd != null && cmd.contains(token) && cmd.startsWith("/bin/sh") == shells) {
                        try {
                            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                            n++;
                        } catch (RuntimeException ignored) {
                            // gone meanwhile
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Waits (bounded) until no live process carries {@code token}; returns the survivors then. */
    static List<Integer> awaitNone(String token, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        List<Integer> left = alive(token);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            left = alive(token);
        }
        return left;
    }

    static String cmdline(int pid) throws IOException {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")); // os-scan: used by Linux-only tests
            return new String(b, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            if (Procs.vanished(e, pid)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean zombie(int pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat")); // os-scan: used by Linux-only tests
            char s = stat.charAt(stat.lastIndexOf(')') + 2);
            return s == 'Z' || s == 'X';
        } catch (NoSuchFileException gone) {
            return true;
        } catch (IOException e) {
            if (Procs.vanished(e, pid)) {
                return true;
            }
            throw e;
        }
    }
}
