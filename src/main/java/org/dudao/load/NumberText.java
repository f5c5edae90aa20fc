package org.dudao.load;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number typed as text, read strictly. A comma (full-width ones too, after {@link Text#normalize}) is
 * a thousands separator only where every group after the first has three digits: {@code 1,20} may be a
 * decimal comma or a typo, and reading it as 120 would change the statistic silently. The value is
 * parsed as a {@link BigDecimal} and its order of magnitude checked before anything converts it, so
 * {@code 1e-400} never becomes 0 nor {@code 1E+400} infinity. A space between digits ({@code 1 200},
 * the SI grouping) is a separator under the same rule: {@code 1 20} is refused, not read as 120.
 */
final class NumberText {
    /** Nothing a statistic counts or measures reaches 10^16 (a national budget in 元 is about 10^13). */
    static final int MAX_EXPONENT = 15;
    /** Nor is any published statistic, other than 0, smaller than 10^-12. */
    static final int MIN_EXPONENT = -12;

    private static final Pattern STRICT = Pattern.compile("[-+]?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d*)?([eE][-+]?\\d+)?|[-+]?\\.\\d+([eE][-+]?\\d+)?");
    /** What looks like a number: digits with commas and a point anywhere, maybe an exponent, and whatever follows. */
    private static final Pattern LOOSE = Pattern.compile("([-+]?[\\d,]*\\d[\\d,]*(?:\\.[\\d,]*)?|[-+]?\\.\\d[\\d,]*)(?:[eE]([-+]?\\d+))?(.*)");
    private static final String GROUPS = "千位分隔符后应为三位数字（若为小数请用小数点）";
    /** Spaces (any kind, full-width too) between two digits: grouping, which {@link Text#normalize} would otherwise drop. */
    private static final Pattern SPACE_BETWEEN_DIGITS = Pattern.compile("(?<=\\p{Nd})[\\p{Zs}\\t]+(?=\\p{Nd})");
    private static final String RANGE = "超出范围（统计数据的绝对值应小于 10 的 16 次方，不为 0 时不小于 10 的 -12 次方）";

    private NumberText() {}

    /** The number the text is, percent sign and all; empty when it is none, or one no statistic can be. */
    static Optional<Values.Num> parse(String raw) {
        String t = normalized(raw);
        boolean percent = t.endsWith("%");
        if (percent) t = t.substring(0, t.length() - 1);
        if (!STRICT.matcher(t).matches() || exponentTooLong(t)) return Optional.empty();
        BigDecimal n = new BigDecimal(t.replace(",", ""));
        return outOfRange(n) ? Optional.empty() : Optional.of(new Values.Num(n, percent));
    }

    /**
     * Why text that starts as a number is not a valid one ({@code “1,20”不是有效的数：…}, {@code “1e-400”超出范围…}),
     * or empty when it is valid, or no number at all (a word, a unit the caller looks at).
     */
    static Optional<String> whyNot(String raw) {
        Matcher m = LOOSE.matcher(normalized(raw));
        if (!m.matches()) return Optional.empty();
        String mantissa = m.group(1), exponent = m.group(2);
        if (mantissa.indexOf(',') >= 0 && !STRICT.matcher(mantissa).matches()) {
            return Optional.of("“" + raw.strip() + "”不是有效的数：" + GROUPS);
        }
        if (exponent != null && (exponent.replaceFirst("^[-+]?0*", "").length() > 9
                || outOfRange(new BigDecimal(mantissa.replace(",", "") + "e" + exponent)))) {
            return Optional.of(outOfRangeText(raw));
        }
        if (exponent == null && outOfRange(new BigDecimal(mantissa.replace(",", "")))) return Optional.of(outOfRangeText(raw));
        return Optional.empty();
    }

    /** The text as {@link Text#normalize} gives it, but a space between digits kept as a thousands separator. */
    private static String normalized(String raw) {
        if (raw == null) return "";
        String t = raw.strip();
        return Text.normalize(hasSpace(t) ? SPACE_BETWEEN_DIGITS.matcher(t).replaceAll(",") : t);
    }

    private static boolean hasSpace(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\t' || Character.isSpaceChar(c)) return true;
        }
        return false;
    }

    /** {@code “1e-400”超出范围（…）}. */
    static String outOfRangeText(String raw) { return "“" + raw.strip() + "”" + RANGE; }

    /** True for a value no statistic can have: 10^16 or more in size, or not 0 and below 10^-12. */
    static boolean outOfRange(BigDecimal n) {
        if (n.signum() == 0) return false;
        long exponent = (long) n.precision() - n.scale() - 1; // n is d.ddd × 10^exponent
        return exponent > MAX_EXPONENT || exponent < MIN_EXPONENT;
    }

    /** The same test for a double, as a cell stores it; infinity and NaN included. */
    static boolean outOfRange(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return true;
        double a = Math.abs(d);
        return a != 0 && (a >= 1e16 || a < 1e-12);
    }

    /** True when a cell's stored text {@code v} (an xlsx {@code <v>}) is no value a statistic can have, 1e-400 (which a double makes 0) included. */
    static boolean outOfRange(double d, String v) {
        if (outOfRange(d)) return true;
        if (d != 0) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') return true;
        }
        return false;
    }

    /** How a cell is shown in a message: a huge or tiny number in scientific notation, not in 400 digits. */
    static String shown(CellValue c) {
        return c.kind() == CellValue.Kind.NUMBER ? c.number().stripTrailingZeros().toString() : c.asText();
    }

    /** An exponent of more than nine digits, which BigDecimal itself cannot take. */
    private static boolean exponentTooLong(String t) {
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        return e >= 0 && t.substring(e + 1).replaceFirst("^[-+]?0*", "").length() > 9;
    }
}
