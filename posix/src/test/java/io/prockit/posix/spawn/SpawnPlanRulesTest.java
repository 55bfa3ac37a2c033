package io.prockit.posix.spawn;

import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.linux.LinuxConstants;
import io.prockit.posix.platform.PosixConstants;

import io.prockit.FileAction;
import io.prockit.PosixOptions;
import io.prockit.PosixSpawnAttributes;
import io.prockit.PtyOptions;
import io.prockit.SchedParam;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.SpawnRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of {@link SpawnPlan} one by one, on the plan's contents (flags, process group, file actions,
 * argv, path, errors): the cases PIT showed {@code SpawnPlanTest} leaves open (issue 18). Pure: no process is
 * started; the file system is touched only for PATH search, in temporary directories.
 */
class SpawnPlanRulesTest {
    private static final PosixConstants LINUX = new PosixConstants("Linux", LinuxConstants.class);
    private static final PosixConstants DARWIN = new PosixConstants("macOS", DarwinConstants.class);
    private static final String TRUE = "/bin/true"; // os-scan: a path in a plan, never run
    private static final String CLOEXEC_DEFAULT = "POSIX_SPAWN_CLOEXEC_DEFAULT";

    private static FakeContext linux() {
        return new FakeContext(LINUX, false, Map.of("PATH", "/nonexistent-prockit"), Path.of("/work/dir"), Set.of(0, 1, 2));
    }

    private static FakeContext mac() {
        return new FakeContext(DARWIN, true, Map.of(), Path.of("/work/dir"), Set.of(0, 1, 2));
    }

    private static SpawnRequest request(String program, boolean search, Stdio in, Stdio out, Stdio err,
                                        Map<Integer, Integer> extra, Integer pgroup, boolean newSession,
                                        PosixOptions posix, PtyOptions pty) {
        return new SpawnRequest(program, List.of("p", "arg"), search, EnvironmentSpec.inherit(), null, in, out, err,
                extra, pgroup, newSession, false, posix, WindowsOptions.defaults(), pty);
    }

    private static SpawnRequest plain(Stdio in, Stdio out, Stdio err, Map<Integer, Integer> extra) {
        return request(TRUE, false, in, out, err, extra, null, false, PosixOptions.defaults(), null);
    }

    private static SpawnPlan py(PosixSpawnAttributes a, SpawnPlan.Context ctx) {
        return SpawnPlan.of(TRUE, List.of("true"), Map.of(), a, false, ctx);
    }

    private static Path executable(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path exe = dir.resolve(name);
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    private static List<SpawnPlan.Action> closes(SpawnPlan plan) {
        List<SpawnPlan.Action> out = new ArrayList<>();
        for (SpawnPlan.Action a : plan.fileActions()) {
            if (a instanceof SpawnPlan.Close || a instanceof SpawnPlan.CloseOpen || a instanceof SpawnPlan.Closefrom) {
                out.add(a);
            }
        }
        return out;
    }

    // ---- flags, session and process group ------------------------------------------------------------

    @Test
    void theProcessGroupRightAfterTheSpawnFollowsTheFlags() {
        SpawnPlan none = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of()),
                SpawnPlan.ChildEnds.NONE, linux());
        assertFalse(none.newSession(LINUX));
        assertEquals(0, none.flags() & (LINUX.POSIX_SPAWN_SETSID | LINUX.POSIX_SPAWN_SETPGROUP));
        assertEquals(42, none.pgidOf(1000, 42, LINUX), "no group asked: the parent's");

