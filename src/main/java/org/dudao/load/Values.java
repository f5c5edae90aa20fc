package org.dudao.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Reading the values offices type: text numbers, percentages, years, codes and yes/no answers. */
final class Values {
    private static final Pattern YEAR = Pattern.compile("((?:19|20|21)\\d{2})(年度?)?");
    private static final Pattern YEAR_IN_TEXT = Pattern.compile("((?:19|20|21)\\d{2})年");

    /** Optional.of(y) for the years 1900–2199 a cell may hold, made once: a year is read on every row. */
    private static final List<Optional<Integer>> YEARS = IntStream.rangeClosed(1900, 2199)
            .mapToObj(Optional::of).toList();

    private Values() {}

    /** A number read from text, and whether it was written as a percentage. */
    record Num(BigDecimal value, boolean percent) {}

    /**
     * {@code 1,234.5}, {@code  85.3% }, {@code １２３}: thousands separators (in groups of three) and spaces
     * go, a trailing % marks a percentage. Anything else is not a number ({@link NumberText} says why).
     */
    static Optional<Num> parseNumber(String raw) {
        return NumberText.parse(raw);
    }

    /** Placeholders offices write for "nothing reported": read as missing, never as zero. */
    static boolean isPlaceholder(String raw) {
        return isPlaceholderNormalized(Text.normalize(raw));
    }

    /** {@link #isPlaceholder} for text already through {@link Text#normalize}. */
    static boolean isPlaceholderNormalized(String t) {
        return t.isEmpty() || t.equals("-") || t.equals("--") || t.equals("—") || t.equals("——") || t.equals("/")
                || t.equals("…") || t.equals("...");
    }

    /** A year written 2023, 2023年 or 2023年度 (or as the number 2023). */
    static Optional<Integer> parseYear(CellValue c) {
        if (c.kind() == CellValue.Kind.NUMBER) {
            BigDecimal whole = c.number().stripTrailingZeros();
            if (whole.scale() > 0) return Optional.empty();
            int y = whole.intValue(); // the integer's low 32 bits, as n.intValue() gives for a whole n
            return y >= 1900 && y <= 2199 ? YEARS.get(y - 1900) : Optional.empty();
        }
        Matcher m = YEAR.matcher(Text.normalize(c.asText()));
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The first {@code 2023年} in a title line, for sheets that give the year only there. */
    static Optional<Integer> yearInTitle(String text) {
        Matcher m = YEAR_IN_TEXT.matcher(Text.normalize(text));
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** A code: text as typed (trimmed), a number without its {@code .0} (339911, never 339911.0). */
    static String code(CellValue c) {
        return Text.normalize(c.asText());
    }

    /** 是/否 and the other ways offices say it; empty when the text is not a yes/no answer. */
    static Optional<Boolean> parseYesNo(CellValue c) {
        if (c.kind() == CellValue.Kind.BOOLEAN) return Optional.of(Boolean.parseBoolean(c.text()));
        if (c.kind() == CellValue.Kind.NUMBER) {
            if (c.number().compareTo(BigDecimal.ONE) == 0) return Optional.of(true);
            if (c.number().signum() == 0) return Optional.of(false);
            return Optional.empty();
        }
        return switch (Text.normalize(c.asText()).toLowerCase(Locale.ROOT)) {
            case "是", "有", "已", "y", "yes", "true", "√", "✓", "1" -> Optional.of(true);
            case "否", "无", "未", "没有", "n", "no", "false", "×", "✗", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
