package org.dudao.engine;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The roll-ups of a region's rules over the schools and classes under it, when a workbook is read in
 * county parts, or the region is spread over workbooks ({@link StreamingEvaluator}, {@link SpreadRegions}):
 * each part or workbook files what it tallied over its own counties for the regions it shares with others,
 * and such a region is concluded at the end, over the regions' figures alone, from the sum of its parts'
 * tallies in the parts' order (the hierarchy's). A tally over regions (counties, 地区) is never filed: at
 * the end every region is at hand.
 */
final class Tallies {
    /** Makes every tally from the facts: a workbook read whole, or a region that one part holds whole. */
    static final Tallies NONE = new Tallies(false, Set.of(), Map.of());

    private final boolean merging;
    /** The regions whose tallies are filed (a part) or taken from the parts' (the end). */
    private final Set<String> regions;
    private final Map<Key, Filed> filed;

    private Tallies(boolean merging, Set<String> regions, Map<Key, Filed> filed) {
        this.merging = merging;
        this.regions = regions;
        this.filed = filed;
    }

    /** For one part's session: files the tallies made for {@code regions}, those it shares with other parts. */
    static Tallies filing(Set<String> regions) {
        return new Tallies(false, Set.copyOf(regions), Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /**
     * The tallies a run's parts file, added up in the parts' order as they finish (a part done early waits
     * for those before it), so that the run holds one sum, capped ({@link Capped}), not every part's.
     */
    static final class Sum {
        private final Map<Key, Filed> sum = new LinkedHashMap<>();
        private final Map<Integer, Tallies> waiting = new HashMap<>();
        private int next;

        /** The tallies of the part numbered {@code index} (0, 1, 2 … each once; {@link #NONE} for a part that filed none). */
        synchronized void add(int index, Tallies part) {
            waiting.put(index, part);
            for (Tallies t; (t = waiting.remove(next)) != null; next++) {
                synchronized (t.filed) {
                    t.filed.forEach((k, f) -> sum.merge(k, f, Filed::plus));
                }
            }
        }

        /** For the end: the sum's tallies of {@code regions}, for concluding them. */
        synchronized Tallies merging(Set<String> regions) {
            Map<Key, Filed> of = new HashMap<>();
            sum.forEach((k, f) -> {
                if (regions.contains(k.region())) of.put(k, f);
            });
            return new Tallies(true, Set.copyOf(regions), of);
        }
    }

    /** These tallies and {@code other}'s, both for concluding at the end, each of its own regions. */
    Tallies and(Tallies other) {
        if (this == NONE) return other;
        if (other == NONE) return this;
        Set<String> both = new HashSet<>(regions);
        both.addAll(other.regions);
        Map<Key, Filed> all = new HashMap<>(filed);
        all.putAll(other.filed);
        return new Tallies(true, Set.copyOf(both), all);
    }

    /**
     * The tally one call of a rule makes over the region's children at {@code level}: made from the facts,
     * filed as well in a part, or the parts' sum at the end. The parameters and thresholds cell the making
     * resolved go with a filed tally, so that a verdict concluded from the sum names them. {@code what} (the call's
     * arguments in words, the key's last part) is said only for a shared region: most calls are a county's or a school's.
     */
    <T extends Tally<T>> T of(Call c, String level, Supplier<String> what, T none, Supplier<T> make) {
        if (!applies(c.entity(), level)) return make.get();
        Key key = new Key(c.meta(), c.entity().getCode(), c.year(), what.get());
        if (merging) {
            Filed f = filed.get(key);
            if (f == null) return none; // no part reached this call: none of its schools or classes count
            c.resolved(f.parameters(), f.boundOrigin());
            return cast(f.tally());
        }
        List<String> before = c.parameters();
        String origin = c.boundOrigin();
        T t = make.get();
        List<String> added = new ArrayList<>(c.parameters());
        added.removeAll(before);
        filed.putIfAbsent(key, new Filed(t, List.copyOf(added), origin == null ? c.boundOrigin() : null));
        return t;
    }

    /** As {@link #of(Call, String, Supplier, Tally, Supplier)} for a tally that depends on no rule (a count of classes). */
    <T extends Tally<T>> T of(Entity region, int year, String level, Supplier<String> what, T none, Supplier<T> make) {
        if (!applies(region, level)) return make.get();
        Key key = new Key(null, region.getCode(), year, what.get());
        if (merging) {
            Filed f = filed.get(key);
            return f == null ? none : cast(f.tally());
        }
        T t = make.get();
        filed.putIfAbsent(key, new Filed(t, List.of(), null));
        return t;
    }

    /**
     * True when {@code root}'s descendants at {@code level} are not at hand and must not be read: a region
     * concluded at the end from its parts' tallies, whose schools and classes stayed in the parts.
     */
    boolean refuses(Entity root, String level) {
        return merging && applies(root, level);
    }

    private boolean applies(Entity region, String level) {
        return below(level) && region.getKind().isAboveCounty() && regions.contains(region.getCode());
    }

    /** A level below the county: what a county part holds and the end does not. */
    private static boolean below(String level) {
        return EntityKind.SCHOOL.label().equals(level) || EntityKind.CLASS.label().equals(level);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) { return (T) o; }

    /** One call's tally: the rule (null: one that depends on none), the region, the year and the call's arguments in words. */
    private record Key(RuleMeta rule, String region, int year, String what) {}

    /** A tally, and the parameters and thresholds cell its making resolved. */
    private record Filed(Tally<?> tally, List<String> parameters, String boundOrigin) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Filed plus(Filed o) {
            Set<String> params = new LinkedHashSet<>(parameters);
            params.addAll(o.parameters);
            return new Filed((Tally<?>) ((Tally) tally).plus(o.tally), List.copyOf(params), boundOrigin != null ? boundOrigin : o.boundOrigin);
        }
    }
}
