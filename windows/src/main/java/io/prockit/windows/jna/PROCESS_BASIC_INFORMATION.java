package io.prockit.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;

/**
 * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winternl/nf-winternl-ntqueryinformationprocess">PROCESS_BASIC_INFORMATION</a>,
 * with the members winternl.h calls reserved given their ntdll names. 48 bytes on Win64:
 * {@code ExitStatus} (NTSTATUS) at 0, {@code PebBaseAddress} at 8, {@code AffinityMask} at 16,
 * {@code BasePriority} (KPRIORITY, a LONG) at 24, {@code UniqueProcessId} at 32,
 * {@code InheritedFromUniqueProcessId} at 40.
 *
 * <pre>{@code
 * PROCESS_BASIC_INFORMATION pbi = new PROCESS_BASIC_INFORMATION();
 * NtDllExt.INSTANCE.NtQueryInformationProcess(h, WinConstants.ProcessBasicInformation, pbi, pbi.size(), null);
 * long peb = Pointer.nativeValue(pbi.PebBaseAddress);
 * }</pre>
 *
 * <p>Platform notes: Windows only; the PEB address is the 64-bit PEB of the process (also for a
 * 32-bit WOW64 process, whose 64-bit PEB holds its parameters too).
 */
@Structure.FieldOrder({"ExitStatus", "PebBaseAddress", "AffinityMask", "BasePriority", "UniqueProcessId",
        "InheritedFromUniqueProcessId"})
public class PROCESS_BASIC_INFORMATION extends Structure {
    /** The exit status, {@code STATUS_PENDING} while the process runs. */
    public int ExitStatus;
    /** The address of the process environment block in the process. */
    public Pointer PebBaseAddress;
    /** The processor affinity mask. */
    public BaseTSD.ULONG_PTR AffinityMask = new BaseTSD.ULONG_PTR();
    /** The base priority. */
    public int BasePriority;
    /** The process id. */
    public BaseTSD.ULONG_PTR UniqueProcessId = new BaseTSD.ULONG_PTR();
    /** The parent's process id at creation. */
    public BaseTSD.ULONG_PTR InheritedFromUniqueProcessId = new BaseTSD.ULONG_PTR();

    /** Creates a zeroed structure. */
    public PROCESS_BASIC_INFORMATION() {
    }
}
