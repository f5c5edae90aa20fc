package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded data indexed for the pattern helpers: a metric by entity, name and year, the children
 * of an entity, and the parameters. Read-only once built, so every session of a run can share it.
 */
public final class Facts {
    private final Map<String, Entity> entities;
    private final Map<String, Map<String, Metric>> metrics = new HashMap<>();
    private final Map<String, List<Entity>> children = new HashMap<>();
    private final Map<String, Param> params = new HashMap<>();

    public Facts(Dataset data) {
        this.entities = data.entities();
        for (Metric m : data.metrics()) {
            metrics.computeIfAbsent(m.getEntityCode(), k -> new HashMap<>()).put(key(m.getKey(), m.getYear()), m);
        }
        for (Entity e : data.allEntities()) {
            if (e.getParentCode() != null) children.computeIfAbsent(e.getParentCode(), k -> new ArrayList<>()).add(e);
        }
        for (Param p : data.params()) params.put(p.getName(), p);
    }

    private static String key(String metric, int year) { return year + "\u0000" + metric; }

    public Metric metric(String entity, String name, int year) {
        Map<String, Metric> m = metrics.get(entity);
        return m == null ? null : m.get(key(name, year));
    }

    /** Every metric of an entity, for inserting as facts. */
    public Iterable<Metric> metricsOf(String entity) {
        Map<String, Metric> m = metrics.get(entity);
        return m == null ? List.of() : m.values();
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

    public Param param(String name) { return params.get(name); }
}
