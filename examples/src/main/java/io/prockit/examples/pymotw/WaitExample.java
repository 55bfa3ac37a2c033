package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.WaitResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001/004, PyMOTW os, "Waiting for a Child": {@code os_wait_example.py}.
 *
 * <pre>{@code
 * for i in range(3):
 *     print 'PARENT: Forking %s' % i
 *     worker_pid = os.fork()
 *     if not worker_pid:
 *         print 'WORKER %s: Starting' % i
 *         time.sleep(2 + i)
 *         print 'WORKER %s: Finishing' % i
 *         sys.exit(i)
 *
 * for i in range(3):
 *     print 'PARENT: Waiting for %s' % i
 *     done = os.wait()
 *     print 'PARENT:', done
 * }</pre>
 *
 * <p>A JVM cannot fork, so each worker is a new JVM ({@link JavaChild}) running {@link Worker#main}.
 * Python's {@code os.wait()} is {@link Os#waitAny()} ({@code wait} is taken by {@code Object}):
 * whichever child ends first. The status is the raw 16-bit wait status: exit code {@code i} reads
 * {@code i * 256}, as in the seed. The sleeps are half the seed's.
 */
public final class WaitExample {
    private WaitExample() {
    }

    /**
     * Starts three workers and waits for any three children.
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
                workers.add(JavaChild.of(Worker.class, Integer.toString(i)).spawn());
            }
            for (int i = 0; i < 3; i++) {
                System.out.println("PARENT: Waiting for " + i);
                WaitResult done = Os.waitAny();
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

    /** A worker: sleeps, then exits with its index. */
    public static final class Worker {
        private Worker() {
        }

        /**
         * The worker's {@code main}.
         *
         * @param args its index
         * @throws InterruptedException if interrupted while sleeping
         */
        public static void main(String[] args) throws InterruptedException {
            int i = Integer.parseInt(args[0]);
            System.out.println("WORKER " + i + ": Starting");
            Thread.sleep(1000 + 500L * i);
            System.out.println("WORKER " + i + ": Finishing");
            System.exit(i);
        }
    }
}
