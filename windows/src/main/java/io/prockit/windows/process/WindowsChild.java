package io.prockit.windows.process;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.ExitStatus;
import io.prockit.ResourceUsage;
import io.prockit.spi.ChildHandle;
import io.prockit.spi.Termination;
import io.prockit.windows.jna.JOBOBJECT_BASIC_ACCOUNTING_INFORMATION;
import io.prockit.windows.jna.PROCESS_MEMORY_COUNTERS;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;
import io.prockit.windows.platform.WindowsStatusCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A child started by the Windows backend. It holds the process handle from {@code CreateProcessW}
 * until the caller has seen the exit status, so the pid cannot be reused meanwhile and every
 * signal goes through the handle, never through the pid. It is reaped once, by the backend's
 * waiter thread, when the handle is signalled.
 */
public final class WindowsChild implements ChildHandle {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsChild.class);

    private final ChildRegistry registry;
    private final int pid;
    private final WinNT.HANDLE process;
    private final boolean ownGroup;
    private final boolean breakOnTerminate; // CTRL_BREAK reaches it and ends it (Spawner.breakOnTerminate)
    private final HandleOutputStream stdin;
    private final HandleInputStream stdout;
    private final HandleInputStream stderr;
    private final CompletableFuture<Termination> termination = new CompletableFuture<>();
    private final ChildConsole pty;    // null unless started with Command.pty

    private WinNT.HANDLE job;          // guarded by this
    private boolean reaped;            // guarded by this
    private boolean collected;         // guarded by this
    private boolean processClosed;     // guarded by this

    public WindowsChild(ChildRegistry registry, int pid, WinNT.HANDLE process, WinNT.HANDLE job, boolean ownGroup,
                 boolean breakOnTerminate, HandleOutputStream stdin, HandleInputStream stdout, HandleInputStream stderr, ChildConsole pty) {
        this.registry = registry;
        this.pty = pty;
        this.pid = pid;
        this.process = process;
        this.job = job;
        this.ownGroup = ownGroup;
        this.breakOnTerminate = breakOnTerminate;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** @return the bytes the caller has read from the pseudoconsole so far */
    private java.util.function.LongSupplier ptyBytesRead() {
        HandleInputStream out = stdout;
        return out == null ? () -> 0 : out::bytesRead;
    }

    WinNT.HANDLE processHandle() {
        return process;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public OutputStream stdin() {
        return stdin;
    }

    @Override
    public InputStream stdout() {
        return stdout;
    }

    @Override
    public InputStream stderr() {
        return stderr;
    }

    @Override
    public CompletableFuture<Termination> termination() {
        return termination;
    }

    /**
     * Called once by the waiter thread when the process handle is signalled: reads the exit code
     * (only now, since 259 is both {@code STILL_ACTIVE} and a legal code), times and peak working
     * set, then completes {@link #termination()} off the waiter thread so callbacks cannot stall it.
     */
    void reap() {
        Termination t;
        try {
            synchronized (this) {
                int code = Win32.exitCode(process, pid);
                t = new Termination(WindowsStatusCodec.encode(code), ExitStatus.exited(code), usage());
                reaped = true;
                if (job != null && activeProcesses(job) == 0) {
                    // Nothing left in the job: close it now instead of at JVM exit.
                    Win32.close(job);
                    job = null;
                }
                if (collected) {
                    closeProcess();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("reaping {} failed", pid, e);
            synchronized (this) {
                reaped = true;
            }
            if (pty != null) {
                pty.closeAfterExit(ptyBytesRead());
            }
            termination.completeExceptionally(e);
            return;
        }
        LOG.debug("child {} ended: {}", pid, t.status());
        if (pty != null) {
            // Off this waiter thread: ClosePseudoConsole may wait for the output to be drained.
            pty.closeAfterExit(ptyBytesRead());
        }
        termination.completeAsync(() -> t);
    }

    private ResourceUsage usage() {
        WinBase.FILETIME created = new WinBase.FILETIME();
        WinBase.FILETIME exited = new WinBase.FILETIME();
        WinBase.FILETIME kernel = new WinBase.FILETIME();
        WinBase.FILETIME user = new WinBase.FILETIME();
        double utime = 0;
        double stime = 0;
        if (Win32.K32.GetProcessTimes(process, created, exited, kernel, user)) {
            utime = Win32.ticks(user) / 1e7;
            stime = Win32.ticks(kernel) / 1e7;
        } else {
            LOG.debug("GetProcessTimes({}) failed: error {}", pid, Native.getLastError());
        }
        long peak = 0;
        PROCESS_MEMORY_COUNTERS pmc = new PROCESS_MEMORY_COUNTERS();
        if (Win32.EXT.K32GetProcessMemoryInfo(process, pmc, pmc.size())) {
            peak = pmc.PeakWorkingSetSize.longValue();
        } else {
            LOG.debug("K32GetProcessMemoryInfo({}) failed: error {}", pid, Native.getLastError());
        }
        // ru_maxrss in kilobytes, as on Linux; maxResidentBytes in bytes.
        return new ResourceUsage(utime, stime, peak / 1024, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, peak);
    }

    private static int activeProcesses(WinNT.HANDLE job) {
        JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct = new JOBOBJECT_BASIC_ACCOUNTING_INFORMATION();
        if (!Win32.EXT.QueryInformationJobObject(job, WinConstants.JobObjectBasicAccountingInformation, acct,
                acct.size(), null)) {
            return -1;
        }
        acct.read();
        return acct.ActiveProcesses;
    }

    @Override
    public synchronized boolean signal(int signo) {
        if (reaped) {
            return false;
        }
        if (signo == WinConstants.CTRL_C_EVENT || signo == WinConstants.CTRL_BREAK_EVENT) {
            sendCtrlEvent(signo);
            return true;
        }
        terminate(signo);
        return true;
    }

    private void sendCtrlEvent(int signo) {
        String name = signo == WinConstants.CTRL_C_EVENT ? "CTRL_C_EVENT" : "CTRL_BREAK_EVENT";
        if (!ownGroup) {
            // With a group id that is not a group leader the event would reach every process on the
            // console, the JVM included.
            throw new UnsupportedOperationException(name + " reaches only a child started in a new process group "
                    + "(Command.newProcessGroup() or newSession()); child " + pid + " shares the JVM's console group");
        }
        if (!Win32.K32.GenerateConsoleCtrlEvent(signo, pid)) {
            throw Win32.lastError("GenerateConsoleCtrlEvent", Integer.toString(pid));
        }
        LOG.debug("sent {} to process group {}", name, pid);
    }

    private void terminate(int exitCode) {
        if (Win32.K32.TerminateProcess(process, exitCode)) {
            LOG.debug("terminated {} with exit code {}", pid, exitCode);
            return;
        }
        int err = Native.getLastError();
        // A process that has exited (not yet reaped) refuses with ERROR_ACCESS_DENIED: it is gone, as asked.
        if (err == WinConstants.ERROR_ACCESS_DENIED
                && Win32.K32.WaitForSingleObject(process, 0) == WinConstants.WAIT_OBJECT_0) {
            return;
        }
        throw WinErrors.exception("TerminateProcess", Integer.toString(pid), err);
    }

    /** How long {@link #terminate()} lets a child handle CTRL_BREAK before it is terminated. */
    public static final java.time.Duration TERMINATE_GRACE = java.time.Duration.ofSeconds(5);

    /**
     * CTRL_BREAK_EVENT for a child in its own process group that shares the JVM's console (console programs
     * can exit cleanly), then {@link #kill()} if it is still running after {@link #TERMINATE_GRACE};
     * TerminateProcess at once for any other child (one the event could not reach among them: detached, on
     * a console of its own or none, on a pseudoconsole), as Python's {@code Popen.terminate()} does on Windows.
     *
     * <p>A JVM child ({@code java.exe} / {@code javaw.exe}, e.g. a {@code JavaChild}) is terminated at once too:
     * a JVM answers CTRL_BREAK with a thread dump on its stdout and keeps running, so the event would only
     * print a dump and delay the end by the grace. CTRL_C is no way out: {@code GenerateConsoleCtrlEvent} cannot
     * aim CTRL_C at one group, and a child created with {@code CREATE_NEW_PROCESS_GROUP} ignores CTRL_C unless
     * it re-enables it. A JVM child that must shut down cleanly is asked through its own channel (its stdin,
     * a socket), then {@code waitFor}; the JDK's {@code Process.destroy()} does not signal either.
     */
    @Override
    public boolean terminate() {
        synchronized (this) {
            if (reaped) {
                return false;
            }
            if (!ownGroup || !breakOnTerminate) {
                terminate(1);
                return true;
            }
            try {
                sendCtrlEvent(WinConstants.CTRL_BREAK_EVENT);
            } catch (RuntimeException e) {
                LOG.debug("CTRL_BREAK to {} failed ({}); terminating", pid, e.toString());
                terminate(1);
                return true;
            }
        }
        CompletableFuture.delayedExecutor(TERMINATE_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!termination().isDone()) {
                        kill();
                    }
                });
        return true;
    }

    /** TerminateProcess with exit code 1, as the JDK's {@code destroyForcibly()}. */
    @Override
    public boolean kill() {
        synchronized (this) {
            if (reaped) {
                return false;
            }
            terminate(1);
            return true;
        }
    }

    @Override
    public boolean killTree() {
        return signalTree(1);
    }

    @Override
    public boolean signalTree(int signo) {
        if (signo == WinConstants.CTRL_C_EVENT || signo == WinConstants.CTRL_BREAK_EVENT) {
            // A console event goes to the whole process group, which the descendants share.
            return signal(signo);
        }
        synchronized (this) {
            if (job != null) {
                if (!Win32.EXT.TerminateJobObject(job, signo)) {
                    throw Win32.lastError("TerminateJobObject", Integer.toString(pid));
                }
                LOG.debug("terminated the job of {} with exit code {}", pid, signo);
                return !reaped;
            }
            if (reaped) {
                // Without a job the descendants are found through the live parent; it is gone.
                return false;
            }
            long created = Win32.creationTime(process);
            ProcessTree.terminateDescendants(pid, created, signo);
            terminate(signo);
            return true;
        }
    }

    /**
     * {@code ResizePseudoConsole}; ignored once the child has exited and its pseudoconsole is closed.
     */
    @Override
    public void resizePty(int rows, int columns) {
        if (pty == null) {
            ChildHandle.super.resizePty(rows, columns);
            return;
        }
        pty.resize(rows, columns);
    }

    /** Collects the child once it has ended (the process handle is closed then, as after a wait). */
    @Override
    public void abandoned() {
        termination().whenComplete((t, e) -> collected());
    }

    @Override
    public void collected() {
        synchronized (this) {
            if (collected) {
                return;
            }
            collected = true;
            if (reaped) {
                closeProcess();
            }
        }
        registry.forget(this);
    }

    private void closeProcess() {
        if (!processClosed) {
            processClosed = true;
            Win32.close(process);
        }
    }

    @Override
    public void closeStreams() {
        if (stdin != null) {
            stdin.close();
        }
        if (stdout != null) {
            stdout.close();
        }
        if (stderr != null) {
            stderr.close();
        }
    }

    @Override
    public String toString() {
        return "WindowsChild[pid=" + pid + "]";
    }
}
