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
        // code -> the walk up the parents that first passed it. A walk that meets its own token has
        // come round; one that meets another's has joined a path already followed. One lookup per
        // step, as putIfAbsent both tests and marks.
        Map<String, Object> seen = new HashMap<>(entities.size() * 4 / 3 + 1);
        List<List<String>> cycles = new ArrayList<>();
        List<String> path = new ArrayList<>();
        Object walk = new Object();
        for (Map.Entry<String, Entity> start : entities.entrySet()) {
            if (seen.putIfAbsent(start.getKey(), walk) != null) continue;
            path.clear();
            path.add(start.getKey());
            Entity e = start.getValue();
            String code;
            Object met = null;
            while (true) {
                code = e.getParentCode();
                e = code == null ? null : entities.get(code);
                if (e == null) break;
                met = seen.putIfAbsent(code, walk);
                if (met != null) break;
                path.add(code);
            }
            if (met == walk) cycles.add(cycle(path, code));
            walk = new Object();
        }
        return cycles;
    }

    /** The cycle the path ran into at {@code code}, rotated to start from its smallest code. */
    private static List<String> cycle(List<String> path, String code) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(code), path.size()));
        int min = cycle.indexOf(cycle.stream().min(String::compareTo).orElseThrow());
        List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
        rotated.addAll(cycle.subList(0, min));
        return rotated;
    }
}
