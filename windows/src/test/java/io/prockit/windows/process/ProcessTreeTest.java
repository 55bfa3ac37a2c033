package io.prockit.windows.process;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProcessTreeTest {
    @Test
    void nearestFirstAndCyclesCut() {
        Map<Integer, Integer> parents = new HashMap<>();
        parents.put(10, 1);
        parents.put(20, 10);
        parents.put(21, 10);
        parents.put(30, 20);
        parents.put(40, 99);
        parents.put(50, 50);  // its own parent (the idle process reports 0 -> 0)
        parents.put(60, 61);
        parents.put(61, 60);  // a stale cycle
        assertEquals(List.of(20, 21, 30), ProcessTree.descendants(10, parents).stream().sorted().toList());
        List<Integer> order = ProcessTree.descendants(10, parents);
        assertEquals(30, order.get(2));
        assertEquals(List.of(), ProcessTree.descendants(30, parents));
        assertEquals(List.of(61), ProcessTree.descendants(60, parents));
        assertEquals(List.of(), ProcessTree.descendants(50, parents));
    }
}
