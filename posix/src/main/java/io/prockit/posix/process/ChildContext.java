package io.prockit.posix.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.prockit.posix.os.PosixSystem;
import io.prockit.posix.platform.Errors;
import io.prockit.posix.platform.PosixConstants;
import io.prockit.posix.platform.PosixPlatform;
import io.prockit.posix.platform.PosixStatusCodec;
import io.prockit.posix.spawn.Spawner;
import io.prockit.spi.Termination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the children of one backend share, built once by the composition root: the narrow parts a
 * {@link PosixChild} uses (the platform, the wait engine, the reaper, the registry, the tree kill, the group
 * pidfds and cgroups it keeps), and the adoption of a freshly spawned pid into a child. Every child holds this
 * one object, not the backend.
 */
public final class ChildContext implements Spawner.Adopter {
    private static final Logger LOG = LoggerFactory.getLogger(ChildContext.class);

    final PosixConstants c;
    final Errors errors;
    final PosixPlatform platform;
    final PosixStatusCodec codec;
    final WaitEngine waits;
    final ChildRegistry registry;
    final Reaping reaping;
    final TreeKill treeKill;
    /** ptsname and the window size of a child's pseudo-terminal. */
    final PosixSystem terminal;
    final GroupAnchors anchors = new GroupAnchors();
    final ChildCgroups cgroups = new ChildCgroups();
    private final boolean maxrssInKib;
    /** One {@code struct rusage} buffer per reaping thread (the reaper, or a waiter), read before it is reused. */
    final ThreadLocal<Memory> rusage;

    /**
     * @param platform the running platform
     * @param errors   turns errno into exceptions
     * @param waits    the one wait engine (its registry is the children's)
     * @param reaping  the reaper and its fallback
     * @param treeKill the tree kill
     * @param terminal the pseudo-terminal calls
     */
    public ChildContext(PosixPlatform platform, Errors errors, WaitEngine waits, Reaping reaping, TreeKill treeKill,
                        PosixSystem terminal) {
        this.c = platform.constants();
        this.errors = errors;
        this.platform = platform;
        this.codec = platform.statusCodec();
        this.maxrssInKib = platform.maxrssInKibibytes();
        this.waits = waits;
        this.registry = waits.registry;
        this.reaping = reaping;
        this.treeKill = treeKill;
        this.terminal = terminal;
        int size = Math.max(c.SIZEOF_rusage, 8);
        // An anonymous class, not a lambda: created on a cold JVM's first spawn.
        this.rusage = new ThreadLocal<>() {
            @Override
            protected Memory initialValue() {
                return new Memory(size);
            }
        };
    }

    /** @return how a reaped child ended: its wait status and resource usage */
    Termination termination(int status, Memory ru) {
        return new Termination(status & 0xffffffffL, PosixChild.decode(codec, status), PosixChild.rusage(ru, maxrssInKib));
    }

    /**
     * Wraps a freshly spawned pid and registers it; never throws, so a spawned child is always watched and
     * reaped. Callers hold {@link ChildRegistry#spawning()} from before {@code posix_spawn} until this returns,
     * so no wait for "any child" can take the pid for a foreign one meanwhile.
     */
    @Override
    public PosixChild adopt(int pid, int pgid, boolean ownGroup, Spawner.Pipes pipes) {
        int pidfd = -1;
        if (reaping.needsPidfd()) {
            try {
                pidfd = platform.openPidfd(pid, 0);
            } catch (LastErrorException e) {
                LOG.warn("pidfd_open({}) failed (errno {}); polling for its exit instead", pid, e.getErrorCode());
            }
        }
        boolean pty = pipes.ptyMaster() >= 0;
        PosixChild child = new PosixChild(this, pid, pgid, ownGroup, pidfd,
                pipes.stdin() >= 0 ? new FdStreams.Out(new FdStreams.Fd(pipes.stdin()), "stdin of " + pid, c) : null,
                pipes.stdout() >= 0 ? new FdStreams.In(new FdStreams.Fd(pipes.stdout()), "stdout of " + pid, pty, c)
                        : null,
                pipes.stderr() >= 0 ? new FdStreams.In(new FdStreams.Fd(pipes.stderr()), "stderr of " + pid, false, c)
                        : null);
        if (pty) {
            child.usePty(new FdStreams.Fd(pipes.ptyMaster()));
        }
        // The reaper first, the registry second: once registered, a wait engine call may reap the child, and the
        // reaper must not be handed a pidfd that reap has closed (its number may already name another file).
        // Until both are done the spawn holds the registration gate, so no foreign wait can take the pid.
        anchors.anchor(child); // before the reaper knows it: the child cannot have been reaped yet
        try (ChildRegistry.Adopting adopting = registry.adopting()) {
            reaping.register(child, pidfd >= 0);
            registry.add(child);
        }
        return child;
    }

    /**
     * Moves a fresh child into its own cgroup ({@code PosixOptions.ownCgroup}). On failure the child is killed
     * (it must not run outside the cgroup it was promised) and the failure thrown.
     */
    public void placeInCgroup(PosixChild child, Path cgroup) {
        cgroups.place(child, cgroup);
    }

    /**
     * The exit hook's work, run while no spawn is in flight: every child not started with {@code detach()} gets
     * SIGKILL with everything it started: its cgroup when it has one, its process group when it leads one (even
     * if it has exited itself, Linux 6.9+) and its descendants, frozen and proved one by one ({@link TreeKill}),
     * in one walk for all children; then their cgroups are removed (a bounded wait).
     */
    public void killAllAtExit() {
        for (PosixChild child : cgroups.all()) {
            if (!child.detached()) {
                child.killCgroup(); // everything in it, daemons included, before the walk
            }
        }
        Set<PosixChild> roots = new LinkedHashSet<>();
        for (PosixChild child : registry.values()) {
            if (!child.detached()) {
                roots.add(child);
            }
        }
        for (PosixChild child : anchors.all()) {
            if (!child.detached()) {
                roots.add(child); // waited for (so forgotten) but its group may still run
            }
        }
        boolean[] alive = treeKill.signalTrees(new ArrayList<>(roots), c.SIGKILL);
        int killed = 0;
        for (boolean a : alive) {
            killed += a ? 1 : 0;
        }
        LOG.debug("JVM exit: killed {} live child(ren) of {} with their trees", killed, roots.size());
        long end = System.nanoTime() + 1_000_000_000L; // a bounded wait: the hook must not hold the exit up
        for (PosixChild child : cgroups.all()) {
            Path cg = child.cgroup();
            if (!child.detached() && cg != null) {
                Cgroups.removeWhenEmpty(cg, Math.max(0, (end - System.nanoTime()) / 1_000_000L));
            }
        }
    }
}
