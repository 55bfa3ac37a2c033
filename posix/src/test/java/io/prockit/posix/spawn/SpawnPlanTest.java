package io.prockit.posix.spawn;

import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.linux.LinuxConstants;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.FileAction;
import io.prockit.PosixOptions;
import io.prockit.PosixSpawnAttributes;
import io.prockit.PtyOptions;
import io.prockit.SchedParam;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SpawnPlan} without native code: what a request and {@code Os.posixSpawn}'s input become, with the
 * file actions run on a model of the child's descriptor table. Runs on any OS (the file system is only used
 * for PATH search and failure probes, on temporary files).
 */
class SpawnPlanTest {
    /** Paths in plans that are never run: no file is looked at. */
    private static final String TRUE = "/bin/true"; // os-scan: a path in a plan, never run
    private static final String ECHO = "/bin/echo"; // os-scan: a path in a plan, never run

    private static final PosixConstants LINUX = new PosixConstants("Linux", LinuxConstants.class);
    private static final PosixConstants DARWIN = new PosixConstants("macOS", DarwinConstants.class);

    private static FakeContext linux() {
        return new FakeContext(LINUX, false, Map.of("PATH", "/bin:/usr/bin"), Path.of("/"), Set.of(0, 1, 2));
    }

    private static SpawnRequest request(Stdio in, Stdio out, Stdio err, Map<Integer, Integer> extra) {
        return new SpawnRequest(TRUE, List.of("true"), false, EnvironmentSpec.inherit(), null, in, out, err,
                extra, null, false, false, PosixOptions.defaults(), WindowsOptions.defaults());
    }

    /**
     * Runs the file actions on a table of the parent's descriptors ({@code "P<n>"}); opened files are
     * {@code "F<path>"}. Closing a closed descriptor is ignored, as glibc does.
     */
    private static Map<Integer, String> run(SpawnPlan plan, Set<Integer> parent) {
        Map<Integer, String> table = new HashMap<>();
        for (int fd : parent) {
            table.put(fd, "P" + fd);
        }
        for (SpawnPlan.Action a : plan.fileActions()) {
            if (a instanceof SpawnPlan.Dup2 d) {
                String file = table.get(d.from());
                assertTrue(file != null, "dup2 from closed " + d.from() + ": " + plan.fileActions());
                table.put(d.to(), file);
            } else if (a instanceof SpawnPlan.Open o) {
                table.put(o.fd(), "F" + o.path());
            } else if (a instanceof SpawnPlan.Close cl) {
                table.remove(cl.fd());
            } else if (a instanceof SpawnPlan.CloseOpen co) {
                table.keySet().removeIf(fd -> fd >= co.from() && fd < co.to() && !co.keep().contains(fd));
            } else if (a instanceof SpawnPlan.Closefrom cf) {
                table.keySet().removeIf(fd -> fd >= cf.fd());
            }
        }
        return table;
    }

