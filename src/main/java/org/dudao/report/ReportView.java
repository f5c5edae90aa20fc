package org.dudao.report;

import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the xlsx, html and docx reports share, derived once from a {@link Report}: the regions in
 * hierarchy order, the region × indicator matrix, the failures in working order. Verdicts arrive
 * sorted by the region hierarchy (the evaluator's order), so first appearance is hierarchy order.
 */
public final class ReportView {
    private final Report report;
    private final List<Verdict> verdicts;
    private final List<String> regions = new ArrayList<>();
    private final Map<String, String> regionNames = new HashMap<>();
    private final Map<String, Verdict> cells = new HashMap<>();
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final Map<String, Map<Status, Integer>> byEntity = new HashMap<>();
    private final Map<String, Map<Status, Integer>> byIndicator = new HashMap<>();

    public ReportView(Report report) {
        this(report, report.verdicts());
    }

    private ReportView(Report report, List<Verdict> verdicts) {
        this.report = report;
        this.verdicts = verdicts;
        for (Indicator i : report.catalogue()) indicators.put(i.id(), i);
        Set<String> seen = new LinkedHashSet<>();
        for (Verdict v : verdicts) {
            byEntity.computeIfAbsent(v.getEntityCode(), k -> zeros()).merge(v.getStatus(), 1, Integer::sum);
            byIndicator.computeIfAbsent(v.getIndicator(), k -> zeros()).merge(v.getStatus(), 1, Integer::sum);
            if (!v.getKind().isRegion()) continue;
            if (seen.add(v.getEntityCode())) {
                regions.add(v.getEntityCode());
                regionNames.put(v.getEntityCode(), v.getEntityName());
            }
            // An indicator with one verdict per part (BAL-CV-n per 学段) shows its worst part in the matrix.
            cells.merge(key(v.getEntityCode(), v.getIndicator()), v,
                    (a, b) -> b.getStatus().ordinal() < a.getStatus().ordinal() ? b : a);
        }
    }

    /**
     * One view per region with verdicts, covering the region and everything under it (its counties,
     * their schools), in hierarchy order: what --per-region writes a document for. Each verdict is
     * walked up its parents once, so this stays linear in the number of verdicts.
     */
    public Map<String, ReportView> byRegion() {
        Map<String, List<Verdict>> under = new LinkedHashMap<>();
        for (String r : regions) under.put(r, new ArrayList<>());
        Map<String, Entity> all = report.data().entities();
        for (Verdict v : verdicts) {
            String code = v.getEntityCode();
            for (int depth = 0; code != null && depth < 16; depth++) {
                List<Verdict> list = under.get(code);
                if (list != null) list.add(v);
                Entity e = all.get(code);
                code = e == null ? null : e.getParentCode();
            }
        }
        Map<String, ReportView> views = new LinkedHashMap<>();
        under.forEach((r, vs) -> views.put(r, new ReportView(report, vs)));
        return views;
    }

    public Report report() { return report; }

    public List<Verdict> verdicts() { return verdicts; }

    /** Codes of the regions (province, city, county) that have verdicts, in hierarchy order. */
    public List<String> regions() { return regions; }

    public String regionName(String code) { return regionNames.getOrDefault(code, code); }

    public List<Indicator> indicators() { return report.catalogue(); }

    public Indicator indicator(String id) { return indicators.get(id); }

    /** The verdict of an indicator for a region, or null where the indicator gave none. */
    public Verdict cell(String region, String indicator) { return cells.get(key(region, indicator)); }

    /** The failures, in the order a team works through them: by indicator (catalogue order), then hierarchy. */
    public List<Verdict> failures() {
        Map<String, Integer> order = new HashMap<>();
        for (Indicator i : report.catalogue()) order.put(i.id(), order.size());
        List<Verdict> f = new ArrayList<>();
        for (Verdict v : verdicts) if (v.isFail()) f.add(v);
        // stable sort keeps the hierarchy order within an indicator
        f.sort(Comparator.comparing(v -> order.getOrDefault(v.getIndicator(), Integer.MAX_VALUE)));
        return f;
    }

    /** The failures of one indicator, in hierarchy order. */
    public List<Verdict> failures(String indicator) {
        List<Verdict> f = new ArrayList<>();
        for (Verdict v : verdicts) if (v.isFail() && v.getIndicator().equals(indicator)) f.add(v);
        return f;
    }

    /** Indicators that failed for at least one entity, in catalogue order. */
    public List<Indicator> failedIndicators() {
        Set<String> failed = new LinkedHashSet<>();
        for (Verdict v : verdicts) if (v.isFail()) failed.add(v.getIndicator());
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : report.catalogue()) if (failed.contains(i.id())) out.add(i);
        return out;
    }

    /** Verdict counts by status, every status present. */
    public Map<Status, Integer> counts() {
        return count(verdicts);
    }

    public Map<Status, Integer> countsOfIndicator(String indicator) {
        return byIndicator.getOrDefault(indicator, zeros());
    }

    /** Counts of a region's own verdicts (not its children's). */
    public Map<Status, Integer> countsOfRegion(String region) {
        return byEntity.getOrDefault(region, zeros());
    }

    /** The level label of a region (省, 市, 县). */
    public String regionLevel(String code) {
        Entity e = report.data().entities().get(code);
        return e == null ? "" : e.getLevel();
    }

    /** The region answerable for a verdict: the entity itself when it is a region, else the nearest region above it. */
    public String responsibleRegion(Verdict v) {
        if (v.getKind().isRegion()) return v.getEntityName();
        Map<String, Entity> all = report.data().entities();
        String code = v.getParentCode();
        for (int depth = 0; code != null && depth < 16; depth++) {
            Entity e = all.get(code);
            if (e == null) return code;
            if (e.getKind().isRegion()) return e.displayName();
            code = e.getParentCode();
        }
        return "";
    }

    /** The cells a verdict's numbers came from, as {@code 文件 表!F8（指标 = 值）}, one per evidence item. */
    public static List<String> sources(Verdict v) {
        List<String> out = new ArrayList<>();
        for (org.dudao.model.Metric m : v.getEvidence()) {
            out.add(m.getOrigin() + "（" + m.getKey() + " " + m.getYear() + "年 = " + m.display() + "）");
        }
        return out;
    }

    private static Map<Status, Integer> count(List<Verdict> vs) {
        Map<Status, Integer> c = zeros();
        for (Verdict v : vs) c.merge(v.getStatus(), 1, Integer::sum);
        return c;
    }

    private static Map<Status, Integer> zeros() {
        Map<Status, Integer> c = new java.util.EnumMap<>(Status.class);
        for (Status s : Status.values()) c.put(s, 0);
        return c;
    }

    private static String key(String region, String indicator) { return region + '\u0000' + indicator; }
}
