package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.OsException;

/**
 * Seed 001/004, PyMOTW os, "Process Owner": "there are functions for determining the current and
 * parent process id, finding and changing the process group and session ids, as well as finding
 * the controlling terminal id."
 *
 * <pre>{@code
 * print 'Process id        :', os.getpid()
 * print 'Parent process id :', os.getppid()
 * print 'Process group     :', os.getpgrp(), os.getpgid(0)
 * print 'Session           :', os.getsid(0)
 * print 'Terminal          :', os.ctermid()
 * print 'Foreground group  :', os.tcgetpgrp(0)
 * }</pre>
 *
 * <p>Then the same program runs in a child started in a new session (the JVM way of
 * {@code fork(); setsid()}): its session and group ids are its own pid, and it has no controlling
 * terminal.
 */
public final class ProcessIds {
    private ProcessIds() {
    }

    /**
     * Shows this process's ids, then a child's in a new session.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("This process:");
        Show.main(args);
        System.out.println();
        System.out.println("A child in a new session:");
        try (Child child = JavaChild.of(Show.class).command().newSession().spawn()) {
            child.waitFor();
        }
    }

    /** Prints the ids of the process it runs in. */
    public static final class Show {
        private Show() {
        }

        /**
         * Prints the ids.
         *
         * @param args unused
         */
        public static void main(String[] args) {
            System.out.println("Process id        : " + Os.getpid());
            System.out.println("Parent process id : " + Os.getppid());
            System.out.println("Process group     : " + Os.getpgrp() + " " + Os.getpgid(0));
            System.out.println("Session           : " + Os.getsid(0));
            System.out.println("Terminal          : " + Os.ctermid());
            try {
                System.out.println("Foreground group  : " + Os.tcgetpgrp(0));
            } catch (OsException e) {
                System.out.println("Foreground group  : none (standard input is not a terminal: " + e.getMessage() + ")");
            }
        }
    }
}
