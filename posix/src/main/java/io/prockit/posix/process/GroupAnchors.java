package io.prockit.posix.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Children that hold a pidfd for their own process group ({@link PosixChild#anchorGroup()}), kept until the group
 * is found empty; the exit hook ends the groups still held.
 */
final class GroupAnchors {
    private final Set<PosixChild> anchors = ConcurrentHashMap.newKeySet();
    /** When {@link #anchors} reaches this size, empty groups are pruned (amortised: it then doubles). */
    private volatile int pruneAt = 64;

    /**
     * Keeps a pidfd for a child's own group (see {@link PosixChild#anchorGroup()}); prunes empty ones now and
     * then. Never throws (called while adopting a child that already runs).
     */
    void anchor(PosixChild child) {
        child.anchorGroup();
        if (!child.hasGroupAnchor()) {
            return;
        }
        anchors.add(child);
        int size = anchors.size();
        if (size >= pruneAt) {
            synchronized (anchors) {
                if (anchors.size() >= pruneAt) {
                    for (PosixChild c : anchors) {
                        c.signalGroup(0); // closes and releases the pidfd of an empty group
                    }
                    pruneAt = Math.max(64, 2 * anchors.size());
                }
            }
        }
    }

    /** A child closed its group pidfd (the group is empty). */
    void released(PosixChild child) {
        anchors.remove(child);
    }

    /** @return the children holding a group pidfd now */
    Iterable<PosixChild> all() {
        return anchors;
    }
}
