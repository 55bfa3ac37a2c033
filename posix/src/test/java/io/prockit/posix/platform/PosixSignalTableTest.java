package io.prockit.posix.platform;

import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.linux.LinuxConstants;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link PosixSignalTable} builds its names from a constant table: which entries are signals, which
 * name wins where two share a number, and how the real-time range and the C library's reserved signals
 * are named. Pure: runs on any OS, on both shipped tables and on small synthetic ones.
 */
class PosixSignalTableTest {

    @Test
    void linuxTableNamesTheReservedAndRealTimeSignals() {
        PosixSignalTable t = new PosixSignalTable(new PosixConstants("Linux", LinuxConstants.class));
        assertEquals(Optional.of("SIGSYS"), t.name(31));
        assertFalse(t.names().contains("SIG31"), "31 has a real name");
        assertEquals(32, t.number("SIG32"));
        assertEquals(33, t.number("SIG33"));
        assertEquals(Optional.of("SIG32"), t.name(32));
        assertEquals(Optional.of("SIG33"), t.name(33));
        assertFalse(t.names().contains("SIG34"), "34 is SIGRTMIN, not a reserved signal");
        assertEquals(34, t.number("SIGRTMIN"));
        assertEquals(35, t.number("SIGRTMIN+1"));
        assertEquals(63, t.number("SIGRTMIN+29"));
        assertEquals(64, t.number("SIGRTMAX"));
        assertEquals(Optional.of("SIGRTMIN"), t.name(34));
        assertEquals(Optional.of("SIGRTMIN+15"), t.name(49));
        assertEquals(Optional.of("SIGRTMAX"), t.name(64));
        assertFalse(t.names().contains("SIGRTMIN+30"), "64 is named SIGRTMAX only");
        assertEquals(Optional.empty(), t.name(65));
        assertEquals(Optional.empty(), t.name(0));
        for (String n : t.names()) {
            assertFalse(n.startsWith("SIG_"), "not a signal: " + n);
        }
        assertFalse(t.names().contains("SIG_BLOCK"));
        assertEquals(64, t.names().size(), "1..64, each named once on Linux x86-64: " + t.names());
    }

    @Test
    void darwinTableHasNoRealTimeSignals() {
        PosixSignalTable t = new PosixSignalTable(new PosixConstants("macOS", DarwinConstants.class));
        assertEquals(Optional.of("SIGINFO"), t.name(29));
        assertEquals(Optional.of("SIGEMT"), t.name(7));
        assertEquals(Optional.of("SIGUSR2"), t.name(31));
        assertEquals(Optional.empty(), t.name(32));
        assertFalse(t.names().contains("SIGRTMIN"));
        assertFalse(t.names().contains("SIG32"));
        assertEquals(31, t.names().size(), t.names().toString());
    }

    @Test
    void preferredNamesWinWhateverTheOrder() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("SIGIOT", 6);
        m.put("SIGABRT", 6);
        m.put("SIGPOLL", 29);
        m.put("SIGIO", 29);
        m.put("SIGCLD", 17);
        m.put("SIGCHLD", 17);
        m.put("SIGHUP", 1);
        m.put("SIGLOST", 30);
        m.put("SIGPWR", 30);
        PosixSignalTable t = new PosixSignalTable(m);
        assertEquals(Optional.of("SIGABRT"), t.name(6));
        assertEquals(Optional.of("SIGIO"), t.name(29));
        assertEquals(Optional.of("SIGCHLD"), t.name(17));
        assertEquals(Optional.of("SIGLOST"), t.name(30), "without a preference the first name seen wins");
        assertEquals(6, t.number("SIGIOT"), "an alias stays a valid name");
        assertEquals(29, t.number("SIGPOLL"));
        assertEquals(17, t.number("SIGCLD"));
    }

    @Test
    void onlySignalEntriesCount() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("SIGHUP", 1);
        m.put("SIG_IGN", 1);
        m.put("SIG_BLOCK", 2);
        m.put("SA_SIGINFO", 4);
        m.put("EAGAIN", 11);
        m.put("XSIGFOO", 12);
        PosixSignalTable t = new PosixSignalTable(m);
        assertEquals(Set.of("SIGHUP"), t.names());
        assertEquals(Optional.of("SIGHUP"), t.name(1));
        assertEquals(Optional.empty(), t.name(2));
        assertEquals(Optional.empty(), t.name(4));
    }

    @Test
    void theRangeBelowSigrtminIsNamedByNumber() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("SIGHUP", 1);
        m.put("SIGUSR2", 29);
        m.put("SIGRTMIN", 33);
        m.put("SIGRTMAX", 36);
        PosixSignalTable t = new PosixSignalTable(m);
        assertEquals(new TreeSet<>(Set.of("SIGHUP", "SIGUSR2", "SIG30", "SIG31", "SIG32", "SIGRTMIN", "SIGRTMIN+1",
                "SIGRTMIN+2", "SIGRTMAX")), new TreeSet<>(t.names()));
        assertEquals(Optional.of("SIG30"), t.name(30));
        assertEquals(Optional.of("SIG32"), t.name(32));
        assertEquals(Optional.of("SIGRTMIN+2"), t.name(35));
        assertEquals(36, t.number("SIGRTMAX"));
    }

    @Test
    void withoutOtherSignalsTheReservedRangeStartsAbove31() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("SIGRTMIN", 34);
        m.put("SIGRTMAX", 35);
        PosixSignalTable t = new PosixSignalTable(m);
        assertEquals(new TreeSet<>(Set.of("SIG32", "SIG33", "SIGRTMIN", "SIGRTMAX")), new TreeSet<>(t.names()));
    }

    @Test
    void sigrtminWithoutSigrtmaxIsOneSignal() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("SIGHUP", 1);
        m.put("SIGRTMIN", 2);
        PosixSignalTable t = new PosixSignalTable(m);
        assertEquals(Set.of("SIGHUP", "SIGRTMIN"), t.names());
        assertEquals(Optional.of("SIGRTMIN"), t.name(2));
        assertEquals(2, t.number("SIGRTMIN"));
    }

    @Test
    void anUnknownNameIsRefusedByName() {
        PosixSignalTable t = new PosixSignalTable(new PosixConstants("Linux", LinuxConstants.class));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> t.number("SIGINFO"));
        assertTrue(e.getMessage().contains("SIGINFO"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> t.names().add("SIGX"), "the names are read-only");
    }
}
