package io.prockit.posix.process;

import com.sun.jna.Platform;
import io.prockit.PosixOptions;
import io.prockit.Stdio;
import io.prockit.WindowsOptions;
import io.prockit.posix.darwin.DarwinPlatform;
import io.prockit.posix.linux.LinuxPlatform;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.spi.EnvironmentSpec;
import io.prockit.spi.ProcessBackend;
import io.prockit.spi.SpawnRequest;

import java.util.List;
import java.util.Map;

/**
 * What tests in other packages may observe of this package's internals, through its package-private members (the
 * main classes have no public member that exists only for tests).
 */
public final class Probes {
    private static volatile ChildContext context;

    private Probes() {
    }

    /** @return a new platform object for the running OS */
    public static PosixPlatform platform() {
        return Platform.isMac() ? new DarwinPlatform() : new LinuxPlatform();
    }

    /** @return how many streams the shared output loop reads now (0 when it was never created) */
    public static int outputLoopWatching() {
        OutputLoop loop = OutputLoop.sharedIfCreated();
        return loop == null ? 0 : loop.watching();
    }

    /** @return how many stdin pipes the shared output loop feeds now (0 when it was never created) */
    public static int outputLoopFeeding() {
        OutputLoop loop = OutputLoop.sharedIfCreated();
        return loop == null ? 0 : loop.feeding();
    }

    /** @return how many group waits are blocked in the kernel now, in the wait engine {@code Os} uses */
    public static int kernelWaiters() {
        return context().waits.kernelWaiters();
    }

    /** @return how many children the reaper has left to kernel waiters now */
    public static int deferredCount() {
        return context().waits.deferredCount();
    }

    /** @return the registry of the backend {@code Os} uses */
    public static ChildRegistry registry() {
        return context().registry;
    }

    /**
     * The context of the backend {@code Os} and {@code Command} use (core's backend selection is not exported:
     * found reflectively, tests run on the class path), reached through one short child spawned and collected
     * here.
     */
    private static ChildContext context() {
        ChildContext c = context;
        if (c != null) {
            return c;
        }
        try {
            ProcessBackend b = (ProcessBackend) Class.forName("io.prockit.internal.Backends").getMethod("get")
                    .invoke(null);
            List<String> argv = List.of("sh", "-c", "exit 0");
            PosixChild child = (PosixChild) b.spawn(new SpawnRequest("sh", argv, true, EnvironmentSpec.inherit(),
                    null, Stdio.discard(), Stdio.discard(), Stdio.inherit(), Map.of(), null, false, false,
                    PosixOptions.defaults(), WindowsOptions.defaults()));
            child.awaitTermination(Long.MAX_VALUE);
            child.closeStreams();
            child.collected();
            c = child.context();
        } catch (ReflectiveOperationException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        context = c;
        return c;
    }
}
