package org.dudao.load;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dudao.model.Metric;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The range a value may plausibly take, per kind of unit (money, people and counts cannot be negative;
 * a percentage over 100 is suspicious) and per metric where a metric needs its own. A value outside
 * is kept, with a warning on its cell: it may be a typing error, but it may be true (a share of
 * 随迁子女 over 100% of a planned figure), and only a person can tell.
 *
 * <p>Built-in ranges apply by the unit's kind; {@code rules/validity.csv} ({@code 指标或类别,最小值,最大值,超出范围时,说明})
 * replaces a kind's range or sets one for a metric by its dictionary name. An empty bound is no bound,
 * so a row with both empty lifts the check. A metric's own row wins over its unit's kind.
 *
 * <p>{@code 超出范围时} says what becomes of a value outside: {@code 警告} (or blank) keeps it with a warning;
 * {@code 拒绝} does not use it (an error on the cell: the verdicts that need it say 数据不足); {@code 按小数换算}
 * reads a rate typed as a fraction (0.953 under 体质健康合格率(%)) as the percentage it stands for (95.3%)
 * when that lies in the range, with a note on the cell, and rejects the value otherwise. A rate whose
 * plausible range starts well above 1% is what makes a fraction recognisable.
 */
public final class ValidityRanges {
    public static final String FILE_NAME = "validity.csv";
    /** The column saying what becomes of a value out of range. */
    static final String ACTION_COLUMN = "超出范围时";

    /** What becomes of a value outside its range. */
    public enum Action {
        WARN("警告"), REJECT("拒绝"), FRACTION("按小数换算");

        private final String label;

        Action(String label) { this.label = label; }

        public String label() { return label; }

        static Action parse(String text) {
            if (text.isEmpty() || text.equals("警告")) return WARN;
            if (text.equals("拒绝") || text.equals("不采用")) return REJECT;
            if (text.equals("按小数换算") || text.equals("换算")) return FRACTION;
            return null;
        }
    }

    /** A closed range; a null end is open. */
    public record Range(BigDecimal min, BigDecimal max, String source, Action action) {
        Range(BigDecimal min, BigDecimal max, String source) { this(min, max, source, Action.WARN); }

        boolean contains(BigDecimal v) {
            // the usual lower bound is 0: the sign says it without comparing across scales
            boolean aboveMin = min == null || (min.signum() == 0 ? v.signum() >= 0 : v.compareTo(min) >= 0);
            return aboveMin && (max == null || v.compareTo(max) <= 0);
        }

        String text() {
            return "[" + (min == null ? "-∞" : min.toPlainString()) + ", " + (max == null ? "+∞" : max.toPlainString()) + "]";
        }
    }

    /** Kinds of unit by their Chinese names, as they are written in validity.csv. */
    private static final Map<String, String> KIND_LABELS = Map.of(
            "金额", "money", "人数", "people", "数量", "count", "百分比", "percent", "面积", "area",
            "天数", "days", "带宽", "bandwidth", "生均金额", "money-per-person", "生均面积", "area-per-person");

    private final Map<String, Range> byKind = new LinkedHashMap<>();
    private final Map<String, Range> byMetric = new LinkedHashMap<>();

    private ValidityRanges() {}

    /** The built-in ranges: nothing negative, a percentage at most 100. */
    public static ValidityRanges defaults() {
        ValidityRanges r = new ValidityRanges();
        for (Map.Entry<String, String> k : KIND_LABELS.entrySet()) {
            boolean percent = k.getValue().equals("percent");
            r.byKind.put(k.getValue(), new Range(BigDecimal.ZERO, percent ? BigDecimal.valueOf(100) : null,
                    "单位类别“" + k.getKey() + "”"));
        }
        return r;
    }

