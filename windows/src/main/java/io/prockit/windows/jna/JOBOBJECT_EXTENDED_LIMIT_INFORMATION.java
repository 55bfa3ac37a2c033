package io.prockit.windows.jna;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.WinNT;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winnt/ns-winnt-jobobject_extended_limit_information">JOBOBJECT_EXTENDED_LIMIT_INFORMATION</a>,
 * the structure of {@code JobObjectExtendedLimitInformation} (9). 144 bytes on Win64.
 *
 * <pre>{@code
 * JOBOBJECT_EXTENDED_LIMIT_INFORMATION info = new JOBOBJECT_EXTENDED_LIMIT_INFORMATION();
 * info.BasicLimitInformation.LimitFlags = WinConstants.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
 * Kernel32Ext.INSTANCE.SetInformationJobObject(job, WinConstants.JobObjectExtendedLimitInformation, info, info.size());
 * }</pre>
 *
 * <p>Platform notes: Windows only; {@code IO_COUNTERS} is jna-platform's.
 */
@Structure.FieldOrder({"BasicLimitInformation", "IoInfo", "ProcessMemoryLimit", "JobMemoryLimit",
        "PeakProcessMemoryUsed", "PeakJobMemoryUsed"})
public class JOBOBJECT_EXTENDED_LIMIT_INFORMATION extends Structure {
    /** The basic limits. */
    public JOBOBJECT_BASIC_LIMIT_INFORMATION BasicLimitInformation = new JOBOBJECT_BASIC_LIMIT_INFORMATION();
    /** Reserved. */
    public WinNT.IO_COUNTERS IoInfo = new WinNT.IO_COUNTERS();
    /** Committed memory limit per process. */
    public BaseTSD.SIZE_T ProcessMemoryLimit = new BaseTSD.SIZE_T();
    /** Committed memory limit for the job. */
    public BaseTSD.SIZE_T JobMemoryLimit = new BaseTSD.SIZE_T();
    /** Peak committed memory of any process in the job. */
    public BaseTSD.SIZE_T PeakProcessMemoryUsed = new BaseTSD.SIZE_T();
    /** Peak committed memory of the job. */
    public BaseTSD.SIZE_T PeakJobMemoryUsed = new BaseTSD.SIZE_T();
}
