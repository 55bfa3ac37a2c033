package io.prockit.windows.jna;

/**
 * The Windows constants the backend uses, by the names of the Windows SDK headers. Each block
 * names the header and the Microsoft documentation page it comes from; {@code WinLayoutTest}
 * checks every value against the Win64 ground truth extracted from the mingw-w64 headers.
 *
 * <pre>{@code
 * int flags = WinConstants.CREATE_UNICODE_ENVIRONMENT | WinConstants.EXTENDED_STARTUPINFO_PRESENT;
 * }</pre>
 *
 * <p>Platform notes: Windows values; shared code elsewhere holds no number.
 */
public final class WinConstants {
    private WinConstants() {
    }

    // <winbase.h>, "Process Creation Flags":
    // https://learn.microsoft.com/en-us/windows/win32/procthread/process-creation-flags
    /** The primary thread starts suspended until {@code ResumeThread}. */
    public static final int CREATE_SUSPENDED = 0x00000004;
    /** The child has no console (Python's {@code P_DETACH}). */
    public static final int DETACHED_PROCESS = 0x00000008;
    /** The child gets a new console. */
    public static final int CREATE_NEW_CONSOLE = 0x00000010;
    /** The child leads a new process group (the target of {@code CTRL_BREAK_EVENT}). */
    public static final int CREATE_NEW_PROCESS_GROUP = 0x00000200;
    /** The environment block is UTF-16. */
    public static final int CREATE_UNICODE_ENVIRONMENT = 0x00000400;
    /** {@code lpStartupInfo} is a {@code STARTUPINFOEXW}. */
    public static final int EXTENDED_STARTUPINFO_PRESENT = 0x00080000;
    /** The child leaves the parent's job, if that job allows it. */
    public static final int CREATE_BREAKAWAY_FROM_JOB = 0x01000000;
    /** A console child runs without a console window. */
    public static final int CREATE_NO_WINDOW = 0x08000000;

    // <winbase.h>, STARTUPINFOW.dwFlags:
    // https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/ns-processthreadsapi-startupinfow
    /** {@code wShowWindow} is valid. */
    public static final int STARTF_USESHOWWINDOW = 0x00000001;
    /** {@code hStdInput}, {@code hStdOutput}, {@code hStdError} are valid. */
    public static final int STARTF_USESTDHANDLES = 0x00000100;

    // <winuser.h>, ShowWindow nCmdShow: https://learn.microsoft.com/en-us/windows/win32/api/winuser/nf-winuser-showwindow
    /** Hide the window. */
    public static final int SW_HIDE = 0;
    /** Show the window normally. */
    public static final int SW_SHOWNORMAL = 1;

    // <winbase.h>, SetHandleInformation and DuplicateHandle:
    // https://learn.microsoft.com/en-us/windows/win32/api/handleapi/nf-handleapi-sethandleinformation
    /** The handle is inherited by children created with {@code bInheritHandles}. */
    public static final int HANDLE_FLAG_INHERIT = 0x00000001;
    /** {@code DuplicateHandle}: the duplicate has the source's access rights. */
    public static final int DUPLICATE_SAME_ACCESS = 0x00000002;

    // <processenv.h>, GetStdHandle: https://learn.microsoft.com/en-us/windows/console/getstdhandle
    /** {@code (DWORD)-10}: standard input. */
    public static final int STD_INPUT_HANDLE = -10;
    /** {@code (DWORD)-11}: standard output. */
    public static final int STD_OUTPUT_HANDLE = -11;
    /** {@code (DWORD)-12}: standard error. */
    public static final int STD_ERROR_HANDLE = -12;

    // <winbase.h>, ProcThreadAttributeValue(2, FALSE, TRUE, FALSE) and (22, FALSE, TRUE, FALSE):
    // https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-updateprocthreadattribute
    /** The handles the child inherits, and no others. */
    public static final int PROC_THREAD_ATTRIBUTE_HANDLE_LIST = 0x00020002;
    /** The pseudoconsole the child is attached to. */
    public static final int PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE = 0x00020016;

    // <winnt.h>, JOBOBJECT_BASIC_LIMIT_INFORMATION.LimitFlags:
    // https://learn.microsoft.com/en-us/windows/win32/api/winnt/ns-winnt-jobobject_basic_limit_information
    /** Children may leave the job with {@code CREATE_BREAKAWAY_FROM_JOB}. */
    public static final int JOB_OBJECT_LIMIT_BREAKAWAY_OK = 0x00000800;
    /** Children leave the job silently. */
    public static final int JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK = 0x00001000;
    /** Closing the last handle to the job terminates every process in it. */
    public static final int JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000;

