package org.dudao.engine;

import org.dudao.load.Text;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound as an analyst writes it in a rule's {@code @bound}: {@code >= 50%}, {@code = 0},
 * {@code = 是}, {@code >= 650 元}, {@code >= 公务员平均工资收入} (another metric of the same entity),
 * {@code >= 上年} (last year's value).
 */
public record Bound(Op op, BigDecimal number, String unit, String metric, boolean previousYear, String text) {
    private static final Pattern NUMBER = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)(.*)");

    /** Parses a bound; a malformed one is an {@link IllegalArgumentException} with a message in Chinese. */
    public static Bound parse(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("缺少界值（@bound）");
        String s = Text.normalize(raw);
        Op op = Op.prefix(s);
        if (op == null) throw new IllegalArgumentException("界值“" + raw + "”应以 >=、<=、=、>、< 开头");
        String rest = s.substring(Op.prefixLength(s));
        if (rest.isEmpty()) throw new IllegalArgumentException("界值“" + raw + "”缺少比较对象");
        String text = op.symbol() + " " + rest;
        if (rest.equals("上年") || rest.equals("上一年") || rest.equals("上年度")) return new Bound(op, null, null, null, true, text);
        if (rest.equals("是")) return new Bound(op, BigDecimal.ONE, null, null, false, text);
        if (rest.equals("否")) return new Bound(op, BigDecimal.ZERO, null, null, false, text);
        Matcher m = NUMBER.matcher(rest);
        if (m.matches()) {
            String unit = m.group(2).isEmpty() ? null : m.group(2);
            return new Bound(op, new BigDecimal(m.group(1)), unit, null, false, op.symbol() + " " + m.group(1) + (unit == null ? "" : unit.equals("%") ? "%" : " " + unit));
        }
        return new Bound(op, null, null, rest, false, text);
    }

    public boolean isNumber() { return number != null; }

    public boolean isYesNo() { return text.endsWith("是") || text.endsWith("否"); }
}
