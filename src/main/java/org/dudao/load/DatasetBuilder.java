package org.dudao.load;

import org.dudao.model.ClassBand;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Param;
import org.dudao.model.SheetTally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges what the sheets of several workbooks yield into one {@link Dataset}. Two different values
 * for one entity, metric and year are a conflict: both cells are named and neither value is used,
 * never a silent last-wins.
 */
class DatasetBuilder { // not final: WorkbookParts.Router takes what the sheets yield to disk instead
    private record Key(String entity, int year, String metric) {}

    /**
     * An entity as merged so far, with the latest year it was read for (whose name wins), and the slots
     * of its metrics in {@link #metrics}: one lookup per entity finds both. The slots are a handful (a
     * few metrics over a few years), so found by scanning. {@link #entity} is null while only metrics
     * were given for the code (see {@link #orphans}).
     */
    static final class Held implements ParentCycles.Node {
        private static final long[] NONE = new long[0];

        Entity entity;
        int year;
        /**
         * The slots, each with its value's year in the high half (see {@link #slot}): the first inline
         * (a class has one value), any more in an array. A slot of another year is passed over
         * without reading its metric.
         */
        private long first;
        private long[] more = NONE;
        private int n;
        private int walk;
        private boolean parentFound;

        Held(Entity entity, int year) {
            this.entity = entity;
            this.year = year;
        }

        private static long slot(int year, int slot) { return (long) year << 32 | (slot & 0xffffffffL); }

        private long get(int i) { return i == 0 ? first : more[i - 1]; }

        private void set(int i, long slot) {
            if (i == 0) first = slot;
            else more[i - 1] = slot;
        }

        Entity entity() { return entity; }

        /** The slots (indexes into the builder's metrics) of every value held, of any year. */
        int[] slots() {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) get(i);
            return out;
        }

        int find(List<Metric> all, int year, String key) {
            for (int i = 0; i < n; i++) {
                long s = get(i);
                if ((int) (s >>> 32) != year) continue;
                Metric m = all.get((int) s);
                if (m.getKey() == key || m.getKey().equals(key)) return (int) s;
            }
            return -1;
        }

        void add(int year, int slot) {
            if (n > 0 && n - 1 == more.length) more = Arrays.copyOf(more, Math.max(4, more.length * 2));
            set(n++, slot(year, slot));
        }

        void remove(int slot) {
            for (int i = 0; i < n; i++) {
                if ((int) get(i) == slot) {
                    set(i, get(--n));
                    return;
                }
            }
        }

        @Override public String parentCode() { return entity.getParentCode(); }

        @Override public int walk() { return walk; }

        @Override public void walk(int walk) { this.walk = walk; }

