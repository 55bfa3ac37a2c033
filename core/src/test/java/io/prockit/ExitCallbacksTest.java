package io.prockit;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ExitCallbacks}, the pool behind {@code Child.onExit()}, on plain tasks (no processes). */
class ExitCallbacksTest {

    @Test
    void aBurstOfShortTasksRunsOnAtMostParallelismThreads() throws Exception {
        ExitCallbacks pool = new ExitCallbacks(2);
        int n = 2000;
        CountDownLatch done = new CountDownLatch(n);
        Set<String> names = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < n; i++) {
            pool.execute(() -> {
                names.add(Thread.currentThread().getName());
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), done.getCount() + " tasks never ran");
        assertTrue(names.size() <= 2, n + " short tasks ran on " + names);
        assertTrue(pool.threads() <= 2, pool.threads() + " threads");
    }

    /**
     * Every task but the last blocks (on a latch: no spare thread is added for that) until the last one has run:
     * more blocked tasks than threads, so only the stall watchdog's extra threads let the last one run.
     */
    @Test
    void tasksBlockedOnALaterTaskMoreThanThePoolStillComplete() throws Exception {
        ExitCallbacks pool = new ExitCallbacks(2);
        int n = 6;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            pool.execute(() -> {
                if (last) {
                    release.countDown();
                } else {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                all.countDown();
            });
        }
        assertTrue(all.await(30, TimeUnit.SECONDS), all.getCount() + " of " + n + " tasks never finished");
        assertTrue(pool.threads() <= n, pool.threads() + " threads for " + n + " tasks");
    }

    @Test
    void theInterruptAndTheExceptionOfATaskDoNotReachTheNext() throws Exception {
        ExitCallbacks pool = new ExitCallbacks(1);
        AtomicInteger startedInterrupted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            int k = i;
            pool.execute(() -> {
                if (Thread.currentThread().isInterrupted()) {
                    startedInterrupted.incrementAndGet();
                }
                Thread.currentThread().interrupt();
                done.countDown();
                if (k % 2 == 0) {
                    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });
                    throw new IllegalStateException("callback " + k);
                }
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, startedInterrupted.get());
        assertEquals(1, pool.threads(), "a throwing task does not end its thread");
    }

    @Test
    void refusesNoParallelismAndNullTasks() {
        assertThrows(IllegalArgumentException.class, () -> new ExitCallbacks(0));
        assertThrows(NullPointerException.class, () -> new ExitCallbacks(1).execute(null));
    }
}
