package io.prockit.spi;

import java.lang.ref.Cleaner;
import java.util.concurrent.ThreadFactory;

/**
 * The one {@link Cleaner} prockit and its backends share, so that releasing what unreachable objects
 * held (a {@link io.prockit.Child} nobody can wait on any more, a pipe descriptor whose stream was
 * dropped without {@code close()}) costs one daemon thread, {@code prockit-cleaner}, in all. The thread
 * starts on first use.
 *
 * <p>Cleaning actions run on that thread: they must be short, must not block and must not refer to
 * the object they clean up after.
 *
 * <p>Availability: all platforms.
 */
public final class SharedCleaner {
    private SharedCleaner() {
    }

    /** @return the shared cleaner */
    public static Cleaner get() {
        return Holder.CLEANER;
    }

    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(new Daemon());
    }

    /** A named class rather than a lambda: it initialises during a cold JVM's first spawn. */
    private static final class Daemon implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "prockit-cleaner");
            t.setDaemon(true);
            return t;
        }
    }
}
