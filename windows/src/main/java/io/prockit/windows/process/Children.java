package io.prockit.windows.process;

import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.WaitResult;
import io.prockit.spi.Termination;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The children not yet collected, by pid, and the waiter threads that reap them: the {@link ChildRegistry} the
 * spawner and each {@link WindowsChild} get, and what the backend's {@code kill} and {@code waitpid} ask.
 *
 * <p>Each child here holds its process handle, so its pid is not reused while it is listed, and a signal to
 * it goes through that handle, never through the pid. Waiting: one {@link WaitGroups} for all children, each
 * waiter thread on up to 63 process handles with {@code WaitForMultipleObjects}, created on the first spawn.
 * Creating this object loads no native code.
 */
public final class Children implements ChildRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(Children.class);

    /** ECHILD in the Microsoft C runtime's {@code <errno.h>}, for waitpid on a pid that is not our child. */
    static final int ECHILD = 10;
    /** EINTR in the Microsoft C runtime's {@code <errno.h>}. */
    static final int EINTR = 4;

    /** Children not yet collected, by pid; each holds its process handle, so its pid is not reused meanwhile. */
    private final Map<Integer, WindowsChild> children = new ConcurrentHashMap<>();
    private volatile WaitGroups<WinNT.HANDLE> waiters;

    /** Creates an empty table; loads nothing. */
    public Children() {
    }

    @Override
    public void register(WindowsChild child) {
        children.put(child.pid(), child);
        waiters().add(child.processHandle(), child::reap);
    }

    @Override
    public void forget(WindowsChild child) {
        children.remove(child.pid(), child);
    }

    /**
     * Python's {@code os.kill} on Windows. A child of ours is signalled through its handle (already ended:
     * nothing to do, as {@code kill(2)} of a zombie); another process gets {@code CTRL_C_EVENT} or
     * {@code CTRL_BREAK_EVENT} through {@code GenerateConsoleCtrlEvent} to its group, and any other number
     * terminates it with that number as its exit code.
     *
     * @param pid   a process id, &gt; 0
     * @param signo a signal number of Windows' table
     */
    public void kill(int pid, int signo) {
        WindowsChild child = children.get(pid);
        if (child != null) {
            // Our own child: through its handle, never by pid. Already ended: nothing to do, as
            // kill(2) of a zombie.
            child.signal(signo);
            return;
        }
        if (signo == WinConstants.CTRL_C_EVENT || signo == WinConstants.CTRL_BREAK_EVENT) {
            if (!Win32.K32.GenerateConsoleCtrlEvent(signo, pid)) {
                throw Win32.lastError("GenerateConsoleCtrlEvent", Integer.toString(pid));
            }
            return;
        }
        WinNT.HANDLE h = Win32.K32.OpenProcess(WinConstants.PROCESS_TERMINATE, false, pid);
        if (!Win32.isValid(h)) {
            throw Win32.lastError("OpenProcess", Integer.toString(pid));
        }
        try {
            if (!Win32.K32.TerminateProcess(h, signo)) {
                throw Win32.lastError("TerminateProcess", Integer.toString(pid));
            }
            LOG.debug("terminated pid {} with exit code {}", pid, signo);
        } finally {
            Win32.close(h);
        }
    }

    /**
     * Python's {@code os.waitpid} on Windows: waits for a child of ours (by pid; Windows has no process
     * groups to wait for) and collects it.
     *
     * @param pid     the child's pid
     * @param options ignored: Python's Windows {@code waitpid} has no options
     * @return the pid and the wait status ({@code exitcode << 8})
     */
    public WaitResult waitpid(int pid, int options) {
        WindowsChild child = pid > 0 ? children.get(pid) : null;
        if (child == null) {
            throw new OsException("waitpid", Integer.toString(pid), ECHILD, ErrorKind.NO_CHILD,
                    pid > 0 ? "No child processes (pid " + pid + " is not a child prockit started and has not collected)"
                            : "No child processes (Windows has no process groups: waitpid takes a child's pid)");
        }
        Termination t;
        try {
            t = child.termination().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OsException("waitpid", Integer.toString(pid), EINTR, ErrorKind.INTERRUPTED,
                    "Interrupted while waiting for the child (it keeps running and is still reaped)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        child.collected();
        return new WaitResult(pid, t.waitStatus());
    }

    private WaitGroups<WinNT.HANDLE> waiters() {
        WaitGroups<WinNT.HANDLE> w = waiters;
        if (w == null) {
            synchronized (this) {
                w = waiters;
                if (w == null) {
                    w = new WaitGroups<>(new KernelWaitOps(), "prockit-windows-waiter");
                    waiters = w;
                }
            }
        }
        return w;
    }

    /** {@link WaitGroups.Ops} over kernel32 events and {@code WaitForMultipleObjects}. */
    private static final class KernelWaitOps implements WaitGroups.Ops<WinNT.HANDLE> {
        @Override
        public WinNT.HANDLE newWakeEvent() {
            WinNT.HANDLE e = Win32.K32.CreateEvent(null, false, false, null);
            if (!Win32.isValid(e)) {
                throw Win32.lastError("CreateEventW", null);
            }
            return e;
        }

        @Override
        public void wake(WinNT.HANDLE event) {
            if (!Win32.K32.SetEvent(event)) {
                throw Win32.lastError("SetEvent", null);
            }
        }

        @Override
        public int waitAny(List<WinNT.HANDLE> handles) {
            WinNT.HANDLE[] array = handles.toArray(new WinNT.HANDLE[0]);
            int r = Win32.K32.WaitForMultipleObjects(array.length, array, false, WinBase.INFINITE);
            if (r >= WinConstants.WAIT_OBJECT_0 && r < WinConstants.WAIT_OBJECT_0 + array.length) {
                return r - WinConstants.WAIT_OBJECT_0;
            }
            return -1;
        }

        @Override
        public void closeEvent(WinNT.HANDLE event) {
            Win32.close(event);
        }
    }
}
