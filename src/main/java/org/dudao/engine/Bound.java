package org.dudao.engine;

import org.dudao.load.Text;
import org.dudao.util.TextMemo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound as an analyst writes it in a rule's {@code @bound}: {@code >= 50%}, {@code = 0},
 * {@code = 是}, {@code >= 650 元}, {@code >= 公务员平均工资收入} (another metric of the same entity),
 * {@code >= 上年} (last year's value), {@code >= 时间进度} (the share of the year elapsed), a parameter
 * with its default {@code >= {KG-04目标数|200}} (resolved when the rule is evaluated), or one bound
 * per 学段 / tier: {@code 小学 >= 4.2；初中 >= 5.3}.
 */
public record Bound(Op op, BigDecimal number, String unit, String metric, boolean previousYear, String text,
                    String param, boolean timeProgress, List<Part> parts, String origin) {
    private static final Pattern NUMBER = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)(.*)");
    private static final Pattern PARAM = Pattern.compile("\\{([^|}]+)(?:\\|([^}]*))?}(.*)");

    /** One labelled part of a compound bound: {@code 初中 >= 5.3}. */
    public record Part(String label, Bound bound) {}

    /** Bounds already parsed, by their text: rules parse a condition ({@code ">= 56"}) in every call; a Bound never changes. */
    private static final TextMemo<Bound> PARSED = new TextMemo<>(4096);

    /** Parses a bound; a malformed one is an {@link IllegalArgumentException} with a message in Chinese (every time: it is never kept). */
    public static Bound parse(String raw) {
        return raw == null ? read(null) : PARSED.get(raw, Bound::read);
    }

    private static Bound read(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("缺少界值（@bound）");
        String s = Text.normalize(raw);
        if (s.contains("；") || s.contains(";")) return compound(raw, s);
        Op op = Op.prefix(s);
        if (op == null) throw new IllegalArgumentException("界值“" + raw + "”应以 >=、<=、=、>、< 开头");
        String rest = s.substring(Op.prefixLength(s)).strip();
        if (rest.isEmpty()) throw new IllegalArgumentException("界值“" + raw + "”缺少比较对象");
        String text = op.symbol() + " " + rest;
        if (rest.equals("上年") || rest.equals("上一年") || rest.equals("上年度")) return simple(op, null, null, null, true, text);
        if (rest.equals("时间进度")) return new Bound(op, null, "%", null, false, text, null, true, List.of(), null);
        if (rest.equals("是")) return simple(op, BigDecimal.ONE, null, null, false, text);
        if (rest.equals("否")) return simple(op, BigDecimal.ZERO, null, null, false, text);
        Matcher p = PARAM.matcher(rest);
        if (p.matches()) {
            String name = p.group(1).strip();
            String def = p.group(2) == null ? "" : p.group(2).strip();
            String unit = p.group(3).strip().isEmpty() ? null : p.group(3).strip();
            BigDecimal d = null;
            if (!def.isEmpty()) {
                Matcher dm = NUMBER.matcher(def);
                if (!dm.matches()) throw new IllegalArgumentException("界值“" + raw + "”中参数“" + name + "”的默认值“" + def + "”不是数值");
                d = new BigDecimal(dm.group(1));
                if (unit == null && !dm.group(2).isBlank()) unit = dm.group(2).strip();
            }
            return new Bound(op, d, unit, null, false, text, name, false, List.of(), null);
        }
        Matcher m = NUMBER.matcher(rest);
        if (m.matches()) {
            String unit = m.group(2).isBlank() ? null : m.group(2).strip();
            return simple(op, new BigDecimal(m.group(1)), unit, null, false,
                    op.symbol() + " " + m.group(1) + (unit == null ? "" : unit.equals("%") ? "%" : " " + unit));
        }
        return simple(op, null, null, rest, false, text);
    }

    private static Bound simple(Op op, BigDecimal n, String unit, String metric, boolean prev, String text) {
        return new Bound(op, n, unit, metric, prev, text, null, false, List.of(), null);
    }

    private static Bound compound(String raw, String s) {
        List<Part> parts = new ArrayList<>();
        for (String piece : s.split("[；;]")) {
            String t = piece.strip();
            if (t.isEmpty()) continue;
            int at = -1;
            for (int i = 0; i < t.length() && at < 0; i++) if (Op.prefix(t.substring(i)) != null) at = i;
            if (at <= 0) throw new IllegalArgumentException("界值“" + raw + "”的分项“" + t + "”应写成“学段或类别 >= 数值”，如“小学 >= 4.2”");
            String label = t.substring(0, at).strip();
            Bound b = parse(t.substring(at));
            parts.add(new Part(label, b));
        }
        if (parts.isEmpty()) throw new IllegalArgumentException("界值“" + raw + "”没有分项");
        return compoundOf(parts);
    }

    private static Bound compoundOf(List<Part> parts) {
        List<String> texts = new ArrayList<>();
        for (Part p : parts) texts.add(p.label() + " " + p.bound().text());
        Bound first = parts.get(0).bound();
        return new Bound(first.op(), null, first.unit(), null, false, String.join("；", texts), null, false, List.copyOf(parts), null);
    }

    /** This bound, noted as set in the thresholds table at {@code origin} ({@code thresholds.xlsx!界值!C3}: the file's name, its sheet and cell). */
    public Bound withOrigin(String origin) {
        return new Bound(op, number, unit, metric, previousYear, text, param, timeProgress, parts, origin);
    }

    /** This compound bound with the part labelled {@code label} replaced. */
    public Bound withPart(String label, Bound replacement) {
        List<Part> ps = new ArrayList<>();
        for (Part p : parts) ps.add(p.label().equals(label) ? new Part(label, replacement) : p);
        return compoundOf(ps);
    }

    /** The part labelled exactly {@code label}, or null. */
    public Bound part(String label) {
        for (Part p : parts) if (p.label().equals(label)) return p.bound();
        return null;
    }

    public boolean isNumber() { return number != null && param == null; }

    public boolean isCompound() { return !parts.isEmpty(); }

    public boolean isYesNo() { return text.endsWith("是") || text.endsWith("否"); }

    /**
     * The part of a compound bound for a 学段 or tier: the first whose label the stage contains
     * ({@code 初中} for 初级中学 too), else a part labelled 其他; null when none fits. A simple
     * bound is its own part for every stage.
     */
    public Bound forLabel(String stage) {
        if (!isCompound()) return this;
        String st = stage == null ? "" : stage;
        for (Part p : parts) if (!st.isEmpty() && (st.contains(p.label()) || (p.label().equals("初中") && st.contains("初级中学")))) return p.bound();
        for (Part p : parts) if (p.label().equals("其他")) return p.bound();
        return null;
    }

    /** The labels of a compound bound, in order (小学, 初中). */
    public List<String> labels() {
        List<String> l = new ArrayList<>();
        for (Part p : parts) l.add(p.label());
        return l;
    }
}
