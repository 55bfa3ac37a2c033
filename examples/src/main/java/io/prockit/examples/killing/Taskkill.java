package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.Os;
import io.prockit.ProcessInfo;
import io.prockit.ProcessTable;

/**
 * Seed 003, {@code taskkill} through {@code os.system} (Stack Overflow and "Python kills the
 * Windows process").
 *
 * <pre>{@code
 * os.system('taskkill /F /IM ' + process_name)     # every process with that image name
 * os.system('taskkill /F /PID ' + str(pid))        # one process
 * }</pre>
 *
 * <p>The same without a shell and on any OS: find the processes by name in the process table and
 * force each to end with {@link ProcessInfo#kill()}: {@code SIGKILL} on POSIX, {@code TerminateProcess}
 * on Windows, as {@code /F} does. Only processes this example started are candidates
 * ({@link Decoys}).
 */
public final class Taskkill {
    private Taskkill() {
    }

    /** {@code taskkill /F /IM name}, limited to this process's children. */
    static void taskkillByName(String name) {
        for (ProcessInfo proc : ProcessTable.list()) {
            if (proc.name().equals(name) && proc.ppid() == Os.getpid()) {
                proc.kill();
                System.out.println("SUCCESS: The process \"" + name + "\" with PID " + proc.pid() + " has been terminated.");
            }
        }
    }

    /** {@code taskkill /F /PID pid}. */
    static void taskkillByPid(int pid) {
        ProcessTable.of(pid).kill();
        System.out.println("SUCCESS: The process with PID " + pid + " has been terminated.");
    }

    /**
     * Starts three {@code make<token>} processes and one other, kills the other by pid and the
     * three by name.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        String make = "make" + Decoys.TOKEN;
        try (Decoys decoys = new Decoys()) {
            Child a = decoys.start(make);
            Child b = decoys.start(make);
            Child c = decoys.start(make);
            Child other = decoys.start("other" + Decoys.TOKEN);

            taskkillByPid(other.pid());
            System.out.println("other: " + other.waitFor());

            taskkillByName(make);
            for (Child m : new Child[] {a, b, c}) {
                System.out.println(make + " " + m.pid() + ": " + m.waitFor());
            }
        }
    }
}
