package io.prockit.examples.pymotw;

import io.prockit.Os;

/**
 * Seed 001/004, PyMOTW os, "Process Working Directory": {@code os_cwd_example.py}.
 *
 * <pre>{@code
 * print 'Starting:', os.getcwd()
 *
 * print 'Moving up one:', os.pardir
 * os.chdir(os.pardir)
 *
 * print 'After move:', os.getcwd()
 * }</pre>
 *
 * <p>{@code Os.chdir} changes the working directory of the whole process (Java's
 * {@code user.dir} does not follow it). The example moves back at the end, because {@code all}
 * runs the next examples in the same JVM.
 */
public final class CwdExample {
    private CwdExample() {
    }

    /**
     * Moves up one directory and back.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        String start = Os.getcwd();
        System.out.println("Starting: " + start);

        System.out.println("Moving up one: ..");
        Os.chdir("..");
        try {
            System.out.println("After move: " + Os.getcwd());
            Os.system("pwd");               // a child started now begins there too
        } finally {
            Os.chdir(start);
        }
    }
}
