package io.prockit.posix.darwin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fields prockit uses from {@code struct proc_taskinfo} ({@code proc_pidinfo(pid,
 * PROC_PIDTASKINFO, ...)}, 96 bytes, bsd/sys/proc_info.h:127 in xnu-11417.101.15). Not API.
 *
 * <p>The cpu times are Mach absolute-time ticks, not nanoseconds (osfmk/kern/bsd_kern.c fills them
 * from {@code recount_task_times}): {@link #nanos(long, int, int)} converts with the ratio of
 * {@code mach_timebase_info} (1/1 on Intel, 125/3 on Apple silicon).
 *
 * @param virtualSize  {@code pti_virtual_size}, bytes
 * @param residentSize {@code pti_resident_size}, bytes
 * @param totalUser    {@code pti_total_user}, Mach ticks
 * @param totalSystem  {@code pti_total_system}, Mach ticks
 * @param threadCount  {@code pti_threadnum}
 */
public record TaskInfo(long virtualSize, long residentSize, long totalUser, long totalSystem, int threadCount) {
    /** sizeof(struct proc_taskinfo). */
    public static final int SIZE = 96;
    /** offsetof pti_virtual_size. */
    public static final int OFF_VIRTUAL = 0;
    /** offsetof pti_resident_size. */
    public static final int OFF_RESIDENT = 8;
    /** offsetof pti_total_user. */
    public static final int OFF_USER = 16;
    /** offsetof pti_total_system. */
    public static final int OFF_SYSTEM = 24;
    /** offsetof pti_threadnum. */
    public static final int OFF_THREADNUM = 84;

    /**
     * @param bytes at least {@link #SIZE} bytes as the kernel filled them
     * @return the fields
     */
    public static TaskInfo parse(byte[] bytes) {
        if (bytes.length < SIZE) {
            throw new IllegalArgumentException("proc_taskinfo needs " + SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return new TaskInfo(b.getLong(OFF_VIRTUAL), b.getLong(OFF_RESIDENT), b.getLong(OFF_USER),
                b.getLong(OFF_SYSTEM), b.getInt(OFF_THREADNUM));
    }

    /**
     * @param ticks Mach absolute-time ticks
     * @param numer {@code mach_timebase_info.numer}
     * @param denom {@code mach_timebase_info.denom}
     * @return nanoseconds
     */
    public static long nanos(long ticks, int numer, int denom) {
        if (denom == 0) {
            throw new IllegalArgumentException("mach_timebase_info denom is 0");
        }
        long n = Integer.toUnsignedLong(numer);
        long d = Integer.toUnsignedLong(denom);
        try {
            return Math.multiplyExact(ticks, n) / d;
        } catch (ArithmeticException overflow) {
            return (long) ((double) ticks * n / d);
        }
    }
}
