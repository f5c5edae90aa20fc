package org.dudao.load;

import org.dudao.model.Entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds parent codes that go round in a circle (A's parent is B, B's parent is A), which no real
 * hierarchy has: each cycle once, from its smallest code, in parent order. Linear in the entities.
 */
final class ParentCycles {
    private ParentCycles() {}

    static List<List<String>> find(Map<String, Entity> entities) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the current path, 2: done
        List<List<String>> cycles = new ArrayList<>();
        for (String start : entities.keySet()) {
            if (state.containsKey(start)) continue;
            List<String> path = new ArrayList<>();
            String code = start;
            while (code != null && entities.containsKey(code) && !state.containsKey(code)) {
                state.put(code, 1);
                path.add(code);
                code = entities.get(code).getParentCode();
            }
            if (code != null && state.get(code) != null && state.get(code) == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(code), path.size()));
                int min = cycle.indexOf(cycle.stream().min(String::compareTo).orElseThrow());
                List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
                rotated.addAll(cycle.subList(0, min));
                cycles.add(rotated);
            }
            for (String p : path) state.put(p, 2);
        }
        return cycles;
    }
}
