package io.prockit.windows.spawn;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.PointerByReference;
import io.prockit.ErrorKind;
import io.prockit.OsException;
import io.prockit.windows.jna.COORD;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;
import io.prockit.windows.process.ChildConsole;
import io.prockit.windows.process.SharedHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ConPTY ({@code CreatePseudoConsole}) for a child started with {@code Command.pty}: two anonymous
 * pipes, the pseudoconsole between them, and the order in which they are torn down.
 *
 * <p>Pipes: the pseudoconsole reads the caller's input from {@code inRead} and writes its output, VT
 * sequences, to {@code outWrite}; the caller keeps {@code inWrite} ({@code Child.stdin()}) and
 * {@code outRead} ({@code Child.stdout()}). None of the four is inheritable and the child is created with
 * {@code bInheritHandles = FALSE}: it reaches the console only through
 * {@code PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE}. The pseudoconsole holds its own copies of its two ends, so
 * the parent closes {@code inRead} and {@code outWrite} once the child is created (as Microsoft's
 * "Creating a Pseudoconsole session" sample does); otherwise {@code outRead} would never report end of file.
 *
 * <p>Teardown order, from the {@code ClosePseudoConsole} documentation: closing sends
 * {@code CTRL_CLOSE_EVENT} to attached clients and may emit a final frame, and before Windows 11 24H2 it
 * waits until the output pipe is drained or closed. So it is never called on the waiter thread (it would
 * stall every other child's reaping) nor on the thread reading the output; it runs on its own short-lived
 * daemon thread once the child has exited ({@link #closeAfterExit}). Before closing, that thread waits until
 * the output goes quiet ({@link QuietWait}: bytes read by the caller plus bytes waiting in the pipe unchanged
 * for 150 ms, 3 s at most), because conhost renders on its own thread and may still be writing the child's
 * last output when the child's handle is signalled. The reader therefore sees all the output and then end of
 * file. A caller that never reads releases that thread by closing the child's
 * streams ({@code Child.close()}), which closes {@code outRead} first, the order the documentation asks for.
 */
final class PseudoConsole implements ChildConsole {
    private static final Logger LOG = LoggerFactory.getLogger(PseudoConsole.class);

    /** A COORD holds SHORTs: the largest size a pseudoconsole takes. */
    static final int MAX_DIMENSION = Short.MAX_VALUE;

    private final Pointer hpc;
    private WinNT.HANDLE consoleIn;     // inRead, the pseudoconsole's; closed after CreateProcessW
    private WinNT.HANDLE consoleOut;    // outWrite, the pseudoconsole's; closed after CreateProcessW
    private final SharedHandle<WinNT.HANDLE> input;   // inWrite: Child.stdin()
    private final SharedHandle<WinNT.HANDLE> output;  // outRead: Child.stdout()
    private boolean closed;              // guarded by this

    private PseudoConsole(Pointer hpc, WinNT.HANDLE consoleIn, WinNT.HANDLE consoleOut, WinNT.HANDLE input,
                          WinNT.HANDLE output) {
        this.hpc = hpc;
        this.consoleIn = consoleIn;
        this.consoleOut = consoleOut;
        this.input = new SharedHandle<>(input, Win32::close);
        this.output = new SharedHandle<>(output, Win32::close);
    }

    /**
     * Refuses a size a COORD cannot hold, before any system call.
     *
     * @param rows    rows
     * @param columns columns
     */
    static void checkSize(int rows, int columns) {
        if (rows < 1 || rows > MAX_DIMENSION || columns < 1 || columns > MAX_DIMENSION) {
            throw new IllegalArgumentException("a Windows pseudoconsole is 1.." + MAX_DIMENSION
                    + " rows and columns (COORD holds SHORTs): " + rows + "x" + columns);
        }
    }

    /**
     * The Win32 error code inside an HRESULT from {@code HRESULT_FROM_WIN32}, or the HRESULT itself.
     *
     * @param hr an HRESULT
     * @return the error code to report
     */
    static int win32Code(int hr) {
        if ((hr & 0xFFFF0000) == (0x80000000 | (WinConstants.FACILITY_WIN32 << 16))) {
            return hr & 0xFFFF;
        }
        return hr;
    }

    private static OsException failure(String operation, int hr) {
        int code = win32Code(hr);
        if (code != hr) {
            return WinErrors.exception(operation, null, code);
        }
        return new OsException(operation, null, hr, ErrorKind.OTHER, "HRESULT 0x" + Integer.toHexString(hr));
    }

    /**
     * Creates the pipes and the pseudoconsole.
     *
     * @param rows    rows, checked by {@link #checkSize}
     * @param columns columns
     * @return the console; the caller owns it
     */
    static PseudoConsole open(int rows, int columns) {
        checkSize(rows, columns);
        WinNT.HANDLEByReference inRead = new WinNT.HANDLEByReference();
        WinNT.HANDLEByReference inWrite = new WinNT.HANDLEByReference();
        WinNT.HANDLEByReference outRead = new WinNT.HANDLEByReference();
        WinNT.HANDLEByReference outWrite = new WinNT.HANDLEByReference();
        if (!Win32.K32.CreatePipe(inRead, inWrite, null, 0)) {
            throw Win32.lastError("CreatePipe", null);
        }
        if (!Win32.K32.CreatePipe(outRead, outWrite, null, 0)) {
            OsException e = Win32.lastError("CreatePipe", null);
            Win32.close(inRead.getValue());
            Win32.close(inWrite.getValue());
            throw e;
        }
        PointerByReference ref = new PointerByReference();
        int hr = Win32.EXT.CreatePseudoConsole(COORD.size(rows, columns), inRead.getValue(), outWrite.getValue(), 0, ref);
        if (hr != WinConstants.S_OK) {
            for (WinNT.HANDLEByReference h : new WinNT.HANDLEByReference[] {inRead, inWrite, outRead, outWrite}) {
                Win32.close(h.getValue());
            }
            throw failure("CreatePseudoConsole", hr);
        }
        LOG.debug("pseudoconsole {}x{} created", rows, columns);
        return new PseudoConsole(ref.getValue(), inRead.getValue(), outWrite.getValue(), inWrite.getValue(),
                outRead.getValue());
    }

    /** @return the {@code HPCON}, the value of {@code PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE} */
    Pointer handle() {
        return hpc;
    }

    SharedHandle<WinNT.HANDLE> input() {
        return input;
    }

    SharedHandle<WinNT.HANDLE> output() {
        return output;
    }

    /** Closes the pseudoconsole's ends in this process, once the child has been created. */
    synchronized void closeConsoleEnds() {
        Win32.close(consoleIn);
        Win32.close(consoleOut);
        consoleIn = null;
        consoleOut = null;
    }

    /**
     * {@code ResizePseudoConsole}; nothing once the console has been closed (the child has exited).
     *
     * @param rows    rows
     * @param columns columns
     */
    @Override
    public synchronized void resize(int rows, int columns) {
        checkSize(rows, columns);
        if (closed) {
            LOG.debug("resize to {}x{} ignored: the pseudoconsole is closed", rows, columns);
            return;
        }
        int hr = Win32.EXT.ResizePseudoConsole(hpc, COORD.size(rows, columns));
        if (hr != WinConstants.S_OK) {
            throw failure("ResizePseudoConsole", hr);
        }
    }

    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /**
     * After the child has exited: on its own daemon thread, waits for the output to go quiet, then
     * {@code ClosePseudoConsole} (see the class notes).
     *
     * @param bytesRead the bytes the caller has read from the output so far
     */
    @Override
    public void closeAfterExit(java.util.function.LongSupplier bytesRead) {
        if (!markClosed()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                boolean quiet = QuietWait.await(() -> bytesRead.getAsLong() + waiting(), System::nanoTime,
                        d -> Thread.sleep(d.toMillis()), QuietWait.QUIET, QuietWait.LIMIT, QuietWait.STEP);
                if (!quiet) {
                    LOG.debug("pseudoconsole output still moving after {}; closing it", QuietWait.LIMIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Win32.EXT.ClosePseudoConsole(hpc);
            LOG.debug("pseudoconsole closed");
        }, "prockit-conpty-close");
        t.setDaemon(true);
        t.start();
    }

    /** @return the bytes waiting in the output pipe, 0 once it is closed or cannot be asked */
    private long waiting() {
        WinNT.HANDLE h;
        try {
            h = output.acquire();
        } catch (java.io.IOException | RuntimeException closed) {
            return 0;
        }
        try {
            com.sun.jna.ptr.IntByReference avail = new com.sun.jna.ptr.IntByReference();
            return Win32.K32.PeekNamedPipe(h, null, 0, null, avail, null) ? Integer.toUnsignedLong(avail.getValue()) : 0;
        } finally {
            output.release();
        }
    }

    /** On a failed spawn: the parent's ends first (so the close cannot wait for a reader), then the console. */
    void closeNow() {
        input.close();
        output.close();
        closeConsoleEnds();
        if (markClosed()) {
            Win32.EXT.ClosePseudoConsole(hpc);
        }
    }
}
