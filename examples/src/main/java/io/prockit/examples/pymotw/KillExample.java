package io.prockit.examples.pymotw;

import io.prockit.Child;
import io.prockit.JavaChild;
import io.prockit.Os;
import io.prockit.Signal;
import io.prockit.Stdio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Seed 001/004 (and 003), PyMOTW os, "Creating Processes with os.fork()": {@code os_kill_example.py}.
 *
 * <pre>{@code
 * def signal_usr1(signum, frame):
 *     "Callback invoked when a signal is received"
 *     pid = os.getpid()
 *     print 'Received USR1 in process %s' % pid
 *
 * print 'Forking...'
 * child_pid = os.fork()
 * if child_pid:
 *     print 'PARENT: Pausing before sending signal...'
 *     time.sleep(1)
 *     print 'PARENT: Signaling %s' % child_pid
 *     os.kill(child_pid, signal.SIGUSR1)
 * else:
 *     print 'CHILD: Setting up signal handler'
 *     signal.signal(signal.SIGUSR1, signal_usr1)
 *     print 'CHILD: Pausing to wait for signal'
 *     time.sleep(5)
 * }</pre>
 *
 * <p>A JVM cannot fork, so the child is a new JVM ({@link JavaChild}) running {@link TheChild#main},
 * which installs its handler with {@code sun.misc.Signal} (module {@code jdk.unsupported}). Instead
 * of the seed's one-second pause, which a JVM's start-up can outlast, the parent waits until the
 * child says its handler is in place: it reads the child's output through a pipe and passes it on.
 */
public final class KillExample {
    private KillExample() {
    }

    /**
     * Starts the child, waits for its handler, signals it and waits for it to end.
     *
     * @param args unused
     * @throws Exception if the child cannot be started or read
     */
    public static void main(String[] args) throws Exception {
        System.err.println("note: a JVM cannot fork, so each child is a new JVM started with JavaChild");
        System.out.println("Forking...");
        try (Child child = JavaChild.of(TheChild.class).command().stdout(Stdio.pipe()).spawn();
             BufferedReader childOut = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.UTF_8))) {
            System.out.println("PARENT: Pausing before sending signal...");
            String line;
            while ((line = childOut.readLine()) != null) {
                System.out.println(line);
                if (line.startsWith("CHILD: Pausing")) {
                    System.out.println("PARENT: Signaling " + child.pid());
                    Os.kill(child.pid(), Signal.SIGUSR1.number());
                }
            }
            System.out.println("PARENT: child ended with " + child.waitFor());
        }
    }

    /** The {@code else} branch: installs a SIGUSR1 handler and waits for the signal. */
    public static final class TheChild {
        private TheChild() {
        }

        /**
         * The child's {@code main}.
         *
         * @param args unused
         * @throws InterruptedException if interrupted while waiting
         */
        public static void main(String[] args) throws InterruptedException {
            CountDownLatch received = new CountDownLatch(1);
            System.out.println("CHILD: Setting up signal handler");
            sun.misc.Signal.handle(new sun.misc.Signal("USR1"), signum -> {
                System.out.println("Received USR1 in process " + Os.getpid());
                received.countDown();
            });
            System.out.println("CHILD: Pausing to wait for signal");
            received.await(5, TimeUnit.SECONDS);
        }
    }
}
