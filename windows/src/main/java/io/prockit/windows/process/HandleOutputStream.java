package io.prockit.windows.process;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;
import io.prockit.windows.platform.WinErrors;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The parent's end of a child's stdin pipe: {@code WriteFile} until every byte is written. The handle is held
 * ({@link SharedHandle#acquire()}) for the whole write, so a close from another thread never lets a chunk reach
 * a handle value the system has reused; the write stops with "Stream closed" before its next chunk.
 */
public final class HandleOutputStream extends OutputStream {
    private static final int CHUNK = 64 * 1024;

    private final SharedHandle<WinNT.HANDLE> handle;
    private final String name;

    public HandleOutputStream(SharedHandle<WinNT.HANDLE> handle, String name) {
        this.handle = handle;
        this.name = name;
        handle.closeWhenUnreachable(this);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        WinNT.HANDLE h = handle.acquire();
        try {
            IntByReference written = new IntByReference();
            while (len > 0) {
                if (handle.closing()) {
                    throw new IOException("Stream closed"); // closed by another thread: no further chunk
                }
                int n = Math.min(len, CHUNK);
                byte[] chunk = off == 0 && n == b.length ? b : Arrays.copyOfRange(b, off, off + n);
                if (!Win32.K32.WriteFile(h, chunk, n, written, null)) {
                    int err = Native.getLastError();
                    if (err == WinConstants.ERROR_BROKEN_PIPE || err == WinConstants.ERROR_NO_DATA) {
                        throw new IOException("Broken pipe: the child closed its " + name);
                    }
                    throw new IOException(WinErrors.exception("WriteFile", name, err).getMessage());
                }
                off += written.getValue();
                len -= written.getValue();
            }
        } finally {
            handle.release();
        }
    }

    @Override
    public void close() {
        handle.close();
    }
}
