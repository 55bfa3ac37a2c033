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
 * Seed 003, "Kill Child Process via PID" (SuperFastPython).
 *
 * <pre>{@code
 * def task():
 *     print('Child is running...', flush=True)
 *     sleep(10)
 *
 * if __name__ == '__main__':
 *     child = Process(target=task)
 *     child.start()
 *     sleep(1)
 *     print(f'Child is running with pid: {child.pid}')
 *     kill(child.pid, SIGKILL)
 *     child.join()
 *     print(f'Child process: {child}')
 * }</pre>
 *
 * <p>The child is a new JVM ({@link JavaChild}) running {@link Task#main}, as multiprocessing's
 * "spawn" starts one. Instead of sleeping a second, the parent reads the child's first line, so
 * it knows the child is running. The exit code is minus the signal: {@code -SIGKILL}.
 */
public final class KillChild {
    private KillChild() {
    }

    /**
     * Starts the task, kills it and shows how it ended.
     *
     * @param args unused
     * @throws Exception if the child cannot be started or read
     */
    public static void main(String[] args) throws Exception {
        try (Child child = JavaChild.of(Task.class).command().stdout(Stdio.pipe()).spawn();
             BufferedReader childOut = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.UTF_8))) {
            System.out.println(childOut.readLine());          // "Child is running..."
            System.out.println("Child is running with pid: " + child.pid());
            Os.kill(child.pid(), Signal.SIGKILL.number());
            ExitStatus status = child.waitFor();              // child.join()
            int exitcode = status.toExitcode();
            String shown = exitcode < 0 ? "-" + Signal.of(-exitcode).name() : Integer.toString(exitcode);
            System.out.println("Child process: <Child pid=" + child.pid() + " parent=" + Os.getpid()
                    + " stopped exitcode=" + shown + ">");
        }
    }

    /** The child's task: reports, then blocks for a while. */
    public static final class Task {
        private Task() {
        }

        /**
         * The child's {@code main}.
         *
         * @param args unused
         * @throws InterruptedException if interrupted while sleeping
         */
        public static void main(String[] args) throws InterruptedException {
            System.out.println("Child is running...");
            Thread.sleep(10_000);
        }
    }
}
