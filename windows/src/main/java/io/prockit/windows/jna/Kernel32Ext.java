package io.prockit.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The kernel32 functions prockit needs and jna-platform's {@code Kernel32} does not map: the
 * extended start-up information with its attribute list, job objects, {@code ResumeThread},
 * the process memory counters and the system directories.
 *
 * <pre>{@code
 * WinNT.HANDLE job = Kernel32Ext.INSTANCE.CreateJobObjectW(null, null);
 * }</pre>
 *
 * <p>Platform notes: Windows only. The library is loaded when {@link #INSTANCE} is first touched,
 * never by the backend's constructor or {@code isSupported()}; on other systems touching it throws
 * {@link UnsatisfiedLinkError}. Read the error code with {@link Native#getLastError()} right after a
 * failed call.
 */
public interface Kernel32Ext extends StdCallLibrary {

    /** The mapping, loaded with Unicode options on first use. */
    Kernel32Ext INSTANCE = Native.load("kernel32", Kernel32Ext.class, W32APIOptions.DEFAULT_OPTIONS);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-createprocessw">CreateProcessW</a>
     * with a {@code STARTUPINFOEXW}.
     *
     * @param lpApplicationName   the program's full path
     * @param lpCommandLine       the command line, NUL-terminated and writable
     * @param lpProcessAttributes null
     * @param lpThreadAttributes  null
     * @param bInheritHandles     whether inheritable handles (restricted by the handle list) are inherited
     * @param dwCreationFlags     {@code CREATE_*} flags
     * @param lpEnvironment       a UTF-16 environment block, or null for the parent's
     * @param lpCurrentDirectory  the working directory, or null for the parent's
     * @param lpStartupInfo       the start-up information
     * @param lpProcessInformation receives the process and thread handles and ids
     * @return false on failure
     */
    boolean CreateProcessW(WString lpApplicationName, char[] lpCommandLine, Pointer lpProcessAttributes,
                           Pointer lpThreadAttributes, boolean bInheritHandles, int dwCreationFlags,
                           Pointer lpEnvironment, WString lpCurrentDirectory, STARTUPINFOEXW lpStartupInfo,
                           WinBase.PROCESS_INFORMATION lpProcessInformation);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-initializeprocthreadattributelist">InitializeProcThreadAttributeList</a>.
     *
     * @param lpAttributeList  the list's memory, or null to ask for its size
     * @param dwAttributeCount the number of attributes
     * @param dwFlags          0
     * @param lpSize           in: the memory's size; out: the size needed ({@code SIZE_T*}, pointer-sized)
     * @return false on failure (also, with {@code ERROR_INSUFFICIENT_BUFFER}, when asking for the size)
     */
    boolean InitializeProcThreadAttributeList(Pointer lpAttributeList, int dwAttributeCount, int dwFlags,
                                              BaseTSD.ULONG_PTRByReference lpSize);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-updateprocthreadattribute">UpdateProcThreadAttribute</a>.
     *
     * @param lpAttributeList an initialised list
     * @param dwFlags         0
     * @param attribute       a {@code PROC_THREAD_ATTRIBUTE_*} value
     * @param lpValue         the value; must stay valid until the list is deleted
     * @param cbSize          the value's size in bytes
     * @param lpPreviousValue null
     * @param lpReturnSize    null
     * @return false on failure
     */
    boolean UpdateProcThreadAttribute(Pointer lpAttributeList, int dwFlags, BaseTSD.ULONG_PTR attribute,
                                      Pointer lpValue, BaseTSD.SIZE_T cbSize, Pointer lpPreviousValue,
                                      Pointer lpReturnSize);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-deleteprocthreadattributelist">DeleteProcThreadAttributeList</a>.
     *
     * @param lpAttributeList an initialised list
     */
    void DeleteProcThreadAttributeList(Pointer lpAttributeList);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/jobapi2/nf-jobapi2-createjobobjectw">CreateJobObjectW</a>.
     *
     * @param lpJobAttributes null (not inheritable)
     * @param lpName          null (anonymous)
     * @return the job, or null on failure
     */
    WinNT.HANDLE CreateJobObjectW(Pointer lpJobAttributes, WString lpName);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/jobapi2/nf-jobapi2-setinformationjobobject">SetInformationJobObject</a>.
     *
     * @param hJob                    the job
     * @param jobObjectInfoClass      a {@code JobObject*Information} class
     * @param lpJobObjectInfo         the structure of that class
     * @param cbJobObjectInfoLength   its size
     * @return false on failure
     */
    boolean SetInformationJobObject(WinNT.HANDLE hJob, int jobObjectInfoClass, Structure lpJobObjectInfo,
                                    int cbJobObjectInfoLength);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/jobapi2/nf-jobapi2-queryinformationjobobject">QueryInformationJobObject</a>.
     *
     * @param hJob                  the job
     * @param jobObjectInfoClass    a {@code JobObject*Information} class
     * @param lpJobObjectInfo       receives the structure of that class
     * @param cbJobObjectInfoLength its size
     * @param lpReturnLength        receives the bytes written, or null
     * @return false on failure
     */
    boolean QueryInformationJobObject(WinNT.HANDLE hJob, int jobObjectInfoClass, Structure lpJobObjectInfo,
                                      int cbJobObjectInfoLength, IntByReference lpReturnLength);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/jobapi/nf-jobapi-isprocessinjob">IsProcessInJob</a>.
     *
     * @param processHandle the process, with {@code PROCESS_QUERY_LIMITED_INFORMATION}
     * @param jobHandle     a job, or null for "any job"
     * @param result        receives a non-zero {@code BOOL} when the process runs in the job
     * @return false on failure
     */
    boolean IsProcessInJob(WinNT.HANDLE processHandle, WinNT.HANDLE jobHandle, IntByReference result);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/jobapi2/nf-jobapi2-assignprocesstojobobject">AssignProcessToJobObject</a>.
     *
     * @param hJob     the job
     * @param hProcess the process
     * @return false on failure
     */
    boolean AssignProcessToJobObject(WinNT.HANDLE hJob, WinNT.HANDLE hProcess);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/jobapi2/nf-jobapi2-terminatejobobject">TerminateJobObject</a>.
     *
     * @param hJob      the job
     * @param uExitCode the exit code every process in it gets
     * @return false on failure
     */
    boolean TerminateJobObject(WinNT.HANDLE hJob, int uExitCode);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-resumethread">ResumeThread</a>.
     *
     * @param hThread the thread
     * @return the previous suspend count, or {@code 0xFFFFFFFF} (-1) on failure
     */
    int ResumeThread(WinNT.HANDLE hThread);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/psapi/nf-psapi-getprocessmemoryinfo">K32GetProcessMemoryInfo</a>
     * (the kernel32 export of {@code GetProcessMemoryInfo}).
     *
     * @param process the process, with {@code PROCESS_QUERY_LIMITED_INFORMATION}
     * @param ppsmemCounters receives the counters
     * @param cb      the structure's size
     * @return false on failure
     */
    boolean K32GetProcessMemoryInfo(WinNT.HANDLE process, PROCESS_MEMORY_COUNTERS ppsmemCounters, int cb);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/sysinfoapi/nf-sysinfoapi-getsystemdirectoryw">GetSystemDirectoryW</a>.
     *
     * @param lpBuffer receives the path
     * @param uSize    the buffer's length in characters
     * @return the path's length, a larger number when the buffer is too small, 0 on failure
     */
    int GetSystemDirectoryW(char[] lpBuffer, int uSize);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/sysinfoapi/nf-sysinfoapi-getwindowsdirectoryw">GetWindowsDirectoryW</a>.
     *
     * @param lpBuffer receives the path
     * @param uSize    the buffer's length in characters
     * @return the path's length, a larger number when the buffer is too small, 0 on failure
     */
    int GetWindowsDirectoryW(char[] lpBuffer, int uSize);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-getcurrentdirectory">GetCurrentDirectoryW</a>.
     *
     * @param nBufferLength the buffer's length in characters
     * @param lpBuffer      receives the path
     * @return the path's length; the length needed (with the NUL) when the buffer is too small; 0 on failure
     */
    int GetCurrentDirectoryW(int nBufferLength, char[] lpBuffer);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-setcurrentdirectory">SetCurrentDirectoryW</a>.
     *
     * @param lpPathName the new directory
     * @return false on failure
     */
    boolean SetCurrentDirectoryW(WString lpPathName);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-getenvironmentvariablew">GetEnvironmentVariableW</a>.
     *
     * @param lpName   the name
     * @param lpBuffer receives the value
     * @param nSize    the buffer's length in characters
     * @return the value's length; the length needed (with the NUL) when too small; 0 when unset
     *         ({@code ERROR_ENVVAR_NOT_FOUND}) or empty
     */
    int GetEnvironmentVariableW(WString lpName, char[] lpBuffer, int nSize);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-setenvironmentvariablew">SetEnvironmentVariableW</a>.
     *
     * @param lpName  the name
     * @param lpValue the value, or null to remove the variable
     * @return false on failure
     */
    boolean SetEnvironmentVariableW(WString lpName, WString lpValue);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-getactiveprocessorcount">GetActiveProcessorCount</a>.
     *
     * @param groupNumber a processor group, or {@code ALL_PROCESSOR_GROUPS} (0xffff)
     * @return the number of active logical processors, 0 on failure
     */
    int GetActiveProcessorCount(short groupNumber);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-getpriorityclass">GetPriorityClass</a>.
     *
     * @param hProcess a process with {@code PROCESS_QUERY_LIMITED_INFORMATION}
     * @return its priority class, 0 on failure
     */
    int GetPriorityClass(WinNT.HANDLE hProcess);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/console/createpseudoconsole">CreatePseudoConsole</a>.
     *
     * @param size    the console size in characters
     * @param hInput  the pipe end the pseudoconsole reads the caller's input from
     * @param hOutput the pipe end the pseudoconsole writes its output (VT sequences) to
     * @param dwFlags 0
     * @param phPC    receives the {@code HPCON}
     * @return an HRESULT, {@code S_OK} (0) on success
     */
    int CreatePseudoConsole(COORD.ByValue size, WinNT.HANDLE hInput, WinNT.HANDLE hOutput, int dwFlags,
                            com.sun.jna.ptr.PointerByReference phPC);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/console/resizepseudoconsole">ResizePseudoConsole</a>.
     *
     * @param hPC  the pseudoconsole
     * @param size the new size in characters
     * @return an HRESULT, {@code S_OK} (0) on success
     */
    int ResizePseudoConsole(Pointer hPC, COORD.ByValue size);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/console/closepseudoconsole">ClosePseudoConsole</a>.
     * Before Windows 11 24H2 it waits until the output pipe is drained or closed.
     *
     * @param hPC the pseudoconsole
     */
    void ClosePseudoConsole(Pointer hPC);

    /**
     * <a href="https://learn.microsoft.com/en-us/windows/win32/api/handleapi/nf-handleapi-gethandleinformation">GetHandleInformation</a>
     * (jna-platform maps only the setter).
     *
     * @param hObject  a handle
     * @param lpdwFlags receives {@code HANDLE_FLAG_INHERIT} and {@code HANDLE_FLAG_PROTECT_FROM_CLOSE}
     * @return false on failure
     */
    boolean GetHandleInformation(WinNT.HANDLE hObject, IntByReference lpdwFlags);
}
