package org.dudao.load;

import org.dudao.model.ClassBand;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Stage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Class sizes may come as a list of classes (班级表) or as the number of classes per size band (班额分段表,
 * as the statistics forms report them), for a school or for a region. When a school (or region) has both for
 * a year, the two must agree: per band, the bands' count equals the number of classes of the list (or of
 * the bands of the schools below) that fall in it. They agree: the list is used (it has the exact sizes) and
 * the bands are left out for that year. They do not, or cannot be compared (a class without 班额, a band
 * without a count): as with two values for one cell, neither is used — an error names the bands and the
 * difference, and the sizes and counts of that year are set aside, so the verdicts that depend on them are
 * 数据不足 naming the classes.
 */
final class ClassSizeSources {
    private static final String SIZE = "班额";

    private ClassSizeSources() {}

    static void reconcile(DatasetBuilder b, Set<Integer> years) {
        Map<String, DatasetBuilder.Held> all = b.held();
        Map<String, List<DatasetBuilder.Held>> kids = new HashMap<>();
        Set<DatasetBuilder.Held> withBands = new LinkedHashSet<>();
        for (DatasetBuilder.Held h : all.values()) {
            Entity e = h.entity();
            if (e == null || e.getParentCode() == null) continue;
            kids.computeIfAbsent(e.getParentCode(), k -> new ArrayList<>()).add(h);
            DatasetBuilder.Held p = all.get(e.getParentCode());
            if (p != null && p.entity() != null && band(e).isPresent()) withBands.add(p);
        }
        // a school's bands against its classes first, then regions from the county up, each against what is left below it
        List<DatasetBuilder.Held> parents = new ArrayList<>(withBands);
        parents.sort(Comparator.comparingInt(h -> -h.entity().getKind().ordinal()));
        for (DatasetBuilder.Held p : parents) {
            for (int y : years) {
                // bands given per 学段 (初中, 高中 …) are held against the classes of that 学段 only
                Map<String, List<DatasetBuilder.Held>> byStage = new LinkedHashMap<>();
                for (DatasetBuilder.Held h : kids.getOrDefault(p.entity().getCode(), List.of())) {
                    Entity e = h.entity();
                    if (e.getKind() == EntityKind.CLASS && band(e).isPresent() && e.hasYear(y)) {
                        byStage.computeIfAbsent(e.getStage() == null ? "" : e.getStage(), k -> new ArrayList<>()).add(h);
                    }
                }
                for (Map.Entry<String, List<DatasetBuilder.Held>> g : byStage.entrySet()) check(b, p.entity(), g.getKey(), g.getValue(), y, kids, all);
            }
        }
    }

    private static Optional<ClassBand> band(Entity e) { return ClassBand.ofEntity(e); }

