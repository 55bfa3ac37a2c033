package io.prockit.windows;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ErrorKind;
import io.prockit.ExitStatus;
import io.prockit.Os;
import io.prockit.OsException;
import io.prockit.Output;
import io.prockit.Pipeline;
import io.prockit.Stdio;
import io.prockit.testing.TestChild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python's descriptor plumbing and pipelines on Windows, beyond what core's contract suite checks on every
 * backend ({@code WindowsContractTest}): numbers that are not open never reach the C runtime's default
 * invalid-parameter handler (which would end this JVM), the Windows-only error corrections, and that a pipe end
 * reaches only the child it is given to. Windows only (GitHub Actions windows-latest); every child is ended.
 */
@EnabledOnOs(OS.WINDOWS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WindowsDescriptorsIntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final List<Child> started = new ArrayList<>();

    private Child track(Child c) {
        started.add(c);
        return c;
    }

    @AfterEach
    void endChildren() throws Exception {
        for (Child c : started) {
            if (!c.hasExited()) {
                c.killTree();
                c.waitFor(PATIENCE);
            }
            c.close();
        }
    }

    /** @return the shared test child running these verbs ({@code verb} or {@code verb:argument}) */
    private static Command testChild(String... verbs) {
        return TestChild.command(verbs);
    }

    private static void assertBadDescriptor(int fd, OsException e) {
        assertEquals(9, e.errno(), e.getMessage()); // EBADF
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind(), e.getMessage());
        assertEquals(Integer.toString(fd), e.subject(), e.getMessage());
    }

    /** Each of these would end the JVM through _invoke_watson without the silent handler. */
    @Test
    void numbersThatAreNotOpenAreErrorsNotTheEndOfTheJvm() {
        for (int fd : new int[] {8191, 8192, 100_000, Integer.MAX_VALUE}) {
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.read(fd, 1)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.write(fd, new byte[1])));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.close(fd)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.dup(fd)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.dup2(fd, 8000)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.getInheritable(fd)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.setInheritable(fd, true)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.getBlocking(fd)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.setBlocking(fd, false)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.getTerminalSize(fd)));
            assertBadDescriptor(fd, assertThrows(OsException.class, () -> Os.fdopenInput(fd)));
        }
        int[] p = Os.pipe();
        try {
            OsException e = assertThrows(OsException.class, () -> Os.dup2(p[1], 100_000));
            assertEquals(9, e.errno(), e.getMessage()); // a target beyond the runtime's table
        } finally {
            Os.close(p[0]);
            Os.close(p[1]);
        }
        for (int fd : new int[] {8191, 100_000}) {
            assertFalse(Os.isatty(fd), "not open: not a terminal, as CPython answers");
        }
        Os.closerange(8000, Integer.MAX_VALUE); // errors ignored, bounded by the runtime's 8192
        assertTrue(Os.getpid() > 0, "still running");
    }

    @Test
    void pipe2IsLinuxOnly() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Os.pipe2(0));
        assertEquals("os.pipe2 is not available on Windows", e.getMessage());
    }

    @Test
    void stdioFdOfANumberThatIsNotOpenFailsTheSpawnNamingIt() {
        OsException e = assertThrows(OsException.class, () -> track(testChild("exit:0").stdout(Stdio.fd(7777)).spawn()));
        assertEquals("Stdio.fd", e.operation());
        assertBadDescriptor(7777, e);
        assertTrue(started.isEmpty());
    }

    @Test
    void aWriteWithoutReaderIsEpipeAndAFullNonBlockingPipeIsEagain() {
        int[] p = Os.pipe();
        Os.close(p[0]);
        try {
            OsException e = assertThrows(OsException.class, () -> Os.write(p[1], new byte[] {1}));
            assertEquals(32, e.errno(), e.getMessage()); // EPIPE, from ERROR_NO_DATA
            assertEquals("write", e.operation());
        } finally {
            Os.close(p[1]);
        }
        int[] q = Os.pipe();
        try {
            Os.setBlocking(q[1], false);
            byte[] chunk = new byte[64 * 1024];
            OsException full = null;
            for (int i = 0; i < 10_000 && full == null; i++) {
                try {
                    Os.write(q[1], chunk);
                } catch (OsException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "a pipe nobody reads fills up");
            assertEquals(11, full.errno(), full.getMessage()); // EAGAIN, from ENOSPC
            assertEquals(ErrorKind.RESOURCE_EXHAUSTED, full.kind());
        } finally {
            Os.close(q[0]);
            Os.close(q[1]);
        }
    }

    @Test
    void theTerminalSizeOfAPipeIsAnErrorNamingTheCall() {
        int[] p = Os.pipe();
        try {
            assertFalse(Os.isatty(p[0]));
            OsException e = assertThrows(OsException.class, () -> Os.getTerminalSize(p[0]));
            assertEquals("GetConsoleScreenBufferInfo", e.operation(), e.getMessage());
            assertEquals(Integer.toString(p[0]), e.subject());
        } finally {
            Os.close(p[0]);
            Os.close(p[1]);
        }
    }

    /**
     * A write end made inheritable is still passed only to the child it is given to: the handle list. Another
     * child running meanwhile does not keep the pipe open, so the reader sees the end as soon as the parent
     * closes its copy.
     */
    @Test
    void anInheritableDescriptorReachesOnlyTheChildItIsGivenTo() throws Exception {
        int[] p = Os.pipe();
        Os.setInheritable(p[1], true);
        Child bystander;
        try {
            bystander = track(testChild("ready", "sleep:600000").stdout(Stdio.pipe()).stderr(Stdio.discard()).spawn());
            byte[] ready = new byte[5];
            assertEquals(5, bystander.stdout().readNBytes(ready, 0, 5));
            assertEquals("ready", new String(ready, StandardCharsets.US_ASCII));
            Os.write(p[1], "x".getBytes(StandardCharsets.US_ASCII));
        } finally {
            Os.close(p[1]);
        }
        try (InputStream in = Os.fdopenInput(p[0])) {
            assertArrayEquals("x".getBytes(StandardCharsets.US_ASCII), in.readAllBytes(),
                    "end of file while the bystander still runs: it holds no copy of the write end");
        }
        assertFalse(bystander.hasExited());
    }

    @Test
    void fdopenStreamsOwnTheirDescriptors() throws Exception {
        int[] p = Os.pipe();
        try (OutputStream out = Os.fdopenOutput(p[1])) {
            out.write("through the stream".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(OsException.class, () -> Os.getInheritable(p[1]), "closing the stream closed the descriptor");
        try (InputStream in = Os.fdopenInput(p[0])) {
            assertEquals("through the stream", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThrows(OsException.class, () -> Os.getInheritable(p[0]));
    }

    @Test
    void aPipelineCarriesMegabytesThroughThreeMembersUnchanged() throws Exception {
        byte[] data = new byte[4 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 131 + (i >>> 9));
        }
        Output o = Pipeline.of(testChild("cat").input(data), testChild("cat"), testChild("cat"))
                .timeout(PATIENCE).output();
        assertEquals(ExitStatus.exited(0), o.status(), o.stderrText());
        assertArrayEquals(data, o.stdout());
    }

    @Test
    void aFiveMemberPipelineReportsTheFailureInTheMiddle() throws Exception {
        Pipeline p = Pipeline.of(testChild("print:hello"), testChild("cat"), testChild("exit:3"),
                testChild("cat"), testChild("cat")).timeout(PATIENCE);
        List<ExitStatus> statuses = p.statuses();
        assertEquals(5, statuses.size());
        assertEquals(ExitStatus.exited(3), statuses.get(2), statuses.toString());
        assertEquals(List.of(ExitStatus.exited(0), ExitStatus.exited(0)), statuses.subList(3, 5),
                "the members after it saw the end of their input");
        assertEquals(ExitStatus.exited(3), p.status(), "pipefail");
    }

    @Test
    void aSpawnedPipelineIsEndedMemberByMember() throws Exception {
        List<Child> members = Pipeline.of(testChild("ready", "sleep:600000"), testChild("cat").stdout(Stdio.discard()))
                .spawn();
        members.forEach(this::track);
        assertEquals(2, members.size());
        // The last first: killing the writer first would let cat see the end of its input and exit 0 by itself.
        for (Child c : List.of(members.get(1), members.get(0))) {
            assertTrue(c.kill());
        }
        List<Boolean> success = new ArrayList<>();
        for (Child c : members) {
            success.add(c.waitFor(PATIENCE).orElseThrow().success());
        }
        assertEquals(Arrays.asList(false, false), success);
    }
}
