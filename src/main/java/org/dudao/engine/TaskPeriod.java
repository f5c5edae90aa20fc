package org.dudao.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a plan's target is set for, from its start to its deadline, as a task rule writes it:
 * {@code 12-31} or {@code 当年} (the evaluated year), {@code 06-30} (the evaluated year up to that
 * day), {@code 2024-12-31} (that one year up to that day), {@code 2024—2026年} or
 * {@code 2024-01-01至2026-12-31} (a target of several years). A target of several years is due
 * only at its deadline; a year before it is held to the share of the period gone.
 */
record TaskPeriod(LocalDate start, LocalDate end) {
    private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*年?\\s*(?:[-－—–~～至到])\\s*(\\d{4})\\s*年?(?:底|末)?");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:至|到|~|～|—|–)\\s*");
    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern YEAR_ONLY = Pattern.compile("(\\d{4})\\s*年?(?:底|末)?");

    /** The period, or null when the text is none of the forms above (or its start lies after its end). */
    static TaskPeriod parse(String text, int year) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        try {
            if (t.equals("当年") || t.equals("年内") || t.equals("年底")) return new TaskPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            Matcher y = YEARS.matcher(t);
            if (y.matches()) return of(LocalDate.of(Integer.parseInt(y.group(1)), 1, 1), LocalDate.of(Integer.parseInt(y.group(2)), 12, 31));
            String[] ends = SPLIT.split(t);
            if (ends.length == 2) return of(day(ends[0], true), day(ends[1], false));
            Matcher f = FULL_DATE.matcher(t);
            if (f.matches()) {
                LocalDate end = LocalDate.of(Integer.parseInt(f.group(1)), Integer.parseInt(f.group(2)), Integer.parseInt(f.group(3)));
                return new TaskPeriod(end.withDayOfYear(1), end);
            }
            LocalDate end = Dates.parse(t, year); // 12-31, 6月30日: in the evaluated year
            return end == null ? null : new TaskPeriod(LocalDate.of(year, 1, 1), end);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static TaskPeriod of(LocalDate start, LocalDate end) {
        return start == null || end == null || start.isAfter(end) ? null : new TaskPeriod(start, end);
    }

    /** One end of a range: a full date, or a year (its first day at the start, its last at the end). */
    private static LocalDate day(String s, boolean first) {
        Matcher f = FULL_DATE.matcher(s.strip());
        if (f.matches()) return LocalDate.of(Integer.parseInt(f.group(1)), Integer.parseInt(f.group(2)), Integer.parseInt(f.group(3)));
        Matcher y = YEAR_ONLY.matcher(s.strip());
        if (!y.matches()) return null;
        int yr = Integer.parseInt(y.group(1));
        return first ? LocalDate.of(yr, 1, 1) : LocalDate.of(yr, 12, 31);
    }

    boolean covers(int year) { return year >= start.getYear() && year <= end.getYear(); }

    /** Days from the start to {@code date}, both counted; 0 before the start, the whole period after the end. */
    long daysGone(LocalDate date) {
        LocalDate d = date.isAfter(end) ? end : date;
        return d.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, d) + 1;
    }

    long days() { return ChronoUnit.DAYS.between(start, end) + 1; }

    /** The share of the period gone by {@code date}, exactly 1 from the deadline on. */
    BigDecimal share(LocalDate date) {
        long gone = daysGone(date);
        return gone == days() ? BigDecimal.ONE : BigDecimal.valueOf(gone).divide(BigDecimal.valueOf(days()), MathContext.DECIMAL128);
    }

    /** {@code 2024年} for a whole year, {@code 2024—2026年} for whole years, else {@code 2024-03-01至2024-12-31}. */
    String describe() {
        boolean wholeYears = start.getDayOfYear() == 1 && end.getMonthValue() == 12 && end.getDayOfMonth() == 31;
        if (wholeYears) return start.getYear() == end.getYear() ? start.getYear() + "年" : start.getYear() + "—" + end.getYear() + "年";
        return start + "至" + end;
    }
}
