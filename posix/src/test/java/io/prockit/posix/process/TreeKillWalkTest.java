package io.prockit.posix.process;

import io.prockit.posix.PosixBackend;
import io.prockit.posix.Procs;
import io.prockit.Stdio;
import io.prockit.PosixOptions;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both walks of {@link TreeKill} on a busy forking tree: the pidfd walk (Linux) and the portable walk over
 * the process table with (pid, start time) checks that macOS uses, run here on Linux.
 */
// Linux only: the test drives both walks on one machine (the pidfd walk exists only here) with trees of up to
// 3,000 processes, over macOS's default per-user process limit; on macOS KillTreeTest covers the table walk.
@EnabledOnOs(OS.LINUX)
class TreeKillWalkTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest(name = "pidfds {0}")
    @ValueSource(booleans = {true, false})
    void bothWalksLeaveNoDescendantOfABusyTree(boolean pidfds) throws Exception {
        PosixBackend backend = backend(); // spawned through the backend itself, so the test holds the PosixChild
        int survivors = 0;
        for (int run = 0; run < 3; run++) {
            String t = "0.0" + (100_000_000 + RANDOM.nextInt(800_000_000));
            String loop = "i=0; while [ $i -lt 1500 ]; do sleep 300 " + t + " & i=$((i+1)); done; wait";
            List<String> argv = List.of("/bin/sh", "-c", "(" + loop + ") & " + loop);
            PosixChild c = (PosixChild) backend.spawn(new SpawnRequest(argv.get(0), argv, false,
                    EnvironmentSpec.inherit(), null, Stdio.discard(), Stdio.discard(), Stdio.inherit(), Map.of(),
                    null, false, false, PosixOptions.defaults(), WindowsOptions.defaults()));
            try {
                long end = System.nanoTime() + 30_000_000_000L;
                while (marked(t).size() < 40) {
                    assertTrue(System.nanoTime() < end, "the tree never got busy");
                    Thread.sleep(5);
                }
                boolean[] alive = c.context().treeKill.signalTrees(List.of(c), c.context().c.SIGKILL, pidfds);
                assertTrue(alive[0]);
                c.awaitTermination(Duration.ofSeconds(30).toNanos());
                long settle = System.nanoTime() + 2_000_000_000L;
                List<Integer> left = marked(t);
                while (!left.isEmpty() && System.nanoTime() < settle) {
                    Thread.sleep(20);
                    left = marked(t);
                }
                survivors += left.size();
            } finally {
                c.kill();
                c.awaitTermination(Long.MAX_VALUE);
                c.closeStreams();
                for (int round = 0; round < 50 && !marked(t).isEmpty(); round++) {
                    for (int pid : marked(t)) { // shells first would be nicer; repeated rounds catch new forks
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            }
        }
        assertEquals(0, survivors, "descendants that outlived the " + (pidfds ? "pidfd" : "table") + " walk");
    }

    /**
     * The backend {@code Os} and {@code Command} use (core's backend selection is not exported: found reflectively,
     * tests run on the class path). Not a second {@code new PosixBackend()}: its reaper thread would outlive this
     * test and break LifecycleTest's "one reaper thread at most" in the same JVM.
     */
    private static PosixBackend backend() {
        try {
            return (PosixBackend) Class.forName("io.prockit.internal.Backends").getMethod("get").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Live, non-zombie processes whose command line holds {@code token}. */
    private static List<Integer> marked(String token) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String stat = Files.readString(p.resolve("stat"));
                    char st = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (cmd.contains(token) && st != 'Z' && st != 'X') {
                        out.add(Integer.parseInt(name));
                    }
                } catch (NoSuchFileException gone) {
                    // ended meanwhile
                } catch (IOException e) {
                    if (!Procs.vanished(e, Integer.parseInt(name))) {
                        throw e;
                    }
                }
            }
        }
        return out;
    }
}
