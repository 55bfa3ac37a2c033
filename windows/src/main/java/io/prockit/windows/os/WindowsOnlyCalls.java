package io.prockit.windows.os;

import io.prockit.spi.WindowsCalls;

/**
 * The functions of Python's {@code os} that only Windows has: the backend's {@link WindowsCalls} capability.
 * {@code startfile} is {@code ShellExecuteExW} (see {@link ShellExecute}). Creating it loads no native code.
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
}
