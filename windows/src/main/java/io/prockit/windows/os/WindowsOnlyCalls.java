package io.prockit.windows.os;

import io.prockit.spi.WindowsCalls;
import io.prockit.windows.platform.Crt;

/**
 * The functions of Python's {@code os} that only Windows has: the backend's {@link WindowsCalls} capability.
 * {@code startfile} is {@code ShellExecuteExW} (see {@link ShellExecute}); {@code isatty} is the C runtime's
 * {@code _isatty} under a silent invalid-parameter handler ({@link Crt}). Creating it loads no native code.
 */
public final class WindowsOnlyCalls implements WindowsCalls {
    /** Creates the capability; loads nothing. */
    public WindowsOnlyCalls() {
    }

    /** Python's {@code os.startfile}: {@code ShellExecuteExW}, see {@link ShellExecute}. */
    @Override
    public void startfile(String path, String operation, String arguments, String cwd, int showCmd) {
        ShellExecute.startfile(path, operation, arguments, cwd, showCmd);
    }

    /** Python's {@code os.isatty} on Windows: the C runtime's {@code _isatty}, under a silent invalid-parameter handler. */
    @Override
    public boolean isatty(int fd) {
        return Crt.isatty(fd);
    }
}
