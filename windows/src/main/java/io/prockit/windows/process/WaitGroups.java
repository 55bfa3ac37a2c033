package io.prockit.windows.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for many handles with few threads: {@code WaitForMultipleObjects} takes at most 64 handles,
 * so handles are kept in groups of 63, each group served by one daemon thread that waits on its
 * handles plus a wake event. Adding a handle joins a group with room (waking its thread so it
 * waits on the new set) or starts a new group; a group whose handles are all signalled ends its
 * thread. 1,000 children need 16 threads, not 1,000.
 *
 * <p>The wait primitive is abstract ({@link Ops}), so the grouping logic is tested on any OS with
 * a fake; the backend plugs in kernel32.
 *
 * @param <H> the handle type
 */
final class WaitGroups<H> {
    private static final Logger LOG = LoggerFactory.getLogger(WaitGroups.class);

    /** Handles per group: {@code MAXIMUM_WAIT_OBJECTS} (64) minus the wake event. */
    static final int GROUP_SIZE = 63;

    /** The wait primitive. */
    interface Ops<H> {
        /** @return a new auto-reset event, unsignalled */
        H newWakeEvent();

        /** @param event signals the event */
        void wake(H event);

        /**
         * Blocks until one handle is signalled.
         *
         * @param handles at most 64 handles
         * @return the index of a signalled handle, or -1 if the wait failed
         */
        int waitAny(List<H> handles);

        /** @param event closes the event */
        void closeEvent(H event);
    }

    private final Ops<H> ops;
    private final String threadName;
    private final List<Group> groups = new ArrayList<>();
    private final AtomicInteger threadNumber = new AtomicInteger();

    WaitGroups(Ops<H> ops, String threadName) {
        this.ops = Objects.requireNonNull(ops);
        this.threadName = threadName;
    }

    /**
     * Calls {@code onSignalled} once, on a waiter thread, when {@code handle} is signalled. The
     * handle must stay open until then.
     *
     * @param handle      a waitable handle
     * @param onSignalled what to do then; should be quick
     */
    void add(H handle, Runnable onSignalled) {
        Entry<H> entry = new Entry<>(handle, onSignalled);
        Group target = null;
        synchronized (groups) {
            for (Group g : groups) {
                if (g.entries.size() < GROUP_SIZE) {
                    target = g;
                    break;
                }
            }
            if (target == null) {
                target = new Group(ops.newWakeEvent());
                groups.add(target);
                target.entries.add(entry);
                Thread t = new Thread(target::run, threadName + "-" + threadNumber.incrementAndGet());
                t.setDaemon(true);
                t.start();
                LOG.debug("started waiter thread {} ({} groups)", t.getName(), groups.size());
                return;
            }
            target.entries.add(entry);
            // Wake it while holding the lock: a group still in the list has not closed its event. Outside the
            // lock the group could drain, leave and close the event first, and the wake would hit a closed
            // (or reused) handle.
            ops.wake(target.wake);
        }
    }

    /** @return the number of live waiter threads */
    int threadCount() {
        synchronized (groups) {
            return groups.size();
        }
    }

    /** @return the number of handles being waited for */
    int pending() {
        synchronized (groups) {
            int n = 0;
            for (Group g : groups) {
                n += g.entries.size();
            }
            return n;
        }
    }

    private record Entry<H>(H handle, Runnable onSignalled) {
    }

    private final class Group {
        final H wake;
        final List<Entry<H>> entries = new ArrayList<>();

        Group(H wake) {
            this.wake = wake;
        }

        void run() {
            List<H> handles = new ArrayList<>(GROUP_SIZE + 1);
            List<Entry<H>> snapshot = new ArrayList<>(GROUP_SIZE);
            int failures = 0;
            while (true) {
                synchronized (groups) {
                    if (entries.isEmpty()) {
                        groups.remove(this);
                        break;
                    }
                    snapshot.clear();
                    snapshot.addAll(entries);
                }
                handles.clear();
                handles.add(wake);
                for (Entry<H> e : snapshot) {
                    handles.add(e.handle());
                }
                int index = ops.waitAny(handles);
                if (index < 0 || index > snapshot.size()) {
                    // Only an invalid handle makes the wait fail; the entries' handles stay open until
                    // signalled, so this is a bug elsewhere. Back off rather than spin.
                    LOG.debug("wait on {} handles failed ({} in a row)", handles.size(), ++failures);
                    sleepQuietly(Math.min(1000, 10L * failures));
                    continue;
                }
                failures = 0;
                if (index == 0) {
                    continue; // the set changed
                }
                Entry<H> done = snapshot.get(index - 1);
                synchronized (groups) {
                    entries.remove(done);
                }
                try {
                    done.onSignalled().run();
                } catch (RuntimeException | Error e) {
                    LOG.debug("exit handler failed", e);
                }
            }
            ops.closeEvent(wake);
            LOG.debug("waiter thread {} ends: no handles left", Thread.currentThread().getName());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