        SpawnPlan session = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, true, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, linux());
        assertTrue(session.newSession(LINUX));
        assertEquals(1000, session.pgidOf(1000, 42, LINUX), "a new session: the child leads its group");

        SpawnPlan ownGroup = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), 0, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(LINUX.POSIX_SPAWN_SETPGROUP, ownGroup.flags() & LINUX.POSIX_SPAWN_SETPGROUP);
        assertFalse(ownGroup.newSession(LINUX));
        assertEquals(0, ownGroup.pgroup());
        assertEquals(1000, ownGroup.pgidOf(1000, 42, LINUX), "group 0: a new one led by the child");

        SpawnPlan joined = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), 77, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(77, joined.pgroup());
        assertEquals(77, joined.pgidOf(1000, 42, LINUX), "an existing group joined");
    }

    @Test
    void commandOptionsSetExactlyTheirFlags() {
        int base = LINUX.POSIX_SPAWN_SETSIGMASK | LINUX.POSIX_SPAWN_SETSIGDEF;
        SpawnPlan plain = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of()),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(base, plain.flags());

        SpawnPlan reset = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults().withResetIds(true), null), SpawnPlan.ChildEnds.NONE,
                linux());
        assertEquals(base | LINUX.POSIX_SPAWN_RESETIDS, reset.flags());

        int sched = LINUX.optional("POSIX_SPAWN_SETSCHEDULER").orElseThrow()
                | LINUX.optional("POSIX_SPAWN_SETSCHEDPARAM").orElseThrow();
        SpawnPlan scheduled = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults().withScheduler(2, 7), null), SpawnPlan.ChildEnds.NONE,
                linux());
        assertEquals(base | sched, scheduled.flags());
        assertEquals(2, scheduled.schedPolicy());
        assertEquals(7, scheduled.schedPriority());

        SpawnPlan group = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), 5, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(base | LINUX.POSIX_SPAWN_SETPGROUP, group.flags());

        SpawnPlan noReset = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults().withResetSignals(false), null),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(LINUX.POSIX_SPAWN_SETSIGMASK, noReset.flags());
        assertEquals(SpawnPlan.Signals.NONE, noReset.sigdefault());
    }

    @Test
    void posixSpawnAttributesSetExactlyTheirFlags() {
        int base = LINUX.POSIX_SPAWN_SETSIGMASK | LINUX.POSIX_SPAWN_SETSIGDEF;
        assertEquals(base, py(PosixSpawnAttributes.defaults(), linux()).flags());
        SpawnPlan group = py(PosixSpawnAttributes.defaults().withSetpgroup(9), linux());
        assertEquals(base | LINUX.POSIX_SPAWN_SETPGROUP, group.flags());
        assertEquals(9, group.pgroup());
        assertEquals(9, group.pgidOf(1000, 42, LINUX));
        assertEquals(base | LINUX.POSIX_SPAWN_RESETIDS,
                py(PosixSpawnAttributes.defaults().withResetids(true), linux()).flags());
        SpawnPlan session = py(PosixSpawnAttributes.defaults().withSetsid(true), linux());
        assertEquals(base | LINUX.POSIX_SPAWN_SETSID, session.flags());
        assertTrue(session.newSession(LINUX));
        assertEquals(1000, session.pgidOf(1000, 42, LINUX));

        int cloexecDefault = DARWIN.optional(CLOEXEC_DEFAULT).orElseThrow();
        SpawnPlan onMac = py(PosixSpawnAttributes.defaults(), mac());
        assertEquals(DARWIN.POSIX_SPAWN_SETSIGMASK | DARWIN.POSIX_SPAWN_SETSIGDEF | cloexecDefault, onMac.flags());
        SpawnPlan cmdOnMac = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of()),
                SpawnPlan.ChildEnds.NONE, mac());
        assertEquals(DARWIN.POSIX_SPAWN_SETSIGMASK | DARWIN.POSIX_SPAWN_SETSIGDEF | cloexecDefault, cmdOnMac.flags());
    }

    // ---- signals -------------------------------------------------------------------------------------

    @Test
    void aCommandsSignalMaskIsPlannedWithItsNumbers() {
        SpawnPlan plan = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults().withSignalMask(Set.of(Signal.SIGUSR1, Signal.SIGHUP)),
                null), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(new SpawnPlan.Signals(false, Set.of(Signal.SIGUSR1.number(), Signal.SIGHUP.number())),
                plan.sigmask());
        assertFalse(plan.sigmask().numbers().contains(0));
    }

    @Test
    void signalsOfNumbersKeepsThemAndNoneIsTheEmptySet() {
        assertEquals(SpawnPlan.Signals.NONE, SpawnPlan.Signals.of(Set.of()));
        assertEquals(new SpawnPlan.Signals(false, Set.of(3, 15)), SpawnPlan.Signals.of(Set.of(3, 15)));
        assertFalse(SpawnPlan.Signals.of(Set.of(3)).all());
    }

    @Test
    void signalNumbersAreCheckedAtBothEndsOfTheRange() {
        int last = LINUX.NSIG - 1;
        assertEquals(SpawnPlan.Signals.of(Set.of(1, last)),
                py(PosixSpawnAttributes.defaults().withSetsigmask(Set.of(1, last)), linux()).sigmask());
        assertEquals(SpawnPlan.Signals.of(Set.of(1, last)),
                py(PosixSpawnAttributes.defaults().withSetsigdef(Set.of(1, last)), linux()).sigdefault());
        for (int bad : new int[] {0, -1, LINUX.NSIG}) {
            IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                    () -> py(PosixSpawnAttributes.defaults().withSetsigmask(Set.of(bad)), linux()));
            assertEquals("posix_spawn setsigmask: signal number " + bad + " out of range 1.." + last, mask.getMessage());
            IllegalArgumentException def = assertThrows(IllegalArgumentException.class,
                    () -> py(PosixSpawnAttributes.defaults().withSetsigdef(Set.of(bad)), linux()));
            assertEquals("posix_spawn setsigdef: signal number " + bad + " out of range 1.." + last, def.getMessage());
        }
    }

    // ---- program, operation and PATH ---------------------------------------------------------------

    @Test
    void aPathWithASlashIsNeverSearched() {
        SpawnPlan cmd = SpawnPlan.of(request(TRUE, true, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals("posix_spawn", cmd.operation());
        assertEquals(TRUE, cmd.path());
        SpawnPlan py = SpawnPlan.of(TRUE, List.of("true"), Map.of(), PosixSpawnAttributes.defaults(), true, linux());
        assertEquals("posix_spawn", py.operation());
        assertEquals(TRUE, py.path());
    }

    @Test
    void aBareNameIsSearchedInTheLivePathWhenTheEnvironmentIsInherited(@TempDir Path dir) throws Exception {
        Path exe = executable(dir.resolve("live"), "prockit-rules-prog");
        FakeContext ctx = new FakeContext(LINUX, false, Map.of("PATH", exe.getParent().toString()), Path.of("/"), Set.of(0, 1, 2));
        SpawnPlan plan = SpawnPlan.of(request("prockit-rules-prog", true, Stdio.inherit(), Stdio.inherit(),
                Stdio.inherit(), Map.of(), null, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, ctx);
        assertEquals("posix_spawnp", plan.operation());
        assertEquals(exe.toString(), plan.path());
        assertNull(plan.envp());
        assertEquals(List.of("p", "arg"), plan.argv());
    }

    @Test
    void posixSpawnpSearchesTheGivenEnvironmentsPath(@TempDir Path dir) throws Exception {
        Path exe = executable(dir.resolve("given"), "prockit-rules-prog");
        SpawnPlan plan = SpawnPlan.of("prockit-rules-prog", List.of("x"), Map.of("PATH", exe.getParent().toString()),
                PosixSpawnAttributes.defaults(), true, linux());
        assertEquals("posix_spawnp", plan.operation());
        assertEquals(exe.toString(), plan.path());
        assertEquals(List.of("PATH=" + exe.getParent()), plan.envp());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpawnPlan.of("prockit-rules-prog",
                List.of("x"), Map.of("PATH", dir.resolve("empty").toString()), PosixSpawnAttributes.defaults(), true,
                linux()));
        assertEquals("posix_spawnp(prockit-rules-prog) errno " + LINUX.ENOENT, e.getMessage());
    }

    @Test
    void aRelativePathEntryIsTheChildsWorkingDirectory(@TempDir Path dir) throws Exception {
        Path inParent = executable(dir.resolve("parent").resolve("bin"), "prockit-rules-prog");
        Path inChild = executable(dir.resolve("child").resolve("bin"), "prockit-rules-prog");
        FakeContext ctx = new FakeContext(LINUX, false, Map.of("PATH", "bin"), dir.resolve("parent"), Set.of(0, 1, 2));
        SpawnPlan here = SpawnPlan.of(request("prockit-rules-prog", true, Stdio.inherit(), Stdio.inherit(),
                Stdio.inherit(), Map.of(), null, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, ctx);
        assertEquals(inParent.toString(), here.path(), "no directory given: the parent's working directory");
        SpawnRequest moved = new SpawnRequest("prockit-rules-prog", List.of("p"), true, EnvironmentSpec.inherit(),
                dir.resolve("child"), Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(), null, false, false,
                PosixOptions.defaults(), WindowsOptions.defaults());
        SpawnPlan there = SpawnPlan.of(moved, SpawnPlan.ChildEnds.NONE, ctx);
        assertEquals(inChild.toString(), there.path(), "a directory given: the child's");
        assertEquals(new SpawnPlan.Chdir(dir.resolve("child").toString()), there.fileActions().get(0));
    }

    // ---- pty -------------------------------------------------------------------------------------------

    @Test
    void aPtyOnLinuxRunsTheProgramItselfEvenWithInheritedStdio() {
        SpawnPlan plan = SpawnPlan.of(request(TRUE, false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults(), new PtyOptions(24, 80)),
                new SpawnPlan.ChildEnds(-1, -1, -1, "/dev/pts/4"), linux());
        assertEquals(TRUE, plan.path());
        assertEquals(List.of("p", "arg"), plan.argv());
        assertTrue(plan.newSession(LINUX));
        assertEquals(List.of(new SpawnPlan.Open(0, "/dev/pts/4", LINUX.O_RDWR, 0, "pty slave"),
                new SpawnPlan.Dup2(0, 1, false, "pty slave"), new SpawnPlan.Dup2(0, 2, false, "pty slave"),
                new SpawnPlan.Closefrom(3)), plan.fileActions());
    }

    @Test
    void aPtyOnMacOsRunsThroughTheShellShimAfterCheckingTheProgram(@TempDir Path dir) throws Exception {
        Path exe = executable(dir, "prog");
        SpawnPlan plan = SpawnPlan.of(request(exe.toString(), false, Stdio.pipe(), Stdio.pipe(), Stdio.pipe(),
                Map.of(), null, false, PosixOptions.defaults(), new PtyOptions(24, 80)),
                new SpawnPlan.ChildEnds(-1, -1, -1, "/dev/ttys004"), mac());
        assertEquals(PtySpawn.DARWIN_SHELL, plan.path());
        assertEquals(PtySpawn.darwinArgv("/dev/ttys004", exe.toString(), List.of("p", "arg")), plan.argv());
        assertEquals(exe.toString(), plan.program());
        assertEquals(new SpawnPlan.Open(0, "/dev/ttys004", DARWIN.O_RDWR | DARWIN.O_NOCTTY, 0, "pty slave"),
                plan.fileActions().get(0));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> SpawnPlan.of(
                request(dir.resolve("gone").toString(), false, Stdio.pipe(), Stdio.pipe(), Stdio.pipe(), Map.of(), null,
                        false, PosixOptions.defaults(), new PtyOptions(24, 80)),
                new SpawnPlan.ChildEnds(-1, -1, -1, "/dev/ttys004"), mac()));
        assertEquals("posix_spawn(" + dir.resolve("gone") + ") errno " + DARWIN.ENOENT, missing.getMessage());
    }

    @Test
    void withoutAPtyMacOsRunsTheProgramAsGiven(@TempDir Path dir) throws Exception {
        Path exe = executable(dir, "prog");
        SpawnPlan plan = SpawnPlan.of(request(exe.toString(), false, Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(), null, false, PosixOptions.defaults(), null), SpawnPlan.ChildEnds.NONE, mac());
        assertEquals(exe.toString(), plan.path());
        assertEquals(List.of("p", "arg"), plan.argv());
    }

    // ---- redirects -------------------------------------------------------------------------------------

    @Test
    void discardOpensDevNullForReadingOnStdinAndForWritingElsewhere() {
        SpawnPlan plan = SpawnPlan.of(plain(Stdio.discard(), Stdio.discard(), Stdio.discard(), Map.of()),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(List.of(new SpawnPlan.Open(0, "/dev/null", LINUX.O_RDONLY, 0, "stdin(Stdio.discard())"),
                new SpawnPlan.Open(1, "/dev/null", LINUX.O_WRONLY, 0, "stdout(Stdio.discard())"),
                new SpawnPlan.Open(2, "/dev/null", LINUX.O_WRONLY, 0, "stderr(Stdio.discard())"),
                new SpawnPlan.Closefrom(3)), plan.fileActions());
    }

    @Test
    void redirectFilesAreAbsoluteAgainstTheRealWorkingDirectory() {
        SpawnPlan plan = SpawnPlan.of(plain(Stdio.from(Path.of("in.txt")), Stdio.to(Path.of("out.txt")),
                Stdio.appendTo(Path.of("/abs/err.txt")), Map.of()), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(List.of(new SpawnPlan.Open(0, "/work/dir/in.txt", LINUX.O_RDONLY, 0, "stdin(Stdio.from(in.txt))"),
                new SpawnPlan.Open(1, "/work/dir/out.txt", LINUX.O_WRONLY | LINUX.O_CREAT | LINUX.O_TRUNC, 0666,
                        "stdout(Stdio.to(out.txt))"),
                new SpawnPlan.Open(2, "/abs/err.txt", LINUX.O_WRONLY | LINUX.O_CREAT | LINUX.O_APPEND, 0666,
                        "stderr(Stdio.appendTo(/abs/err.txt))"),
                new SpawnPlan.Closefrom(3)), plan.fileActions());
    }

    @Test
    void theStandardStreamsKeptAsTheyAreNeedNoAction() {
        SpawnPlan plan = SpawnPlan.of(plain(Stdio.pipe(), Stdio.inherit(), Stdio.inherit(), Map.of()),
                new SpawnPlan.ChildEnds(6, -1, -1, null), linux());
        for (SpawnPlan.Action a : plan.fileActions()) {
            assertFalse(a instanceof SpawnPlan.Dup2 d && d.from() == d.to(), "0..2 stay open without dup2: " + a);
        }
        assertTrue(plan.fileActions().contains(new SpawnPlan.Dup2(6, 0, false, "stdin(Stdio.pipe())")),
                plan.fileActions().toString());
        assertEquals(List.of(new SpawnPlan.Closefrom(3)), closes(plan));
    }

    @Test
    void theGapBelowATargetIsClosedOneByOneUpTo256Descriptors() {
        SpawnPlan low = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(6, 1)),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(List.of(new SpawnPlan.Close(3), new SpawnPlan.Close(4), new SpawnPlan.Close(5),
                new SpawnPlan.Closefrom(7)), closes(low));

        SpawnPlan edge = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(259, 1)),
                SpawnPlan.ChildEnds.NONE, linux());
        List<SpawnPlan.Action> expected = new ArrayList<>();
        for (int fd = 3; fd < 259; fd++) {
            expected.add(new SpawnPlan.Close(fd));
        }
        expected.add(new SpawnPlan.Closefrom(260));
        assertEquals(expected, closes(edge), "256 descriptors in the gap: closed one by one");

        SpawnPlan wide = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(), Map.of(260, 1)),
                SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(List.of(new SpawnPlan.CloseOpen(3, 260, Set.of(0, 1, 2, 260)), new SpawnPlan.Closefrom(261)),
                closes(wide), "257: closed from a listing");
    }

    @Test
    void theHighestPossibleTargetHasNothingAboveItToClose() {
        SpawnPlan cmd = SpawnPlan.of(plain(Stdio.inherit(), Stdio.inherit(), Stdio.inherit(),
                Map.of(Integer.MAX_VALUE, 1)), SpawnPlan.ChildEnds.NONE, linux());
        assertEquals(List.of(new SpawnPlan.CloseOpen(3, Integer.MAX_VALUE, Set.of(0, 1, 2, Integer.MAX_VALUE))),
                closes(cmd));
    }

    // ---- Os.posixSpawn file actions ------------------------------------------------------------------

    @Test
    void closefromDropsTheTargetsFromItsDescriptorUp() {
        SpawnPlan plan = py(PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.open(4, "/tmp/a", 0, 0),
                FileAction.open(5, "/tmp/b", 0, 0), FileAction.closefrom(4))), linux());
        assertEquals(List.of(new SpawnPlan.Open(4, "/tmp/a", 0, 0, "POSIX_SPAWN_OPEN(4, /tmp/a)"),
                new SpawnPlan.Open(5, "/tmp/b", 0, 0, "POSIX_SPAWN_OPEN(5, /tmp/b)"), new SpawnPlan.Closefrom(4),
                new SpawnPlan.Closefrom(3)), plan.fileActions());

        SpawnPlan below = py(PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.open(3, "/tmp/a", 0, 0),
                FileAction.open(4, "/tmp/b", 0, 0), FileAction.closefrom(4))), linux());
        assertEquals(new SpawnPlan.Closefrom(4), below.fileActions().get(3), "3 stays a target");
    }

    @Test
    void aDescriptorClosedByClosefromIsTheParentsAgainForALaterDup2() {
        SpawnPlan plan = py(PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.open(4, "/tmp/a", 0, 0),
                FileAction.open(1, "/tmp/o", 0, 0), FileAction.closefrom(4), FileAction.dup2(4, 6),
                FileAction.dup2(1, 7))), linux());
        assertEquals(new SpawnPlan.Dup2(4, 6, true, "POSIX_SPAWN_DUP2(4, 6)"), plan.fileActions().get(3));
        assertEquals(new SpawnPlan.Dup2(1, 7, false, "POSIX_SPAWN_DUP2(1, 7)"), plan.fileActions().get(4),
                "1 was opened in the child and closefrom(4) left it");
    }

    @Test
    void closefromIsRefusedOnMacOsWithTheActionNamed() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> py(PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.closefrom(3))), mac()));
        assertEquals("POSIX_SPAWN_CLOSEFROM (posix_spawn_file_actions_addclosefrom_np) is not available on macOS",
                e.getMessage());
    }

    @Test
    void macOsKeepsTheUntouchedStandardStreamsItHas() {
        FakeContext ctx = new FakeContext(DARWIN, true, Map.of(), Path.of("/"), Set.of(0, 2));
        SpawnPlan plan = py(PosixSpawnAttributes.defaults().withFileActions(List.of(FileAction.dup2(5, 5),
                FileAction.open(2, "/tmp/e", 0, 0))), ctx);
        assertEquals(List.of(new SpawnPlan.Inherit(5, "POSIX_SPAWN_DUP2(5, 5)"),
                new SpawnPlan.Open(2, "/tmp/e", 0, 0, "POSIX_SPAWN_OPEN(2, /tmp/e)"),
                new SpawnPlan.Inherit(0, "standard stream 0")), plan.fileActions());
    }
}
