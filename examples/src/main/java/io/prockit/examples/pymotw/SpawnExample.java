package io.prockit.examples.pymotw;

import io.prockit.Os;

/**
 * Seed 001/004, PyMOTW os, "Spawn": {@code os_spawn_example.py}.
 *
 * <pre>{@code
 * import os
 *
 * os.spawnlp(os.P_WAIT, 'ls', 'ls', '-l', '/tmp/')
 * }</pre>
 *
 * <p>{@code P_WAIT} waits for the program and returns its exit code ({@code -signal} if a signal
 * ended it); {@code P_NOWAIT} would return its pid at once.
 */
public final class SpawnExample {
    private SpawnExample() {
    }

    /**
     * Runs {@code ls -l /tmp/} and waits for it.
     *
     * @param args optionally the directory to list instead of {@code /tmp/}
     */
    public static void main(String[] args) {
        String dir = args.length > 0 ? args[0] : "/tmp/";
        int exitCode = Os.spawnlp(Os.P_WAIT, "ls", "ls", "-l", dir);
        System.out.println("ls exited with " + exitCode);
    }
}
