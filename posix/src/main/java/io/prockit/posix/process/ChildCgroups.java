package io.prockit.posix.process;

import io.prockit.OsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Children started in a cgroup of their own ({@code PosixOptions.ownCgroup}), kept until the cgroup is empty and removed. */
final class ChildCgroups {
    private final Set<PosixChild> children = ConcurrentHashMap.newKeySet();

    /**
     * Moves a fresh child into its own cgroup. On failure the child is killed (it must not run outside the
     * cgroup it was promised) and the failure thrown.
     */
    void place(PosixChild child, Path cgroup) {
        try {
            Cgroups.move(cgroup, child.pid());
        } catch (OsException e) {
            child.kill();
            child.termination().whenComplete((t, x) -> Cgroups.remove(cgroup));
            throw e;
        }
        child.useCgroup(cgroup);
        children.add(child);
        // Removed once empty: at the child's end if nothing of it is left, else after a killTree or at exit.
        child.termination().whenComplete((t, x) -> releaseIfEmpty(child));
    }

    /** Removes a child's cgroup directory when no process is left in it. */
    void releaseIfEmpty(PosixChild child) {
        Path cg = child.cgroup();
        if (cg != null && !Cgroups.populated(cg) && Cgroups.remove(cg)) {
            children.remove(child);
        } else if (cg != null && !Files.exists(cg)) {
            children.remove(child); // removed already (after a killTree)
        }
    }

    /** @return the children whose cgroup is not removed yet */
    Iterable<PosixChild> all() {
        return children;
    }
}
