package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.Stdio;
import io.prockit.WaitResult;

import java.io.IOException;
import java.io.OutputStream;

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
 * In the seed the child may well print and exit before the parent stops it; here the child first
 * reads its standard input to the end, so it is surely there to be stopped, and greets once the
 * parent has continued it and closed that pipe. The seed's second message is wrong (the child is
 * stopped, not killed); the port says what happens, and shows it with {@code waitpid(pid, WUNTRACED)},
 * which reports the stop.
 */
public final class StopContinue {
    private StopContinue() {
    }

    /**
     * Starts the child, stops it, continues it and waits for it.
     *
     * @param args unused
     * @throws Exception if the child cannot be started or written to
     */
    public static void main(String[] args) throws Exception {
        System.err.println("note: a JVM cannot fork, so each child is a new JVM started with JavaChild");
        Child child = JavaChild.of(Hello.class).command().stdin(Stdio.pipe()).spawn();
        try {
            System.out.println("---PARENT PROCESS---");
            Os.kill(child.pid(), Signal.SIGSTOP.number());
            WaitResult stopped = Os.waitpid(child.pid(), Os.WUNTRACED);
            System.out.println("The child process has been stopped (WIFSTOPPED " + Os.WIFSTOPPED(stopped.status())
                    + ", by " + Signal.of(Os.WSTOPSIG(stopped.status())) + ").");
            Os.kill(child.pid(), Signal.SIGCONT.number());
            child.stdin().close();                    // lets the child go on to its greeting
            System.out.println("Child ended with " + child.waitFor());
        } finally {
            if (!child.hasExited()) {
                child.kill();
                child.waitFor();
            }
            child.close();
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
         * @throws IOException if standard input cannot be read
         */
        public static void main(String[] args) throws IOException {
            System.in.transferTo(OutputStream.nullOutputStream());   // until the parent closes the pipe
            System.out.println("Hello, World!");
        }
    }
}
