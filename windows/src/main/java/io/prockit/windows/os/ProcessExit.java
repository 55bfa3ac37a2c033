package io.prockit.windows.os;

import io.prockit.windows.jna.WinConstants;

/**
 * Whether a process has ended, from what its HANDLE answers; pure, so it is tested on every OS.
 *
 * <p>{@code GetExitCodeProcess} reads {@code STILL_ACTIVE} (259) for a running process, and 259 is also a
 * legal exit code: a process that ended with it would read as running. {@code WaitForSingleObject(h, 0)} tells
 * them apart but needs {@code SYNCHRONIZE}; only where that right is refused does the exit code decide.
 */
final class ProcessExit {
    private ProcessExit() {
    }

    /**
     * @param waitResult {@code WaitForSingleObject(h, 0)}: {@code WAIT_OBJECT_0}, {@code WAIT_TIMEOUT}, or
     *                   {@code WAIT_FAILED} (no {@code SYNCHRONIZE} right)
     * @param gotCode    whether {@code GetExitCodeProcess} answered
     * @param exitCode   its answer
     * @return whether the process has ended
     */
    static boolean hasEnded(int waitResult, boolean gotCode, int exitCode) {
        if (waitResult == WinConstants.WAIT_OBJECT_0) {
            return true;
        }
        if (waitResult == WinConstants.WAIT_TIMEOUT) {
            return false;
        }
        return gotCode && exitCode != WinConstants.STILL_ACTIVE;
    }
}
