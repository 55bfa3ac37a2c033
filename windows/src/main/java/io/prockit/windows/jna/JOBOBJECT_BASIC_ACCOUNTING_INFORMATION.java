package io.prockit.windows.jna;

import com.sun.jna.Structure;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winnt/ns-winnt-jobobject_basic_accounting_information">JOBOBJECT_BASIC_ACCOUNTING_INFORMATION</a>,
 * the structure of {@code JobObjectBasicAccountingInformation} (1). 48 bytes on Win64 and Win32.
 *
 * <pre>{@code
 * JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct = new JOBOBJECT_BASIC_ACCOUNTING_INFORMATION();
 * Kernel32Ext.INSTANCE.QueryInformationJobObject(job, WinConstants.JobObjectBasicAccountingInformation, acct, acct.size(), null);
 * int alive = acct.ActiveProcesses;
 * }</pre>
 *
 * <p>Platform notes: Windows only; the backend reads {@code ActiveProcesses} to know whether a
 * finished child left descendants in its job.
 */
@Structure.FieldOrder({"TotalUserTime", "TotalKernelTime", "ThisPeriodTotalUserTime", "ThisPeriodTotalKernelTime",
        "TotalPageFaultCount", "TotalProcesses", "ActiveProcesses", "TotalTerminatedProcesses"})
public class JOBOBJECT_BASIC_ACCOUNTING_INFORMATION extends Structure {
    /** User-mode time of all processes ever in the job, 100 ns units. */
    public long TotalUserTime;
    /** Kernel-mode time of all processes ever in the job, 100 ns units. */
    public long TotalKernelTime;
    /** User-mode time since the last time limit was set. */
    public long ThisPeriodTotalUserTime;
    /** Kernel-mode time since the last time limit was set. */
    public long ThisPeriodTotalKernelTime;
    /** Page faults of all processes ever in the job. */
    public int TotalPageFaultCount;
    /** Processes ever in the job. */
    public int TotalProcesses;
    /** Processes in the job now. */
    public int ActiveProcesses;
    /** Processes ended by a job limit. */
    public int TotalTerminatedProcesses;
}
