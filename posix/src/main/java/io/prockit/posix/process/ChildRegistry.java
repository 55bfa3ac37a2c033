package io.prockit.posix.process;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The children prockit spawned and nobody has collected yet, by pid, and the registration gate that keeps
 * {@code Os.waitpid(-1)} and its kin from taking one of them for a foreign child.
 *
 * <p>The race the gate closes: {@code posix_spawn} returns, the child exits at once, and before the spawning
 * thread has put it here another thread's "wait for any child" sees an exited pid it does not know and reaps it
 * as foreign; prockit's reaper then gets {@code ECHILD} and the child's {@code waitFor()} fails. So every spawn
 * holds the gate shared ({@link #spawning()}) from before {@code posix_spawn} until the child is registered, and
 * whoever reaps a pid that is not registered holds it exclusively ({@link #foreign()}) and looks again under it:
 * a pid that was a spawn in flight is registered by then. A pid the kernel still reports cannot be handed to a
 * new spawn (it is not reaped), so no spawn that starts while the gate is held exclusively can be that pid.
 *
 * <p>Registered means "prockit's to reap": the wait engine takes a registered child's status from the child
 * ({@link PosixChild#tryReap()}), never with a {@code wait4} of its own. A child leaves the registry when its
 * status has been handed out ({@link #remove}: {@code Os.waitpid} collected it, or its {@code Child} did).
 */
public final class ChildRegistry {
    private final Map<Integer, PosixChild> children = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    /** Notified when a hold of the gate ends while a foreign reap waits for it. */
    private final Object gateReleased = new Object();
    private volatile int foreignWaiting;
    /** Held shared from handing a child to the reaper until it is registered ({@link #adopting()}). */
    private final ReentrantReadWriteLock adoption = new ReentrantReadWriteLock();

    /** The gate held shared by one spawn; {@link #close()} releases it. */
    public final class Spawning implements AutoCloseable {
        private Spawning() {
        }

        @Override
        public void close() {
            gate.readLock().unlock();
            gateFreed();
        }
    }

    /** Wakes the foreign reaps waiting in {@link #foreign()} after a hold of the gate ended. */
    private void gateFreed() {
        if (foreignWaiting != 0) {
            synchronized (gateReleased) {
                gateReleased.notifyAll();
            }
        }
    }

    /** A spawn between handing its child to the reaper and registering it; {@link #close()} ends that. */
    public final class Adopting implements AutoCloseable {
        private Adopting() {
        }

        @Override
        public void close() {
            adoption.readLock().unlock();
        }
    }

    /** The gate held exclusively while a pid that is not registered is reaped; {@link #close()} releases it. */
    final class Foreign implements AutoCloseable {
        private Foreign() {
        }

        @Override
        public void close() {
            gate.writeLock().unlock();
            gateFreed();
        }
    }

    /**
     * Holds the gate shared; call before {@code posix_spawn} and close once the child is {@linkplain #add added}
     * (or the spawn failed). Many spawns hold it at once.
     *
     * @return the hold, for try-with-resources
     */
    public Spawning spawning() {
        gate.readLock().lock();
        return new Spawning();
    }

    /**
     * Holds the gate exclusively: no spawn is between {@code posix_spawn} and registration while it is held.
     * Never held across a blocking call.
     *
     * <p>Waits for the spawns in flight, but never queues ahead of new ones: a spawn can block inside
     * {@code posix_spawn} for as long as it likes (a file action opening a FIFO waits for the other end, which
     * may be another spawn), and a queued exclusive hold would stop every later spawn behind it.
     *
     * @return the hold, for try-with-resources
     */
    Foreign foreign() {
        var w = gate.writeLock();
        if (w.tryLock()) {
            return new Foreign(); // tryLock barges: it never makes a spawn wait for it
        }
        boolean interrupted = false;
        synchronized (gateReleased) {
            foreignWaiting++;
            try {
                while (!w.tryLock()) {
                    try {
                        gateReleased.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                foreignWaiting--;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Foreign();
    }

    /**
     * {@link #foreign()} without waiting, for a wait that must not block (WNOHANG).
     *
     * @return the hold, or null while a spawn is in flight
     */
    Foreign tryForeign() {
        return gate.writeLock().tryLock() ? new Foreign() : null;
    }

    /**
     * Held shared by a spawn from handing its child to the reaper until {@linkplain #add registering} it; nothing
     * in between blocks.
     *
     * @return the hold, for try-with-resources
     */
    public Adopting adopting() {
        adoption.readLock().lock();
        return new Adopting();
    }

    /**
     * Waits until no spawn is between handing its child to the reaper and registering it (the reaper may have
     * reaped such a child already, so the kernel no longer knows it while the registry does not yet). Short: it
     * does not wait for a spawn still inside {@code posix_spawn}, whose pid nobody can know yet.
     */
    void awaitAdoptions() {
        adoption.writeLock().lock();
        adoption.writeLock().unlock();
    }

    /** @param child a freshly spawned child, before anything else can learn its pid */
    public void add(PosixChild child) {
        children.put(child.pid(), child);
    }

    /** @return the registered child with this pid, or null */
    public PosixChild get(int pid) {
        return children.get(pid);
    }

    /** @return whether {@code pid} is a registered child */
    boolean contains(int pid) {
        return children.containsKey(pid);
    }

    /**
     * Takes a child out: its status has been handed to someone. Only one caller succeeds for a child, so a
     * status is handed out once.
     *
     * @return whether this call removed it
     */
    public boolean remove(PosixChild child) {
        return children.remove(child.pid(), child);
    }

    /** @return the registered children now (a copy) */
    List<PosixChild> snapshot() {
        return List.copyOf(children.values());
    }

    /** @return a live view of the registered children, for the exit hook */
    public Collection<PosixChild> values() {
        return children.values();
    }
}
