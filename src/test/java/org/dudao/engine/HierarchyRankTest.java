package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report order: a region, then what lies under it, depth first, children by kind then code; entities
 * whose parent is absent are roots; codes in a cycle of parents, reached from no root, get no rank (they sort last).
 */
class HierarchyRankTest {
    private static void add(Map<String, Entity> all, String code, EntityKind kind, String parent) {
        all.put(code, new Entity(code, code, kind, parent, null, null));
    }

    @Test
    void regions_come_before_what_lies_under_them_and_a_cycle_without_a_root_is_not_ranked() {
        Map<String, Entity> all = new LinkedHashMap<>();
        add(all, "3302", EntityKind.CITY, "3300");
        add(all, "330202", EntityKind.COUNTY, "3302");
        add(all, "33020201", EntityKind.SCHOOL, "330202");
        add(all, "33020201-2", EntityKind.CLASS, "33020201");
        add(all, "33020201-1", EntityKind.CLASS, "33020201");
        add(all, "330201", EntityKind.COUNTY, "3302");
        add(all, "3301", EntityKind.CITY, "3300");
        add(all, "3300", EntityKind.PROVINCE, null);
        add(all, "33010099", EntityKind.SCHOOL, "3301"); // a school right under a city: after its counties
        add(all, "330101", EntityKind.COUNTY, "3301");
        add(all, "44019901", EntityKind.SCHOOL, "440199"); // its county is not there: a root
        add(all, "X1", EntityKind.SCHOOL, "X2"); // a cycle: neither is a root
        add(all, "X2", EntityKind.SCHOOL, "X1");
        Map<String, Integer> rank = Evaluator.hierarchyRank(all);
        List<String> order = rank.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertThat(order).containsExactly("3300", "3301", "330101", "33010099", "3302", "330201", "330202", "33020201",
                "33020201-1", "33020201-2", "44019901");
        assertThat(rank).doesNotContainKeys("X1", "X2");
        assertThat(rank.values().stream().sorted(Comparator.naturalOrder()).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
}
