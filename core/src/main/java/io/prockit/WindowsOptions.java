package io.prockit;

import java.util.Objects;

/**
 * Windows-only spawn settings for a {@link Command}.
 *
 * <pre>{@code
 * Command.of("notepad.exe")
 *        .windowsOptions(WindowsOptions.defaults().withCreationFlags(0x08000000))  // CREATE_NO_WINDOW
 *        .spawn();
 * }</pre>
 *
 * <p>Platform notes: on POSIX these settings are ignored. A priority class is passed to
 * {@code CreateProcessW} as a creation flag; Windows has no way to read it back through Python's
 * {@code os} (there is no {@code os.getpriority} on Windows), so prockit offers none either.
 *
 * <p>Availability: Windows; ignored on POSIX.
 *
 * @param creationFlags   extra {@code CreateProcessW} creation flags ({@code CREATE_NO_WINDOW}, {@code CREATE_NEW_CONSOLE}, ...)
 * @param showWindow      the {@code STARTUPINFO.wShowWindow} value ({@code SW_*}), or null to leave it unset
 * @param killOnJobClose  put the child in a job object with {@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE}, so its
 *                        tree dies with the JVM and {@link Child#killTree()} ends it at once (default true)
 * @param rawCommandLine  a command line passed as is instead of quoting the arguments, for programs that parse
 *                        their own; null to quote by the MSVCRT rules
 * @param priorityClass   the child's priority class ({@code IDLE_PRIORITY_CLASS} 0x40, {@code BELOW_NORMAL_PRIORITY_CLASS}
 *                        0x4000, {@code NORMAL_PRIORITY_CLASS} 0x20, {@code ABOVE_NORMAL_PRIORITY_CLASS} 0x8000,
 *                        {@code HIGH_PRIORITY_CLASS} 0x80, {@code REALTIME_PRIORITY_CLASS} 0x100), or null for
 *                        Windows' default (normal, or idle when the parent is idle)
 */
public record WindowsOptions(int creationFlags, Integer showWindow, boolean killOnJobClose, String rawCommandLine,
                             Integer priorityClass) {

    private static final WindowsOptions DEFAULTS = new WindowsOptions(0, null, true, null, null);

    /** The six priority classes of {@code <winbase.h>}, for {@link #withPriorityClass(int)}. */
    private static final java.util.Set<Integer> PRIORITY_CLASSES = java.util.Set.of(0x40, 0x4000, 0x20, 0x8000, 0x80, 0x100);

    /**
     * Options without a priority class.
     *
     * @param creationFlags  see the record description
     * @param showWindow     see the record description
     * @param killOnJobClose see the record description
     * @param rawCommandLine see the record description
     */
    public WindowsOptions(int creationFlags, Integer showWindow, boolean killOnJobClose, String rawCommandLine) {
        this(creationFlags, showWindow, killOnJobClose, rawCommandLine, null);
    }

    /**
     * Checks the command line.
     *
     * @param creationFlags  see the record description
     * @param showWindow     see the record description
     * @param killOnJobClose see the record description
     * @param rawCommandLine see the record description; no NUL
     * @param priorityClass  see the record description; one of the six classes or null
     */
    public WindowsOptions {
        if (rawCommandLine != null) {
            io.prockit.internal.Checks.noNul("raw command line", rawCommandLine);
        }
        if (priorityClass != null && !PRIORITY_CLASSES.contains(priorityClass)) {
            throw new IllegalArgumentException("not a Windows priority class: 0x" + Integer.toHexString(priorityClass)
                    + " (IDLE 0x40, BELOW_NORMAL 0x4000, NORMAL 0x20, ABOVE_NORMAL 0x8000, HIGH 0x80, REALTIME 0x100)");
        }
    }

    /** @return no extra flags, window default, job object on, quoted arguments */
    public static WindowsOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param flags creation flags
     * @return a copy with those flags
     */
    public WindowsOptions withCreationFlags(int flags) {
        return new WindowsOptions(flags, showWindow, killOnJobClose, rawCommandLine, priorityClass);
    }

    /**
     * @param sw an {@code SW_*} value
     * @return a copy with that show-window value
     */
    public WindowsOptions withShowWindow(int sw) {
        return new WindowsOptions(creationFlags, sw, killOnJobClose, rawCommandLine, priorityClass);
    }

    /**
     * @param kill whether to use a kill-on-close job object
     * @return a copy with that setting
     */
    public WindowsOptions withKillOnJobClose(boolean kill) {
        return new WindowsOptions(creationFlags, showWindow, kill, rawCommandLine, priorityClass);
    }

    /**
     * @param commandLine the whole command line after the program, passed unquoted
     * @return a copy with that command line
     */
    public WindowsOptions withRawCommandLine(String commandLine) {
        return new WindowsOptions(creationFlags, showWindow, killOnJobClose, Objects.requireNonNull(commandLine),
                priorityClass);
    }

    /**
     * Sets the child's priority class, passed to {@code CreateProcessW} as a creation flag.
     *
     * <pre>{@code
     * Command.of("worker.exe").windowsOptions(WindowsOptions.defaults().withPriorityClass(0x4000)).spawn(); // BELOW_NORMAL
     * }</pre>
     *
     * <p>Platform notes: ignored on POSIX (use {@code Os.setpriority} or {@code PosixOptions} there).
     * {@code REALTIME_PRIORITY_CLASS} without the increase-base-priority privilege gives
     * {@code HIGH_PRIORITY_CLASS}, as Windows documents.
     *
     * @param priorityClass one of {@code 0x40, 0x4000, 0x20, 0x8000, 0x80, 0x100}
     * @return a copy with that priority class
     * @throws IllegalArgumentException for any other value
     */
    public WindowsOptions withPriorityClass(int priorityClass) {
        return new WindowsOptions(creationFlags, showWindow, killOnJobClose, rawCommandLine, priorityClass);
    }
}
