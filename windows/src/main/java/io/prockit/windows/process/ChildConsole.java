package io.prockit.windows.process;

import java.util.function.LongSupplier;

/**
 * What a child needs of the pseudoconsole it was started on ({@code Command.pty}): resizing it, and closing
 * it once the child has exited. The spawn package's {@code PseudoConsole} implements it; the child sees only
 * these two calls, so {@code process} does not depend on {@code spawn}.
 */
public interface ChildConsole {
    /**
     * {@code ResizePseudoConsole}; ignored once the console is closed.
     *
     * @param rows    rows
     * @param columns columns
     */
    void resize(int rows, int columns);

    /**
     * After the child has exited: closes the console off the calling thread, once its output has been drained.
     *
     * @param bytesRead the bytes the caller has read from the console's output so far
     */
    void closeAfterExit(LongSupplier bytesRead);
}
