package io.prockit.posix.spawn;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FdMoves} against a model: a descriptor table on which the planned steps run as the child runs
 * {@code posix_spawn}'s file actions. For any set of mappings (small numbers, so swaps, cycles, chains and
 * shared sources are common), every target ends up with what its source held in the parent, whatever the order.
 */
class FdMovesPropertyTest {

    /** The child's table: descriptor to the parent descriptor whose file it holds. */
    private static Map<Integer, Integer> run(List<FdMoves.Step> steps, Map<Integer, Integer> wanted) {
        Map<Integer, Integer> table = new HashMap<>();
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            table.put(e.getKey(), e.getKey());
            table.put(e.getValue(), e.getValue());
        }
        for (FdMoves.Step step : steps) {
            if (step instanceof FdMoves.Dup2 d) {
                Integer file = table.get(d.from());
                assertTrue(file != null, "dup2 from a closed descriptor: " + d + " in " + steps);
                table.put(d.to(), file);
            } else if (step instanceof FdMoves.Close cl) {
                assertTrue(table.remove(cl.fd()) != null, "close of a closed descriptor: " + cl + " in " + steps);
            }
        }
        return table;
    }

    @Property(tries = 3000)
    void everyTargetGetsTheParentsSource(
            @ForAll @Size(max = 8) Map<@IntRange(min = 0, max = 10) Integer, @IntRange(min = 0, max = 10) Integer> wanted) {
        List<FdMoves.Step> steps = FdMoves.plan(wanted);
        Map<Integer, Integer> table = run(steps, wanted);
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            assertEquals(e.getValue(), table.get(e.getKey()), "child " + e.getKey() + " after " + steps);
        }
        int top = -1;
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            top = Math.max(top, Math.max(e.getKey(), e.getValue()));
        }
        int moves = 0;
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            moves += e.getKey().equals(e.getValue()) ? 0 : 1;
        }
        for (FdMoves.Step step : steps) {
            if (step instanceof FdMoves.Dup2 d) {
                // Only targets and temporaries are written; a temporary is above every descriptor named.
                assertTrue(wanted.containsKey(d.to()) || d.to() > top, "writes " + d.to() + ": " + steps);
                assertFalse(wanted.containsKey(d.to()) && wanted.get(d.to()) == d.to(), "rewrites an identity: " + steps);
            }
        }
        for (int fd : table.keySet()) {
            assertTrue(fd <= top, "temporary " + fd + " left open: " + steps);
        }
        assertTrue(steps.size() <= 2 * moves, steps.size() + " steps for " + moves + " moves: " + steps);
    }

    @Property(tries = 500)
    void largeNumbersAndLongCycles(
            @ForAll @Size(max = 30) Map<@IntRange(min = 0, max = 60) Integer, @IntRange(min = 0, max = 60) Integer> wanted) {
        Map<Integer, Integer> table = run(FdMoves.plan(wanted), wanted);
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            assertEquals(e.getValue(), table.get(e.getKey()));
        }
    }

    @Example
    void aSwapGoesThroughOneTemporary() {
        Map<Integer, Integer> swap = new TreeMap<>(Map.of(38, 39, 39, 38));
        assertEquals(List.of(new FdMoves.Dup2(38, 40, false), new FdMoves.Dup2(39, 38, false),
                new FdMoves.Dup2(40, 39, true), new FdMoves.Close(40)), FdMoves.plan(swap));
    }

    @Example
    void stderrOntoTheParentsStdoutIsReadBeforeStdoutIsReplaced() {
        // stdout(pipe at 7) + stderr(Stdio.fd(1)): 2 <- 1 first, then 1 <- 7.
        assertEquals(List.of(new FdMoves.Dup2(1, 2, false), new FdMoves.Dup2(7, 1, false)),
                FdMoves.plan(Map.of(1, 7, 2, 1)));
    }

    @Example
    void identitiesAloneNeedNothing() {
        assertEquals(List.of(), FdMoves.plan(Map.of(0, 0, 1, 1, 2, 2, 5, 5)));
    }
}
