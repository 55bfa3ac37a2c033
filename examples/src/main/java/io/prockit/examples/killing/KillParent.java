package io.prockit.examples.killing;

import io.prockit.Child;
import io.prockit.ExitStatus;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.Stdio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Seed 003, "Kill Parent Process via PID" (SuperFastPython).
 *
 * <pre>{@code
 * def task():
 *     sleep(1)
 *     parent = parent_process()
 *     print(f'Parent is running with pid: {parent.pid}', flush=True)
 *     kill(parent.pid, SIGKILL)
 *     parent.join()
 *     print(f'Parent process: {parent}', flush=True)
 *
 * if __name__ == '__main__':
 *     child = Process(target=task)
 *     child.start()
 *     sleep(10)
 *     print('Parent is still running')
 * }</pre>
 *
 * <p>The victim must be a process this example starts, never whatever launched it: the example
 * starts {@link Parent} (a new JVM), which starts {@link Task}; the task kills its parent. The
 * task is told its parent's pid and checks it, so run by hand it kills nothing. Python's
 * {@code parent.join()} becomes "wait until this process is re-parented". The example reads the
 * output of both through one pipe until both have ended, then shows how the parent ended. The task
 * is an orphan once its parent dies and nothing waits for it; it exits as soon as it has seen that,
 * and since each process holds the pipe open until it exits, the end of the pipe means both are gone:
 * nothing outlives the example.
 */
public final class KillParent {
    private KillParent() {
    }

    /**
     * Starts the parent (which starts the task) and shows how the parent ended.
     *
     * @param args unused
     * @throws Exception if a process cannot be started or read
     */
    public static void main(String[] args) throws Exception {
        try (Child parent = JavaChild.of(Parent.class).command().stdout(Stdio.pipe()).spawn();
             BufferedReader out = new BufferedReader(new InputStreamReader(parent.stdout(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {    // until the parent and the task have both ended
                System.out.println(line);
            }
            ExitStatus status = parent.waitFor();
            System.out.println("Parent " + parent.pid() + " ended with " + status);
        }
    }

    /** The seed's main program: starts the task, then sleeps ten seconds (it is killed before). */
    public static final class Parent {
        private Parent() {
        }

        /**
         * The parent's {@code main}.
         *
         * @param args unused
         * @throws InterruptedException if interrupted while sleeping
         */
        public static void main(String[] args) throws InterruptedException {
            JavaChild.of(Task.class, Integer.toString(Os.getpid())).spawn();
            Thread.sleep(10_000);
            System.out.println("Parent is still running");
        }
    }

    /** The seed's {@code task()}: kills its parent. */
    public static final class Task {
        private Task() {
        }

        /**
         * The task's {@code main}.
         *
         * @param args the pid of the parent that started it
         * @throws InterruptedException if interrupted while waiting
         */
        public static void main(String[] args) throws InterruptedException {
            int parent = Os.getppid();
            if (args.length != 1 || Integer.parseInt(args[0]) != parent) {
                throw new IllegalStateException("not started by KillParent.Parent: refusing to kill pid " + parent);
            }
            System.out.println("Parent is running with pid: " + parent);
            Os.kill(parent, Signal.SIGKILL.number());
            while (Os.getppid() == parent) {     // parent.join(): the kernel re-parents us when it dies
                Thread.sleep(10);
            }
            System.out.println("Parent process: " + parent + " is gone; this process now belongs to " + Os.getppid());
        }
    }
}
