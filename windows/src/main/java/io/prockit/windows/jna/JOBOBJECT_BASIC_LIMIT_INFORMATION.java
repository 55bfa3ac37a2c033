package io.prockit.windows.jna;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winnt/ns-winnt-jobobject_basic_limit_information">JOBOBJECT_BASIC_LIMIT_INFORMATION</a>.
 * 64 bytes on Win64.
 *
 * <pre>{@code
 * info.BasicLimitInformation.LimitFlags = WinConstants.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
 * }</pre>
 *
 * <p>Platform notes: Windows only; {@code LARGE_INTEGER} fields are Java {@code long}s, {@code SIZE_T}
 * and {@code ULONG_PTR} follow the pointer size.
 */
@Structure.FieldOrder({"PerProcessUserTimeLimit", "PerJobUserTimeLimit", "LimitFlags", "MinimumWorkingSetSize",
        "MaximumWorkingSetSize", "ActiveProcessLimit", "Affinity", "PriorityClass", "SchedulingClass"})
public class JOBOBJECT_BASIC_LIMIT_INFORMATION extends Structure {
    /** Per-process user-mode time limit, 100 ns units. */
    public long PerProcessUserTimeLimit;
    /** Job-wide user-mode time limit, 100 ns units. */
    public long PerJobUserTimeLimit;
    /** {@code JOB_OBJECT_LIMIT_*} flags saying which limits apply. */
    public int LimitFlags;
    /** Minimum working set per process. */
    public BaseTSD.SIZE_T MinimumWorkingSetSize = new BaseTSD.SIZE_T();
    /** Maximum working set per process. */
    public BaseTSD.SIZE_T MaximumWorkingSetSize = new BaseTSD.SIZE_T();
    /** Maximum number of active processes. */
    public int ActiveProcessLimit;
    /** Processor affinity of every process. */
    public BaseTSD.ULONG_PTR Affinity = new BaseTSD.ULONG_PTR();
    /** Priority class of every process. */
    public int PriorityClass;
    /** Scheduling class of every process. */
    public int SchedulingClass;
}
