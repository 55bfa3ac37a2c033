package io.prockit.windows.os;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Wincon;
import com.sun.jna.ptr.IntByReference;
import io.prockit.OsException;
import io.prockit.TerminalSize;
import io.prockit.spi.Descriptors;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Crt;
import io.prockit.windows.platform.CrtErrors;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.process.HandleInputStream;
import io.prockit.windows.process.HandleOutputStream;
import io.prockit.windows.process.SharedHandle;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Python's descriptor functions on Windows, as CPython implements them there: the descriptors are the C
 * runtime's ({@code ucrtbase.dll}, the runtime the JVM itself uses), each owning a kernel handle, and every
 * flag lives on that handle.
 *
 * <ul>
 *   <li>{@code pipe}: {@code CreatePipe} with non-inheritable handles, each wrapped with
 *       {@code _open_osfhandle(_O_RDONLY | _O_NOINHERIT)} / {@code (_O_WRONLY | _O_NOINHERIT)} (binary mode:
 *       bytes pass unchanged). {@code pipe2} does not exist on Windows.</li>
 *   <li>{@code dup}: {@code _dup}, then the new handle made non-inheritable unless it is a character device
 *       (a console), as CPython's {@code _Py_dup}. {@code dup2}: {@code _dup2} (which returns 0, not the
 *       target), then the inheritable flag set as asked.</li>
 *   <li>{@code read} / {@code write}: {@code _read} / {@code _write}; an empty non-blocking pipe is
 *       {@code EAGAIN}, a full one too, a pipe without reader {@code EPIPE} (see {@link CrtErrors}).</li>
 *   <li>{@code get/set_inheritable}: {@code Get/SetHandleInformation(HANDLE_FLAG_INHERIT)} on
 *       {@code _get_osfhandle(fd)}. {@code get/set_blocking}: {@code Get/SetNamedPipeHandleState} and
 *       {@code PIPE_NOWAIT}, for pipes only (Python 3.12); any other descriptor fails with the Win32 error.</li>
 *   <li>{@code get_terminal_size}: {@code GetConsoleScreenBufferInfo} of the descriptor's handle, the size of
 *       the visible window ({@code srWindow}), as CPython.</li>
 *   <li>{@code closerange}: {@code _close} of every number up to the runtime's limit of 8192 descriptors.</li>
 *   <li>{@code fdopen}: the same streams as a child's pipes ({@code ReadFile} / {@code WriteFile} on the
 *       descriptor's handle); closing the stream (or dropping it) closes the descriptor with {@code _close}.</li>
 * </ul>
 *
 * <p>Every call is made with a silent invalid-parameter handler ({@link Crt}), so a number that is not open is an
 * {@link OsException} ({@code EBADF}) naming the call and the descriptor, never the end of the JVM. Failures of
 * the C runtime carry its {@code errno}; failures of kernel32 calls the Win32 error code, as Python's
 * {@code OSError.winerror}.
 *
 * <p>Races: {@code _dup} and {@code _dup2} create the new handle inheritable, and it is made non-inheritable just
 * after (CPython has the same window). prockit's own spawns pass handles only through
 * {@code PROC_THREAD_ATTRIBUTE_HANDLE_LIST}, so they never take it along; a {@code CreateProcess} with
 * {@code bInheritHandles} and no list elsewhere in the JVM (the JDK's {@code ProcessBuilder}) running at that
 * very moment could.
 */
public final class WindowsDescriptors implements Descriptors {

    public WindowsDescriptors() {
    }

    @Override
    public int[] pipe() {
        WinNT.HANDLEByReference read = new WinNT.HANDLEByReference();
        WinNT.HANDLEByReference write = new WinNT.HANDLEByReference();
        // No SECURITY_ATTRIBUTES: neither handle is inheritable (PEP 446).
        if (!Win32.K32.CreatePipe(read, write, null, 0)) {
            throw Win32.lastError("CreatePipe", null);
        }
        Crt.Result r = Crt.openOsfhandle(read.getValue(), WinConstants.O_RDONLY | WinConstants.O_NOINHERIT);
        if (r.failed()) {
            Win32.close(read.getValue());
            Win32.close(write.getValue());
            throw CrtErrors.exception("_open_osfhandle", (String) null, r.errnoFor(CrtErrors.Call.OTHER));
        }
        int rfd = (int) r.value();
        Crt.Result w = Crt.openOsfhandle(write.getValue(), WinConstants.O_WRONLY | WinConstants.O_NOINHERIT);
        if (w.failed()) {
            Crt.close(rfd); // closes the read handle with it
            Win32.close(write.getValue());
            throw CrtErrors.exception("_open_osfhandle", (String) null, w.errnoFor(CrtErrors.Call.OTHER));
        }
        return new int[] {rfd, (int) w.value()};
    }

    /** @return false: {@code pipe2} is Linux-only, so {@code Os.pipe2} throws its Availability exception first */
    @Override
    public boolean hasPipe2() {
        return false;
    }

    /** Never called: {@link #hasPipe2()} is false, and {@code Os.pipe2} refuses before asking. */
    @Override
    public int[] pipe2(int flags) {
        throw new UnsupportedOperationException("os.pipe2 is not available on Windows");
    }

    @Override
    public int dup(int fd) {
        WinNT.HANDLE h = Crt.osHandle(fd, "dup");
        int type = Win32.K32.GetFileType(h); // 0 (unknown) on failure: then the flag is cleared, as for a pipe
        Crt.Result r = Crt.dup(fd);
        if (r.failed()) {
            throw CrtErrors.exception("dup", fd, r.errnoFor(CrtErrors.Call.OTHER));
        }
        int nfd = (int) r.value();
        if (type != WinConstants.FILE_TYPE_CHAR) {
            // A console's handle cannot be made non-inheritable on every Windows version: left as it is (CPython).
            try {
                setInheritable(nfd, false);
            } catch (OsException e) {
                Crt.close(nfd);
                throw e;
            }
        }
        return nfd;
    }

    @Override
    public int dup2(int fd, int fd2, boolean inheritable) {
        Crt.Result r = Crt.dup2(fd, fd2);
        if (r.failed()) {
            throw CrtErrors.exception("dup2", fd, r.errnoFor(CrtErrors.Call.OTHER));
        }
        if (fd != fd2) {
            try {
                setInheritable(fd2, inheritable);
            } catch (OsException e) {
                Crt.close(fd2);
                throw e;
            }
        }
        return fd2;
    }

    @Override
    public byte[] read(int fd, int n) {
        if (n == 0) {
            return new byte[0];
        }
        try (Memory buf = new Memory(n)) {
            Crt.Result r = Crt.read(fd, buf, n);
            if (r.failed()) {
                throw CrtErrors.exception("read", fd, r.errnoFor(CrtErrors.Call.READ));
            }
            return buf.getByteArray(0, (int) r.value());
        }
    }

    @Override
    public int write(int fd, byte[] data, int off, int len) {
        if (len == 0) {
            return 0;
        }
        try (Memory buf = new Memory(len)) {
            buf.write(0, data, off, len);
            Crt.Result r = Crt.write(fd, buf, len);
            if (r.failed()) {
                throw CrtErrors.exception("write", fd, r.errnoFor(CrtErrors.Call.WRITE));
            }
            return (int) r.value();
        }
    }

    @Override
    public void close(int fd) {
        Crt.Result r = Crt.close(fd);
        if (r.failed()) {
            throw CrtErrors.exception("close", fd, r.errnoFor(CrtErrors.Call.OTHER));
        }
    }

    @Override
    public void closerange(int low, int high) {
        Crt.closeRange(low, Math.min(high, WinConstants.CRT_MAX_DESCRIPTORS));
    }

    @Override
    public boolean getInheritable(int fd) {
        WinNT.HANDLE h = Crt.osHandle(fd, "get_inheritable");
        IntByReference flags = new IntByReference();
        if (!Win32.EXT.GetHandleInformation(h, flags)) {
            throw Win32.lastError("GetHandleInformation", Integer.toString(fd));
        }
        return (flags.getValue() & WinConstants.HANDLE_FLAG_INHERIT) != 0;
    }

    @Override
    public void setInheritable(int fd, boolean inheritable) {
        WinNT.HANDLE h = Crt.osHandle(fd, "set_inheritable");
        if (!Win32.K32.SetHandleInformation(h, WinConstants.HANDLE_FLAG_INHERIT,
                inheritable ? WinConstants.HANDLE_FLAG_INHERIT : 0)) {
            throw Win32.lastError("SetHandleInformation", Integer.toString(fd));
        }
    }

    @Override
    public boolean getBlocking(int fd) {
        return (pipeMode(fd, Crt.osHandle(fd, "get_blocking")) & WinConstants.PIPE_NOWAIT) == 0;
    }

    @Override
    public void setBlocking(int fd, boolean blocking) {
        WinNT.HANDLE h = Crt.osHandle(fd, "set_blocking");
        int mode = pipeMode(fd, h);
        int wanted = blocking ? mode & ~WinConstants.PIPE_NOWAIT : mode | WinConstants.PIPE_NOWAIT;
        if (wanted != mode && !Win32.K32.SetNamedPipeHandleState(h, new IntByReference(wanted), null, null)) {
            throw Win32.lastError("SetNamedPipeHandleState", Integer.toString(fd));
        }
    }

    /** @return the pipe's mode flags; fails for anything that is not a pipe (Python 3.12 likewise) */
    private static int pipeMode(int fd, WinNT.HANDLE h) {
        IntByReference mode = new IntByReference();
        if (!Win32.K32.GetNamedPipeHandleState(h, mode, null, null, null, null, 0)) {
            throw Win32.lastError("GetNamedPipeHandleState", Integer.toString(fd));
        }
        return mode.getValue();
    }

    @Override
    public TerminalSize getTerminalSize(int fd) {
        WinNT.HANDLE h = Crt.osHandle(fd, "get_terminal_size");
        Wincon.CONSOLE_SCREEN_BUFFER_INFO info = new Wincon.CONSOLE_SCREEN_BUFFER_INFO();
        if (!Win32.K32.GetConsoleScreenBufferInfo(h, info)) {
            throw Win32.lastError("GetConsoleScreenBufferInfo", Integer.toString(fd));
        }
        return terminalSize(info.srWindow.Left, info.srWindow.Top, info.srWindow.Right, info.srWindow.Bottom);
    }

    /**
     * The size CPython reports: the visible window of the screen buffer, edges inclusive.
     *
     * @return columns {@code right - left + 1}, lines {@code bottom - top + 1}
     */
    static TerminalSize terminalSize(int left, int top, int right, int bottom) {
        return new TerminalSize(right - left + 1, bottom - top + 1);
    }

    @Override
    public InputStream openInput(int fd) {
        return new HandleInputStream(owning(fd), "fd " + fd);
    }

    @Override
    public OutputStream openOutput(int fd) {
        return new HandleOutputStream(owning(fd), "fd " + fd);
    }

    /** The descriptor's handle, shared by the stream's calls; the last use closes the descriptor (and handle). */
    private static SharedHandle<WinNT.HANDLE> owning(int fd) {
        WinNT.HANDLE h = Crt.osHandle(fd, "fdopen");
        return new SharedHandle<>(h, handle -> Crt.close(fd));
    }
}
