package io.prockit.windows.process;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grouping logic with a fake wait primitive: no thread per child, each handle reported once. */
class WaitGroupsTest {

    /** A fake kernel object: signalled or not; events reset when a wait returns them. */
    static final class FakeHandle {
        final boolean event;
        boolean signalled;

        FakeHandle(boolean event) {
            this.event = event;
        }
    }

    static final class FakeOps implements WaitGroups.Ops<FakeHandle> {
        final AtomicInteger waits = new AtomicInteger();
        final AtomicInteger closedEvents = new AtomicInteger();
        int maxHandles;

        @Override
        public FakeHandle newWakeEvent() {
            return new FakeHandle(true);
        }

        @Override
        public synchronized void wake(FakeHandle event) {
            event.signalled = true;
            notifyAll();
        }

        synchronized void signal(FakeHandle h) {
            h.signalled = true;
            notifyAll();
        }

        @Override
        public synchronized int waitAny(List<FakeHandle> handles) {
            waits.incrementAndGet();
            maxHandles = Math.max(maxHandles, handles.size());
            while (true) {
                for (int i = 0; i < handles.size(); i++) {
                    FakeHandle h = handles.get(i);
                    if (h.signalled) {
                        if (h.event) {
                            h.signalled = false;
                        }
                        return i;
                    }
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    return -1;
                }
            }
        }

        @Override
        public void closeEvent(FakeHandle event) {
            closedEvents.incrementAndGet();
        }
    }

    @Test
    void manyHandlesShareFewThreadsAndEachIsReportedOnce() throws Exception {
        FakeOps ops = new FakeOps();
        WaitGroups<FakeHandle> groups = new WaitGroups<>(ops, "test-waiter");
        int n = 200;
        List<FakeHandle> handles = new ArrayList<>();
        Set<Integer> reported = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            FakeHandle h = new FakeHandle(false);
            handles.add(h);
            int id = i;
            groups.add(h, () -> {
                if (!reported.add(id)) {
                    duplicates.incrementAndGet();
                }
                done.countDown();
            });
        }
        assertEquals(4, groups.threadCount(), "ceil(200 / 63) waiter threads");
        assertEquals(n, groups.pending());
        for (int i = n - 1; i >= 0; i -= 2) {
            ops.signal(handles.get(i));
        }
        for (int i = 0; i < n; i += 2) {
            ops.signal(handles.get(i));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(0, duplicates.get());
        assertEquals(n, reported.size());
        assertTrue(ops.maxHandles <= 64, "at most MAXIMUM_WAIT_OBJECTS per wait: " + ops.maxHandles);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (groups.threadCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, groups.threadCount(), "idle waiter threads end");
        assertEquals(4, ops.closedEvents.get());
    }

    @Test
    void alreadySignalledHandleIsReportedAndNewGroupStartsAfterIdle() throws Exception {
        FakeOps ops = new FakeOps();
        WaitGroups<FakeHandle> groups = new WaitGroups<>(ops, "test-waiter");
        FakeHandle h = new FakeHandle(false);
        h.signalled = true;
        CountDownLatch first = new CountDownLatch(1);
        groups.add(h, first::countDown);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        CountDownLatch second = new CountDownLatch(1);
        FakeHandle h2 = new FakeHandle(false);
        groups.add(h2, second::countDown);
        ops.signal(h2);
        assertTrue(second.await(5, TimeUnit.SECONDS));
    }

    @Test
    void handlerFailureDoesNotStopTheGroup() throws Exception {
        FakeOps ops = new FakeOps();
        WaitGroups<FakeHandle> groups = new WaitGroups<>(ops, "test-waiter");
        FakeHandle bad = new FakeHandle(false);
        FakeHandle good = new FakeHandle(false);
        CountDownLatch ok = new CountDownLatch(1);
        groups.add(bad, () -> {
            throw new IllegalStateException("boom");
        });
        groups.add(good, ok::countDown);
        ops.signal(bad);
        ops.signal(good);
        assertTrue(ok.await(5, TimeUnit.SECONDS));
    }
}