    @Test
    void stderrOntoTheParentsStdoutBesideAStdoutPipe() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.pipe(), Stdio.fd(1), Map.of()),
                new SpawnPlan.ChildEnds(-1, 7, -1, null), linux());
        assertEquals(Map.of(0, "P0", 1, "P7", 2, "P1"), run(plan, Set.of(0, 1, 2, 7, 8, 9)));
    }

    @Test
    void anExtraDescriptorOntoTheParentsStdoutBesideAStdoutPipe() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.pipe(), Stdio.inherit(), Map.of(5, 1)),
                new SpawnPlan.ChildEnds(-1, 7, -1, null), linux());
        assertEquals(Map.of(0, "P0", 1, "P7", 2, "P2", 5, "P1"), run(plan, Set.of(0, 1, 2, 3, 4, 5, 7)));
    }

    @Test
    void stdoutOntoTheParentsStdinBesideAStdinPipe() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.pipe(), Stdio.fd(0), Stdio.inherit(), Map.of()),
                new SpawnPlan.ChildEnds(6, -1, -1, null), linux());
        assertEquals(Map.of(0, "P6", 1, "P0", 2, "P2"), run(plan, Set.of(0, 1, 2, 6)));
    }

    @Test
    void swappedExtraDescriptors() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(38, 39, 39, 38)),
                SpawnPlan.ChildEnds.NONE, linux());
        Map<Integer, String> table = run(plan, Set.of(0, 1, 2, 10, 38, 39));
        assertEquals(Map.of(0, "P0", 1, "P1", 2, "P2", 38, "P39", 39, "P38"), table);
    }

    @Test
    void theStandardDescriptorsRotated() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.fd(1), Stdio.fd(2), Stdio.fd(0), Map.of()),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(Map.of(0, "P1", 1, "P2", 2, "P0"), run(plan, Set.of(0, 1, 2)));
    }

    @Test
    void toStdoutFollowsWhatStdoutBecomes() {
        SpawnPlan toFile = SpawnPlan.of(request(Stdio.discard(), Stdio.to(Path.of("/tmp/out")), Stdio.toStdout(),
                Map.of()), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(Map.of(0, "F/dev/null", 1, "F/tmp/out", 2, "F/tmp/out"), run(toFile, Set.of(0, 1, 2)));
        SpawnPlan toFd = SpawnPlan.of(request(Stdio.inherit(), Stdio.fd(5), Stdio.toStdout(), Map.of(5, 1)),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(Map.of(0, "P0", 1, "P5", 2, "P5", 5, "P1"), run(toFd, Set.of(0, 1, 2, 5)));
    }

    @Test
    void aFileOpenedOntoADescriptorAMoveReadsComesAfterTheMove() {
        // fd(4, 1) and stdout to a file: 4 gets the parent's 1, not the file.
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.to(Path.of("/tmp/f")), Stdio.inherit(),
                Map.of(4, 1)), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(Map.of(0, "P0", 1, "F/tmp/f", 2, "P2", 4, "P1"), run(plan, Set.of(0, 1, 2, 3)));
    }

    @Test
    void linuxClosesEverythingElseFromThree() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of()),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(List.of(new SpawnPlan.Closefrom(3)), plan.fileActions());
        assertNull(plan.envp(), "an unchanged environment is the live one");
        SpawnPlan extra = SpawnPlan.of(request(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(6, 6)),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(Map.of(0, "P0", 1, "P1", 2, "P2", 6, "P6"), run(extra, Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        assertTrue(extra.fileActions().contains(new SpawnPlan.Dup2(6, 6, true, "fd(6, 6)")),
                "an identity above 2 loses close-on-exec through dup2(fd, fd): " + extra.fileActions());
    }

    @Test
    void macOsInheritsOnlyOpenStandardStreamsAndClosesNothing() {
        FakeContext mac = new FakeContext(DARWIN, true, Map.of(), Path.of("/"), Set.of(0, 2));
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(7, 8, 8, 9)),
                SpawnPlan.ChildEnds.NONE, mac);
        assertTrue(plan.fileActions().contains(new SpawnPlan.Inherit(0, "stdin(Stdio.inherit())")), plan.toString());
        assertFalse(plan.fileActions().stream().anyMatch(a -> a instanceof SpawnPlan.Inherit i && i.fd() == 1));
        assertFalse(plan.fileActions().stream().anyMatch(a -> a instanceof SpawnPlan.Closefrom));
        assertTrue((plan.flags() & DARWIN.optional("POSIX_SPAWN_CLOEXEC_DEFAULT").orElseThrow()) != 0);
        // A chain is planned, not refused (9, no target, is closed at the exec by CLOEXEC_DEFAULT).
        assertEquals(Map.of(0, "P0", 2, "P2", 7, "P8", 8, "P9", 9, "P9"), run(plan, Set.of(0, 2, 8, 9)));
    }

    @Test
    void signalStateIsResetByDefaultForBothEntryPoints() {
        SpawnPlan cmd = SpawnPlan.of(request(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of()),
                SpawnPlan.ChildEnds.NONE, linux());
        int both = LINUX.POSIX_SPAWN_SETSIGMASK | LINUX.POSIX_SPAWN_SETSIGDEF;
        assertEquals(both, cmd.flags() & both);
        assertEquals(SpawnPlan.Signals.NONE, cmd.sigmask());
        assertEquals(SpawnPlan.Signals.ALL, cmd.sigdefault());
        SpawnPlan py = SpawnPlan.of(TRUE, List.of("true"), Map.of(), PosixSpawnAttributes.defaults(), false,
                linux());
        assertEquals(both, py.flags() & both);
        assertEquals(SpawnPlan.Signals.NONE, py.sigmask());
        assertEquals(SpawnPlan.Signals.ALL, py.sigdefault());
        SpawnPlan asked = SpawnPlan.of(TRUE, List.of("true"), Map.of(),
                PosixSpawnAttributes.defaults().withSetsigmask(Set.of(10)).withSetsigdef(Set.of(2)), false, linux());
        assertEquals(SpawnPlan.Signals.of(Set.of(10)), asked.sigmask());
        assertEquals(SpawnPlan.Signals.of(Set.of(2)), asked.sigdefault());
        assertThrows(IllegalArgumentException.class, () -> SpawnPlan.of(TRUE, List.of("true"), Map.of(),
                PosixSpawnAttributes.defaults().withSetsigdef(Set.of(LINUX.NSIG)), false, linux()));
    }

    @Test
    void schedulerSetsBothFlagsAndIsRefusedWhereMissing() {
        PosixSpawnAttributes a = PosixSpawnAttributes.defaults().withScheduler(1, new SchedParam(5));
        SpawnPlan plan = SpawnPlan.of(TRUE, List.of("true"), Map.of(), a, false, linux());
        int flags = LINUX.optional("POSIX_SPAWN_SETSCHEDULER").orElseThrow()
                | LINUX.optional("POSIX_SPAWN_SETSCHEDPARAM").orElseThrow();
        assertEquals(flags, plan.flags() & flags);
        assertEquals(1, plan.schedPolicy());
        assertEquals(5, plan.schedPriority());
        FakeContext mac = new FakeContext(DARWIN, true, Map.of(), Path.of("/"), Set.of(0, 1, 2));
        assertThrows(UnsupportedOperationException.class,
                () -> SpawnPlan.of(TRUE, List.of("true"), Map.of(), a, false, mac));
    }

    @Test
    void posixSpawnFileActionsRunInTheCallersOrderThenTheRestIsClosed() {
        SpawnPlan plan = SpawnPlan.of(TRUE, List.of("true"), Map.of("A", "1"),
                PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.open(1, "/tmp/o", 1, 0644),
                        FileAction.dup2(1, 2), FileAction.dup2(1, 5))), false, linux());
        assertEquals(List.of("A=1"), plan.envp());
        // Sequential, as Python: 2 and 5 get the file opened as 1.
        assertEquals(Map.of(0, "P0", 1, "F/tmp/o", 2, "F/tmp/o", 5, "F/tmp/o"), run(plan, Set.of(0, 1, 2, 3, 4, 9)));
        assertEquals(new SpawnPlan.Dup2(1, 2, false, "POSIX_SPAWN_DUP2(1, 2)"), plan.fileActions().get(1),
                "a descriptor an earlier action made is not the parent's");
    }

    @Test
    void pathIsSearchedInTheChildsEnvironment(@TempDir Path dir) throws Exception {
        Path exe = dir.resolve("prog");
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        SpawnRequest r = new SpawnRequest("prog", List.of("prog"), true,
                new EnvironmentSpec(false, Map.of("PATH", dir.toString())), null, Stdio.inherit(), Stdio.inherit(),
                Stdio.inherit(), Map.of(), null, false, false, PosixOptions.defaults(), WindowsOptions.defaults());
        SpawnPlan plan = SpawnPlan.of(r, SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(exe.toString(), plan.path());
        assertEquals("posix_spawnp", plan.operation());
        assertTrue(plan.envp().contains("PATH=" + dir), plan.envp().toString());
        // Inherited unchanged: the live PATH, which does not have it.
        SpawnRequest inherited = new SpawnRequest("prog", List.of("prog"), true, EnvironmentSpec.inherit(), null,
                Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(), null, false, false,
                PosixOptions.defaults(), WindowsOptions.defaults());
        FakeContext live = new FakeContext(LINUX, false, Map.of("PATH", dir.resolve("elsewhere").toString()), Path.of("/"),
                Set.of(0, 1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SpawnPlan.of(inherited, SpawnPlan.ChildEnds.NONE, live));
        assertEquals("posix_spawnp(prog) errno " + LINUX.ENOENT, e.getMessage());
    }

    @Test
    void aPtyPutsTheSlaveOnTheStandardDescriptorsInANewSession() {
        SpawnRequest r = new SpawnRequest("/bin/sh", List.of("sh"), false, EnvironmentSpec.inherit(), null,
                Stdio.pipe(), Stdio.pipe(), Stdio.pipe(), Map.of(), null, true, false, PosixOptions.defaults(),
                WindowsOptions.defaults(), new PtyOptions(24, 80));
        SpawnPlan plan = SpawnPlan.of(r, new SpawnPlan.ChildEnds(-1, -1, -1, "/dev/pts/9"), linux());
        assertEquals(Map.of(0, "F/dev/pts/9", 1, "F/dev/pts/9", 2, "F/dev/pts/9"), run(plan, Set.of(0, 1, 2)));
        assertTrue(plan.newSession(LINUX));
        assertEquals(new SpawnPlan.Open(0, "/dev/pts/9", LINUX.O_RDWR, 0, "pty slave"), plan.fileActions().get(0),
                "the slave is the first file opened after setsid: it becomes the controlling terminal");
    }

    @Test
    void failuresNameTheStepThatFailed(@TempDir Path dir) throws Exception {
        Path missingDir = dir.resolve("gone");
        SpawnRequest r = new SpawnRequest(TRUE, List.of("true"), false, EnvironmentSpec.inherit(), missingDir,
                Stdio.from(dir.resolve("nofile")), Stdio.fd(40), Stdio.inherit(), Map.of(), null, false, false,
                PosixOptions.defaults(), WindowsOptions.defaults());
        SpawnPlan plan = SpawnPlan.of(r, SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(new SpawnFailure.Blame("chdir", missingDir.toString()),
                SpawnFailure.blame(plan, LINUX.ENOENT, LINUX, fd -> fd != 40));
        Files.createDirectory(missingDir);
        assertEquals(new SpawnFailure.Blame("open", dir.resolve("nofile").toString()),
                SpawnFailure.blame(plan, LINUX.ENOENT, LINUX, fd -> fd != 40));
        assertEquals(new SpawnFailure.Blame("dup2", "40"), SpawnFailure.blame(plan, LINUX.EBADF, LINUX, fd -> fd != 40));
        assertEquals(new SpawnFailure.Blame("posix_spawn", TRUE),
                SpawnFailure.blame(plan, LINUX.EACCES, LINUX, fd -> true));
    }

    @Test
    void aHighTargetClosesTheGapFromAListingNotOneByOne() {
        SpawnPlan plan = SpawnPlan.of(request(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(100_000, 1)),
                SpawnPlan.ChildEnds.NONE, linux());
        assertTrue(plan.fileActions().size() < 10, plan.fileActions().toString());
        assertEquals(Map.of(0, "P0", 1, "P1", 2, "P2", 100_000, "P1"), run(plan, Set.of(0, 1, 2, 5, 700)));
    }

    @Test
    void posixSpawnAndCommandPlanTheSameChild() {
        // Os.posixSpawn(ECHO, ["echo", "hi"], {"A": "1"}) and Command.of(ECHO, "hi").environment(A=1).
        SpawnPlan py = SpawnPlan.of(ECHO, List.of("echo", "hi"), Map.of("A", "1"),
                PosixSpawnAttributes.defaults(), false, linux());
        SpawnRequest r = new SpawnRequest(ECHO, List.of("echo", "hi"), false,
                new EnvironmentSpec(true, Map.of("A", "1")), null, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, false, PosixOptions.defaults(), WindowsOptions.defaults());
        SpawnPlan cmd = SpawnPlan.of(r, SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(cmd, py);
    }

    /**
     * Every mix of inherited streams and pipes (the common spawns, which skip the general parallel move): the
     * actions the general machinery gives them, on Linux and macOS. Passes on the code before the shortcut too,
     * so the shortcut plans these spawns exactly as before.
     */
    @Test
    void inheritedStreamsAndPipesPlanTheSameActionsAsTheGeneralMove() {
        String[] names = {"stdin", "stdout", "stderr"};
        int[] pipeEnds = {10, 13, 15};
        FakeContext mac = new FakeContext(DARWIN, true, Map.of(), Path.of("/"), Set.of(0, 2));
        for (int mix = 0; mix < 8; mix++) {
            Stdio[] std = new Stdio[3];
            int[] ends = new int[3];
            for (int fd = 0; fd <= 2; fd++) {
                boolean pipe = (mix & (1 << fd)) != 0;
                std[fd] = pipe ? Stdio.pipe() : Stdio.inherit();
                ends[fd] = pipe ? pipeEnds[fd] : -1;
            }
            SpawnPlan.ChildEnds childEnds = new SpawnPlan.ChildEnds(ends[0], ends[1], ends[2], null);
            List<SpawnPlan.Action> moves = new java.util.ArrayList<>();
            for (int fd = 0; fd <= 2; fd++) {
                if (ends[fd] >= 0) {
                    moves.add(new SpawnPlan.Dup2(ends[fd], fd, false, names[fd] + "(Stdio.pipe())"));
                }
            }
            List<SpawnPlan.Action> onLinux = new java.util.ArrayList<>(moves);
            onLinux.add(new SpawnPlan.Closefrom(3));
            assertEquals(onLinux, SpawnPlan.of(request(std[0], std[1], std[2], Map.of()), childEnds, linux())
                    .fileActions(), "Linux, mix " + mix);
            List<SpawnPlan.Action> onMac = new java.util.ArrayList<>(moves);
            for (int fd = 0; fd <= 2; fd++) {
                if (ends[fd] < 0 && mac.open().contains(fd)) {
                    onMac.add(new SpawnPlan.Inherit(fd, names[fd] + "(Stdio.inherit())"));
                }
            }
            assertEquals(onMac, SpawnPlan.of(request(std[0], std[1], std[2], Map.of()), childEnds, mac).fileActions(),
                    "macOS, mix " + mix);
        }
    }

    /** A pipe end numbered 0..2 (never one of prockit's, which are moved above 2) still goes through the move. */
    @Test
    void aPipeEndAmongTheStandardDescriptorsIsMovedInParallel() {
        // stdin's end is 5, stdout's end is 0: copying 5 onto 0 first would lose what stdout needs.
        SpawnPlan plan = SpawnPlan.of(request(Stdio.pipe(), Stdio.pipe(), Stdio.inherit(), Map.of()),
                new SpawnPlan.ChildEnds(5, 0, -1, null), linux());
        assertEquals(Map.of(0, "P5", 1, "P0", 2, "P2"), run(plan, Set.of(0, 1, 2, 5)), plan.fileActions().toString());
    }
}
