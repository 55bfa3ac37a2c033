package io.prockit.examples.pymotw;

import io.prockit.Os;

/**
 * Seed 001/004, PyMOTW os, "Running External Commands": {@code os_system_background.py}.
 *
 * <pre>{@code
 * import os
 * import time
 *
 * print 'Calling...'
 * os.system('date; (sleep 3; date) &')
 *
 * print 'Sleeping...'
 * time.sleep(5)
 * }</pre>
 *
 * <p>{@code system()} returns once the shell has run {@code date} and put the subshell in the
 * background; the second date appears while this program sleeps. The sleeps are shorter than the
 * seed's (1 and 3 seconds); the parent outlives the background job, so nothing is left running.
 */
public final class SystemBackground {
    private SystemBackground() {
    }

    /**
     * Runs a command line with a background job.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while sleeping
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("Calling...");
        Os.system("date; (sleep 1; date) &");

        System.out.println("Sleeping...");
        Thread.sleep(3000);
    }
}
