package io.prockit.posix.spawn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans a child's descriptor redirects as a <em>parallel move</em>: given, for each child descriptor, the
 * parent descriptor it should be (as the parent's table was when {@code spawn()} was called), the
 * {@code dup2}/{@code close} steps that make it so when run one after the other in the child, as
 * {@code posix_spawn}'s file actions are. Pure Java; property-tested against a model of a descriptor table.
 *
 * <p>Why a plan is needed: the file actions run in order, each on the table the previous ones left. Copying
 * naively ({@code dup2(src, dst)} in any order) reads a source the child has already replaced: with stdout on
 * a pipe and stderr on the parent's descriptor 1, {@code dup2(pipe, 1)} then {@code dup2(1, 2)} sends
 * stderr into the pipe; swapping two descriptors leaves both on the same file. A shell's
 * {@code 3>&1 1>&2 2>&3} shows the intended meaning.
 *
 * <p>How: a move whose target no pending move still reads is safe and is emitted; when none is safe, every
 * pending target is still read, so the moves form cycles: one target is first saved to a temporary
 * descriptor numbered above every descriptor named (so it overwrites nothing that matters), its readers now
 * read the temporary, and the loop goes on. The temporaries are closed at the end. Identity entries
 * ({@code n -> n}) emit nothing here: the caller decides how to keep such a descriptor across the exec.
 */
final class FdMoves {
    private FdMoves() {
    }

    /** One file action of the plan. */
    sealed interface Step permits Dup2, Close {
    }

    /**
     * {@code dup2(from, to)} in the child.
     *
     * @param from the descriptor copied (a parent descriptor, or a temporary of this plan)
     * @param to   the descriptor replaced
     * @param temporary whether {@code from} is a temporary of this plan rather than a parent descriptor
     */
    record Dup2(int from, int to, boolean temporary) implements Step {
    }

    /**
     * {@code close(fd)} in the child: a temporary of this plan.
     *
     * @param fd the descriptor
     */
    record Close(int fd) implements Step {
    }

    /**
     * @param wanted child descriptor to the parent descriptor it gets; identity entries are allowed (they
     *               emit nothing but are never overwritten)
     * @return the steps, in order; empty when every entry is an identity
     */
    static List<Step> plan(Map<Integer, Integer> wanted) {
        int top = -1;
        Map<Integer, Integer> pending = null;
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            int to = e.getKey();
            int from = e.getValue();
            if (to < 0 || from < 0) {
                throw new IllegalArgumentException("descriptor must be >= 0: " + to + " <- " + from);
            }
            top = Math.max(top, Math.max(to, from));
            if (to != from) {
                if (pending == null) {
                    pending = new TreeMap<>(); // sorted: the same mappings always give the same steps
                }
                pending.put(to, from);
            }
        }
        if (pending == null) {
            return List.of();
        }
        // How many pending moves still read each descriptor.
        Map<Integer, Integer> readers = new HashMap<>();
        for (int from : pending.values()) {
            readers.put(from, readers.getOrDefault(from, 0) + 1); // no method reference: cold-start linking
        }
        List<Step> steps = new ArrayList<>(pending.size() + 2);
        List<Integer> temporaries = new ArrayList<>(1);
        int nextTemporary = top + 1;
        while (!pending.isEmpty()) {
            boolean moved = false;
            for (Iterator<Map.Entry<Integer, Integer>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Integer> e = it.next();
                int to = e.getKey();
                if (readers.getOrDefault(to, 0) == 0) {
                    int from = e.getValue();
                    steps.add(new Dup2(from, to, from > top));
                    it.remove();
                    readers.put(from, readers.get(from) - 1);
                    moved = true;
                }
            }
            if (!moved) {
                // Every pending target is still read: save the first one and let its readers read the copy.
                int saved = pending.keySet().iterator().next();
                if (nextTemporary < 0) { // top was Integer.MAX_VALUE
                    throw new IllegalArgumentException("no descriptor above " + top
                            + " is left for the temporary copy a cycle of redirects needs: " + wanted);
                }
                int temporary = nextTemporary++;
                steps.add(new Dup2(saved, temporary, false));
                temporaries.add(temporary);
                for (Map.Entry<Integer, Integer> e : pending.entrySet()) {
                    if (e.getValue() == saved) {
                        e.setValue(temporary);
                    }
                }
                readers.put(temporary, readers.remove(saved));
            }
        }
        for (int t : temporaries) {
            steps.add(new Close(t));
        }
        return steps;
    }
}
