package org.dudao.load;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Units of measure a header may carry, grouped by kind, each with its factor to the kind's base.
 * A value converts between two units only when they are of one kind: 亿元 to 万元, never 人 to 元.
 */
public final class Units {
    /** A unit: its kind (money, people, ...) and how many base units one of it is. */
    public record Unit(String name, String kind, BigDecimal factor) {}

    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        kind("money", "元", "1", "千元", "1000", "万元", "10000", "百万元", "1000000", "亿元", "100000000");
        kind("people", "人", "1", "名", "1", "人次", "1", "万人", "10000", "千人", "1000");
        kind("percent", "%", "1", "百分比", "1", "‰", "0.1");
        kind("area", "平方米", "1", "m2", "1", "m²", "1", "㎡", "1", "万平方米", "10000");
        kind("count", "所", "1", "个", "1", "起", "1", "间", "1", "班", "1", "件", "1", "次", "1", "家", "1");
        kind("days", "天", "1", "日", "1");
        kind("bandwidth", "mbps", "1", "m", "1", "兆", "1", "mb/s", "1", "gbps", "1000", "g", "1000", "千兆", "1000");
        kind("money-per-person", "元/生", "1", "元/人", "1", "元/生·年", "1", "元/生.年", "1", "元/人·年", "1",
                "万元/人", "10000", "万元/生", "10000");
        kind("area-per-person", "平方米/生", "1", "平方米/人", "1", "m2/生", "1", "㎡/生", "1");
    }

    private static void kind(String kind, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            UNITS.put(pairs[i], new Unit(pairs[i], kind, new BigDecimal(pairs[i + 1])));
        }
    }

    private Units() {}

    public static Optional<Unit> find(String name) {
        if (name == null) return Optional.empty();
        return Optional.ofNullable(UNITS.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The factor that turns a value in {@code from} into one in {@code to}, or empty when the two are
     * not of one kind (or either is unknown and they differ).
     */
    public static Optional<BigDecimal> factor(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank() || from.strip().equalsIgnoreCase(to.strip())) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<Unit> f = find(from);
        Optional<Unit> t = find(to);
        if (f.isEmpty() || t.isEmpty() || !f.get().kind().equals(t.get().kind())) return Optional.empty();
        return Optional.of(f.get().factor().divide(t.get().factor(), MathContext.DECIMAL128).stripTrailingZeros());
    }
}
