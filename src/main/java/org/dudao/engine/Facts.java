package org.dudao.engine;

import org.dudao.load.MetricDictionary;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded data indexed for the pattern helpers: a metric by entity, name and year, the children
 * of an entity, and the parameters. Read-only once built, so every session of a run can share it;
 * each session reads it through a view of its own ({@link #forSession()}) that adds the session's memo.
 */
public final class Facts {
    private final Map<String, Entity> entities;
    /**
     * Each entity's metrics, in the order given: a class has one, a school a few dozen over its years,
     * so a scan (names compared by identity first: they come from the dictionary) beats a map per
     * entity, which cost about 180 bytes for a class's one value.
     */
    private final Map<String, Metric[]> metrics;
    private final Map<String, List<Entity>> children;
    /** Each metric's unit as the data gives it (a value is in its dictionary unit once loaded): said of a value not reported too. */
    private final Map<String, String> units;
    /** The metric dictionary, whose unit is said of a metric no value of which was read. */
    private final MetricDictionary dictionary;
    private final Map<String, Param> params;
    private final List<Param> paramList;
    private final SessionMemo memo;

    public Facts(Dataset data) {
        this(data.entities(), data.metrics(), data.params());
    }

    /**
     * The facts of one partition, for a caller that holds them itself (a Spark executor, a batch
     * that streams workbooks): the partition's entities by code (with, for roll-ups, the regions
     * they belong to), their metrics, and the parameters that apply. Nothing is copied: the map is
     * kept as given and must not change while sessions read it.
     */
    public Facts(Map<String, Entity> entities, Collection<Metric> metrics, List<Param> params) {
        this.entities = entities;
        this.metrics = new HashMap<>();
        this.children = new HashMap<>();
        this.units = new HashMap<>();
        this.params = new HashMap<>();
        for (Metric m : metrics) {
            this.metrics.merge(m.getEntityCode(), new Metric[]{m}, Facts::with);
            if (m.getUnit() != null) units.putIfAbsent(m.getKey(), m.getUnit());
        }
        for (Entity e : entities.values()) {
            if (e.getParentCode() != null) children.computeIfAbsent(e.getParentCode(), k -> new ArrayList<>()).add(e);
        }
        for (Param p : params) this.params.put(p.getName(), p);
        this.paramList = List.copyOf(params);
        this.dictionary = MetricDictionary.empty();
        this.memo = SessionMemo.NONE;
    }

    /** The same indexes (shared, not copied) with a new memo and the dictionary's units: for one session, dropped with it. */
    private Facts(Facts shared, SessionMemo memo, MetricDictionary dictionary) {
        this.entities = shared.entities;
        this.metrics = shared.metrics;
        this.children = shared.children;
        this.units = shared.units;
        this.params = shared.params;
        this.paramList = shared.paramList;
        this.dictionary = dictionary;
        this.memo = memo;
    }

    /** These facts (shared, not copied) with the metric dictionary, whose units are said of the metrics no value of which was read. */
    Facts declaring(MetricDictionary dictionary) { return new Facts(this, memo, dictionary); }

    /** The unit the data gives {@code metric} (万元, 人, %), else the one the dictionary declares; null when neither does. */
    String unitOf(String metric) {
        String unit = units.get(metric);
        return unit != null ? unit : dictionary.get(metric).map(MetricDictionary.Def::unit).filter(u -> !u.isEmpty()).orElse(null);
    }

    /** These facts as one session reads them: with a memo of the session's own, so that two sessions on two threads share nothing they write. */
    public Facts forSession() { return new Facts(this, new SessionMemo(), dictionary); }

    /** As {@link #forSession()}, the session's roll-ups over schools and classes going through {@code tallies}. */
    Facts forSession(Tallies tallies) { return new Facts(this, new SessionMemo(tallies), dictionary); }

    /** What this session has already computed; facts not made {@link #forSession() for a session} remember nothing. */
    SessionMemo memo() { return memo; }

    /** {@code held} with {@code one[0]} added, or put in place of the value held for its name and year (the later wins). */
    private static Metric[] with(Metric[] held, Metric[] one) {
        Metric m = one[0];
        int at = find(held, m.getKey(), m.getYear());
        Metric[] out = Arrays.copyOf(held, at < 0 ? held.length + 1 : held.length);
        out[at < 0 ? held.length : at] = m;
        return out;
    }

    private static int find(Metric[] held, String name, int year) {
        for (int i = 0; i < held.length; i++) {
            Metric m = held[i];
            if (m.getYear() == year && (m.getKey() == name || m.getKey().equals(name))) return i;
        }
        return -1;
    }

    public Metric metric(String entity, String name, int year) {
        Metric[] m = metrics.get(entity);
        if (m == null) return null;
        int at = find(m, name, year);
        return at < 0 ? null : m[at];
    }

    /** Every metric of an entity, for inserting as facts. */
    public Iterable<Metric> metricsOf(String entity) {
        Metric[] m = metrics.get(entity);
        return m == null ? List.of() : Arrays.asList(m);
    }

    public Entity entity(String code) { return entities.get(code); }

    /** True when the entity had a data row in the year, even one with blank cells. */
    public boolean hasYear(String code, int year) {
        Entity e = entities.get(code);
        return e != null && e.hasYear(year);
    }

    public List<Entity> children(String code) { return children.getOrDefault(code, List.of()); }

    /** Children and their children, down to entities of the given level. */
    public List<Entity> descendants(Entity root, String level) {
        if (memo.tallies().refuses(root, level)) {
            // a rule that reaches them other than through a tally: county parts must not have been chosen for it (CountyParts)
            throw new IllegalStateException("按县分块评估时，" + root.getName() + "（" + root.getCode() + "）的" + level
                    + "不在内存中：规则只能通过可累加的汇总读取它们");
        }
        List<Entity> found = new ArrayList<>();
        collect(root.getCode(), level, found, 0);
        return found;
    }

    private void collect(String code, String level, List<Entity> found, int depth) {
        if (depth > 8) return; // parent codes that form a cycle must not hang the run
        for (Entity c : children(code)) {
            if (c.getLevel().equals(level)) found.add(c);
            else collect(c.getCode(), level, found, depth + 1);
        }
    }

    /** The region itself and every region below it, parents before their children. */
    public List<Entity> regionsFrom(Entity root) {
        List<Entity> found = new ArrayList<>();
        found.add(root);
        for (int i = 0; i < found.size() && i < 100_000; i++) {
            for (Entity c : children(found.get(i).getCode())) if (c.getKind().isRegion() && c != root) found.add(c);
        }
        return found;
    }

    public Param param(String name) { return params.get(name); }

    /** Every parameter, in the order given: each session gets them as facts. */
    public List<Param> params() { return paramList; }

    /** Every entity, by code. */
    public Map<String, Entity> entities() { return entities; }
}
