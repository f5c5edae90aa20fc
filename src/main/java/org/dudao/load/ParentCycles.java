package org.dudao.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds parent codes that go round in a circle (A's parent is B, B's parent is A), which no real
 * hierarchy has: each cycle once, from its smallest code, in parent order. Linear in the entities.
 * On the way it looks up every node's parent once, and tells the node whether it was there.
 */
final class ParentCycles {
    private ParentCycles() {}

    /** A node of the hierarchy as the walk sees it: its parent's code, and a mark the walk leaves on it. */
    interface Node {
        String parentCode();

        /** The number of the walk up the parents that first passed this node; 0 before any did. */
        int walk();

        void walk(int walk);

        /** Whether the parent code is that of a node (false when there is none or it is unknown). */
        void parentFound(boolean found);
    }

    static <N extends Node> List<List<String>> find(Map<String, N> nodes) {
        // A walk that meets its own mark has come round; one that meets another's has joined a path
        // already followed. The marks are on the nodes: one lookup per step, the parent's.
        List<List<String>> cycles = new ArrayList<>();
        List<String> path = new ArrayList<>();
        int walk = 0;
        for (Map.Entry<String, N> start : nodes.entrySet()) {
            N n = start.getValue();
            if (n.walk() != 0) continue;
            n.walk(++walk);
            path.clear();
            path.add(start.getKey());
            String code;
            int met = 0;
            while (true) {
                code = n.parentCode();
                N parent = code == null ? null : nodes.get(code);
                n.parentFound(parent != null);
                n = parent;
                if (n == null) break;
                met = n.walk();
                if (met != 0) break;
                n.walk(walk);
                path.add(code);
            }
            if (met == walk) cycles.add(cycle(path, code));
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
