package org.dudao.load;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric dictionary: the canonical names rules use, each with its unit, type, aliases and
 * definition. Analysts extend it by editing {@code rules/metrics.csv}; the loader maps workbook
 * headers through it.
 */
public final class MetricDictionary {
    public static final String FILE_NAME = "metrics.csv";
    /** The optional column naming the metrics a metric is a part of. */
    static final String PART_OF = "所属指标";

    /**
     * One dictionary entry; {@code partOf} names the metrics it is a part of (公办园在园幼儿数 of 在园幼儿数), whose
     * value for the same unit and year it can never exceed.
     */
    public record Def(String name, String unit, MetricType type, List<String> aliases, String description, List<String> partOf) {
        public Def(String name, String unit, MetricType type, List<String> aliases, String description) {
            this(name, unit, type, aliases, description, List.of());
        }
    }

    private final Map<String, Def> byName = new LinkedHashMap<>();
    private final Map<String, Def> byAlias = new LinkedHashMap<>();
    private final Map<String, List<String>> partOf = new LinkedHashMap<>();
    private ValidityRanges validity = ValidityRanges.defaults();

    public MetricDictionary(Collection<Def> defs) {
        for (Def d : defs) {
            if (!d.partOf().isEmpty()) partOf.put(d.name(), d.partOf());
            byName.put(Text.normalize(d.name()), d);
            byAlias.put(Text.normalize(d.name()), d);
            for (String a : d.aliases()) byAlias.putIfAbsent(Text.normalize(a), d);
        }
    }

    public static MetricDictionary empty() { return new MetricDictionary(List.of()); }

    /**
     * Reads {@code metrics.csv} (UTF-8, BOM allowed): 名称,单位,类型,别名,说明[,所属指标]; aliases and wholes
     * separated by |. The 所属指标 column is optional: a dictionary written before it existed still reads.
     */
    public static MetricDictionary read(Path csv) throws IOException, DictionaryException {
        List<Def> defs = new ArrayList<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').build();
            for (CSVRecord r : format.parse(in)) {
                String name = get(r, "名称").replace("\uFEFF", "");
                if (name.isEmpty()) continue;
                MetricType type = MetricType.parse(get(r, "类型"));
                if (type == null) {
                    throw new DictionaryException(csv + ":" + (r.getRecordNumber() + 1) + ": 类型“" + get(r, "类型")
                            + "”无法识别（应为 数值、是否 或 文本）");
                }
                List<String> aliases = new ArrayList<>();
                for (String a : get(r, "别名").split("[|｜]")) if (!a.isBlank()) aliases.add(a.strip());
                String unit = get(r, "单位");
                List<String> wholes = new ArrayList<>();
                for (String w : get(r, PART_OF).split("[|｜]")) if (!w.isBlank()) wholes.add(w.strip());
                defs.add(new Def(name, unit.isEmpty() ? null : unit, type, List.copyOf(aliases), get(r, "说明"), List.copyOf(wholes)));
                lines.put(name, r.getRecordNumber() + 1);
            }
            PartOfCheck.validate(defs, csv, lines);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new DictionaryException(csv + ": 指标字典格式错误：" + e.getMessage());
        }
        // The plausible ranges of values live beside the dictionary, in validity.csv (optional).
        return new MetricDictionary(defs).withValidity(ValidityRanges.read(csv.resolveSibling(ValidityRanges.FILE_NAME)));
    }

    /** The metrics each metric is a part of (the 所属指标 column), for the metrics that have any. */
    public Map<String, List<String>> partOf() { return Collections.unmodifiableMap(partOf); }

    /** The ranges values are checked against on load (a warning outside, never a rejection). */
    public ValidityRanges validity() { return validity; }

    public MetricDictionary withValidity(ValidityRanges ranges) {
        this.validity = ranges;
        return this;
    }

    private static String get(CSVRecord r, String column) {
        // The first header may carry a BOM; look columns up by normalised name.
        for (Map.Entry<String, String> e : r.toMap().entrySet()) {
            if (Text.normalize(e.getKey()).equals(column)) return e.getValue() == null ? "" : e.getValue().strip();
        }
        return "";
    }

    /** The entry a header name (already stripped of its unit) refers to, by name or alias. */
    public Optional<Def> lookup(String headerName) {
        return Optional.ofNullable(byAlias.get(Text.normalize(headerName)));
    }

    public Optional<Def> get(String canonicalName) {
        return Optional.ofNullable(byName.get(Text.normalize(canonicalName)));
    }

    public Collection<Def> all() { return Collections.unmodifiableCollection(byName.values()); }

    /** A problem in the dictionary file itself. */
    public static final class DictionaryException extends Exception {
        public DictionaryException(String message) { super(message); }
    }
}
