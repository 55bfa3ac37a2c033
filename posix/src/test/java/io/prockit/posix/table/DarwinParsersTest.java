package io.prockit.posix.table;

import io.prockit.ProcessState;
import io.prockit.posix.darwin.BsdInfo;
import io.prockit.posix.darwin.DarwinConstants;
import io.prockit.posix.darwin.ProcArgs2;
import io.prockit.posix.darwin.TaskInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The macOS libproc and KERN_PROCARGS2 parsers, on byte fixtures built from the layout in Apple's
 * headers (test resources darwin/darwin-constants.txt), on every OS.
 */
class DarwinParsersTest {

    /** "field S.f offset=N size=N" lines of darwin-constants.txt. */
    private static Map<String, Integer> offsets() throws IOException {
        Map<String, Integer> m = new HashMap<>();
        Pattern p = Pattern.compile("^field (\\S+) offset=(\\d+) size=(\\d+)");
        Pattern s = Pattern.compile("^struct (\\S+) size=(\\d+)");
        try (InputStream in = DarwinParsersTest.class.getResourceAsStream("/darwin/darwin-constants.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                Matcher fm = p.matcher(line);
                if (fm.find()) {
                    m.put(fm.group(1), Integer.parseInt(fm.group(2)));
                }
                Matcher sm = s.matcher(line);
                if (sm.find()) {
                    m.put(sm.group(1) + ".SIZE", Integer.parseInt(sm.group(2)));
                }
            }
        }
        return m;
    }

    @Test
    void offsetsMatchApplesHeaders() throws IOException {
        Map<String, Integer> o = offsets();
        assertEquals(o.get("proc_bsdinfo.SIZE"), BsdInfo.SIZE);
        assertEquals(o.get("proc_bsdinfo.pbi_status"), BsdInfo.OFF_STATUS);
        assertEquals(o.get("proc_bsdinfo.pbi_pid"), BsdInfo.OFF_PID);
        assertEquals(o.get("proc_bsdinfo.pbi_ppid"), BsdInfo.OFF_PPID);
        assertEquals(o.get("proc_bsdinfo.pbi_uid"), BsdInfo.OFF_UID);
        assertEquals(o.get("proc_bsdinfo.pbi_ruid"), BsdInfo.OFF_RUID);
        assertEquals(o.get("proc_bsdinfo.pbi_comm"), BsdInfo.OFF_COMM);
        assertEquals(o.get("proc_bsdinfo.pbi_name"), BsdInfo.OFF_NAME);
        assertEquals(o.get("proc_bsdinfo.pbi_pgid"), BsdInfo.OFF_PGID);
        assertEquals(o.get("proc_bsdinfo.pbi_start_tvsec"), BsdInfo.OFF_START_SEC);
        assertEquals(o.get("proc_bsdinfo.pbi_start_tvusec"), BsdInfo.OFF_START_USEC);
        assertEquals(o.get("proc_taskinfo.SIZE"), TaskInfo.SIZE);
        assertEquals(o.get("proc_taskinfo.pti_virtual_size"), TaskInfo.OFF_VIRTUAL);
        assertEquals(o.get("proc_taskinfo.pti_resident_size"), TaskInfo.OFF_RESIDENT);
        assertEquals(o.get("proc_taskinfo.pti_total_user"), TaskInfo.OFF_USER);
        assertEquals(o.get("proc_taskinfo.pti_total_system"), TaskInfo.OFF_SYSTEM);
        assertEquals(o.get("proc_taskinfo.pti_threadnum"), TaskInfo.OFF_THREADNUM);
    }

