package io.prockit.examples.pymotw;

import io.prockit.Os;

/**
 * Seed 001/004, PyMOTW os, "Running External Commands": {@code os_system_shell.py}.
 *
 * <pre>{@code
 * import os
 *
 * # Command with shell expansion
 * os.system('ls -ld $TMPDIR')
 * }</pre>
 *
 * <p>The seed ran on macOS, where {@code TMPDIR} is always set; Linux usually leaves it unset, so
 * the port falls back to {@code /tmp} with the shell's own {@code ${TMPDIR:-/tmp}} expansion.
 */
public final class SystemShell {
    private SystemShell() {
    }

    /**
     * Lists the temporary directory; the shell expands the variable.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        // Command with shell expansion
        Os.system("ls -ld ${TMPDIR:-/tmp}");
    }
}