    /** The defaults with the rows of {@code csv} over them; the defaults alone when the file does not exist. */
    public static ValidityRanges read(Path csv) throws IOException, MetricDictionary.DictionaryException {
        ValidityRanges r = defaults();
        if (!Files.isRegularFile(csv)) return r;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').build();
            CSVParser parser = format.parse(in);
            for (CSVRecord rec : parser) {
                String name = Text.normalize(rec.get(0));
                if (name.isEmpty()) continue;
                String where = csv + ":" + parser.getCurrentLineNumber();
                BigDecimal min = bound(rec, 1, where), max = bound(rec, 2, where);
                if (min != null && max != null && min.compareTo(max) > 0) {
                    throw new MetricDictionary.DictionaryException(where + ": 最小值大于最大值");
                }
                String actionText = rec.isMapped(ACTION_COLUMN) && rec.isSet(ACTION_COLUMN) ? Text.normalize(rec.get(ACTION_COLUMN)) : "";
                Action action = Action.parse(actionText);
                if (action == null) {
                    throw new MetricDictionary.DictionaryException(where + ": “" + ACTION_COLUMN + "”应为 警告、拒绝 或 按小数换算，而不是“" + actionText + "”");
                }
                String kind = KIND_LABELS.get(name);
                Range range = new Range(min, max, FILE_NAME + " 中“" + name + "”的设定", action);
                if (kind != null) r.byKind.put(kind, range);
                else r.byMetric.put(name, range);
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MetricDictionary.DictionaryException(csv + ": 合理范围表格式错误：" + e.getMessage());
        }
        return r;
    }

    private static BigDecimal bound(CSVRecord rec, int i, String where) throws MetricDictionary.DictionaryException {
        String t = i < rec.size() ? Text.normalize(rec.get(i)) : "";
        if (t.isEmpty()) return null;
        Optional<Values.Num> n = Values.parseNumber(t);
        if (n.isEmpty()) throw new MetricDictionary.DictionaryException(where + ": “" + t + "”不是数值");
        return n.get().value();
    }

    /** The range a metric's value must keep to, if any: its own, else its unit's kind. */
    public Optional<Range> rangeOf(String metric, String unit) {
        Range own = byMetric.get(Text.normalize(metric));
        if (own != null) return Optional.of(own);
        return Units.find(unit).map(u -> byKind.get(u.kind()));
    }

    /** A warning for a value outside its range, or empty (what {@link #judge} says, as text). */
    Optional<String> check(Metric m) {
        Judgement j = judge(m, rangeOf(m.getKey(), m.getUnit()));
        return j == null ? Optional.empty() : Optional.of(j.message());
    }

    /**
     * What becomes of a value out of its range: kept (with a warning), rejected, or converted from a
     * fraction ({@code use} is then the percentage); null when the value is in range.
     */
    record Judgement(Action action, Metric use, String message) {}

    /** {@link #judge} with the metric's range already looked up ({@link #rangeOf} of its key and unit). */
    Judgement judge(Metric m, Optional<Range> range) {
        if (m.getValue() == null) return null;
        if (range.isEmpty() || range.get().contains(m.getValue())) return null;
        Range r = range.get();
        String v = m.getValue().stripTrailingZeros().toPlainString() + (m.getUnit() == null ? "" : m.getUnit());
        String why = r.min() != null && m.getValue().compareTo(r.min()) < 0
                ? (r.min().signum() == 0 ? "为负数" : "小于最小值 " + r.min().toPlainString())
                : "大于最大值 " + r.max().toPlainString();
        String said = "“" + m.getKey() + "”的值 " + v + " " + why + "，超出合理范围 " + r.text() + "（按" + r.source() + "）";
        if (r.action() == Action.FRACTION) {
            BigDecimal percent = m.getValue().movePointRight(2);
            if (r.contains(percent)) {
                Metric use = new Metric(m.getEntityCode(), m.getYear(), m.getKey(), percent, m.getText(), m.getUnit(), m.getOrigin());
                return new Judgement(Action.FRACTION, use, said + "：看来是按小数填写的比例，已换算为 " + percent.stripTrailingZeros().toPlainString()
                        + (m.getUnit() == null ? "" : m.getUnit()) + "，请核实");
            }
            return new Judgement(Action.REJECT, null, said + "，按小数换算也不在范围内：此值未采用，请核实");
        }
        if (r.action() == Action.REJECT) return new Judgement(Action.REJECT, null, said + "：此值未采用，请核实");
        return new Judgement(Action.WARN, m, said + "：已采用，请核实");
    }
}