    // <winnt.h>, JOBOBJECTINFOCLASS:
    // https://learn.microsoft.com/en-us/windows/win32/api/jobapi2/nf-jobapi2-setinformationjobobject
    /** {@code JOBOBJECT_BASIC_ACCOUNTING_INFORMATION}. */
    public static final int JobObjectBasicAccountingInformation = 1;
    /** {@code JOBOBJECT_ASSOCIATE_COMPLETION_PORT}. */
    public static final int JobObjectAssociateCompletionPortInformation = 7;
    /** {@code JOBOBJECT_EXTENDED_LIMIT_INFORMATION}. */
    public static final int JobObjectExtendedLimitInformation = 9;

    // <wincon.h>, GenerateConsoleCtrlEvent: https://learn.microsoft.com/en-us/windows/console/generateconsolectrlevent
    /** Ctrl+C. */
    public static final int CTRL_C_EVENT = 0;
    /** Ctrl+Break. */
    public static final int CTRL_BREAK_EVENT = 1;

    // <minwinbase.h>, GetExitCodeProcess: https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-getexitcodeprocess
    /** What {@code GetExitCodeProcess} reports for a running process - and a legal exit code too. */
    public static final int STILL_ACTIVE = 0x00000103;

    // <winbase.h>, WaitForSingleObject / WaitForMultipleObjects:
    // https://learn.microsoft.com/en-us/windows/win32/api/synchapi/nf-synchapi-waitformultipleobjects
    /** The first signalled object's index is added to this. */
    public static final int WAIT_OBJECT_0 = 0x00000000;
    /** The time-out elapsed. */
    public static final int WAIT_TIMEOUT = 0x00000102;
    /** The wait failed; see {@code GetLastError}. */
    public static final int WAIT_FAILED = 0xFFFFFFFF;
    /** Wait without a time-out. */
    public static final int INFINITE = 0xFFFFFFFF;
    /** The most handles one {@code WaitForMultipleObjects} call takes. */
    public static final int MAXIMUM_WAIT_OBJECTS = 64;

    // <winnt.h>, process access rights: https://learn.microsoft.com/en-us/windows/win32/procthread/process-security-and-access-rights
    /** {@code TerminateProcess}. */
    public static final int PROCESS_TERMINATE = 0x00000001;
    /** {@code GetExitCodeProcess}, {@code GetProcessTimes}, and more. */
    public static final int PROCESS_QUERY_INFORMATION = 0x00000400;
    /** {@code GetExitCodeProcess}, {@code GetProcessTimes}, {@code QueryFullProcessImageName}. */
    public static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x00001000;
    /** Waiting on the handle. */
    public static final int SYNCHRONIZE = 0x00100000;
    /** {@code ReadProcessMemory}. */
    public static final int PROCESS_VM_READ = 0x00000010;
    /** {@code NtSuspendProcess} and {@code NtResumeProcess}. */
    public static final int PROCESS_SUSPEND_RESUME = 0x00000800;

    // <winnt.h>, access rights for access tokens:
    // https://learn.microsoft.com/en-us/windows/win32/secauthz/access-rights-for-access-token-objects
    /** {@code GetTokenInformation}. */
    public static final int TOKEN_QUERY = 0x00000008;

    // <winternl.h>, PROCESSINFOCLASS: https://learn.microsoft.com/en-us/windows/win32/api/winternl/nf-winternl-ntqueryinformationprocess
    /** {@code PROCESS_BASIC_INFORMATION}. */
    public static final int ProcessBasicInformation = 0;
    /**
     * The command line as a {@code UNICODE_STRING} followed by its text (Windows 8.1+; the Windows SDK's
     * {@code PROCESSINFOCLASS} value 60, which psutil and Process Hacker's phnt use). Needs only
     * {@code PROCESS_QUERY_LIMITED_INFORMATION}.
     */
    public static final int ProcessCommandLineInformation = 60;

    // <ntstatus.h>: https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55
    /** The buffer is too small; the length needed was written to {@code ReturnLength}. */
    public static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;

    // <winnt.h>, file attributes and reparse tags:
    // https://learn.microsoft.com/en-us/windows/win32/fileio/file-attribute-constants,
    // https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-fscc/c8e77b37-3909-4fe6-a4ea-2b9d423b1ee4
    /** A directory. */
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x00000010;
    /** A reparse point; {@code WIN32_FIND_DATAW.dwReserved0} holds its tag. */
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x00000400;
    /** An App Execution Alias ({@code %LOCALAPPDATA%\Microsoft\WindowsApps\winget.exe}): run by CreateProcessW. */
    public static final int IO_REPARSE_TAG_APPEXECLINK = 0x8000001B;

