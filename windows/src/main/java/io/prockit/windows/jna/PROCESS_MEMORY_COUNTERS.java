package io.prockit.windows.jna;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/psapi/ns-psapi-process_memory_counters">PROCESS_MEMORY_COUNTERS</a>.
 * 72 bytes on Win64.
 *
 * <pre>{@code
 * PROCESS_MEMORY_COUNTERS pmc = new PROCESS_MEMORY_COUNTERS();
 * Kernel32Ext.INSTANCE.K32GetProcessMemoryInfo(process, pmc, pmc.size());
 * long peak = pmc.PeakWorkingSetSize.longValue();
 * }</pre>
 *
 * <p>Platform notes: Windows only; {@code cb} is set to the structure's size by the constructor.
 */
@Structure.FieldOrder({"cb", "PageFaultCount", "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
        "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage",
        "PeakPagefileUsage"})
public class PROCESS_MEMORY_COUNTERS extends Structure {
    /** This structure's size. */
    public int cb;
    /** Page faults. */
    public int PageFaultCount;
    /** Peak working set, bytes. */
    public BaseTSD.SIZE_T PeakWorkingSetSize = new BaseTSD.SIZE_T();
    /** Current working set, bytes. */
    public BaseTSD.SIZE_T WorkingSetSize = new BaseTSD.SIZE_T();
    /** Peak paged pool usage, bytes. */
    public BaseTSD.SIZE_T QuotaPeakPagedPoolUsage = new BaseTSD.SIZE_T();
    /** Paged pool usage, bytes. */
    public BaseTSD.SIZE_T QuotaPagedPoolUsage = new BaseTSD.SIZE_T();
    /** Peak non-paged pool usage, bytes. */
    public BaseTSD.SIZE_T QuotaPeakNonPagedPoolUsage = new BaseTSD.SIZE_T();
    /** Non-paged pool usage, bytes. */
    public BaseTSD.SIZE_T QuotaNonPagedPoolUsage = new BaseTSD.SIZE_T();
    /** Commit charge, bytes. */
    public BaseTSD.SIZE_T PagefileUsage = new BaseTSD.SIZE_T();
    /** Peak commit charge, bytes. */
    public BaseTSD.SIZE_T PeakPagefileUsage = new BaseTSD.SIZE_T();

    /** Creates a zeroed structure with {@code cb} set. */
    public PROCESS_MEMORY_COUNTERS() {
        cb = size();
    }
}
