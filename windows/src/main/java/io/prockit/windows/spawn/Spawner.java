package io.prockit.windows.spawn;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.spi.SpawnRequest;
import io.prockit.windows.jna.JOBOBJECT_EXTENDED_LIMIT_INFORMATION;
import io.prockit.windows.jna.STARTUPINFOEXW;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Crt;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;
import io.prockit.windows.process.ChildRegistry;
import io.prockit.windows.process.HandleInputStream;
import io.prockit.windows.process.HandleOutputStream;
import io.prockit.windows.process.SharedHandle;
import io.prockit.windows.process.WindowsChild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One {@code CreateProcessW} call, start to finish.
 *
 * <p>Order: refuse what Windows cannot do; build the environment block and resolve the program and
 * command line (pure Java, so a refusal leaves nothing behind); open the child's three stdio
 * handles non-inheritable; mark exactly those inheritable and list them in
 * {@code PROC_THREAD_ATTRIBUTE_HANDLE_LIST}, so the child inherits them and nothing else even when
 * other threads spawn at the same time; create the process suspended when it must join a job
 * first (so it cannot start a grandchild outside the job); assign the job; resume. The child's
 * handle copies are closed right after {@code CreateProcessW} in every case.
 *
 * <p>With {@code Command.pty}, the stdio steps are replaced by a {@link PseudoConsole}: the attribute
 * list holds only {@code PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE}, {@code bInheritHandles} is false (the
 * child inherits no handle at all) and {@code STARTF_USESTDHANDLES} is set with three NULL handles, so a
 * JVM whose own stdio is redirected does not hand it to the child.
 *
 * <p>Standard handles: {@code STARTF_USESTDHANDLES} is set only when something is redirected (or for a
 * pseudoconsole), as Python's {@code subprocess} does. A child whose three streams are all {@code Stdio.inherit()}
 * gets no {@code STARTUPINFO} handles and inherits no handle: {@code CreateProcessW} duplicates the JVM's standard
 * handles into a console child that shares its console (not inherited, duplicated: eryksun in
 * microsoft/terminal#11276), and a child with {@code CREATE_NEW_CONSOLE} writes into its own console instead of
 * the JVM's.
 *
 * <p>Jobs: {@code detach()} adds {@code CREATE_BREAKAWAY_FROM_JOB} when the JVM runs in a job that allows it
 * ({@code JOB_OBJECT_LIMIT_BREAKAWAY_OK}; with {@code SILENT_BREAKAWAY_OK} children are outside the job anyway),
 * so a JVM inside a kill-on-close job (service wrappers, IDEs, CI agents) does not take its detached children
 * with it. When the job forbids breakaway the detached child stays in the JVM's job and ends with it if that job
 * kills on close: nothing in the child can change that (a debug log says so). If an outer job of a nested chain
 * refuses the breakaway ({@code ERROR_ACCESS_DENIED}), the spawn is retried once without it.
 *
 * <p>What the handle list cannot stop: the JDK's {@code ProcessBuilder} in another thread passes
 * {@code bInheritHandles=TRUE} without a list, and would inherit our handles during the few
 * time they are marked inheritable. They are marked just before {@code CreateProcessW} and unmarked as
 * soon as it returns (they are closed later, once the child is set up), so that window is the call itself.
 */
public final class Spawner {
    private static final Logger LOG = LoggerFactory.getLogger(Spawner.class);

    private Spawner() {
    }

    /**
     * Refuses settings Windows has no equivalent for, before any system call.
     *
     * @param r the request
     */
    static void refuseUnsupported(SpawnRequest r) {
        if (!r.extraFds().isEmpty()) {
            throw new UnsupportedOperationException("extra file descriptors (Command.fd " + r.extraFds().keySet()
                    + ") are not available on Windows: a child inherits only its three standard handles");
        }
        if (r.processGroup() != null && r.processGroup() > 0) {
            throw new UnsupportedOperationException("joining process group " + r.processGroup()
                    + " (Command.processGroup) is not available on Windows; only a new group is");
        }
        if (r.pty() != null) {
            // The terminal is the child's stdio; the three Stdio settings are ignored.
            if (r.detached()) {
                throw new IllegalArgumentException("Command.pty and detach() cannot be combined on Windows: "
                        + "a detached process (DETACHED_PROCESS) has no console to attach to the pseudoconsole");
            }
            PseudoConsole.checkSize(r.pty().rows(), r.pty().columns());
            return;
        }
        check(r.stdin(), "stdin");
        check(r.stdout(), "stdout");
        check(r.stderr(), "stderr");
    }

    private static void check(Stdio s, String which) {
        if (s instanceof Stdio.ToStdout && !which.equals("stderr")) {
            throw new IllegalArgumentException("Stdio.toStdout() is for stderr only, not " + which);
        }
    }

    /** @return the request's Windows options, or the defaults */
    static WindowsOptions options(SpawnRequest r) {
        return r.windows() == null ? WindowsOptions.defaults() : r.windows();
    }

    /** @return whether the child goes into a job with {@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE} */
    public static boolean usesJob(SpawnRequest r) {
        return options(r).killOnJobClose() && !r.detached();
    }

    /**
     * Whether {@code STARTUPINFO} carries standard handles: only when one of the three streams is redirected
     * (the others then get the JVM's), as Python does. With all three inherited Windows passes the JVM's
     * standard handles to a console child on our console by itself, and a child with a console of its own
     * ({@code CREATE_NEW_CONSOLE}) uses that console's.
     *
     * @param r the request (without a pty)
     * @return true if something is redirected
     */
    static boolean redirects(SpawnRequest r) {
        return !(r.stdin() instanceof Stdio.Inherit && r.stdout() instanceof Stdio.Inherit
                && r.stderr() instanceof Stdio.Inherit);
    }

    /**
     * Whether a spawn adds {@code CREATE_BREAKAWAY_FROM_JOB}: for a detached child, when the JVM's own job
     * allows breaking away ({@code JOB_OBJECT_LIMIT_BREAKAWAY_OK}) and does not already put children outside
     * itself ({@code JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK}). Asking a job that forbids it fails the spawn with
     * {@code ERROR_ACCESS_DENIED}, so it is not asked then; the child stays in the JVM's job.
     *
     * @param r            the request
     * @param ownJobLimits the {@code LimitFlags} of the JVM's job, empty when it runs in none
     * @return true to add the flag
     */
    static boolean breakAway(SpawnRequest r, java.util.OptionalInt ownJobLimits) {
        if (!r.detached() || ownJobLimits.isEmpty()) {
            return false;
        }
        int limits = ownJobLimits.getAsInt();
        return (limits & WinConstants.JOB_OBJECT_LIMIT_BREAKAWAY_OK) != 0
                && (limits & WinConstants.JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK) == 0;
    }

    /**
     * Whether the program is a JVM launcher ({@code java.exe}, {@code javaw.exe}). A JVM answers CTRL_BREAK with
     * a thread dump on its stdout and goes on running (unless started with {@code -Xrs}), so
     * {@link WindowsChild#terminate()} does not send it one: it ends a JVM with {@code TerminateProcess} at once,
     * as the JDK's own {@code Process.destroy()} does on Windows.
     *
     * @param application the program's full path, as passed to {@code CreateProcessW}
     * @return true for a JVM launcher
     */
    static boolean isJvmLauncher(String application) {
        int slash = Math.max(application.lastIndexOf('\\'), application.lastIndexOf('/'));
        String name = application.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
        return name.equals("java.exe") || name.equals("javaw.exe") || name.equals("java") || name.equals("javaw");
    }

    /**
     * Whether {@link WindowsChild#terminate()} first sends CTRL_BREAK: the child shares our console (the event
     * reaches it) and is not a JVM (which would print a thread dump instead of ending).
     *
     * @param r           the request
     * @param application the program's full path
     * @return true to send CTRL_BREAK first
     */
    static boolean breakOnTerminate(SpawnRequest r, String application) {
        return sharesConsole(r) && !isJvmLauncher(application);
    }

    /** @return whether the child leads a new process group (the target of console control events) */
    static boolean newGroup(SpawnRequest r) {
        return Objects.equals(r.processGroup(), 0) || r.newSession() || r.detached();
    }

    /**
     * Whether a CTRL_BREAK sent to the child's group reaches it: {@code GenerateConsoleCtrlEvent} signals only
     * processes attached to the caller's console, so not a detached child, one with a console of its own
     * ({@code CREATE_NEW_CONSOLE}) or none ({@code CREATE_NO_WINDOW}), nor one on a pseudoconsole.
     *
     * @param r the request
     * @return true if it shares the JVM's console
     */
    static boolean sharesConsole(SpawnRequest r) {
        int own = WinConstants.DETACHED_PROCESS | WinConstants.CREATE_NEW_CONSOLE | WinConstants.CREATE_NO_WINDOW;
        return !r.detached() && r.pty() == null && (creationFlags(r, false) & own) == 0;
    }

    /**
     * The creation flags of a request.
     *
     * @param r        the request
     * @param extended whether a {@code STARTUPINFOEXW} with an attribute list is passed
     * @return the flags
     */
    static int creationFlags(SpawnRequest r, boolean extended) {
        int flags = WinConstants.CREATE_UNICODE_ENVIRONMENT | options(r).creationFlags();
        if (extended) {
            flags |= WinConstants.EXTENDED_STARTUPINFO_PRESENT;
        }
        if (usesJob(r)) {
            flags |= WinConstants.CREATE_SUSPENDED;
        }
        if (newGroup(r)) {
            flags |= WinConstants.CREATE_NEW_PROCESS_GROUP;
        }
        if (r.detached()) {
            flags |= WinConstants.DETACHED_PROCESS;
        }
        if (options(r).priorityClass() != null) {
            flags |= options(r).priorityClass();
        }
        return flags;
    }

    /**
     * Starts the child of a request and registers it.
     *
     * @param r               the validated request
     * @param registry        where the child is tabled and waited for
     * @param liveEnvironment reads the process's live environment (the base of an inherited or changed one, and
     *                        the PATH searched when the request keeps it)
     * @return the running child
     */
    public static WindowsChild spawn(SpawnRequest r, ChildRegistry registry,
                                     Supplier<Map<String, String>> liveEnvironment) {
        refuseUnsupported(r);
        WindowsOptions opts = options(r);

        Map<String, String> env = r.environment().isInheritedUnchanged() ? null
                : EnvironmentBlock.apply(r.environment(), liveEnvironment.get());
        byte[] block = env == null ? null : EnvironmentBlock.encode(env);

        String systemDir = Win32.systemDirectory();
        // The real current directory (Os.chdir moves it; user.dir does not follow), read once per spawn.
        Path currentDir = Path.of(Win32.currentDirectory());
        ProgramSearch.Context ctx = new ProgramSearch.Context(applicationDir(),
                List.of(Path.of(systemDir), Path.of(Win32.windowsDirectory())),
                env != null ? env : liveEnvironment.get(), currentDir,
                ProgramSearch.runnableFile(Files::isRegularFile, FileAttributes::of));
        Path exe = ProgramSearch.find(r.program(), r.searchPath(), ctx).orElseThrow(() -> new OsException(
                "CreateProcessW", r.program(), WinConstants.ERROR_FILE_NOT_FOUND, ErrorKind.NOT_FOUND,
                WinErrors.message(WinConstants.ERROR_FILE_NOT_FOUND)));
        LaunchPlan plan = LaunchPlan.of(exe.toString(), r.argv(), opts.rawCommandLine(), systemDir + "\\cmd.exe");
        if (plan.batch()) {
            LOG.debug("{} is a batch file: running it through {} with cmd escaping", exe, plan.application());
        }
        String cwd = r.directory() == null ? null : currentDir.resolve(r.directory()).toString();

        StdioHandles stdio = new StdioHandles();
        PseudoConsole pty = null;
        boolean started = false;
        try {
            if (r.pty() != null) {
                pty = PseudoConsole.open(r.pty().rows(), r.pty().columns());
            } else if (redirects(r)) {
                stdio.open(r);
            }
            WinBase.PROCESS_INFORMATION pi = create(r, opts, plan, block, cwd, stdio, pty);
            if (pty != null) {
                pty.closeConsoleEnds();
            }
            WindowsChild child = finish(r, registry, pi, stdio, pty, plan.application());
            started = true;
            return child;
        } finally {
            stdio.closeChildEnds();
            if (!started) {
                stdio.closeParentEnds();
                if (pty != null) {
                    pty.closeNow();
                }
            }
        }
    }

    private static WinBase.PROCESS_INFORMATION create(SpawnRequest r, WindowsOptions opts, LaunchPlan plan,
                                                      byte[] block, String cwd, StdioHandles stdio, PseudoConsole pty) {
        List<WinNT.HANDLE> inherit = pty != null ? List.of() : stdio.uniqueChildHandles();
        boolean extended = pty != null || !inherit.isEmpty();
        int flags = creationFlags(r, extended);
        if (r.detached()) {
            java.util.OptionalInt limits = Win32.ownJobLimitFlags();
            if (breakAway(r, limits)) {
                flags |= WinConstants.CREATE_BREAKAWAY_FROM_JOB;
            } else if (limits.isPresent() && (limits.getAsInt() & WinConstants.JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK) == 0) {
                LOG.debug("the JVM's job (limits 0x{}) forbids breakaway: detached {} stays in it and ends with it "
                        + "if that job kills on close", Integer.toHexString(limits.getAsInt()), r.program());
            }
        }

        STARTUPINFOEXW si = new STARTUPINFOEXW();
        if (!extended) {
            si.StartupInfo.cb = new WinDef.DWORD(si.StartupInfo.size());
        }
        if (pty != null) {
            // STARTF_USESTDHANDLES with all three handles NULL: without it a child of a JVM whose own stdio is
            // redirected (a build tool, a service) binds to those handles instead of the pseudoconsole
            // (microsoft/terminal#11276); Windows Terminal's own ConptyConnection starts clients this way.
            si.StartupInfo.dwFlags |= WinConstants.STARTF_USESTDHANDLES;
        } else if (stdio.any()) {
            si.StartupInfo.dwFlags |= WinConstants.STARTF_USESTDHANDLES;
            si.StartupInfo.hStdInput = stdio.childIn;
            si.StartupInfo.hStdOutput = stdio.childOut;
            si.StartupInfo.hStdError = stdio.childErr;
        }
        if (opts.showWindow() != null) {
            si.StartupInfo.dwFlags |= WinConstants.STARTF_USESHOWWINDOW;
            si.StartupInfo.wShowWindow = new WinDef.WORD(opts.showWindow());
        }

        Memory envMem = null;
        if (block != null) {
            envMem = new Memory(block.length);
            envMem.write(0, block, 0, block.length);
        }
        char[] cmdLine = (plan.commandLine() + '\0').toCharArray();
        WinBase.PROCESS_INFORMATION pi = new WinBase.PROCESS_INFORMATION();

        Memory attrList = null;
        Memory handleArray = null;
        try {
            if (pty != null) {
                // The HPCON value itself is the attribute's value (not a pointer to it), sizeof(HPCON) bytes.
                attrList = newAttributeList(WinConstants.PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE, pty.handle(),
                        Native.POINTER_SIZE);
                si.lpAttributeList = attrList;
            } else if (extended) {
                handleArray = new Memory((long) inherit.size() * Native.POINTER_SIZE);
                for (int i = 0; i < inherit.size(); i++) {
                    handleArray.setPointer((long) i * Native.POINTER_SIZE, inherit.get(i).getPointer());
                }
                attrList = newAttributeList(WinConstants.PROC_THREAD_ATTRIBUTE_HANDLE_LIST, handleArray,
                        (long) inherit.size() * Native.POINTER_SIZE);
                si.lpAttributeList = attrList;
                for (WinNT.HANDLE h : inherit) {
                    if (!Win32.K32.SetHandleInformation(h, WinConstants.HANDLE_FLAG_INHERIT,
                            WinConstants.HANDLE_FLAG_INHERIT)) {
                        throw Win32.lastError("SetHandleInformation", r.program());
                    }
                }
            }
            // Handles are inherited only through the handle list; a pty child inherits none at all.
            boolean ok = Win32.EXT.CreateProcessW(new WString(plan.application()), cmdLine, null, null, !inherit.isEmpty(),
                    flags, envMem, cwd == null ? null : new WString(cwd), si, pi);
            if (!ok && (flags & WinConstants.CREATE_BREAKAWAY_FROM_JOB) != 0
                    && Native.getLastError() == WinConstants.ERROR_ACCESS_DENIED) {
                // An outer job of a nested chain forbids the breakaway the inner one allows: stay in the job.
                LOG.debug("breakaway from the JVM's job refused for {}; starting it inside the job", r.program());
                flags &= ~WinConstants.CREATE_BREAKAWAY_FROM_JOB;
                cmdLine = (plan.commandLine() + '\0').toCharArray();
                ok = Win32.EXT.CreateProcessW(new WString(plan.application()), cmdLine, null, null, !inherit.isEmpty(),
                        flags, envMem, cwd == null ? null : new WString(cwd), si, pi);
            }
            if (!ok) {
                int err = Native.getLastError();
                String subject = err == WinConstants.ERROR_DIRECTORY && cwd != null ? cwd : r.program();
                throw WinErrors.exception("CreateProcessW", subject, err);
            }
            LOG.debug("CreateProcessW({}) pid {} flags 0x{} inheriting {} handles", plan.application(),
                    pi.dwProcessId.intValue(), Integer.toHexString(flags), inherit.size());
            return pi;
        } finally {
            // Inheritable only for the CreateProcessW call: until closed (after the job, the resume and the
            // streams are set up) a concurrent CreateProcess elsewhere in the JVM (the JDK's ProcessBuilder
            // inherits every inheritable handle) could otherwise take these pipe ends along.
            for (WinNT.HANDLE h : inherit) {
                Win32.K32.SetHandleInformation(h, WinConstants.HANDLE_FLAG_INHERIT, 0);
            }
            if (attrList != null) {
                Win32.EXT.DeleteProcThreadAttributeList(attrList);
            }
            // Keep the native memory reachable until CreateProcessW has returned.
            Reference.keep(handleArray, envMem, attrList);
        }
    }

    private static Memory newAttributeList(int attribute, Pointer value, long valueSize) {
        BaseTSD.ULONG_PTRByReference size = new BaseTSD.ULONG_PTRByReference(); // SIZE_T*, pointer-sized
        // The first call only reports the size (and fails with ERROR_INSUFFICIENT_BUFFER).
        Win32.EXT.InitializeProcThreadAttributeList(null, 1, 0, size);
        long bytes = size.getValue().longValue();
        if (bytes <= 0) {
            throw Win32.lastError("InitializeProcThreadAttributeList", null);
        }
        Memory list = new Memory(bytes);
        if (!Win32.EXT.InitializeProcThreadAttributeList(list, 1, 0, size)) {
            throw Win32.lastError("InitializeProcThreadAttributeList", null);
        }
        if (!Win32.EXT.UpdateProcThreadAttribute(list, 0,
                new BaseTSD.ULONG_PTR(attribute), value, new BaseTSD.SIZE_T(valueSize), null, null)) {
            OsException e = Win32.lastError("UpdateProcThreadAttribute", null);
            Win32.EXT.DeleteProcThreadAttributeList(list);
            throw e;
        }
        return list;
    }

    private static WindowsChild finish(SpawnRequest r, ChildRegistry registry, WinBase.PROCESS_INFORMATION pi,
                                       StdioHandles stdio, PseudoConsole pty, String application) {
        WinNT.HANDLE process = pi.hProcess;
        WinNT.HANDLE thread = pi.hThread;
        int pid = pi.dwProcessId.intValue();
        WinNT.HANDLE job = null;
        try {
            if (usesJob(r)) {
                job = newKillOnCloseJob(r.program());
                if (!Win32.EXT.AssignProcessToJobObject(job, process)) {
                    int err = Native.getLastError();
                    Win32.close(job);
                    job = null;
                    if (err != WinConstants.ERROR_ACCESS_DENIED) {
                        throw WinErrors.exception("AssignProcessToJobObject", Integer.toString(pid), err);
                    }
                    // The JVM's own job forbids nesting (before Windows 8) or breakaway: run without one.
                    LOG.debug("child {} could not join a job (access denied); it runs without kill-on-close", pid);
                }
                if (Win32.EXT.ResumeThread(thread) == -1) {
                    throw Win32.lastError("ResumeThread", Integer.toString(pid));
                }
            }
        } catch (RuntimeException e) {
            Win32.K32.TerminateProcess(process, 1);
            Win32.close(job);
            Win32.close(process);
            throw e;
        } finally {
            Win32.close(thread);
        }
        WindowsChild child = pty != null
                ? new WindowsChild(registry, pid, process, job, newGroup(r), false,
                        new HandleOutputStream(pty.input(), "pty input"), new HandleInputStream(pty.output(), "pty output"),
                        null, pty)
                : new WindowsChild(registry, pid, process, job, newGroup(r), breakOnTerminate(r, application),
                        stdio.parentIn == null ? null : new HandleOutputStream(stdio.parentIn, "stdin"),
                        stdio.parentOut == null ? null : new HandleInputStream(stdio.parentOut, "stdout"),
                        stdio.parentErr == null ? null : new HandleInputStream(stdio.parentErr, "stderr"), null);
        registry.register(child);
        return child;
    }

    private static WinNT.HANDLE newKillOnCloseJob(String program) {
        WinNT.HANDLE job = Win32.EXT.CreateJobObjectW(null, null);
        if (!Win32.isValid(job)) {
            throw Win32.lastError("CreateJobObjectW", program);
        }
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION info = new JOBOBJECT_EXTENDED_LIMIT_INFORMATION();
        info.BasicLimitInformation.LimitFlags = WinConstants.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        info.write();
        if (!Win32.EXT.SetInformationJobObject(job, WinConstants.JobObjectExtendedLimitInformation, info, info.size())) {
            OsException e = Win32.lastError("SetInformationJobObject", program);
            Win32.close(job);
            throw e;
        }
        return job;
    }

    /** @return the directory of the running program (the JVM's {@code bin}), the first place Windows searches */
    static Path applicationDir() {
        return ProcessHandle.current().info().command().map(c -> Path.of(c).getParent())
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin"));
    }

    /** The handles of one spawn: the child's ends (closed after the call) and the parent's pipe ends. */
    static final class StdioHandles {
        WinNT.HANDLE childIn;
        WinNT.HANDLE childOut;
        WinNT.HANDLE childErr;
        SharedHandle<WinNT.HANDLE> parentIn;
        SharedHandle<WinNT.HANDLE> parentOut;
        SharedHandle<WinNT.HANDLE> parentErr;
        private final List<WinNT.HANDLE> owned = new ArrayList<>();

        void open(SpawnRequest r) {
            childIn = open(r.stdin(), WinConstants.STD_INPUT_HANDLE, true);
            childOut = open(r.stdout(), WinConstants.STD_OUTPUT_HANDLE, false);
            childErr = r.stderr() instanceof Stdio.ToStdout ? childOut
                    : open(r.stderr(), WinConstants.STD_ERROR_HANDLE, false);
        }

        private WinNT.HANDLE open(Stdio s, int std, boolean input) {
            if (s instanceof Stdio.Inherit) {
                WinNT.HANDLE h = Win32.K32.GetStdHandle(std);
                if (!Win32.isValid(h)) {
                    return null; // the JVM has none (no console): neither will the child
                }
                return own(duplicate(h), "DuplicateHandle");
            }
            if (s instanceof Stdio.Pipe) {
                WinNT.HANDLEByReference read = new WinNT.HANDLEByReference();
                WinNT.HANDLEByReference write = new WinNT.HANDLEByReference();
                if (!Win32.K32.CreatePipe(read, write, null, 0)) {
                    throw Win32.lastError("CreatePipe", null);
                }
                SharedHandle<WinNT.HANDLE> parent = new SharedHandle<>(input ? write.getValue() : read.getValue(),
                        Win32::close);
                if (std == WinConstants.STD_INPUT_HANDLE) {
                    parentIn = parent;
                } else if (std == WinConstants.STD_OUTPUT_HANDLE) {
                    parentOut = parent;
                } else {
                    parentErr = parent;
                }
                return own(input ? read.getValue() : write.getValue(), "CreatePipe");
            }
            if (s instanceof Stdio.Fd fd) {
                // A C runtime descriptor (Os.pipe, Os.dup, 0..2): its handle, duplicated non-inheritable like the
                // inherited ones above, so the descriptor stays the caller's and only the handle list passes it on.
                return own(duplicate(Crt.osHandle(fd.parentFd(), "Stdio.fd")), "DuplicateHandle");
            }
            if (s instanceof Stdio.Discard) {
                return openFile("NUL", input ? WinNT.GENERIC_READ : WinNT.GENERIC_WRITE, WinNT.OPEN_EXISTING);
            }
            if (s instanceof Stdio.ReadFile f) {
                // A relative path is left to CreateFileW, which resolves it against the real current directory.
                return openFile(f.file().toString(), WinNT.GENERIC_READ, WinNT.OPEN_EXISTING);
            }
            if (s instanceof Stdio.WriteFile f) {
                String path = f.file().toString(); // relative: resolved by CreateFileW, as above
                // FILE_APPEND_DATA without FILE_WRITE_DATA: every write goes to the end, even from
                // several processes sharing the file.
                return f.append()
                        ? openFile(path, WinNT.FILE_APPEND_DATA | WinNT.FILE_READ_ATTRIBUTES | WinNT.SYNCHRONIZE,
                                WinNT.OPEN_ALWAYS)
                        : openFile(path, WinNT.GENERIC_WRITE, WinNT.CREATE_ALWAYS);
            }
            throw new IllegalArgumentException("unsupported stdio on Windows: " + s);
        }

        private WinNT.HANDLE openFile(String path, int access, int disposition) {
            WinNT.HANDLE h = Win32.K32.CreateFile(path, access,
                    WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE | WinNT.FILE_SHARE_DELETE, null, disposition,
                    WinNT.FILE_ATTRIBUTE_NORMAL, null);
            if (!Win32.isValid(h)) {
                throw Win32.lastError("CreateFileW", path);
            }
            return own(h, "CreateFileW");
        }

        private static WinNT.HANDLE duplicate(WinNT.HANDLE h) {
            WinNT.HANDLE self = Win32.K32.GetCurrentProcess();
            WinNT.HANDLEByReference dup = new WinNT.HANDLEByReference();
            if (!Win32.K32.DuplicateHandle(self, h, self, dup, 0, false, WinConstants.DUPLICATE_SAME_ACCESS)) {
                throw Win32.lastError("DuplicateHandle", null);
            }
            return dup.getValue();
        }

        private WinNT.HANDLE own(WinNT.HANDLE h, String op) {
            owned.add(h);
            return h;
        }

        boolean any() {
            return childIn != null || childOut != null || childErr != null;
        }

        List<WinNT.HANDLE> uniqueChildHandles() {
            List<WinNT.HANDLE> out = new ArrayList<>(3);
            for (WinNT.HANDLE h : new WinNT.HANDLE[] {childIn, childOut, childErr}) {
                if (h != null && !containsSame(out, h)) {
                    out.add(h);
                }
            }
            return out;
        }

        private static boolean containsSame(List<WinNT.HANDLE> list, WinNT.HANDLE h) {
            long v = Pointer.nativeValue(h.getPointer());
            for (WinNT.HANDLE x : list) {
                if (Pointer.nativeValue(x.getPointer()) == v) {
                    return true;
                }
            }
            return false;
        }

        void closeChildEnds() {
            for (WinNT.HANDLE h : owned) {
                Win32.close(h);
            }
            owned.clear();
        }

        void closeParentEnds() {
            for (SharedHandle<WinNT.HANDLE> p : java.util.Arrays.asList(parentIn, parentOut, parentErr)) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    /** Keeps objects reachable up to this call (for native memory a call still reads). */
    private static final class Reference {
        private Reference() {
        }

        static void keep(Object... objects) {
            java.lang.ref.Reference.reachabilityFence(objects);
        }
    }
}