    // <winuser.h>, window messages: https://learn.microsoft.com/en-us/windows/win32/winmsg/wm-close
    /** Asks a window to close, as its close button does. */
    public static final int WM_CLOSE = 0x00000010;

    // <tlhelp32.h>, CreateToolhelp32Snapshot: https://learn.microsoft.com/en-us/windows/win32/api/tlhelp32/nf-tlhelp32-createtoolhelp32snapshot
    /** Include every process. */
    public static final int TH32CS_SNAPPROCESS = 0x00000002;

    // <winbase.h>, priority classes: https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-getpriorityclass
    /** Idle. */
    public static final int IDLE_PRIORITY_CLASS = 0x00000040;
    /** Below normal. */
    public static final int BELOW_NORMAL_PRIORITY_CLASS = 0x00004000;
    /** Normal. */
    public static final int NORMAL_PRIORITY_CLASS = 0x00000020;
    /** Above normal. */
    public static final int ABOVE_NORMAL_PRIORITY_CLASS = 0x00008000;
    /** High. */
    public static final int HIGH_PRIORITY_CLASS = 0x00000080;
    /** Real-time. */
    public static final int REALTIME_PRIORITY_CLASS = 0x00000100;

    // <winerror.h>, system error codes: https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--0-499-
    /** The system cannot find the file specified. */
    public static final int ERROR_FILE_NOT_FOUND = 2;
    /** The system cannot find the path specified. */
    public static final int ERROR_PATH_NOT_FOUND = 3;
    /** Access is denied. */
    public static final int ERROR_ACCESS_DENIED = 5;
    /** The handle is invalid. */
    public static final int ERROR_INVALID_HANDLE = 6;
    /** The parameter is incorrect. */
    public static final int ERROR_INVALID_PARAMETER = 87;
    /** The pipe has been ended. */
    public static final int ERROR_BROKEN_PIPE = 109;
    /** The data area passed to a system call is too small. */
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    /** The pipe is being closed. */
    public static final int ERROR_NO_DATA = 232;
    /** The directory name is invalid. */
    public static final int ERROR_DIRECTORY = 267;
    /** Only part of a ReadProcessMemory or WriteProcessMemory request was completed. */
    public static final int ERROR_PARTIAL_COPY = 299;
    /** No mapping between account names and security IDs was done. */
    public static final int ERROR_NONE_MAPPED = 1332;

    // <winerror.h>, more system error codes: https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes
    /** Not enough memory resources are available to process this command. */
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    /** The process cannot access the file because it is being used by another process. */
    public static final int ERROR_SHARING_VIOLATION = 32;
    /** The system could not find the environment option that was entered. */
    public static final int ERROR_ENVVAR_NOT_FOUND = 203;
    /** No application is associated with the specified file for this operation. */
    public static final int ERROR_NO_ASSOCIATION = 1155;
    /** An error occurred in sending the command to the application. */
    public static final int ERROR_DDE_FAIL = 1156;
    /** One of the library files needed to run this application cannot be found. */
    public static final int ERROR_DLL_NOT_FOUND = 1157;

    // <shellapi.h>, SHELLEXECUTEINFOW.fMask: https://learn.microsoft.com/en-us/windows/win32/api/shellapi/ns-shellapi-shellexecuteinfow
    /** {@code hProcess} receives the started process's handle. */
    public static final int SEE_MASK_NOCLOSEPROCESS = 0x00000040;
    /** Wait for the execute operation to complete before returning (callers without a message loop). */
    public static final int SEE_MASK_NOASYNC = 0x00000100;
    /** No error dialogs. */
    public static final int SEE_MASK_FLAG_NO_UI = 0x00000400;

    // <shellapi.h>, ShellExecute's SE_ERR_* results in hInstApp:
    // https://learn.microsoft.com/en-us/windows/win32/api/shellapi/nf-shellapi-shellexecutew
    /** File not found. */
    public static final int SE_ERR_FNF = 2;
    /** Path not found. */
    public static final int SE_ERR_PNF = 3;
    /** Access denied. */
    public static final int SE_ERR_ACCESSDENIED = 5;
    /** Out of memory. */
    public static final int SE_ERR_OOM = 8;
    /** A sharing violation. */
    public static final int SE_ERR_SHARE = 26;
    /** The file name association is incomplete or invalid. */
    public static final int SE_ERR_ASSOCINCOMPLETE = 27;
    /** The DDE transaction timed out. */
    public static final int SE_ERR_DDETIMEOUT = 28;
    /** The DDE transaction failed. */
    public static final int SE_ERR_DDEFAIL = 29;
    /** Other DDE transactions were being processed. */
    public static final int SE_ERR_DDEBUSY = 30;
    /** No application is associated with the file name extension. */
    public static final int SE_ERR_NOASSOC = 31;
    /** The DLL was not found. */
    public static final int SE_ERR_DLLNOTFOUND = 32;

