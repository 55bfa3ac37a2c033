package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.WaitResult;

/**
 * Seed 003, "Python os.kill() Method" (SIGSTOP then SIGCONT).
 *
 * <pre>{@code
 * import os, signal
 *
 * pID = os.fork()
 * if pID :
 *     print("---PARENT PROCESS---")
 *     os.kill(pID, signal.SIGSTOP)
 *     print("The parent process has been killed.")
 *     os.kill(pID, signal.SIGCONT)
 * else :
 *     print("Hello, World!")
 * }</pre>
 *
 * <p>A JVM cannot fork, so the child is a new JVM ({@link JavaChild}) running {@link Hello#main}.
 * The seed's second message is wrong (the child is stopped, not killed); the port says what
 * happens, and shows it with {@code waitpid(pid, WUNTRACED)}, which reports the stop.
 */
public final class StopContinue {
    private StopContinue() {
    }

    /**
     * Starts the child, stops it, continues it and waits for it.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Child child = JavaChild.of(Hello.class).spawn();
        try {
            System.out.println("---PARENT PROCESS---");
            Os.kill(child.pid(), Signal.SIGSTOP.number());
            WaitResult stopped = Os.waitpid(child.pid(), Os.WUNTRACED);
            System.out.println("The child process has been stopped (WIFSTOPPED " + Os.WIFSTOPPED(stopped.status())
                    + ", by " + Signal.of(Os.WSTOPSIG(stopped.status())) + ").");
            Os.kill(child.pid(), Signal.SIGCONT.number());
            System.out.println("Child ended with " + child.waitFor());
        } finally {
            if (!child.hasExited()) {
                child.kill();
                child.waitFor();
            }
        }
    }

    /** The child's side. */
    public static final class Hello {
        private Hello() {
        }

        /**
         * Prints a greeting.
         *
         * @param args unused
         */
        public static void main(String[] args) {
            System.out.println("Hello, World!");
        }
    }
}
