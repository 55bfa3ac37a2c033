package io.prockit.examples.pymotw;

import io.prockit.Os;

import java.util.Objects;

/**
 * Seed 001/004, PyMOTW os, "Process Environment": {@code os_environ_example.py}.
 *
 * <pre>{@code
 * print 'Initial value:', os.environ.get('TESTVAR', None)
 * print 'Child process:'
 * os.system('echo $TESTVAR')
 *
 * os.environ['TESTVAR'] = 'THIS VALUE WAS CHANGED'
 *
 * print
 * print 'Changed value:', os.environ['TESTVAR']
 * print 'Child process:'
 * os.system('echo $TESTVAR')
 *
 * del os.environ['TESTVAR']
 *
 * print
 * print 'Removed value:', os.environ.get('TESTVAR', None)
 * print 'Child process:'
 * os.system('echo $TESTVAR')
 * }</pre>
 *
 * <p>{@code System.getenv()} is a snapshot taken when the JVM started; prockit's {@code Os.getenv},
 * {@code Os.putenv} and {@code Os.unsetenv} change the live process environment, which children
 * started afterwards inherit. Python's {@code None} is printed as such.
 */
public final class EnvironExample {
    private EnvironExample() {
    }

    /**
     * Sets, changes and removes TESTVAR, showing what a child shell sees each time.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        System.out.println("Initial value: " + Objects.requireNonNullElse(Os.getenv("TESTVAR"), "None"));
        System.out.println("Child process:");
        Os.system("echo $TESTVAR");

        Os.putenv("TESTVAR", "THIS VALUE WAS CHANGED");

        System.out.println();
        System.out.println("Changed value: " + Os.getenv("TESTVAR"));
        System.out.println("Child process:");
        Os.system("echo $TESTVAR");

        Os.unsetenv("TESTVAR");

        System.out.println();
        System.out.println("Removed value: " + Objects.requireNonNullElse(Os.getenv("TESTVAR"), "None"));
        System.out.println("Child process:");
        Os.system("echo $TESTVAR");
    }
}
