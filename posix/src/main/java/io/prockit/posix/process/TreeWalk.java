package io.prockit.posix.process;

import java.util.List;

/**
 * A platform's way of proving and signalling whole trees, when it has one better than {@link TreeKill}'s portable
 * walk over the process table (Linux: pidfds and {@code /proc}, in {@code linux}); the composition root picks it.
 */
public interface TreeWalk {
    /**
     * Signals the trees of {@code roots}: each live child, its descendants, and the group of each that leads
     * its own; see {@link TreeKill} for the contract.
     *
     * @param roots children (reaped ones contribute only their group)
     * @param signo the signal
     * @return for each root, whether that child itself was signalled (it was not reaped)
     */
    boolean[] signalTrees(List<PosixChild> roots, int signo);
}
