package io.prockit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code System.out.println(report)} shows: the summary the README promises, then one line per process. */
class KillReportTest {

    private static KillReport.Entry e(int pid, String name, KillReport.Outcome o) {
        return new KillReport.Entry(pid, name, false, o, Optional.empty());
    }

    @Test
    void toStringIsTheSummaryThenOneLinePerProcess() {
        KillReport r = new KillReport(List.of(e(10, "make", KillReport.Outcome.ENDED),
                e(11, "cc1", KillReport.Outcome.FORCED), e(12, "ld", KillReport.Outcome.ENDED),
                new KillReport.Entry(13, "sshd", true, KillReport.Outcome.DENIED, Optional.empty()),
                e(14, "as", KillReport.Outcome.ALREADY_GONE)));
        assertEquals("""
                5 processes: 2 ended, 1 forced, 1 already gone, 1 denied
                  pid 10 (make): ENDED
                  pid 11 (cc1): FORCED
                  pid 12 (ld): ENDED
                  pid 13 (sshd) [tree]: DENIED
                  pid 14 (as): ALREADY_GONE""", r.toString());
    }

    @Test
    void rareOutcomesAreCountedOnlyWhenPresentAndAnEmptyReportSaysSo() {
        assertEquals("0 processes: none matched", new KillReport(List.of()).toString());
        KillReport r = new KillReport(List.of(e(20, "x", KillReport.Outcome.SURVIVED),
                e(21, "y", KillReport.Outcome.WOULD_SIGNAL)));
        assertEquals("""
                2 processes: 0 ended, 0 forced, 0 already gone, 0 denied, 1 survived, 1 would signal
                  pid 20 (x): SURVIVED
                  pid 21 (y): WOULD_SIGNAL""", r.toString());
        assertEquals("1 process: 1 ended, 0 forced, 0 already gone, 0 denied\n  pid 1 (init): ENDED",
                new KillReport(List.of(e(1, "init", KillReport.Outcome.ENDED))).toString());
    }
}
