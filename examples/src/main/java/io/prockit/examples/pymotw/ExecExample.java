package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.WaitResult;

/**
 * Seed 001/004, PyMOTW os, "Creating Processes with os.fork()": {@code os_exec_example.py}.
 *
 * <pre>{@code
 * child_pid = os.fork()
 * if child_pid:
 *     os.waitpid(child_pid, 0)
 * else:
 *     os.execlp('ls', 'ls', '-l', '/tmp/')
 * }</pre>
 *
 * <p>A JVM cannot fork, so the child is a new JVM ({@link JavaChild}) whose {@link TheChild#main}
 * replaces itself with {@code ls} through {@code Os.execlp}: the pid stays the same, so the parent's
 * {@code waitpid} gets {@code ls}'s status.
 */
public final class ExecExample {
    private ExecExample() {
    }

    /**
     * Starts the child, which becomes {@code ls}, and waits for it.
     *
     * @param args optionally the directory to list instead of {@code /tmp/}
     */
    public static void main(String[] args) {
        System.err.println("note: a JVM cannot fork, so each child is a new JVM started with JavaChild");
        try (Child child = JavaChild.of(TheChild.class, args).spawn()) {
            WaitResult done = Os.waitpid(child.pid(), 0);
            System.out.println("ls (pid " + done.pid() + ") exited with " + Os.waitstatusToExitcode(done.status()));
        }
    }

    /** The {@code else} branch: becomes {@code ls}. */
    public static final class TheChild {
        private TheChild() {
        }

        /**
         * Replaces this JVM with {@code ls -l}.
         *
         * @param args optionally the directory to list
         */
        public static void main(String[] args) {
            Os.execlp("ls", "ls", "-l", args.length > 0 ? args[0] : "/tmp/");
        }
    }
}
