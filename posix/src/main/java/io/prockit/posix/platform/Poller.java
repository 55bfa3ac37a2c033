package io.prockit.posix.platform;

/**
 * Waits for readable (and, for fed stdin pipes, writable) descriptors: the output loop's wait set. The
 * portable one is {@code poll(2)} (in {@code process}); a platform may hand out a better one
 * ({@link PosixPlatform#newPoller()}: epoll on Linux). Used by the loop's one thread, except {@link #add},
 * {@link #addWritable} and {@link #remove}, which any thread may call.
 */
public abstract class Poller {
    /** Filled by {@link #await()}: the ready descriptors. */
    protected int[] ready = new int[256];

    /** @param fd a descriptor to report when it can be read */
    public abstract void add(int fd);

    /** @param fd a descriptor to report when it can be written */
    public abstract void addWritable(int fd);

    /** @param fd a descriptor to report no more (harmless when it is not in the set) */
    public abstract void remove(int fd);

    /**
     * Blocks until something is ready.
     *
     * @return how many entries of {@link #ready()} are valid (0 after a wake-up or EINTR)
     */
    public abstract int await();

    /** @return the ready descriptors {@link #await()} found */
    public final int[] ready() {
        return ready;
    }

    /** @return {@code epoll} or {@code poll}, for logs */
    public abstract String name();
}
