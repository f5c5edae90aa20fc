package org.dudao.load;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Param;
import org.dudao.model.SheetTally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges what the sheets of several workbooks yield into one {@link Dataset}. Two different values
 * for one entity, metric and year are a conflict: both cells are named and neither value is used,
 * never a silent last-wins.
 */
final class DatasetBuilder {
    private record Key(String entity, int year, String metric) {}

    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, Integer> entityYear = new HashMap<>();
    private final Map<Key, Metric> metrics = new LinkedHashMap<>();
    private final Set<Key> conflicted = new HashSet<>();
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<Dataset.InputFile> inputs = new ArrayList<>();
    private final List<SheetTally> sheets = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private final TreeSet<Integer> years = new TreeSet<>();

    private ValidityRanges validity = ValidityRanges.defaults();

    /** While a workbook is being read: what it yields, applied only once the whole workbook was read. */
    private List<Runnable> staged;

    void input(Dataset.InputFile f) { inputs.add(f); }

    DatasetBuilder validity(ValidityRanges ranges) {
        this.validity = ranges;
        return this;
    }

    /**
     * Starts reading one workbook: until {@link #commit()} nothing it yields reaches the dataset, so a
     * workbook that breaks part way ({@link #rollback()}) contributes nothing rather than its first sheets.
     */
    void begin() { staged = new ArrayList<>(); }

    void commit() {
        List<Runnable> s = staged;
        staged = null;
        if (s != null) s.forEach(Runnable::run);
    }

    void rollback() { staged = null; }

    void sheet(SheetTally t) {
        if (staged != null) { staged.add(() -> sheet(t)); return; }
        sheets.add(t);
    }

    void problem(Severity s, String file, String sheet, String cell, String message) {
        if (staged != null) { staged.add(() -> problem(s, file, sheet, cell, message)); return; }
        problems.add(new LoadProblem(s, file, sheet, cell, message));
    }

    /** Adds or refreshes an entity; the name of the latest year seen wins, a change of level is a problem. */
    void entity(Entity e, int year) {
        if (staged != null) {
            Entity given = e;
            staged.add(() -> entity(given, year));
            return;
        }
        years.add(year);
        e = e.withYear(year);
        Entity old = entities.get(e.getCode());
        if (old == null) {
            entities.put(e.getCode(), e);
            entityYear.put(e.getCode(), year);
            return;
        }
        if (old.getKind() != e.getKind()) {
            Origin o = e.getOrigin();
            problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), "代码 " + e.getCode() + " 在 "
                    + old.getOrigin() + " 是" + old.getLevel() + "，此处是" + e.getLevel() + "：以先读到的为准");
            return;
        }
        if (!Objects.equals(old.getParentCode(), e.getParentCode()) && e.getParentCode() != null && old.getParentCode() != null) {
            Origin o = e.getOrigin();
            problem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), e.getCode() + " 的上级代码在 "
                    + old.getOrigin() + " 为 " + old.getParentCode() + "，此处为 " + e.getParentCode());
        }
        if (year >= entityYear.get(e.getCode())) {
            entities.put(e.getCode(), merge(e, old).withYearsOf(e).withYearsOf(old));
            entityYear.put(e.getCode(), year);
        } else {
            entities.put(e.getCode(), old.withYearsOf(e));
        }
    }

    private static Entity merge(Entity newer, Entity older) {
        return new Entity(newer.getCode(),
                newer.getName() != null ? newer.getName() : older.getName(), newer.getKind(),
                newer.getParentCode() != null ? newer.getParentCode() : older.getParentCode(),
                newer.getStage() != null ? newer.getStage() : older.getStage(), newer.getOrigin());
    }

    void metric(Metric m) {
        // Checked once, as the value is read: a value out of its range is a warning and is still used.
        validity.check(m).ifPresent(w -> {
            Origin o = m.getOrigin();
            problem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), w);
        });
        if (staged != null) { staged.add(() -> add(m)); return; }
        add(m);
    }

    private void add(Metric m) {
        Key k = new Key(m.getEntityCode(), m.getYear(), m.getKey());
        if (conflicted.contains(k)) {
            conflict(m, null);
            return;
        }
        Metric old = metrics.putIfAbsent(k, m);
        if (old == null || sameValue(old, m)) return;
        metrics.remove(k);
        conflicted.add(k);
        conflict(m, old);
    }

    private void conflict(Metric m, Metric old) {
        Origin o = m.getOrigin();
        String msg = m.getEntityCode() + " " + m.getYear() + "年“" + m.getKey() + "”有两个不同的值："
                + (old == null ? "" : old.display() + "（" + old.getOrigin() + "）与 ") + m.display() + "（" + o
                + "）：两者均不采用，请核实";
        problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), msg);
    }

    private static boolean sameValue(Metric a, Metric b) {
        if (a.getValue() != null && b.getValue() != null) return a.getValue().compareTo(b.getValue()) == 0;
        return Objects.equals(a.getText(), b.getText()) && a.getValue() == null && b.getValue() == null;
    }

    void param(Param p) {
        if (staged != null) { staged.add(() -> param(p)); return; }
        Param old = params.put(p.getName(), p);
        if (old != null) {
            Origin o = p.getOrigin();
            problem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), "参数“" + p.getName() + "”重复（先前在 "
                    + old.getOrigin() + "）：采用此处的值");
        }
    }

    Dataset build() {
        for (List<String> cycle : ParentCycles.find(entities)) {
            Origin o = entities.get(cycle.get(0)).getOrigin();
            StringBuilder chain = new StringBuilder();
            for (String c : cycle) chain.append(c).append("（").append(entities.get(c).getOrigin()).append("）→ ");
            problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), "上级代码形成循环：" + chain + cycle.get(0)
                    + "：这些单位的上下级关系无法确定，请核实“上级代码”");
        }
        for (Entity e : entities.values()) {
            if (e.getParentCode() != null && !e.getParentCode().isEmpty() && !entities.containsKey(e.getParentCode())
                    && e.getKind() != org.dudao.model.EntityKind.PROVINCE) {
                Origin o = e.getOrigin();
                problem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), e.getLevel() + " " + e.getCode()
                        + " 的上级 " + e.getParentCode() + " 不在所给数据中");
            }
        }
        return new Dataset(entities, List.copyOf(metrics.values()), List.copyOf(params.values()), List.copyOf(inputs),
                List.copyOf(sheets), List.copyOf(problems), new TreeSet<>(years));
    }
}
