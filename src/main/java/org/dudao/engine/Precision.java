package org.dudao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Two values of a comparison (this year and last year, or two growth rates) made comparable at
 * the precision they were published at (rules/README.md, “比较的精度”):
 * <ul>
 *   <li>two figures read from cells (or sums of them) compare exactly as written: 5000 and 4999.99 万元 is a decrease;</li>
 *   <li>a computed quotient (a per-pupil figure from totals, a share) beside a figure read from a cell is rounded to
 *       the decimals of that figure: 7000 万元 ÷ 3000 人 = 23333.333… 元 beside a bulletin's 23333.33 元 is 23333.33, a tie;</li>
 *   <li>two computed quotients are both rounded to two decimals, the precision a bulletin publishes them at
 *       (元 to the fen, a percentage to 0.01 个百分点).</li>
 * </ul>
 * A spreadsheet keeps no trailing zeros (23333.30 is stored as 23333.3, 14500.00 as 14500), so a 元 or % figure
 * counts as published to at least two decimals whether or not its cell shows any: 13333.3333 元 beside 14500 元
 * is 13333.33 元, never 13333 元.
 */
final class Precision {
    private Precision() {}

    /** The decimals a bulletin publishes a computed figure at. */
    static final int BULLETIN_DECIMALS = 2;

    /**
     * The two numbers as compared ({@code a}, {@code b}), the exact ones they stand for, and the decimals
     * a computed one was rounded to (-1: neither was rounded).
     */
    record Pair(BigDecimal a, BigDecimal b, BigDecimal exactA, BigDecimal exactB, int decimals) {
        boolean rounded() { return decimals >= 0 && (a.compareTo(exactA) != 0 || b.compareTo(exactB) != 0); }

        /**
         * “；按公布精度（保留两位小数）比较，2023年的计算值记为 23333.33 元”, or "" when rounding changed nothing;
         * {@code nameA} and {@code nameB} say which value is which (2024年, 2023年). The unrounded quotient is not
         * shown: no bulletin prints 23333.3333 元.
         */
        String said(String unit, String nameA, String nameB) {
            if (!rounded()) return "";
            List<String> each = new ArrayList<>();
            if (a.compareTo(exactA) != 0) each.add(nameA + "的计算值记为 " + Fmt.num(a, unit));
            if (b.compareTo(exactB) != 0) each.add(nameB + "的计算值记为 " + Fmt.num(b, unit));
            return "；按公布精度（" + decimalsText(decimals) + "）比较，" + String.join("，", each);
        }
    }

    static Pair of(Value a, Value b) {
        if (!a.quotient() && !b.quotient()) return new Pair(a.number(), b.number(), a.number(), b.number(), -1);
        int decimals = a.quotient() && b.quotient() ? BULLETIN_DECIMALS : published(a.quotient() ? b : a);
        BigDecimal ra = a.quotient() ? a.number().setScale(decimals, RoundingMode.HALF_UP) : a.number();
        BigDecimal rb = b.quotient() ? b.number().setScale(decimals, RoundingMode.HALF_UP) : b.number();
        return new Pair(ra, rb, a.number(), b.number(), decimals);
    }

    /** The decimals a figure read from a cell was published at. */
    static int published(Value v) {
        int d = Math.max(0, v.number().stripTrailingZeros().scale());
        if (d < BULLETIN_DECIMALS && ("元".equals(v.unit()) || "%".equals(v.unit()))) d = BULLETIN_DECIMALS;
        return d;
    }

    static String decimalsText(int d) {
        return switch (d) {
            case 0 -> "取整数";
            case 1 -> "保留一位小数";
            case 2 -> "保留两位小数";
            default -> "保留 " + d + " 位小数";
        };
    }
}