    private static void putString(ByteBuffer b, int off, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            b.put(off + i, bytes[i]);
        }
    }

    @Test
    void bsdinfoFixtureParses() throws IOException {
        Map<String, Integer> o = offsets();
        ByteBuffer b = ByteBuffer.allocate(o.get("proc_bsdinfo.SIZE")).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(o.get("proc_bsdinfo.pbi_status"), DarwinConstants.SSTOP);
        b.putInt(o.get("proc_bsdinfo.pbi_pid"), 4242);
        b.putInt(o.get("proc_bsdinfo.pbi_ppid"), 1);
        b.putInt(o.get("proc_bsdinfo.pbi_uid"), 0);
        b.putInt(o.get("proc_bsdinfo.pbi_ruid"), 501);
        putString(b, o.get("proc_bsdinfo.pbi_comm"), "a-very-long-comm");   // exactly 16, no NUL
        putString(b, o.get("proc_bsdinfo.pbi_name"), "a-very-long-command-name");
        b.putInt(o.get("proc_bsdinfo.pbi_pgid"), 4242);
        b.putLong(o.get("proc_bsdinfo.pbi_start_tvsec"), 1_700_000_000L);
        b.putLong(o.get("proc_bsdinfo.pbi_start_tvusec"), 123_456L);
        BsdInfo info = BsdInfo.parse(b.array());
        assertEquals(4242, info.pid());
        assertEquals(1, info.ppid());
        assertEquals(501, info.ruid());
        assertEquals(0, info.uid());
        assertEquals("a-very-long-comm", info.comm());
        assertEquals("a-very-long-command-name", info.bestName());
        assertEquals(ProcessState.STOPPED, info.state());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 123_456_000L), info.startTime());
        assertThrows(IllegalArgumentException.class, () -> BsdInfo.parse(new byte[135]));
    }

    @Test
    void bsdinfoWithoutNameFallsBackToComm() {
        ByteBuffer b = ByteBuffer.allocate(BsdInfo.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(BsdInfo.OFF_STATUS, DarwinConstants.SZOMB);
        putString(b, BsdInfo.OFF_COMM, "sleep");
        BsdInfo info = BsdInfo.parse(b.array());
        assertEquals("sleep", info.bestName());
        assertEquals(ProcessState.ZOMBIE, info.state());
    }

    @Test
    void taskinfoFixtureParsesAndMachTicksConvert() throws IOException {
        Map<String, Integer> o = offsets();
        ByteBuffer b = ByteBuffer.allocate(o.get("proc_taskinfo.SIZE")).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(o.get("proc_taskinfo.pti_virtual_size"), 420_000_000_000L);
        b.putLong(o.get("proc_taskinfo.pti_resident_size"), 12_345_678L);
        b.putLong(o.get("proc_taskinfo.pti_total_user"), 24_000_000L);
        b.putLong(o.get("proc_taskinfo.pti_total_system"), 3_000_000L);
        b.putInt(o.get("proc_taskinfo.pti_threadnum"), 7);
        TaskInfo t = TaskInfo.parse(b.array());
        assertEquals(420_000_000_000L, t.virtualSize());
        assertEquals(12_345_678L, t.residentSize());
        assertEquals(7, t.threadCount());
        // Apple silicon: 125/3 -> 24,000,000 ticks are one second.
        assertEquals(1_000_000_000L, TaskInfo.nanos(t.totalUser(), 125, 3));
        assertEquals(3_000_000L, TaskInfo.nanos(t.totalSystem(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TaskInfo.parse(new byte[95]));
    }

    @Test
    void procargs2FixtureParses() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(3);
        b.put("/bin/sleep".getBytes(StandardCharsets.UTF_8)).put((byte) 0); // os-scan: bytes of a fixture, never run
        b.put(new byte[5]); // alignment padding
        for (String s : new String[] {"sleep", "300", "with space", "HOME=/Users/x", "PATH=/bin"}) {
            b.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        }
        int len = b.position();
        ProcArgs2 a = ProcArgs2.parse(b.array(), len);
        assertEquals("/bin/sleep", a.execPath()); // os-scan: bytes of a fixture, never run
        assertEquals(List.of("sleep", "300", "with space"), a.argv());
        // cut short: fewer arguments, no failure
        ProcArgs2 cut = ProcArgs2.parse(b.array(), 4 + 11 + 5 + 6);
        assertEquals(List.of("sleep"), cut.argv());
        assertThrows(IllegalArgumentException.class, () -> ProcArgs2.parse(new byte[3], 3));
    }
}
