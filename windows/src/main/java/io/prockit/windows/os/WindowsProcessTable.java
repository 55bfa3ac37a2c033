package io.prockit.windows.os;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.NtDll;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.CpuTimes;
import io.prockit.ErrorKind;
import io.prockit.MemoryInfo;
import io.prockit.OsException;
import io.prockit.ProcessState;
import io.prockit.spi.ProcessEntry;
import io.prockit.spi.ProcessTableProvider;
import io.prockit.windows.jna.NtDllExt;
import io.prockit.windows.jna.PROCESS_BASIC_INFORMATION;
import io.prockit.windows.jna.PROCESS_MEMORY_COUNTERS;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;
import io.prockit.windows.platform.WindowsSignalTable;
import io.prockit.windows.spawn.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Windows process table: one Toolhelp32 snapshot for the list, then each process through a
 * HANDLE.
 *
 * <p>Listing takes the snapshot ({@code CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS)}: pid, parent
 * pid, image name and thread count of every process), then opens each process with
 * {@code PROCESS_QUERY_LIMITED_INFORMATION} for {@code GetProcessTimes}: its creation time (the
 * identity) and its cpu times. A process that has exited by then, or whose pid already names a
 * process created after the snapshot, is left out. A process that may not be opened even with that
 * right (the System Idle Process, a few protected ones) is listed with the creation time unknown:
 * {@link ProcessEntry#createTime()} reads the epoch, its cpu times throw {@code PERMISSION_DENIED},
 * and no action is taken on it, since its identity cannot be checked.
 *
 * <p>The other fields are read when first asked, each through a HANDLE opened for it and checked
 * against the creation time first: {@code exe} with {@code QueryFullProcessImageNameW}, the command
 * line from the process's PEB ({@link PebCommandLine}, with {@code PROCESS_VM_READ}), the user
 * from its token ({@code DOMAIN\\user}, or the SID as text when the account is unknown), memory with
 * {@code GetProcessMemoryInfo} (rss the working set, vms the commit charge, as psutil reports).
 * Access denied for one of them concerns that field only.
 *
 * <p>Every action opens a HANDLE, checks its creation time against the entry and acts on that
 * HANDLE; an open HANDLE keeps the process object, so its pid cannot be reused while we act. The
 * state is always {@code RUNNING}: Windows has no process state, and telling a fully suspended
 * process apart would need a per-thread system query on every listing.
 */
public final class WindowsProcessTable implements ProcessTableProvider {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsProcessTable.class);

    /** The creation time could not be read. */
    static final long UNKNOWN = Long.MIN_VALUE;
    /** POSIX's number for SIGKILL, which Windows' signal table lacks; {@link #signal} takes it as {@link #kill}. */
    static final int SIGKILL_NUMBER = 9;
    /** The exit code {@code TerminateProcess} gives, as the SPI documents for kill. */
    static final int KILLED_EXIT_CODE = 1;
    /** How long one wait lasts before the interrupt flag is checked again, in milliseconds. */
    private static final int WAIT_SLICE_MILLIS = 50;

    private static final NtDllExt NT = NtDllExt.INSTANCE;

    private final Map<String, String> accounts = new ConcurrentHashMap<>();

    public WindowsProcessTable() {
    }

    /** One process as the snapshot shows it. */
    private record Snap(int pid, int ppid, int threads, String name) {
    }

    /** What one snapshot holds, and the time right after it was taken. */
    private record Snapshot(List<Snap> processes, long takenTicks) {
    }

    private static Snapshot snapshot() {
        WinNT.HANDLE snap = Win32.K32.CreateToolhelp32Snapshot(new WinDef.DWORD(WinConstants.TH32CS_SNAPPROCESS),
                new WinDef.DWORD(0));
        if (!Win32.isValid(snap)) {
            throw Win32.lastError("CreateToolhelp32Snapshot", null);
        }
        // Every process in the snapshot was created before this moment; a pid whose process was
        // created after it was reused after the snapshot. (Creation times come from the kernel's
        // system clock, the one Instant.now() reads, at no finer a grain.)
        long taken = WinTime.ticks(Instant.now());
        try {
            List<Snap> out = new ArrayList<>(512);
            Tlhelp32.PROCESSENTRY32.ByReference e = new Tlhelp32.PROCESSENTRY32.ByReference();
            boolean more = Win32.K32.Process32First(snap, e);
            while (more) {
                out.add(new Snap(e.th32ProcessID.intValue(), e.th32ParentProcessID.intValue(),
                        e.cntThreads.intValue(), Native.toString(e.szExeFile)));
                more = Win32.K32.Process32Next(snap, e);
            }
            return new Snapshot(out, taken);
        } finally {
            Win32.close(snap);
        }
    }

    @Override
    public List<ProcessEntry> list() {
        Snapshot s = snapshot();
        Times times = new Times();
        List<ProcessEntry> out = new ArrayList<>(s.processes().size());
        for (Snap p : s.processes()) {
            Entry e = read(p, s.takenTicks(), times);
            if (e != null) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt(ProcessEntry::pid));
        return out;
    }

    @Override
    public ProcessEntry get(int pid) {
        Snapshot s = snapshot();
        for (Snap p : s.processes()) {
            if (p.pid() == pid) {
                Entry e = read(p, s.takenTicks(), new Times());
                if (e == null) {
                    throw TableErrors.gone("OpenProcess", pid);
                }
                return e;
            }
        }
        throw TableErrors.gone("Process32NextW", pid);
    }

    /** The out-parameters of {@code GetProcessTimes}, reused across one listing (JNA structures cost to create). */
    private static final class Times {
        final WinBase.FILETIME created = new WinBase.FILETIME();
        final WinBase.FILETIME exited = new WinBase.FILETIME();
        final WinBase.FILETIME kernel = new WinBase.FILETIME();
        final WinBase.FILETIME user = new WinBase.FILETIME();
        final IntByReference exitCode = new IntByReference();
    }

    /** @return the entry, or null when the process vanished since the snapshot */
    private Entry read(Snap p, long snapshotTicks, Times t) {
        if (p.pid() == 0) {
            return new Entry(p, UNKNOWN, 0, 0, "OpenProcess", WinConstants.ERROR_ACCESS_DENIED);
        }
        // SYNCHRONIZE to tell an exit from a running process (exit code 259 is STILL_ACTIVE); where it is
        // refused, the limited right alone, and the exit code decides.
        WinNT.HANDLE h = Win32.K32.OpenProcess(WinConstants.PROCESS_QUERY_LIMITED_INFORMATION | WinConstants.SYNCHRONIZE,
                false, p.pid());
        if (!Win32.isValid(h) && Native.getLastError() == WinConstants.ERROR_ACCESS_DENIED) {
            h = Win32.K32.OpenProcess(WinConstants.PROCESS_QUERY_LIMITED_INFORMATION, false, p.pid());
        }
        if (!Win32.isValid(h)) {
            int code = Native.getLastError();
            if (code == WinConstants.ERROR_INVALID_PARAMETER) {
                return null;
            }
            return new Entry(p, UNKNOWN, 0, 0, "OpenProcess", code);
        }
        try {
            if (!Win32.K32.GetProcessTimes(h, t.created, t.exited, t.kernel, t.user)) {
                return new Entry(p, UNKNOWN, 0, 0, "GetProcessTimes", Native.getLastError());
            }
            long c = Win32.ticks(t.created);
            // Created between the snapshot and now: the listed process is gone and its pid reused (the
            // upper bound keeps a clock stepped back from hiding older processes). Exited: gone too (only
            // a handle held elsewhere keeps its object).
            boolean createdSince = c > snapshotTicks && c <= WinTime.ticks(Instant.now());
            if (createdSince || hasExited(h)) {
                return null;
            }
            return new Entry(p, c, Win32.ticks(t.kernel), Win32.ticks(t.user), null, 0);
        } finally {
            Win32.close(h);
        }
    }

    /**
     * Whether the process of {@code h} has ended: {@code WaitForSingleObject(h, 0)} where the handle has
     * {@code SYNCHRONIZE}, since an exit code of 259 ({@code STILL_ACTIVE}) is also a real one; only where the wait
     * is refused does the exit code decide (and a process that exited with 259 then reads as running).
     */
    private static boolean hasExited(WinNT.HANDLE h) {
        int wait = Win32.K32.WaitForSingleObject(h, 0);
        IntByReference code = new IntByReference();
        boolean gotCode = wait == WinConstants.WAIT_FAILED && Win32.K32.GetExitCodeProcess(h, code);
        return ProcessExit.hasEnded(wait, gotCode, code.getValue());
    }


    /**
     * Opens the entry's process and checks that it is the same process.
     *
     * @param rights    the rights needed besides {@code PROCESS_QUERY_LIMITED_INFORMATION}
     * @param operation what the handle is for, for the error
     * @return the handle; the caller closes it
     */
    private static WinNT.HANDLE open(Entry e, int rights, String operation) {
        if (e.created == UNKNOWN) {
            if (e.pid == 0) {
                throw TableErrors.open(0, WinConstants.ERROR_ACCESS_DENIED);
            }
            throw TableErrors.unverifiable(operation, e.pid);
        }
        WinNT.HANDLE h = Win32.K32.OpenProcess(rights | WinConstants.PROCESS_QUERY_LIMITED_INFORMATION, false, e.pid);
        if (!Win32.isValid(h)) {
            throw TableErrors.open(e.pid, Native.getLastError());
        }
        long now = Win32.creationTime(h);
        if (now != e.created) {
            int code = Native.getLastError();
            Win32.close(h);
            if (now < 0) {
                throw WinErrors.exception("GetProcessTimes", Integer.toString(e.pid), code);
            }
            throw TableErrors.reused(operation, e.pid);
        }
        return h;
    }

    @Override
    public boolean isRunning(ProcessEntry entry) {
        Entry e = (Entry) entry;
        if (e.pid == 0) {
            return true;
        }
        boolean canWait = true;
        WinNT.HANDLE h = Win32.K32.OpenProcess(WinConstants.SYNCHRONIZE | WinConstants.PROCESS_QUERY_LIMITED_INFORMATION,
                false, e.pid);
        if (!Win32.isValid(h)) {
            int code = Native.getLastError();
            if (code == WinConstants.ERROR_INVALID_PARAMETER) {
                return false;
            }
            canWait = false;
            h = Win32.K32.OpenProcess(WinConstants.PROCESS_QUERY_LIMITED_INFORMATION, false, e.pid);
            if (!Win32.isValid(h)) {
                // Refused, not missing: the pid is in use, by this process as far as can be told.
                return Native.getLastError() != WinConstants.ERROR_INVALID_PARAMETER;
            }
        }
        try {
            if (e.created != UNKNOWN && Win32.creationTime(h) != e.created) {
                return false;
            }
            if (canWait) {
                return Win32.K32.WaitForSingleObject(h, 0) == WinConstants.WAIT_TIMEOUT;
            }
            return !hasExited(h);
        } finally {
            Win32.close(h);
        }
    }

    @Override
    public void signal(ProcessEntry entry, int signo) {
        if (signo == WindowsSignalTable.INSTANCE.number("SIGTERM")) {
            terminate(entry);
        } else if (signo == SIGKILL_NUMBER) {
            kill(entry);
        } else {
            String name = WindowsSignalTable.INSTANCE.name(signo).map(n -> " (" + n + ")").orElse("");
            throw new UnsupportedOperationException("signal " + signo + name + " cannot be sent to another process on"
                    + " Windows: only SIGTERM (terminate) and SIGKILL (kill) are mapped");
        }
    }

    /** An action on a verified, still running process. */
    private interface Action {
        void run(WinNT.HANDLE h, Entry e);
    }

    private static void act(ProcessEntry entry, int rights, String operation, Action action) {
        Entry e = (Entry) entry;
        WinNT.HANDLE h = open(e, rights | WinConstants.SYNCHRONIZE, operation);
        try {
            if (Win32.K32.WaitForSingleObject(h, 0) == WinConstants.WAIT_OBJECT_0) {
                throw TableErrors.ended(operation, e.pid);
            }
            action.run(h, e);
        } finally {
            Win32.close(h);
        }
    }

    /** The error of a failed action: NO_SUCH_PROCESS if the process ended meanwhile (Windows says access denied then). */
    private static OsException actionFailed(String operation, WinNT.HANDLE h, int pid, int code) {
        if (Win32.K32.WaitForSingleObject(h, 0) == WinConstants.WAIT_OBJECT_0) {
            return TableErrors.ended(operation, pid);
        }
        return WinErrors.exception(operation, Integer.toString(pid), code);
    }

    private static void terminateProcess(WinNT.HANDLE h, int pid) {
        if (!Win32.K32.TerminateProcess(h, KILLED_EXIT_CODE)) {
            throw actionFailed("TerminateProcess", h, pid, Native.getLastError());
        }
    }

    /**
     * {@code WM_CLOSE} to each top-level window of the process, as {@code taskkill} without
     * {@code /F} does; {@code TerminateProcess} when it has none. Console windows are skipped: one
     * belongs to the console host, and closing it would end every process attached to that console
     * (possibly this JVM). {@code CTRL_BREAK_EVENT} is not used: it reaches a whole console process
     * group, and nothing tells whether another process's pid leads one.
     */
    @Override
    public void terminate(ProcessEntry entry) {
        act(entry, WinConstants.PROCESS_TERMINATE, "terminate", (h, e) -> {
            List<WinDef.HWND> windows = topLevelWindows(e.pid);
            if (windows.isEmpty()) {
                LOG.debug("pid {} has no top-level windows: TerminateProcess", e.pid);
                terminateProcess(h, e.pid);
                return;
            }
            LOG.debug("pid {}: WM_CLOSE to {} top-level windows", e.pid, windows.size());
            for (WinDef.HWND w : windows) {
                User32.INSTANCE.PostMessage(w, WinConstants.WM_CLOSE, new WinDef.WPARAM(0), new WinDef.LPARAM(0));
            }
        });
    }

    private static List<WinDef.HWND> topLevelWindows(int pid) {
        List<WinDef.HWND> found = new ArrayList<>();
        IntByReference owner = new IntByReference();
        char[] cls = new char[64];
        User32.INSTANCE.EnumWindows((hwnd, data) -> {
            User32.INSTANCE.GetWindowThreadProcessId(hwnd, owner);
            if (owner.getValue() == pid) {
                int n = User32.INSTANCE.GetClassName(hwnd, cls, cls.length);
                String name = n > 0 ? new String(cls, 0, n) : "";
                if (!name.equals("ConsoleWindowClass") && !name.equals("PseudoConsoleWindow")) {
                    found.add(hwnd);
                }
            }
            return true;
        }, null);
        return found;
    }

    @Override
    public void kill(ProcessEntry entry) {
        act(entry, WinConstants.PROCESS_TERMINATE, "TerminateProcess", (h, e) -> terminateProcess(h, e.pid));
    }

    @Override
    public void suspend(ProcessEntry entry) {
        act(entry, WinConstants.PROCESS_SUSPEND_RESUME, "NtSuspendProcess", (h, e) -> {
            int status = NT.NtSuspendProcess(h);
            if (status != 0) {
                throw actionFailed("NtSuspendProcess", h, e.pid, NtDll.INSTANCE.RtlNtStatusToDosError(status));
            }
        });
    }

    @Override
    public void resume(ProcessEntry entry) {
        act(entry, WinConstants.PROCESS_SUSPEND_RESUME, "NtResumeProcess", (h, e) -> {
            int status = NT.NtResumeProcess(h);
            if (status != 0) {
                throw actionFailed("NtResumeProcess", h, e.pid, NtDll.INSTANCE.RtlNtStatusToDosError(status));
            }
        });
    }

    /** Waits on the process HANDLE itself; falls back to polling where {@code SYNCHRONIZE} is refused. */
    @Override
    public boolean awaitExit(ProcessEntry entry, Duration timeout) throws InterruptedException {
        Entry e = (Entry) entry;
        if (e.created == UNKNOWN) {
            return ProcessTableProvider.super.awaitExit(entry, timeout);
        }
        WinNT.HANDLE h = Win32.K32.OpenProcess(WinConstants.SYNCHRONIZE | WinConstants.PROCESS_QUERY_LIMITED_INFORMATION,
                false, e.pid);
        if (!Win32.isValid(h)) {
            if (Native.getLastError() == WinConstants.ERROR_INVALID_PARAMETER) {
                return true;
            }
            return ProcessTableProvider.super.awaitExit(entry, timeout);
        }
        try {
            if (Win32.creationTime(h) != e.created) {
                return true;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                int r = Win32.K32.WaitForSingleObject(h, (int) Math.min(left, WAIT_SLICE_MILLIS));
                if (r == WinConstants.WAIT_OBJECT_0) {
                    return true;
                }
                if (r != WinConstants.WAIT_TIMEOUT) {
                    throw Win32.lastError("WaitForSingleObject", Integer.toString(e.pid));
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("waiting for pid " + e.pid);
                }
                if (left <= WAIT_SLICE_MILLIS) {
                    return false;
                }
            }
        } finally {
            Win32.close(h);
        }
    }

    /** The user name for a SID, cached by its string form. */
    private String account(WinNT.PSID sid) {
        String text = Advapi32Util.convertSidToStringSid(sid);
        String cached = accounts.get(text);
        if (cached != null) {
            return cached;
        }
        String name;
        try {
            Advapi32Util.Account a = Advapi32Util.getAccountBySid(null, sid);
            name = a.domain == null || a.domain.isEmpty() ? a.name : a.domain + "\\" + a.name;
        } catch (Win32Exception x) {
            if (x.getErrorCode() != WinConstants.ERROR_NONE_MAPPED) {
                throw WinErrors.exception("LookupAccountSidW", text, x.getErrorCode());
            }
            name = text;
        }
        accounts.put(text, name);
        return name;
    }

    /** One process: the snapshot's fields and its times now, the rest when first asked. */
    final class Entry implements ProcessEntry {
        final int pid;
        final int ppid;
        final int threads;
        final String name;
        /** Creation time in FILETIME ticks, or {@link #UNKNOWN}. */
        final long created;
        private final long kernelTicks;
        private final long userTicks;
        private final String timesOperation;
        private final int timesError;
        private volatile String exe;
        private volatile List<String> cmdline;
        private volatile String username;
        private volatile MemoryInfo memory;

        Entry(Snap p, long created, long kernelTicks, long userTicks, String timesOperation, int timesError) {
            this.pid = p.pid();
            this.ppid = p.ppid();
            this.threads = p.threads();
            this.name = p.name();
            this.created = created;
            this.kernelTicks = kernelTicks;
            this.userTicks = userTicks;
            this.timesOperation = timesOperation;
            this.timesError = timesError;
        }

        @Override
        public int pid() {
            return pid;
        }

        @Override
        public int ppid() {
            return ppid;
        }

        @Override
        public Instant createTime() {
            return created == UNKNOWN ? Instant.EPOCH : WinTime.instant(created);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String exe() {
            String x = exe;
            if (x == null) {
                x = readExe();
                exe = x;
            }
            return x;
        }

        private String readExe() {
            WinNT.HANDLE h = open(this, 0, "QueryFullProcessImageNameW");
            try {
                char[] buf = new char[1024];
                while (true) {
                    IntByReference size = new IntByReference(buf.length);
                    if (Win32.K32.QueryFullProcessImageName(h, 0, buf, size)) {
                        return new String(buf, 0, size.getValue());
                    }
                    int code = Native.getLastError();
                    if (code == WinConstants.ERROR_INSUFFICIENT_BUFFER && buf.length < 32_768) {
                        buf = new char[32_768];
                        continue;
                    }
                    throw TableErrors.field("QueryFullProcessImageNameW", pid, code, hasExited(h));
                }
            } finally {
                Win32.close(h);
            }
        }

        @Override
        public List<String> cmdline() {
            List<String> a = cmdline;
            if (a == null) {
                a = readCmdline();
                cmdline = a;
            }
            return a;
        }

        private List<String> readCmdline() {
            String line = readCommandLineInformation();
            if (line != null) {
                return List.copyOf(CommandLine.parse(line));
            }
            if (!PebCommandLine.walkSupported(Native.POINTER_SIZE)) {
                throw new OsException("ReadProcessMemory", Integer.toString(pid), 0, ErrorKind.UNSUPPORTED,
                        "the command line of this process needs the PEB walk, whose offsets prockit knows for a "
                                + "64-bit JVM only");
            }
            return readCmdlineFromPeb();
        }

        /**
         * {@code NtQueryInformationProcess(ProcessCommandLineInformation)}: only
         * {@code PROCESS_QUERY_LIMITED_INFORMATION} is needed, so elevated, other-session and protected processes
         * answer too. Windows before 8.1 does not know the class.
         *
         * @return the command line, or null when this way failed (the PEB walk is tried then)
         */
        private String readCommandLineInformation() {
            WinNT.HANDLE h = open(this, 0, "NtQueryInformationProcess");
            try {
                IntByReference needed = new IntByReference();
                int status = NT.NtQueryInformationProcess(h, WinConstants.ProcessCommandLineInformation, (Pointer) null,
                        0, needed);
                for (int attempt = 0; attempt < 3 && status == WinConstants.STATUS_INFO_LENGTH_MISMATCH; attempt++) {
                    int size = Math.max(needed.getValue(), 2 * Native.POINTER_SIZE);
                    try (Memory m = new Memory(size)) {
                        status = NT.NtQueryInformationProcess(h, WinConstants.ProcessCommandLineInformation, m, size,
                                needed);
                        if (status == 0) {
                            int got = Math.min(size, needed.getValue() > 0 ? needed.getValue() : size);
                            try {
                                return PebCommandLine.fromCommandLineInformation(m.getByteArray(0, got),
                                        Pointer.nativeValue(m), Native.POINTER_SIZE);
                            } catch (PebCommandLine.MalformedException e) {
                                LOG.debug("ProcessCommandLineInformation of {}: {}", pid, e.getMessage());
                                return null;
                            }
                        }
                    }
                }
                LOG.debug("NtQueryInformationProcess(ProcessCommandLineInformation) of {}: NTSTATUS 0x{}; trying the PEB",
                        pid, Integer.toHexString(status));
                return null;
            } finally {
                Win32.close(h);
            }
        }

        private List<String> readCmdlineFromPeb() {
            WinNT.HANDLE h = open(this, WinConstants.PROCESS_QUERY_INFORMATION | WinConstants.PROCESS_VM_READ,
                    "ReadProcessMemory");
            try {
                PROCESS_BASIC_INFORMATION pbi = new PROCESS_BASIC_INFORMATION();
                int status = NT.NtQueryInformationProcess(h, WinConstants.ProcessBasicInformation, pbi, pbi.size(), null);
                if (status != 0) {
                    throw TableErrors.field("NtQueryInformationProcess", pid,
                            NtDll.INSTANCE.RtlNtStatusToDosError(status), hasExited(h));
                }
                long peb = Pointer.nativeValue(pbi.PebBaseAddress);
                if (peb == 0) {
                    // System, Registry, Memory Compression: no user-mode address space, no command line.
                    return List.of();
                }
                String line;
                try {
                    line = PebCommandLine.read(peb, (address, length) -> readMemory(h, address, length));
                } catch (PebCommandLine.MalformedException m) {
                    throw new OsException("ReadProcessMemory", Integer.toString(pid), WinConstants.ERROR_PARTIAL_COPY,
                            ErrorKind.OTHER, m.getMessage());
                }
                return line == null ? List.of() : List.copyOf(CommandLine.parse(line));
            } finally {
                Win32.close(h);
            }
        }

        private byte[] readMemory(WinNT.HANDLE h, long address, int length) {
            Memory m = new Memory(length);
            IntByReference got = new IntByReference();
            boolean ok = Win32.K32.ReadProcessMemory(h, new Pointer(address), m, length, got);
            if (!ok || got.getValue() != length) {
                int code = ok ? WinConstants.ERROR_PARTIAL_COPY : Native.getLastError();
                throw TableErrors.field("ReadProcessMemory", pid, code, hasExited(h));
            }
            return m.getByteArray(0, length);
        }

        @Override
        public OptionalInt uid() {
            return OptionalInt.empty();
        }

        @Override
        public String username() {
            String u = username;
            if (u == null) {
                u = readUsername();
                username = u;
            }
            return u;
        }

        private String readUsername() {
            WinNT.HANDLE h = open(this, 0, "OpenProcessToken");
            try {
                WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
                if (!Advapi32.INSTANCE.OpenProcessToken(h, WinConstants.TOKEN_QUERY, token)) {
                    throw TableErrors.field("OpenProcessToken", pid, Native.getLastError(), hasExited(h));
                }
                try {
                    IntByReference size = new IntByReference();
                    // The first call only asks for the size (and fails with ERROR_INSUFFICIENT_BUFFER).
                    Advapi32.INSTANCE.GetTokenInformation(token.getValue(), WinNT.TOKEN_INFORMATION_CLASS.TokenUser,
                            null, 0, size);
                    if (size.getValue() <= 0) {
                        throw TableErrors.field("GetTokenInformation", pid, Native.getLastError(), hasExited(h));
                    }
                    WinNT.TOKEN_USER user = new WinNT.TOKEN_USER(size.getValue());
                    if (!Advapi32.INSTANCE.GetTokenInformation(token.getValue(), WinNT.TOKEN_INFORMATION_CLASS.TokenUser,
                            user, size.getValue(), size)) {
                        throw TableErrors.field("GetTokenInformation", pid, Native.getLastError(), hasExited(h));
                    }
                    return account(user.User.Sid);
                } finally {
                    Win32.close(token.getValue());
                }
            } finally {
                Win32.close(h);
            }
        }

        @Override
        public ProcessState state() {
            return ProcessState.RUNNING;
        }

        @Override
        public CpuTimes cpuTimes() {
            if (created == UNKNOWN) {
                if (pid == 0) {
                    throw TableErrors.open(0, timesError);
                }
                throw "OpenProcess".equals(timesOperation) ? TableErrors.open(pid, timesError)
                        : WinErrors.exception(timesOperation, Integer.toString(pid), timesError);
            }
            return new CpuTimes(WinTime.duration(userTicks), WinTime.duration(kernelTicks));
        }

        @Override
        public MemoryInfo memory() {
            MemoryInfo m = memory;
            if (m == null) {
                WinNT.HANDLE h = open(this, 0, "GetProcessMemoryInfo");
                try {
                    PROCESS_MEMORY_COUNTERS pmc = new PROCESS_MEMORY_COUNTERS();
                    if (!Win32.EXT.K32GetProcessMemoryInfo(h, pmc, pmc.size())) {
                        throw TableErrors.field("GetProcessMemoryInfo", pid, Native.getLastError(), hasExited(h));
                    }
                    m = new MemoryInfo(pmc.WorkingSetSize.longValue(), pmc.PagefileUsage.longValue());
                } finally {
                    Win32.close(h);
                }
                memory = m;
            }
            return m;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public String toString() {
            return "WindowsProcess[" + pid + " " + name + "]";
        }
    }
}
