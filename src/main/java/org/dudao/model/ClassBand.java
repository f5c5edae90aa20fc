package org.dudao.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class-size band of the education statistics forms, which report per school the number of classes
 * of 25人及以下, 26-30人, … 66人及以上 rather than each class: the sizes it covers, {@code min} to
 * {@code max} pupils (max null: no upper end). A band's classes are loaded as one entity of level 班级
 * under the school (or region) whose code is {@code 学校代码/班额段<label>}, with the metric
 * {@value #COUNT} for how many classes it holds; rules compare a band with a class-size bound by its
 * ends and never guess inside it.
 */
public record ClassBand(int min, Integer max, String label) {
    /** The metric holding the number of classes of a band. */
    public static final String COUNT = "班级数";
    /** What marks a band entity's code, after its parent's code and a slash. */
    public static final String CODE_MARK = "班额段";

    private static final Pattern RANGE = Pattern.compile("(?:大?班额)?(\\d{1,3})人?(?:[-~至—–－～]+)(\\d{1,3})人?(?:的?班(?:级)?数)?(?:\\(个\\))?");
    private static final Pattern OPEN = Pattern.compile("(?:大?班额)?(\\d{1,3})人?(及以下|以下|及以上|以上)(?:的?班(?:级)?数)?(?:\\(个\\))?");
    private static final Map<String, Optional<ClassBand>> PARSED = new ConcurrentHashMap<>();

    /**
     * A header naming a band: {@code 56-60人}, {@code 56－60人}, {@code 56～60}, {@code 56至60人},
     * {@code 56—60人班数}, {@code 25人及以下}, {@code 66人以上} (以上/以下 include the number).
     */
    public static Optional<ClassBand> parse(String header) {
        if (header == null) return Optional.empty();
        int first = header.startsWith("班额") ? 2 : header.startsWith("大班额") ? 3 : 0;
        if (header.length() <= first || !Character.isDigit(header.charAt(first))) return Optional.empty(); // most headers: at once
        Optional<ClassBand> b = PARSED.get(header);
        if (b == null) {
            b = read(header);
            if (PARSED.size() < 1024) PARSED.put(header, b);
        }
        return b;
    }

    private static Optional<ClassBand> read(String h) {
        Matcher r = RANGE.matcher(h);
        if (r.matches()) {
            int a = Integer.parseInt(r.group(1)), z = Integer.parseInt(r.group(2));
            return a <= z ? Optional.of(new ClassBand(a, z, a + "-" + z + "人")) : Optional.empty();
        }
        Matcher o = OPEN.matcher(h);
        if (o.matches()) {
            int n = Integer.parseInt(o.group(1));
            return o.group(2).contains("下") ? Optional.of(new ClassBand(0, n, n + "人及以下")) : Optional.of(new ClassBand(n, null, n + "人及以上"));
        }
        return Optional.empty();
    }

    /** The band an entity stands for, when it is a band (its code is {@code parent/班额段label} or {@code parent/班额段学段:label}). */
    public static Optional<ClassBand> ofEntity(Entity e) {
        if (e.getKind() != EntityKind.CLASS) return Optional.empty();
        String code = e.getCode();
        int at = code.lastIndexOf("/" + CODE_MARK);
        if (at < 0) return Optional.empty();
        String rest = code.substring(at + 1 + CODE_MARK.length());
        int colon = rest.lastIndexOf(':');
        return parse(colon < 0 ? rest : rest.substring(colon + 1));
    }

    /** The code of a band entity under a parent, for the classes of a 学段 (null: the parent's). */
    public static String code(String parent, String stage, ClassBand band) {
        return parent + "/" + CODE_MARK + (stage == null ? "" : stage + ":") + band.label;
    }

    /** The name shown for a band entity: 班额56-60人（初中）. */
    public static String name(String stage, ClassBand band) {
        return "班额" + band.label + (stage == null ? "" : "（" + stage + "）");
    }

    public BigDecimal low() { return BigDecimal.valueOf(min); }

    public BigDecimal high() { return max == null ? null : BigDecimal.valueOf(max); }

    /** True when a class of {@code size} pupils falls in this band. */
    public boolean holds(BigDecimal size) {
        return size.compareTo(low()) >= 0 && (max == null || size.compareTo(high()) <= 0);
    }
}
