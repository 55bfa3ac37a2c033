package io.prockit.examples.pymotw;

import io.prockit.Os;
import io.prockit.ProcessInfo;
import io.prockit.ProcessQuery;

import java.time.Duration;

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
 * seed's (1 and 3 seconds). The background subshell is nobody's child once its shell has exited, so
 * nothing waits for it: before returning, the example finds it in the process table by its command
 * line (started within this run) and makes sure it has ended, so it never outlives the example.
 */
public final class SystemBackground {
    private static final String COMMAND = "date; (sleep 1; date) &";

    private SystemBackground() {
    }

    /**
     * Runs a command line with a background job.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while sleeping
     */
    public static void main(String[] args) throws InterruptedException {
        long start = System.nanoTime();
        System.out.println("Calling...");
        Os.system(COMMAND);

        System.out.println("Sleeping...");
        Thread.sleep(3000);

        // The orphaned subshell: same command line as the shell system() ran, started since this example began.
        Duration sinceStart = Duration.ofNanos(System.nanoTime() - start).plusSeconds(1);
        for (ProcessInfo job : ProcessQuery.all().cmdlineContains(COMMAND).youngerThan(sinceStart).list()) {
            if (!job.waitFor(Duration.ofSeconds(5))) {
                job.kill();      // only if the machine is so slow that 'sleep 1; date' took more than 8 s
            }
        }
    }
}
