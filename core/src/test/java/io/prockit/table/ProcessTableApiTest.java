package io.prockit.table;

import io.prockit.CpuTimes;
import io.prockit.KillReport;
import io.prockit.MemoryInfo;
import io.prockit.ProcessQuery;
import io.prockit.ProcessState;
import io.prockit.ProcessTable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform-free parts of the process-table API: argument checks before any call, data types. */
class ProcessTableApiTest {

    @Test
    void everyLinuxStateLetterMapsAndRoundTrips() {
        for (char c : "RSDTtZXIWPK".toCharArray()) {
            ProcessState s = ProcessState.fromLinuxCode(c);
            assertTrue(s != ProcessState.UNKNOWN, "letter " + c);
            assertEquals(c, s.code());
        }
        assertEquals(ProcessState.UNKNOWN, ProcessState.fromLinuxCode('?'));
        assertEquals(ProcessState.DEAD, ProcessState.fromLinuxCode('x'));
    }

    @Test
    void badQueriesAreRefusedBeforeAnyCall() {
        ProcessQuery q = ProcessQuery.all();
        assertThrows(IllegalArgumentException.class, () -> q.name("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> q.nameContains(""));
        assertThrows(IllegalArgumentException.class, () -> q.cmdlineContains(""));
        assertThrows(IllegalArgumentException.class, () -> q.user(""));
        assertThrows(IllegalArgumentException.class, () -> q.uid(-1));
        assertThrows(IllegalArgumentException.class, () -> q.olderThan(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> q.parent(0));
        assertThrows(PatternSyntaxException.class, () -> q.nameMatches("("));
        assertThrows(IllegalArgumentException.class, () -> ProcessTable.of(0));
        assertThrows(IllegalArgumentException.class, () -> ProcessTable.of(-5));
    }

    @Test
    void queriesDescribeThemselves() {
        assertEquals("all", ProcessQuery.all().toString());
        assertEquals("name=make and age>PT5M",
                ProcessQuery.all().name("make").olderThan(Duration.ofMinutes(5)).toString());
    }

    @Test
    void reportGroupsOutcomes() {
        KillReport r = new KillReport(List.of(
                new KillReport.Entry(10, "a", false, KillReport.Outcome.ENDED, Optional.empty()),
                new KillReport.Entry(11, "b", true, KillReport.Outcome.FORCED, Optional.empty()),
                new KillReport.Entry(12, "c", false, KillReport.Outcome.ALREADY_GONE, Optional.empty())));
        assertEquals(1, r.ended().size());
        assertEquals(1, r.forced().size());
        assertEquals(1, r.alreadyGone().size());
        assertTrue(r.allEnded());
        assertEquals("pid 11 (b) [tree]: FORCED", r.entries().get(1).toString());
        KillReport denied = new KillReport(List.of(
                new KillReport.Entry(10, "a", false, KillReport.Outcome.DENIED, Optional.empty())));
        assertFalse(denied.allEnded());
    }

    @Test
    void valueTypesCheckTheirFields() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryInfo(-1, 0));
        assertEquals(Duration.ofSeconds(3), new CpuTimes(Duration.ofSeconds(1), Duration.ofSeconds(2)).total());
        assertThrows(NullPointerException.class, () -> new CpuTimes(null, Duration.ZERO));
    }
}
