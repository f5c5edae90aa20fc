package org.dudao.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dates a rule call sets (评估日期, a task's deadline) as an analyst writes them. */
final class Dates {
    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})\\s*[-/.年])?\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private Dates() {}

    /** 06-30, 6月30日, 2024-06-30, 2024/6/30 or an Excel day number; the month and day taken in the year evaluated. */
    static LocalDate parse(String text, int year) {
        if (text == null) return null;
        String t = text.strip();
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (t.matches("\\d{5}(\\.0+)?")) {
                LocalDate d = LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(t));
                return LocalDate.of(year, d.getMonth(), Math.min(d.getDayOfMonth(), d.withYear(year).lengthOfMonth()));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
