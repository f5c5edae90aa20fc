package org.dudao.engine;

import org.dudao.model.Entity;
import org.kie.api.definition.rule.Rule;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the rules of one session would otherwise compute again for every rule that asks: the classes
 * under an entity as the class-size indicators see them (CLASS-01 … 04 and GUAR-04 each ask for the
 * same ones; a region's are joined from its children's), whether the entities below one nest level by
 * level, the children a roll-up selects, a bound resolved for the session's parameters, a rule's
 * metadata. One per session, dropped with it: the heap it holds is bounded by the partition, and a
 * session fires on one thread, so nothing here is shared between threads. Keys hold the entity and
 * bound objects by identity, so two entities or two years never share an entry.
 */
final class SessionMemo {
    private final Map<Selection, List<ClassSizes.Item>> classes = new HashMap<>();
    private final Map<Selection, List<Entity>> children = new HashMap<>();
    private final Map<LimitKey, Limit> limits = new HashMap<>();
    private final Map<Rule, RuleMeta> metas = new IdentityHashMap<>();
    private final Map<Entity, Boolean> nested = new IdentityHashMap<>();
    private final boolean keep;
    private final Tallies tallies;

    /** The memo of facts that are not a session's: it keeps nothing, so threads may share it. */
    static final SessionMemo NONE = new SessionMemo(false, Tallies.NONE);

    SessionMemo() { this(true, Tallies.NONE); }

    /** A session's memo whose roll-ups over schools and classes go through {@code tallies}. */
    SessionMemo(Tallies tallies) { this(true, tallies); }

    private SessionMemo(boolean keep, Tallies tallies) {
        this.keep = keep;
        this.tallies = tallies;
    }

    /** Where this session's roll-ups over schools and classes are filed or found ({@link Tallies#NONE}: made from the facts). */
    Tallies tallies() { return tallies; }

    /** The classes (and size bands) under {@code parent} a selection picks, sized by {@code metric}, in {@code year}: computed once. */
    List<ClassSizes.Item> classes(Entity parent, Children kids, String metric, int year, Supplier<List<ClassSizes.Item>> compute) {
        return remember(classes, new Selection(parent, kids, metric, year), compute);
    }

    /** The children of {@code parent} a selection picks in {@code year} ({@link Children#of}): computed once. */
    List<Entity> children(Entity parent, Children kids, int year, Supplier<List<Entity>> compute) {
        return remember(children, new Selection(parent, kids, null, year), compute);
    }

    /**
     * A bound resolved for this session ({@link BoundResolver#limit}); {@code compute}'s answer is kept
     * only when {@code keep} says it does not depend on the entity it was resolved for.
     */
    Limit limit(Bound bound, String pattern, String unit, Supplier<Limit> compute, Predicate<Limit> keep) {
        LimitKey key = new LimitKey(bound, pattern, unit);
        Limit l = limits.get(key);
        if (l != null) return l;
        l = compute.get();
        if (this.keep && keep.test(l)) limits.put(key, l);
        return l;
    }

    /** Whether the entities below {@code e} nest level by level ({@link ClassSizes#nested}): found once per entity. */
    boolean nested(Entity e, BooleanSupplier compute) {
        Boolean b = nested.get(e);
        if (b == null) {
            b = compute.getAsBoolean();
            if (keep) nested.put(e, b);
        }
        return b;
    }

    /** A rule's metadata, found once per rule by its full name. */
    RuleMeta meta(Rule rule, Function<Rule, RuleMeta> find) {
        RuleMeta m = metas.get(rule);
        if (m == null) {
            m = find.apply(rule);
            if (m != null && keep) metas.put(rule, m);
        }
        return m;
    }

    private <V> List<V> remember(Map<Selection, List<V>> map, Selection key, Supplier<List<V>> compute) {
        List<V> v = map.get(key);
        if (v == null) {
            v = List.copyOf(compute.get()); // shared by every rule that asks: nobody may change it
            if (keep) map.put(key, v);
        }
        return v;
    }

    /** An entity (by identity), a selection of its descendants, a metric and a year. */
    private record Selection(Entity parent, Children kids, String metric, int year) {
        @Override public boolean equals(Object o) {
            return o instanceof Selection s && s.parent == parent && s.year == year && s.kids.equals(kids) && Objects.equals(s.metric, metric);
        }

        @Override public int hashCode() {
            return (System.identityHashCode(parent) * 31 + year) * 31 + kids.hashCode() * 17 + Objects.hashCode(metric);
        }
    }

    /** A bound (by identity: each rule's are parsed once), the rule's pattern and the unit said where the bound names none. */
    private record LimitKey(Bound bound, String pattern, String unit) {
        @Override public boolean equals(Object o) {
            return o instanceof LimitKey k && k.bound == bound && Objects.equals(k.pattern, pattern) && Objects.equals(k.unit, unit);
        }

        @Override public int hashCode() {
            return (System.identityHashCode(bound) * 31 + Objects.hashCode(pattern)) * 31 + Objects.hashCode(unit);
        }
    }
}
