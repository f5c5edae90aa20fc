package org.dudao.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed value of each indicator for each region entity (省, 市, 县) across the runs of a
 * region, oldest first: one point per run, carrying the year that run evaluated. Schools and classes
 * are left out to keep the summary readable (their values are in the history), and so are series
 * without any observed value.
 */
public record Trend(String indicator, String name, String entityCode, String entityName, List<Point> points) {
    public record Point(long runId, int year, BigDecimal observed, String observedText, String status) {}

    public static List<Trend> of(List<StoredVerdict> regionVerdicts) {
        Map<String, Trend> byKey = new LinkedHashMap<>();
        for (StoredVerdict v : regionVerdicts) {
            Trend t = byKey.computeIfAbsent(v.key(), k -> new Trend(v.indicator(), v.name(), v.entityCode(), v.entityName(), new ArrayList<>()));
            t.points().add(new Point(v.runId(), v.year(), v.observed(), v.observedText(), v.status().name()));
        }
        return byKey.values().stream().filter(t -> t.points().stream().anyMatch(p -> p.observed() != null)).toList();
    }
}
