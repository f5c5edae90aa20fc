package org.dudao.report;

import org.dudao.engine.Bound;
import org.dudao.engine.Op;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An indicator's standard in words, as a supervision report states it: {@code >= {FUND-03提高额|150} 元}
 * of a change-by rule becomes 比上年增加不少于 150 元, {@code 小学 <= 0.50；初中 <= 0.45} becomes
 * 小学不高于 0.50，初中不高于 0.45 (or one part, for a school or a 学段's verdict). A parameter is
 * replaced by the value the run used ({@link Parameters}); where it came from is said once, in the
 * parameters annex, never beside each standard. Numbers keep the precision they are written with.
 */
final class Standards {
    private final Parameters params;
    private final Map<String, Entity> entities;
    private final Map<String, Bound> bounds = new HashMap<>();

    Standards(Report report, Parameters params) {
        this.params = params;
        this.entities = report.data().entities();
    }

    /** A catalogue bound as the engine reads it, without the thresholds table's note; null when it does not parse. */
    static Bound parse(String bound) {
        if (bound == null) return null;
        try {
            return Bound.parse(bound.replaceAll("（界值表[^）]*）$", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Bound bound(Indicator i) {
        return bounds.computeIfAbsent(i.id(), k -> parse(i.bound()));
    }

    /** The whole standard of an indicator. */
    String of(Indicator i) {
        Bound b = bound(i);
        if (b == null) return Shown.text(i.bound());
        if (!b.isCompound()) return words(b, i.pattern());
        List<String> parts = new ArrayList<>();
        for (Bound.Part p : b.parts()) parts.add(p.label() + words(p.bound(), i.pattern()));
        return String.join("，", parts);
    }

    /** The standard a verdict's entity (or part: a 学段) is held to; the whole standard when its part cannot be told. */
    String of(Indicator i, Verdict v) {
        Bound b = bound(i);
        if (b == null || !b.isCompound()) return of(i);
        Bound part = v.getPart() != null ? b.part(v.getPart()) : null;
        if (part == null) {
            Entity e = entities.get(v.getEntityCode());
            if (e != null) part = b.forLabel(e.getKind().isRegion() ? e.getLevel() : e.getStage());
        }
        return part == null ? of(i) : words(part, i.pattern());
    }

    /** The number a simple bound compares with, after its parameter; null for a bound against last year or another metric. */
    BigDecimal number(Bound b) {
        return b.param() != null ? params.value(b.param()) : b.number();
    }

    private String words(Bound b, String pattern) {
        String op = switch (b.op()) {
            case GE -> "不低于";
            case LE -> "不高于";
            case GT -> "高于";
            case LT -> "低于";
            case EQ -> "为";
        };
        if (b.previousYear()) return b.op() == Op.EQ ? "与上年持平" : op + "上年";
        if (b.timeProgress()) return op + "时间进度";
        if (b.metric() != null) return op + b.metric();
        if (b.isYesNo() && b.param() == null) return "为“" + (b.number().signum() != 0 ? "是" : "否") + "”";
        BigDecimal n = number(b);
        if (n == null) return op + "（标准值未设置）";
        String shown = number(n, b.unit());
        if ("change-by".equals(pattern)) {
            if ("%".equals(b.unit()) && (b.op() == Op.LE || b.op() == Op.LT)) {
                return (b.op() == Op.LE ? "不超过" : "低于") + "上年的 " + shown;
            }
            return switch (b.op()) {
                case GE -> "比上年增加不少于 " + shown;
                case GT -> "比上年增加多于 " + shown;
                default -> "比上年变化" + op + " " + shown;
            };
        }
        if ("zero".equals(pattern) && b.op() == Op.EQ && n.signum() == 0) return "清零（为 0）";
        return op + " " + shown;
    }

    /** A number as written, with its unit: {@code 50%}, {@code 650 元}, {@code 0.50}. */
    static String number(BigDecimal n, String unit) {
        String s = n.toPlainString();
        if (unit == null || unit.isEmpty()) return s;
        return "%".equals(unit) ? s + "%" : s + " " + unit;
    }
}
