package io.prockit.examples.pymotw;

import io.prockit.Os;

/**
 * Seed 001/004, PyMOTW os, "Running External Commands": {@code os_system_example.py}.
 *
 * <pre>{@code
 * import os
 *
 * # Simple command
 * os.system('ls -l')
 * }</pre>
 *
 * <p>The shell's output goes straight to this process's standard output, as in Python.
 */
public final class SystemExample {
    private SystemExample() {
    }

    /**
     * Runs {@code ls -l} through the shell.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        // Simple command
        long status = Os.system("ls -l");
        System.out.println("system() returned " + status);
    }
}
