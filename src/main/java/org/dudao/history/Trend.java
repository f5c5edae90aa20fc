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
 * without any observed value. A part (the 学段 of a balance coefficient) is a series of its own.
 */
public record Trend(String indicator, String name, String entityCode, String entityName, String part, List<Point> points) {
    public record Point(long runId, int year, BigDecimal observed, String observedText, String status) {}

    public static List<Trend> of(List<StoredVerdict> regionVerdicts) {
        Map<String, Trend> byKey = new LinkedHashMap<>();
        for (StoredVerdict v : regionVerdicts) {
            Trend t = byKey.computeIfAbsent(v.key(),
                    k -> new Trend(v.indicator(), v.name(), v.entityCode(), v.entityName(), v.part(), new ArrayList<>()));
            t.points().add(new Point(v.runId(), v.year(), v.observed(), v.observedText(), v.status().name()));
        }
        return byKey.values().stream().filter(t -> t.points().stream().anyMatch(p -> p.observed() != null)).toList();
    }

    /** The entity's name with the part: 一县（小学）. */
    public String subject() {
        String n = entityName == null ? entityCode : entityName;
        return part == null ? n : n + "（" + part + "）";
    }

    /**
     * True when the series says something: it has more than one point and its observed value or its
     * status moved. A value that stayed where it was (3502000 万元 → 3502000 万元) is not news.
     */
    public boolean changed() {
        Point first = points.get(0);
        for (Point p : points.subList(1, points.size())) {
            boolean sameValue = p.observed() == null ? first.observed() == null
                    : first.observed() != null && p.observed().compareTo(first.observed()) == 0;
            if (!sameValue || !p.status().equals(first.status())) return true;
        }
        return false;
    }

    /** The series that moved, and how many did not: what a summary shows. */
    public record Moves(List<Trend> changed, int unchanged) {
        public static Moves of(List<Trend> trends) {
            List<Trend> changed = trends.stream().filter(Trend::changed).toList();
            int unchanged = (int) trends.stream().filter(t -> t.points().size() > 1 && !t.changed()).count();
            return new Moves(changed, unchanged);
        }
    }
}