    private static void check(DatasetBuilder b, Entity parent, String stage, List<DatasetBuilder.Held> own, int year,
                              Map<String, List<DatasetBuilder.Held>> kids, Map<String, DatasetBuilder.Held> all) {
        List<DatasetBuilder.Held> below = new ArrayList<>(), detail = new ArrayList<>();
        below(parent.getCode(), year, kids, own, below, 0);
        Set<Stage> of = stage.isEmpty() ? Set.of() : Stage.ofClass(stage, null);
        String unchecked = null;
        for (DatasetBuilder.Held h : below) {
            if (of.isEmpty()) { detail.add(h); continue; }
            Set<Stage> st = stagesOf(h.entity(), all);
            if (!st.isEmpty() && of.containsAll(st)) detail.add(h);
            else if (st.isEmpty() || !Collections.disjoint(of, st)) {
                detail.add(h);
                unchecked = "“" + h.entity().getName() + "”的学段不明，无法确定是否属于" + stage;
            }
        }
        if (detail.isEmpty()) return; // the bands are all there is
        Map<String, BigDecimal> stated = new LinkedHashMap<>(), found = new LinkedHashMap<>();
        List<ClassBand> ranges = new ArrayList<>();
        for (DatasetBuilder.Held h : own) {
            ClassBand cb = band(h.entity()).orElseThrow();
            if (!stated.containsKey(cb.label())) ranges.add(cb);
            Metric n = b.metric(h, year, ClassBand.COUNT);
            if (n == null || n.getValue() == null) unchecked = "分段表“" + h.entity().getName() + "”没有班级数";
            else stated.merge(cb.label(), n.getValue(), BigDecimal::add);
            found.putIfAbsent(cb.label(), BigDecimal.ZERO);
        }
        int lacking = 0;
        for (DatasetBuilder.Held h : detail) {
            Optional<ClassBand> inner = band(h.entity());
            Metric m = b.metric(h, year, inner.isPresent() ? ClassBand.COUNT : SIZE);
            if (m == null || m.getValue() == null) { lacking++; continue; }
            ClassBand into = inner.isPresent() ? containing(ranges, inner.get()) : holding(ranges, m.getValue());
            if (into == null) { unchecked = (inner.isPresent() ? "“" + inner.get().label() + "”" : "班额 " + m.display()) + "不在分段表的任一段内"; continue; }
            found.merge(into.label(), inner.isPresent() ? m.getValue() : BigDecimal.ONE, BigDecimal::add);
        }
        if (lacking > 0 && unchecked == null) unchecked = lacking + " 个班级（或分段）缺班额（或班级数）";
        List<String> differ = new ArrayList<>();
        for (ClassBand r : ranges) {
            BigDecimal s = stated.get(r.label()), f = found.get(r.label());
            if (s != null && s.compareTo(f) != 0) differ.add(r.label() + " 分段表 " + s.stripTrailingZeros().toPlainString() + " 个、明细 " + f.toPlainString() + " 个");
        }
        if (unchecked == null && differ.isEmpty()) {
            // the same classes twice: the list (with its exact sizes) is used, the bands are left out for the year
            for (DatasetBuilder.Held h : own) {
                b.dropMetric(h, year, ClassBand.COUNT);
                h.entity = h.entity().withoutYear(year);
            }
            return;
        }
        for (DatasetBuilder.Held h : own) b.dropMetric(h, year, ClassBand.COUNT);
        for (DatasetBuilder.Held h : detail) b.dropMetric(h, year, band(h.entity()).isPresent() ? ClassBand.COUNT : SIZE);
        Origin o = own.get(0).entity().getOrigin();
        String what = parent.getKind() == EntityKind.SCHOOL ? "班级名单" : "所属学校的班级名单或班额分段";
        b.problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), parent.getLevel() + " " + parent.getCode()
                + (parent.getName() == null ? "" : " " + parent.getName()) + " " + year + "年" + (stage.isEmpty() ? "" : stage) + "的班额分段表与" + what + "不一致（"
                + (differ.isEmpty() ? unchecked + "，无法核对" : String.join("；", differ)) + "）：两者均不采用，相关指标为“数据不足”，请核实");
    }

    /** The class-size facts below a parent in a year, other than its own bands: classes, and bands of the units below. */
    private static void below(String code, int year, Map<String, List<DatasetBuilder.Held>> kids, List<DatasetBuilder.Held> own,
                              List<DatasetBuilder.Held> out, int depth) {
        if (depth > 8) return; // a cycle of parent codes is reported elsewhere
        for (DatasetBuilder.Held h : kids.getOrDefault(code, List.of())) {
            Entity e = h.entity();
            if (e.getKind() == EntityKind.CLASS) {
                if (!own.contains(h) && e.hasYear(year)) out.add(h);
            } else {
                below(e.getCode(), year, kids, own, out, depth + 1);
            }
        }
    }

    /** The stages a class or band may be in, from its own 学段 or 年级 and its school's. */
    private static Set<Stage> stagesOf(Entity c, Map<String, DatasetBuilder.Held> all) {
        DatasetBuilder.Held p = c.getParentCode() == null ? null : all.get(c.getParentCode());
        Entity school = p == null ? null : p.entity();
        return Stage.ofClass(c.getStage(), school != null && school.getKind() == EntityKind.SCHOOL ? school.getStage() : null);
    }

    private static ClassBand holding(List<ClassBand> ranges, BigDecimal size) {
        for (ClassBand r : ranges) if (r.holds(size)) return r;
        return null;
    }

    private static ClassBand containing(List<ClassBand> ranges, ClassBand inner) {
        for (ClassBand r : ranges) {
            if (inner.min() >= r.min() && (r.max() == null || inner.max() != null && inner.max() <= r.max())) return r;
        }
        return null;
    }
}
