package io.prockit.windows.process;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The parent's end of a child's stdout or stderr pipe: {@code ReadFile} on an anonymous pipe.
 * The end of the stream is the writer closing its end ({@code ERROR_BROKEN_PIPE}), read as -1. The handle is
 * held ({@link SharedHandle#acquire()}) for each {@code ReadFile}, so a close from another thread never lets a
 * read reach a reused handle value: the read fails with "Stream closed" once {@code ReadFile} returns (which, for
 * a blocked read, is when the child writes or exits), and the handle is closed then.
 */
public final class HandleInputStream extends InputStream {
    private static final int CHUNK = 64 * 1024;

    private final SharedHandle<WinNT.HANDLE> handle;
    private final String name;
    private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();

    public HandleInputStream(SharedHandle<WinNT.HANDLE> handle, String name) {
        this.handle = handle;
        this.name = name;
        handle.closeWhenUnreachable(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        WinNT.HANDLE h = handle.acquire();
        try {
            byte[] buf = new byte[Math.min(len, CHUNK)];
            IntByReference read = new IntByReference();
            if (!Win32.K32.ReadFile(h, buf, buf.length, read, null)) {
                int err = Native.getLastError();
                if (handle.closing()) {
                    throw new IOException("Stream closed");
                }
                if (err == WinConstants.ERROR_BROKEN_PIPE) {
                    return -1;
                }
                throw new IOException(WinErrors.exception("ReadFile", name, err).getMessage());
            }
            if (handle.closing()) {
                throw new IOException("Stream closed"); // closed by another thread during the read
            }
            int n = read.getValue();
            if (n == 0) {
                return -1; // as the JDK reads a zero-byte ReadFile on a pipe
            }
            System.arraycopy(buf, 0, b, off, n);
            bytesRead.addAndGet(n);
            return n;
        } finally {
            handle.release();
        }
    }

    @Override
    public int available() throws IOException {
        WinNT.HANDLE h = handle.acquire();
        try {
            IntByReference avail = new IntByReference();
            if (!Win32.K32.PeekNamedPipe(h, null, 0, null, avail, null)) {
                return 0;
            }
            return avail.getValue();
        } finally {
            handle.release();
        }
    }

    /** @return the bytes read so far (the ConPTY teardown watches them, see the spawn package's {@code QuietWait}) */
    long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public void close() {
        handle.close();
    }
}
