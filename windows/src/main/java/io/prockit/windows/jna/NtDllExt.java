package io.prockit.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The ntdll functions the process table needs and jna-platform's {@code NtDll} does not map:
 * reading a process's basic information (for its PEB address) and suspending or resuming all of
 * its threads at once.
 *
 * <pre>{@code
 * int status = NtDllExt.INSTANCE.NtSuspendProcess(process);   // 0 is STATUS_SUCCESS
 * }</pre>
 *
 * <p>Platform notes: Windows only. The functions return an {@code NTSTATUS}, not a BOOL: 0 is
 * success, and jna-platform's {@code NtDll.RtlNtStatusToDosError} turns a failure into a Win32
 * error code. {@code NtSuspendProcess} and {@code NtResumeProcess} are exported by ntdll since
 * Windows XP but not documented by Microsoft; Sysinternals' PsSuspend and Process Explorer use them.
 */
public interface NtDllExt extends StdCallLibrary {

    /** The mapping, loaded on first use. */
    NtDllExt INSTANCE = Native.load("ntdll", NtDllExt.class, W32APIOptions.DEFAULT_OPTIONS);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winternl/nf-winternl-ntqueryinformationprocess">NtQueryInformationProcess</a>.
     *
     * @param processHandle            the process, with {@code PROCESS_QUERY_INFORMATION} (or the limited right)
     * @param processInformationClass  {@link WinConstants#ProcessBasicInformation}
     * @param processInformation       receives a {@link PROCESS_BASIC_INFORMATION}
     * @param processInformationLength its size
     * @param returnLength             receives the bytes written, or null
     * @return an {@code NTSTATUS}, 0 on success
     */
    int NtQueryInformationProcess(WinNT.HANDLE processHandle, int processInformationClass,
                                  Structure processInformation, int processInformationLength,
                                  IntByReference returnLength);

    /**
     * {@code NtQueryInformationProcess} into a raw buffer, for the variable-length classes such as
     * {@link WinConstants#ProcessCommandLineInformation} (a {@code UNICODE_STRING} whose text follows it in the
     * same buffer).
     *
     * @param processHandle            the process, with {@code PROCESS_QUERY_LIMITED_INFORMATION}
     * @param processInformationClass  the class
     * @param processInformation       the buffer, or null to ask for the length
     * @param processInformationLength its size
     * @param returnLength             receives the bytes written, or needed with {@code STATUS_INFO_LENGTH_MISMATCH}
     * @return an {@code NTSTATUS}, 0 on success
     */
    int NtQueryInformationProcess(WinNT.HANDLE processHandle, int processInformationClass,
                                  Pointer processInformation, int processInformationLength,
                                  IntByReference returnLength);

    /**
     * {@code NtSuspendProcess}: suspends every thread of the process (each thread's suspend count
     * goes up by one).
     *
     * @param processHandle the process, with {@code PROCESS_SUSPEND_RESUME}
     * @return an {@code NTSTATUS}, 0 on success
     */
    int NtSuspendProcess(WinNT.HANDLE processHandle);

    /**
     * {@code NtResumeProcess}: resumes every thread of the process (each thread's suspend count goes
     * down by one).
     *
     * @param processHandle the process, with {@code PROCESS_SUSPEND_RESUME}
     * @return an {@code NTSTATUS}, 0 on success
     */
    int NtResumeProcess(WinNT.HANDLE processHandle);
}
