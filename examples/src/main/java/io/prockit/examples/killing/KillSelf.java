package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Signal;

/**
 * Seed 003, "Kill Current Process via PID" (SuperFastPython; also the {@code os.kill()} article).
 *
 * <pre>{@code
 * from os import kill
 * from os import getpid
 * from signal import SIGKILL
 *
 * pid = getpid()
 * print(f'Running with pid: {pid}')
 * kill(pid, SIGKILL)
 * print('Skill running')
 * }</pre>
 *
 * <p>The program that kills itself is {@link Victim#main}; the example runs it as a child JVM
 * ({@link JavaChild}) so that it can show how it ended: {@code signal: 9 (SIGKILL)}, and the last
 * line is never printed.
 */
public final class KillSelf {
    private KillSelf() {
    }

    /**
     * Runs the self-killing program and shows its end.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Child victim = JavaChild.of(Victim.class).spawn();
        ExitStatus status = victim.waitFor();
        System.out.println("Process " + victim.pid() + " ended with " + status
                + " (waitstatus_to_exitcode: " + status.toExitcode() + ")");
    }

    /** The seed's program: prints its pid and sends itself SIGKILL. */
    public static final class Victim {
        private Victim() {
        }

        /**
         * Kills the current process.
         *
         * @param args unused
         */
        public static void main(String[] args) {
            int pid = Os.getpid();
            System.out.println("Running with pid: " + pid);
            Os.kill(pid, Signal.SIGKILL.number());
            System.out.println("Still running");
        }
    }
}
