package io.prockit.posix.table;

import io.prockit.Child;
import io.prockit.Command;
import io.prockit.ExitStatus;
import io.prockit.KillReport;
import io.prockit.ProcessInfo;
import io.prockit.ProcessKiller;
import io.prockit.ProcessQuery;
import io.prockit.ProcessTable;
import io.prockit.Stdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 8: every public method taking a {@code Duration} accepts anything up to
 * {@code ChronoUnit.FOREVER} (it saturates) and refuses a negative one before any signal.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class HugeDurationsTest {
    private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();
    private static final List<Duration> HUGE = List.of(Duration.ofDays(300_000), Duration.ofSeconds(Long.MAX_VALUE),
            FOREVER);

    @Test
    void processInfoWaitForSaturates() throws Exception {
        for (Duration d : HUGE) {
            Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
            try {
                ProcessInfo p = ProcessTable.of(c.pid());
                c.stdin().close();
                assertTrue(p.waitFor(d), "waitFor(" + d + ")");
            } finally {
                c.kill();
                c.waitFor();
                c.close();
            }
        }
    }

    @Test
    void childWaitForSaturates() throws Exception {
        for (Duration d : HUGE) {
            Child c = Command.of("cat").stdin(Stdio.pipe()).stdout(Stdio.discard()).spawn();
            c.stdin().close();
            assertEquals(Optional.of(ExitStatus.exited(0)), c.waitFor(d));
            c.close();
        }
    }

    @Test
    void killerGraceSaturatesAndReportsTheEnd() throws Exception {
        for (Duration d : HUGE) {
            Child c = Command.of("sleep", "300").stdin(Stdio.discard()).spawn();
            try {
                KillReport r = ProcessKiller.of(ProcessTable.of(c.pid())).grace(d).kill();
                assertEquals(1, r.ended().size(), "grace(" + d + "): " + r);
            } finally {
                c.kill();
                c.waitFor();
                c.close();
            }
        }
    }

    @Test
    void negativeDurationsAreRefusedBeforeAnySignal() throws Exception {
        Child c = Command.of("sleep", "300").stdin(Stdio.discard()).spawn();
        try {
            ProcessInfo p = ProcessTable.of(c.pid());
            Duration neg = Duration.ofNanos(-1);
            assertThrows(IllegalArgumentException.class, () -> ProcessKiller.of(p).grace(neg));
            assertThrows(IllegalArgumentException.class, () -> p.waitFor(neg));
            assertThrows(IllegalArgumentException.class, () -> c.waitFor(neg));
            assertThrows(IllegalArgumentException.class, () -> ProcessQuery.all().olderThan(neg));
            assertThrows(IllegalArgumentException.class, () -> ProcessQuery.all().youngerThan(neg));
            assertFalse(c.hasExited());
            assertTrue(p.isRunning());
        } finally {
            c.kill();
            c.waitFor();
            c.close();
        }
    }

    @Test
    void queryAgesSaturate() {
        int self = ProcessTable.self().pid();
        for (Duration d : HUGE) {
            assertTrue(ProcessQuery.all().youngerThan(d).list().stream().anyMatch(p -> p.pid() == self));
            assertTrue(ProcessQuery.all().olderThan(d).list().isEmpty());
        }
    }
}
