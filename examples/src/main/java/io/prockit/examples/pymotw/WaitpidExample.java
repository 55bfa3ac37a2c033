package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.WaitResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001/004, PyMOTW os, "Waiting for a Child": {@code os_waitpid_example.py}.
 *
 * <pre>{@code
 * workers = []
 * for i in range(3):
 *     print 'PARENT: Forking %s' % i
 *     worker_pid = os.fork()
 *     if not worker_pid:
 *         print 'WORKER %s: Starting' % i
 *         time.sleep(2 + i)
 *         print 'WORKER %s: Finishing' % i
 *         sys.exit(i)
 *     workers.append(worker_pid)
 *
 * for pid in workers:
 *     print 'PARENT: Waiting for %s' % pid
 *     done = os.waitpid(pid, 0)
 *     print 'PARENT:', done
 * }</pre>
 *
 * <p>A JVM cannot fork, so each worker is a new JVM ({@link JavaChild}) running
 * {@link WaitExample.Worker#main}; {@code waitpid(pid, 0)} waits for that one worker.
 */
public final class WaitpidExample {
    private WaitpidExample() {
    }

    /**
     * Starts three workers and waits for each in turn.
     *
     * @param args unused
     * @throws InterruptedException if interrupted while cleaning up
     */
    public static void main(String[] args) throws InterruptedException {
        System.err.println("note: a JVM cannot fork, so each child is a new JVM started with JavaChild");
        List<Child> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                System.out.println("PARENT: Forking " + i);
                workers.add(JavaChild.of(WaitExample.Worker.class, Integer.toString(i)).spawn());
            }
            for (Child worker : workers) {
                System.out.println("PARENT: Waiting for " + worker.pid());
                WaitResult done = Os.waitpid(worker.pid(), 0);
                System.out.println("PARENT: (" + done.pid() + ", " + done.status() + ")");
            }
        } finally {
            for (Child worker : workers) {   // only if something above failed: no worker outlives the example
                if (!worker.hasExited()) {
                    worker.kill();
                    worker.waitFor();
                }
            }
        }
    }
}
