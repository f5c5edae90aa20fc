package org.dudao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a report shows them, the way Chinese official bulletins write them (GB/T 15835): no thousands
 * separators, never 1E+4. {@link #num} shows a figure as written (at most four decimals); {@link #value}
 * shows a computed one at the precision its unit is published at: 元 to the fen (14666.67 元), a percentage
 * to two decimals, a count or a per-pupil figure to two decimals at most (a whole count stays whole),
 * 万元 and 亿元 as the source gives them; a ratio of people to people as 1:n.
 */
public final class Fmt {
    private Fmt() {}

    /** The unit of a ratio of people to people (在园幼儿数 / 专任教师数), said as 1:n. */
    public static final String PER_PERSON = "人/人";

    public static String num(BigDecimal n) {
        if (n == null) return "—";
        return plain(n.scale() > 4 ? n.setScale(4, RoundingMode.HALF_UP) : n);
    }

    /** A difference: between two percentages it is in 个百分点, not %. */
    public static String difference(BigDecimal n, String unit) {
        return "%".equals(unit) ? decimals(n, 2) + " 个百分点" : value(n, unit);
    }

    /** A number with its unit: {@code 12345 万元}, {@code 50%}. */
    public static String num(BigDecimal n, String unit) {
        return withUnit(num(n), unit);
    }

    /** A computed figure at the precision its unit is published at, with the unit: 14666.67 元, 66.67%, 3.32 人, 1:20. */
    public static String value(BigDecimal n, String unit) {
        if (n == null) return "—";
        if (PER_PERSON.equals(unit)) return "1:" + decimals(n, 2);
        return withUnit(shown(n, unit), unit);
    }

    /** The number alone as {@link #value} shows it. */
    static String shown(BigDecimal n, String unit) {
        if ("元".equals(unit)) {
            BigDecimal r = n.setScale(2, RoundingMode.HALF_UP);
            return r.stripTrailingZeros().scale() <= 0 ? plain(r) : r.toPlainString(); // 14666.70 元, 15000 元
        }
        if (unit == null || unit.isEmpty() || "万元".equals(unit) || "亿元".equals(unit)) return num(n);
        return decimals(n, 2);
    }

    /**
     * {@code n} as {@link #value} shows it, with more decimals (up to ten) where that would read as {@code other}
     * while it is not equal to it: 84.9975% is never shown as 85%.
     */
    public static String beside(BigDecimal n, BigDecimal other, String unit) {
        String shown = value(n, unit);
        if (other == null || n.compareTo(other) == 0 || !shown.equals(value(other, unit))) return shown;
        for (int d = 4; d <= 10; d++) {
            BigDecimal r = n.setScale(d, RoundingMode.DOWN);
            if (r.compareTo(other) != 0) {
                String s = plain(r);
                return PER_PERSON.equals(unit) ? "1:" + s : withUnit(s, unit);
            }
        }
        return withUnit(n.toPlainString(), unit);
    }

    /** A number to at most {@code d} decimals, without trailing zeros. */
    static String decimals(BigDecimal n, int d) {
        return plain(n.scale() > d ? n.setScale(d, RoundingMode.HALF_UP) : n);
    }

    static String withUnit(String n, String unit) {
        if (unit == null || unit.isEmpty()) return n;
        return "%".equals(unit) ? n + "%" : n + " " + unit;
    }

    private static String plain(BigDecimal n) {
        BigDecimal r = n.stripTrailingZeros();
        if (r.scale() < 0) r = r.setScale(0);
        return r.toPlainString();
    }
}