        @Override public void parentFound(boolean found) { parentFound = found; }
    }

    /** By code, in the order first read; {@link #build()} turns this map into the dataset's. */
    private Map<String, Held> entities = new LinkedHashMap<>();
    /** The entity last given: the values that follow a row's entity are its own, found without a lookup. */
    private Held last;
    /** Every metric taken, in the order read; a slot is null once its value turned out to conflict. */
    private final ArrayList<Metric> metrics = new ArrayList<>();
    /**
     * The slots of metrics given for a code before any entity was: kept aside, and taken over by the
     * entity when it comes (the interpreter always gives the entity first, so this stays empty).
     */
    private final Map<String, Held> orphans = new HashMap<>();
    private final Set<Key> conflicted = new HashSet<>();
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<InputFile> inputs = new ArrayList<>();
    private final List<SheetTally> sheets = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private final TreeSet<Integer> years = new TreeSet<>();
    /** The year last added to {@link #years}: rows come year by year, so most need not box and look it up. */
    private int lastYear;
    /** Whether a school was entered in parts, or classes as size bands: then {@link #build()} places and checks them. */
    private boolean parts, bands;

    private ValidityRanges validity = ValidityRanges.defaults();
    private Map<String, List<String>> partOf = Map.of();

    /** The range last looked up for a metric name, with the unit it was for. */
    private record KnownRange(String unit, Optional<ValidityRanges.Range> range) {}

    private final Map<String, KnownRange> ranges = new HashMap<>();

    /**
     * While a workbook is being read: what it yields, applied only once the whole workbook was read.
     * The items themselves (a Metric, an entity with its year, a LoadProblem, a SheetTally, a Param)
     * rather than closures over them: one object less per value read.
     */
    private List<Object> staged;
    /** How many of the staged items are entity rows: room for them is made at once in an empty map. */
    private int stagedEntities;

    private record EntityRow(Entity entity, int year) {}

    void input(InputFile f) { inputs.add(f); }

    /** The metrics each metric is a part of: a part above its whole is reported and set aside on {@link #build()}. */
    DatasetBuilder partOf(Map<String, List<String>> wholesOf) {
        this.partOf = wholesOf;
        return this;
    }

    DatasetBuilder validity(ValidityRanges ranges) {
        this.validity = ranges;
        this.ranges.clear();
        return this;
    }

    /**
     * Starts reading one workbook: until {@link #commit()} nothing it yields reaches the dataset, so a
     * workbook that breaks part way ({@link #rollback()}) contributes nothing rather than its first sheets.
     */
    void begin() {
        staged = new ArrayList<>();
        stagedEntities = 0;
    }

    void commit() {
        List<Object> s = staged;
        staged = null;
        if (s == null) return;
        // the first workbook (often the only one) sizes the map of entities, which then need not grow row by row
        if (entities.isEmpty()) entities = new LinkedHashMap<>(Math.max(16, stagedEntities * 4 / 3 + 1));
        metrics.ensureCapacity(metrics.size() + s.size() - stagedEntities); // at most that many values
        for (int i = 0; i < s.size(); i++) {
            Object o = s.get(i);
            s.set(i, null); // released as applied: a large workbook is not held twice
            if (o instanceof Metric m) add(m);
            else if (o instanceof EntityRow r) entity(r.entity(), r.year());
            else if (o instanceof LoadProblem p) problems.add(p);
            else if (o instanceof SheetTally t) sheets.add(t);
            else if (o instanceof Param p) param(p);
            else throw new IllegalStateException("staged " + o);
        }
    }

    void rollback() { staged = null; }

    void sheet(SheetTally t) {
        if (staged != null) { staged.add(t); return; }
        sheets.add(t);
    }

    void problem(Severity s, String file, String sheet, String cell, String message) {
        LoadProblem p = new LoadProblem(s, file, sheet, cell, message);
        if (staged != null) { staged.add(p); return; }
        problems.add(p);
    }

    /** Adds or refreshes an entity; the name of the latest year seen wins, a change of level is a problem. */
    void entity(Entity e, int year) {
        if (staged != null) {
            staged.add(new EntityRow(e, year));
            stagedEntities++;
            return;
        }
        if (years.isEmpty() || year != lastYear) years.add(year);
        lastYear = year;
        e = e.withYear(year);
        if (!parts && e.getKind() == EntityKind.SCHOOL && e.getCode().contains(SchoolParts.MARK)) parts = true;
        if (!bands && e.getKind() == EntityKind.CLASS && e.getCode().contains(ClassBand.CODE_MARK)) bands = true;
        Held fresh = new Held(e, year);
        Held held = entities.putIfAbsent(e.getCode(), fresh); // one lookup for a new entity
        if (held == null) {
            last = fresh;
            if (!orphans.isEmpty()) adoptOrphan(fresh);
            return;
        }
        last = held;
        Entity old = held.entity;
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
        if (year >= held.year) {
            held.entity = merge(e, old).withYearsOf(e).withYearsOf(old);
            held.year = year;
        } else {
            held.entity = old.withYearsOf(e);
        }
    }

    /** Takes over the slots of metrics given for the entity's code before it was. */
    private void adoptOrphan(Held fresh) {
        Held orphan = orphans.remove(fresh.entity.getCode());
        if (orphan == null) return;
        fresh.first = orphan.first;
        fresh.more = orphan.more;
        fresh.n = orphan.n;
    }

    private static Entity merge(Entity newer, Entity older) {
        return new Entity(newer.getCode(),
                newer.getName() != null ? newer.getName() : older.getName(), newer.getKind(),
                newer.getParentCode() != null ? newer.getParentCode() : older.getParentCode(),
                newer.getStage() != null ? newer.getStage() : older.getStage(), newer.getOrigin());
    }

    void metric(Metric m) {
        // Checked once, as the value is read: out of its range, a value is kept with a warning, converted from a
        // fraction with a note, or rejected, as validity.csv says for its metric.
        ValidityRanges.Judgement j = validity.judge(m, rangeOf(m));
        if (j != null) {
            Origin o = m.getOrigin();
            problem(j.use() == null ? Severity.ERROR : Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), j.message());
            if (j.use() == null) return;
            m = j.use();
        }
        if (staged != null) { staged.add(m); return; }
        add(m);
    }

    /** A metric's validity range, looked up once per metric name (and unit) rather than once per value. */
    private Optional<ValidityRanges.Range> rangeOf(Metric m) {
        KnownRange known = ranges.get(m.getKey());
        if (known == null || !Objects.equals(known.unit(), m.getUnit())) {
            known = new KnownRange(m.getUnit(), validity.rangeOf(m.getKey(), m.getUnit()));
            ranges.put(m.getKey(), known);
        }
        return known.range();
    }

    private void add(Metric m) {
        if (!conflicted.isEmpty() && conflicted.contains(new Key(m.getEntityCode(), m.getYear(), m.getKey()))) {
            conflict(m, null);
            return;
        }
        Held held = last != null && last.entity.getCode().equals(m.getEntityCode()) ? last : entities.get(m.getEntityCode());
        if (held == null) held = orphans.computeIfAbsent(m.getEntityCode(), c -> new Held(null, 0));
        int at = held.find(metrics, m.getYear(), m.getKey());
        if (at < 0) {
            held.add(m.getYear(), metrics.size());
            metrics.add(m);
            return;
        }
        Metric old = metrics.get(at);
        if (old.sameValueAs(m)) return;
        metrics.set(at, null);
        held.remove(at);
        conflicted.add(new Key(m.getEntityCode(), m.getYear(), m.getKey()));
        conflict(m, old);
    }

    // ---- for SchoolParts and ClassSizeSources, before the dataset is built ---------------------------

    /** The entities read, by code, in the order first read. */
    Map<String, Held> held() { return entities; }

    /** The value an entity holds for a metric and year, or null. */
    Metric metric(Held h, int year, String key) {
        int at = h.find(metrics, year, key);
        return at < 0 ? null : metrics.get(at);
    }

    /** How many slots {@link #metricAt} has (a slot set aside holds null). */
    int slotCount() { return metrics.size(); }

    Metric metricAt(int slot) { return metrics.get(slot); }

    /** Sets aside the value an entity holds for a metric and year, if any. */
    void dropMetric(Held h, int year, String key) {
        int at = h.find(metrics, year, key);
        if (at >= 0) dropMetric(h, at);
    }

    /** Takes a value out: it is not used (set aside, or moved). */
    void dropMetric(Held h, int slot) {
        metrics.set(slot, null);
        h.remove(slot);
    }

    /** Moves every value of {@code from} to the entity {@code to}, as if read for it (a conflict is one). */
    void moveMetrics(Held from, String to) {
        for (int slot : from.slots()) {
            Metric m = metrics.get(slot);
            dropMetric(from, slot);
            if (m != null) add(new Metric(to, m.getYear(), m.getKey(), m.getValue(), m.getText(), m.getUnit(), m.getOrigin()));
        }
    }

    private void conflict(Metric m, Metric old) {
        LoadProblem p = LoadProblem.conflict(old, m);
        problem(p.severity(), p.file(), p.sheet(), p.cell(), p.message());
    }

    void param(Param p) {
        if (staged != null) { staged.add(p); return; }
        Param old = params.put(p.getName(), p);
        if (old != null) {
            Origin o = p.getOrigin();
            problem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), "参数“" + p.getName() + "”重复（先前在 "
                    + old.getOrigin() + "）：采用此处的值");
        }
    }

    /** The dataset; the builder is spent after this (its map of entities has become the dataset's). */
    Dataset build() {
        if (parts) SchoolParts.place(this);
        if (bands) ClassSizeSources.reconcile(this, years);
        if (!partOf.isEmpty()) PartOfCheck.apply(this, partOf);
        for (List<String> cycle : ParentCycles.find(entities)) {
            Origin o = entities.get(cycle.get(0)).entity.getOrigin();
            StringBuilder chain = new StringBuilder();
            for (String c : cycle) chain.append(c).append("（").append(entities.get(c).entity.getOrigin()).append("）→ ");
            problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), "上级代码形成循环：" + chain + cycle.get(0)
                    + "：这些单位的上下级关系无法确定，请核实“上级代码”");
        }
        Map<String, Entity> all = toEntities(entities);
        entities = new LinkedHashMap<>(); // the dataset has the map now
        last = null;
        orphans.clear();
        List<Metric> values = new ArrayList<>(metrics.size());
        for (Metric m : metrics) if (m != null) values.add(m);
        metrics.clear();
        values = Collections.unmodifiableList(values);
        return new Dataset(all, values, List.copyOf(params.values()), List.copyOf(inputs),
                List.copyOf(sheets), List.copyOf(problems), new TreeSet<>(years));
    }

    /**
     * The held entities' map with each value replaced, in place, by its entity, and typed as what it
     * then holds: the same order without building (and hashing every code into) a second map. On
     * the way, a warning for each entity whose parent is not among them (found by ParentCycles).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Entity> toEntities(Map<String, Held> held) {
        for (Map.Entry<String, Held> entry : held.entrySet()) {
            Held h = entry.getValue();
            Entity e = h.entity;
            if (e.getKind() != EntityKind.PROVINCE && e.getParentCode() != null && !e.getParentCode().isEmpty()
                    && !h.parentFound) {
                LoadProblem p = LoadProblem.orphan(e);
                problem(p.severity(), p.file(), p.sheet(), p.cell(), p.message());
            }
            ((Map.Entry) entry).setValue(e);
        }
        return (Map) held;
    }
}
