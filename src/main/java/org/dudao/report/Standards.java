package org.dudao.report;

import org.dudao.engine.Bound;
import org.dudao.engine.Fmt;
import org.dudao.engine.StandardWords;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An indicator's standard in words, as a supervision report states it, in the engine's words
 * ({@link StandardWords}, the one implementation the verdicts use too): a verdict's own bound is already the
 * standard it was held to, with the value used; an indicator without a verdict at hand is said from the
 * catalogue, a parameter replaced by the value the run used ({@link Parameters}).
 */
final class Standards {
    /** A name that states its standard as a ratio, 1:15: the bound is the second number of it. */
    private static final Pattern PER_PERSON = Pattern.compile(".*\\d+\\s*[:：]\\s*\\d+.*");

    private final Parameters params;
    private final Map<String, Entity> entities;
    private final Map<String, Bound> bounds = new HashMap<>();

    Standards(Report report, Parameters params) {
        this.params = params;
        this.entities = report.data().entities();
    }

    /** A catalogue bound as the engine reads it, without the thresholds table's note; null when it does not parse. */
    static Bound parse(String bound) {
        return StandardWords.parse(bound);
    }

    private Bound bound(Indicator i) {
        return bounds.computeIfAbsent(i.id(), k -> parse(i.bound()));
    }

    /** The whole standard of an indicator. */
    String of(Indicator i) {
        Bound b = bound(i);
        if (b == null) return Shown.text(i.bound());
        return StandardWords.yesNo(b, i.pattern(), i.name(), StandardWords.of(b, i.pattern(), params::value, unit(i, b)));
    }

    /** The standard a verdict's entity (or part: a 学段) was held to: the verdict's own words, else the catalogue's. */
    String of(Indicator i, Verdict v) {
        if (v.getBound() != null && !v.getBound().isBlank()) return Shown.text(v.getBound());
        Bound b = bound(i);
        if (b == null || !b.isCompound()) return of(i);
        Bound part = v.getPart() != null ? b.part(v.getPart()) : null;
        if (part == null) {
            Entity e = entities.get(v.getEntityCode());
            if (e != null) part = b.forLabel(e.getKind().isRegion() ? e.getLevel() : e.getStage());
        }
        return part == null ? of(i) : StandardWords.words(part, i.pattern(), number(part), unit(i, part));
    }

    /** The number a simple bound compares with, after its parameter; null for a bound against last year or another metric. */
    BigDecimal number(Bound b) {
        return b.param() != null ? params.value(b.param()) : b.number();
    }

    /** A unitless bound of an indicator whose name says 1:15 is a ratio of people to people. */
    private static String unit(Indicator i, Bound b) {
        return b.unit() == null && i.name() != null && PER_PERSON.matcher(i.name()).matches() ? Fmt.PER_PERSON : null;
    }

    /** A number as written, with its unit: {@code 50%}, {@code 650 元}, {@code 0.50}. */
    static String number(BigDecimal n, String unit) {
        return StandardWords.number(n, unit);
    }
}
