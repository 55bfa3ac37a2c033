package io.prockit.posix.os;

import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.NativeStrings;
import io.prockit.posix.platform.PosixPlatform;
import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.prockit.posix.jna.LibC;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The only owner of libc's {@code environ}, the process's live environment that {@code Os.putenv} changes and
 * that children inherit: every read ({@code getenv}, {@code Os.environ()}, a spawn's envp and PATH, an
 * {@code exec}'s) and every change ({@code setenv}, {@code unsetenv}) goes through here, under one lock.
 *
 * <p>Why: glibc's {@code setenv} of a new name reallocates the {@code environ} array and frees the old one,
 * and {@code unsetenv} shifts its entries in place. A reader that walks the array meanwhile (JNA reading the
 * strings; {@code posix_spawn}'s child copying them in {@code execve}) reads freed memory: spawning in a loop
 * while another thread called {@code Os.putenv} crashed the JVM with SIGSEGV or failed with EFAULT before this
 * class existed ({@code EnvironmentRaceTest}).
 *
 * <p>The lock is a read-write lock: readers (spawns above all) run side by side, a change waits for them and
 * they for it. A spawn that inherits the environment unchanged hands the live {@code environ} pointer to
 * {@code posix_spawn} and holds the read lock for the whole call: glibc's {@code posix_spawn} clones with
 * {@code CLONE_VM | CLONE_VFORK}, so the parent's call returns only once the child has exec'd (the kernel has
 * copied the strings) or failed; macOS's {@code posix_spawn} is one system call that copies them. A spawn with
 * a changed environment copies the live one under the lock and builds its own envp.
 *
 * <p>Not covered, and cannot be: native code that calls {@code setenv} without going through prockit (the
 * JDK does not; other JNA code might).
 */
public final class LiveEnvironment {
    /** One lock per process, as there is one {@code environ}: every instance shares it. */
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private final Errors errors;
    /** Where {@code environ} is read: {@code &environ} on Linux, {@code _NSGetEnviron()} on macOS. */
    private final PosixPlatform platform;

    /**
     * Loads no native code.
     *
     * @param errors   turns errno into exceptions
     * @param platform the running platform (how {@code environ} is found)
     */
    public LiveEnvironment(Errors errors, PosixPlatform platform) {
        this.errors = errors;
        this.platform = platform;
    }

    /** Takes the read lock; the caller unlocks with {@link #unlockRead()} in a {@code finally}. */
    public void lockRead() {
        LOCK.readLock().lock();
    }

    /** Releases the read lock {@link #lockRead()} took. */
    public void unlockRead() {
        LOCK.readLock().unlock();
    }

    /**
     * The live {@code environ} array, for {@code posix_spawn} or {@code execve}. Valid only while the caller
     * holds the read lock ({@link #lockRead()}), for as long as it holds it.
     *
     * @return the {@code char **}
     * @throws IllegalStateException if the calling thread does not hold the lock
     */
    public Pointer pointerWhileLocked() {
        if (LOCK.getReadHoldCount() == 0 && !LOCK.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("environ read without LiveEnvironment's lock");
        }
        return platform.environ();
    }

    /**
     * @param name a variable
     * @return its value in the live environment, or null
     */
    public String get(String name) {
        LOCK.readLock().lock();
        try {
            return LibC.getenv(name);
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** @return a copy of the live environment, in {@code environ}'s order (the first of a repeated name wins) */
    public Map<String, String> snapshot() {
        LOCK.readLock().lock();
        try {
            Map<String, String> env = new LinkedHashMap<>();
            NativeStrings.readVector(pointerWhileLocked(), entry -> {
                int eq = entry.indexOf('=', 1);
                if (eq > 0) {
                    env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
                }
            });
            return env;
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /**
     * {@code setenv(name, value, 1)}.
     *
     * @param name  a checked name
     * @param value a checked value
     */
    void put(String name, String value) {
        LOCK.writeLock().lock();
        try {
            LibC.setenv(name, value, 1);
        } catch (LastErrorException e) {
            throw errors.of("putenv", name, e);
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    /**
     * {@code unsetenv(name)}.
     *
     * @param name a checked name
     */
    void remove(String name) {
        LOCK.writeLock().lock();
        try {
            LibC.unsetenv(name);
        } catch (LastErrorException e) {
            throw errors.of("unsetenv", name, e);
        } finally {
            LOCK.writeLock().unlock();
        }
    }
}
