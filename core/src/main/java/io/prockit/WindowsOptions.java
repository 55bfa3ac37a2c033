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
 * <p>Platform notes: on POSIX these settings are ignored.
 *
 * @param creationFlags   extra {@code CreateProcessW} creation flags ({@code CREATE_NO_WINDOW}, {@code CREATE_NEW_CONSOLE}, ...)
 * @param showWindow      the {@code STARTUPINFO.wShowWindow} value ({@code SW_*}), or null to leave it unset
 * @param killOnJobClose  put the child in a job object with {@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE}, so its
 *                        tree dies with the JVM and {@link Child#killTree()} ends it at once (default true)
 * @param rawCommandLine  a command line passed as is instead of quoting the arguments, for programs that parse
 *                        their own; null to quote by the MSVCRT rules
 */
public record WindowsOptions(int creationFlags, Integer showWindow, boolean killOnJobClose, String rawCommandLine) {

    private static final WindowsOptions DEFAULTS = new WindowsOptions(0, null, true, null);

    /**
     * Checks the command line.
     *
     * @param creationFlags  see the record description
     * @param showWindow     see the record description
     * @param killOnJobClose see the record description
     * @param rawCommandLine see the record description; no NUL
     */
    public WindowsOptions {
        if (rawCommandLine != null) {
            io.prockit.internal.Checks.noNul("raw command line", rawCommandLine);
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
        return new WindowsOptions(flags, showWindow, killOnJobClose, rawCommandLine);
    }

    /**
     * @param sw an {@code SW_*} value
     * @return a copy with that show-window value
     */
    public WindowsOptions withShowWindow(int sw) {
        return new WindowsOptions(creationFlags, sw, killOnJobClose, rawCommandLine);
    }

    /**
     * @param kill whether to use a kill-on-close job object
     * @return a copy with that setting
     */
    public WindowsOptions withKillOnJobClose(boolean kill) {
        return new WindowsOptions(creationFlags, showWindow, kill, rawCommandLine);
    }

    /**
     * @param commandLine the whole command line after the program, passed unquoted
     * @return a copy with that command line
     */
    public WindowsOptions withRawCommandLine(String commandLine) {
        return new WindowsOptions(creationFlags, showWindow, killOnJobClose, Objects.requireNonNull(commandLine));
    }
}
