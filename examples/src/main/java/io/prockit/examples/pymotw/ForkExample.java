package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;

/**
 * Seed 001/004, PyMOTW os, "Creating Processes with os.fork()": {@code os_fork_example.py}.
 *
 * <pre>{@code
 * import os
 *
 * pid = os.fork()
 *
 * if pid:
 *     print 'Child process id:', pid
 * else:
 *     print 'I am the child'
 * }</pre>
 *
 * <p>A JVM cannot fork (only the forking thread would survive in the child), so the child is a new
 * JVM running {@link TheChild#main} — {@link JavaChild}, Python multiprocessing's "spawn".
 */
public final class ForkExample {
    private ForkExample() {
    }

    /**
     * Starts the child and waits for it.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        System.err.println("note: a JVM cannot fork, so each child is a new JVM started with JavaChild");
        Child child = JavaChild.of(TheChild.class).spawn();
        System.out.println("Child process id: " + child.pid());
        child.waitFor();
    }

    /** What the {@code else} branch does: the child's side. */
    public static final class TheChild {
        private TheChild() {
        }

        /**
         * The child's {@code main}.
         *
         * @param args unused
         */
        public static void main(String[] args) {
            System.out.println("I am the child");
        }
    }
}
