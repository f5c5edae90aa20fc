package org.dudao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as a report shows them: no trailing zeros, at most four decimals, never 1E+4. */
public final class Fmt {
    private Fmt() {}

    public static String num(BigDecimal n) {
        if (n == null) return "—";
        BigDecimal r = n.scale() > 4 ? n.setScale(4, RoundingMode.HALF_UP) : n;
        r = r.stripTrailingZeros();
        if (r.scale() < 0) r = r.setScale(0);
        return r.toPlainString();
    }

    /** A difference: between two percentages it is in 个百分点, not %. */
    public static String difference(BigDecimal n, String unit) {
        return "%".equals(unit) ? num(n) + " 个百分点" : num(n, unit);
    }

    /** A number with its unit: {@code 12345 万元}, {@code 50%}. */
    public static String num(BigDecimal n, String unit) {
        if (unit == null || unit.isEmpty()) return num(n);
        return "%".equals(unit) ? num(n) + "%" : num(n) + " " + unit;
    }
}
