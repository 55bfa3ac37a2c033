package io.prockit.posix.darwin;

import io.prockit.ProcessState;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The fields prockit uses from {@code struct proc_bsdinfo} ({@code proc_pidinfo(pid,
 * PROC_PIDTBSDINFO, ...)}, 136 bytes, bsd/sys/proc_info.h:59 in xnu-11417.101.15). Offsets are the
 * LP64 layout, the same on x86_64 and arm64 (little-endian both). Not API.
 *
 * @param status  {@code pbi_status}: {@code SIDL}..{@code SZOMB}
 * @param pid     {@code pbi_pid}
 * @param ppid    {@code pbi_ppid}
 * @param uid     {@code pbi_uid} (effective)
 * @param ruid    {@code pbi_ruid} (real)
 * @param comm    {@code pbi_comm}: the first {@code MAXCOMLEN} (16) bytes of the executable's name
 * @param name    {@code pbi_name}: up to 32 bytes, may be empty
 * @param pgid    {@code pbi_pgid}
 * @param startSeconds      {@code pbi_start_tvsec}
 * @param startMicroseconds {@code pbi_start_tvusec}
 */
public record BsdInfo(int status, int pid, int ppid, int uid, int ruid, String comm, String name, int pgid,
                      long startSeconds, long startMicroseconds) {
    /** sizeof(struct proc_bsdinfo). */
    public static final int SIZE = 136;
    /** offsetof pbi_status. */
    public static final int OFF_STATUS = 4;
    /** offsetof pbi_pid. */
    public static final int OFF_PID = 12;
    /** offsetof pbi_ppid. */
    public static final int OFF_PPID = 16;
    /** offsetof pbi_uid. */
    public static final int OFF_UID = 20;
    /** offsetof pbi_ruid. */
    public static final int OFF_RUID = 28;
    /** offsetof pbi_comm (16 bytes). */
    public static final int OFF_COMM = 48;
    /** offsetof pbi_name (32 bytes). */
    public static final int OFF_NAME = 64;
    /** offsetof pbi_pgid. */
    public static final int OFF_PGID = 100;
    /** offsetof pbi_start_tvsec. */
    public static final int OFF_START_SEC = 120;
    /** offsetof pbi_start_tvusec. */
    public static final int OFF_START_USEC = 128;

    /**
     * @param bytes at least {@link #SIZE} bytes as the kernel filled them
     * @return the fields
     */
    public static BsdInfo parse(byte[] bytes) {
        if (bytes.length < SIZE) {
            throw new IllegalArgumentException("proc_bsdinfo needs " + SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new BsdInfo(b.getInt(OFF_STATUS), b.getInt(OFF_PID), b.getInt(OFF_PPID), b.getInt(OFF_UID),
                b.getInt(OFF_RUID), cString(bytes, OFF_COMM, 16), cString(bytes, OFF_NAME, 32), b.getInt(OFF_PGID),
                b.getLong(OFF_START_SEC), b.getLong(OFF_START_USEC));
    }

    static String cString(byte[] bytes, int off, int max) {
        int end = off;
        while (end < off + max && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, off, end - off, StandardCharsets.UTF_8);
    }

    /** @return the start time */
    public Instant startTime() {
        return Instant.ofEpochSecond(startSeconds, startMicroseconds * 1000);
    }

    /** @return {@code pbi_name} when set, else {@code pbi_comm} (as psutil) */
    public String bestName() {
        return name.isEmpty() ? comm : name;
    }

    /** @return {@link #status()} as a state: {@code SIDL}, {@code SRUN}, {@code SSLEEP}, {@code SSTOP}, {@code SZOMB} (bsd/sys/proc.h:159-163) */
    public ProcessState state() {
        if (status == DarwinConstants.SIDL) {
            return ProcessState.IDLE;
        } else if (status == DarwinConstants.SRUN) {
            return ProcessState.RUNNING;
        } else if (status == DarwinConstants.SSLEEP) {
            return ProcessState.SLEEPING;
        } else if (status == DarwinConstants.SSTOP) {
            return ProcessState.STOPPED;
        } else if (status == DarwinConstants.SZOMB) {
            return ProcessState.ZOMBIE;
        }
        return ProcessState.UNKNOWN;
    }
}