    // <winnt.h>, GetActiveProcessorCount: https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-getactiveprocessorcount
    /** Every processor group. */
    public static final int ALL_PROCESSOR_GROUPS = 0x0000FFFF;

    // <winerror.h>, HRESULT: https://learn.microsoft.com/en-us/windows/win32/com/structure-of-com-error-codes
    /** Success. */
    public static final int S_OK = 0;
    /** The facility of HRESULTs that wrap a Win32 error code ({@code HRESULT_FROM_WIN32}). */
    public static final int FACILITY_WIN32 = 7;

    // <lmcons.h>, GetUserNameW: https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-getusernamew
    /** The longest user name. */
    public static final int UNLEN = 256;

    // <windef.h>: the classic path limit, the first buffer size for GetCurrentDirectoryW (which reports a longer need).
    /** {@code MAX_PATH}. */
    public static final int MAX_PATH_CHARS = 260;

    // <sys/stat.h> of the C runtime, _umask: https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/umask
    /** Read permission, owner ({@code _S_IREAD}). */
    public static final int S_IREAD = 0x0100;
    /** Write permission, owner ({@code _S_IWRITE}). */
    public static final int S_IWRITE = 0x0080;

    // The C runtime's abort() on Windows: https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/abort
    /** The exit code of {@code abort()}, which Python's {@code os.abort()} documents for Windows. */
    public static final int ABORT_EXIT_CODE = 3;

    // ---- descriptor plumbing (issue 15): checked against wincheck/win64-layout-fds.txt ----------------------

    // <winbase.h>, SetNamedPipeHandleState: https://learn.microsoft.com/en-us/windows/win32/api/namedpipeapi/nf-namedpipeapi-setnamedpipehandlestate
    /** Non-blocking pipe mode: reads and writes return at once (Python's {@code os.set_blocking(fd, False)}). */
    public static final int PIPE_NOWAIT = 0x00000001;

    // <fileapi.h>, GetFileType: https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-getfiletype
    /** A character device: a console or {@code NUL}. */
    public static final int FILE_TYPE_CHAR = 0x0002;

    // <fcntl.h> of the C runtime, _open_osfhandle: https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/open-osfhandle
    /** {@code _O_RDONLY}. */
    public static final int O_RDONLY = 0x0000;
    /** {@code _O_WRONLY}. */
    public static final int O_WRONLY = 0x0001;
    /** {@code _O_NOINHERIT}: the C runtime's own spawn functions do not pass the descriptor on. */
    public static final int O_NOINHERIT = 0x0080;

    // <errno.h> of the C runtime: https://learn.microsoft.com/en-us/cpp/c-runtime-library/errno-constants
    /** {@code EINTR}. */
    public static final int CRT_EINTR = 4;
    /** {@code ENOENT}. */
    public static final int CRT_ENOENT = 2;
    /** {@code EBADF}: not an open descriptor. */
    public static final int CRT_EBADF = 9;
    /** {@code EAGAIN}: a non-blocking pipe has no data (or no room). */
    public static final int CRT_EAGAIN = 11;
    /** {@code ENOMEM}. */
    public static final int CRT_ENOMEM = 12;
    /** {@code EACCES}. */
    public static final int CRT_EACCES = 13;
    /** {@code EINVAL}. */
    public static final int CRT_EINVAL = 22;
    /** {@code ENFILE}. */
    public static final int CRT_ENFILE = 23;
    /** {@code EMFILE}: no free descriptor number. */
    public static final int CRT_EMFILE = 24;
    /** {@code ENOSPC}: what {@code _write} reports when a non-blocking pipe took nothing. */
    public static final int CRT_ENOSPC = 28;
    /** {@code EPIPE}: the reader has closed its end. */
    public static final int CRT_EPIPE = 32;

    // The C runtime's low-level I/O limit: https://learn.microsoft.com/en-us/cpp/c-runtime-library/file-handling
    // ("up to 8,192 files open simultaneously at the low I/O level"; _setmaxstdio names the same bound).
    /** One past the highest descriptor number the C runtime can hand out ({@code _NHANDLE_}). */
    public static final int CRT_MAX_DESCRIPTORS = 8192;
}
