package org.dudao.load;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number typed with its unit in the cell, {@code 12亿元} or {@code 3,000 万元}, as happens when a
 * column has no unit in its header and each office wrote its own. The unit must be one {@link Units}
 * knows; the caller converts it to the metric's unit, or flags the cell when the kinds differ.
 */
final class UnitSuffix {
    private static final Pattern WITH_UNIT = Pattern.compile("([-+]?[0-9][0-9,，]*(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)(\\D.*)");

    private UnitSuffix() {}

    record Parsed(BigDecimal value, String unit) {}

    static Optional<Parsed> parse(String raw) {
        Matcher m = WITH_UNIT.matcher(Text.normalize(raw));
        if (!m.matches()) return Optional.empty();
        Optional<Units.Unit> unit = Units.find(m.group(2));
        if (unit.isEmpty()) return Optional.empty();
        return Values.parseNumber(m.group(1)).filter(n -> !n.percent()).map(n -> new Parsed(n.value(), unit.get().name()));
    }
}
