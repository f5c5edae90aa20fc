package org.dudao.report;

import com.fasterxml.jackson.core.JsonGenerator;
import org.dudao.engine.VerdictJson;
import org.dudao.model.ChildFinding;
import org.dudao.model.Indicator;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.json's {@code files} and {@code values}: each file and each input value cited as evidence,
 * once, numbered in the order the verdicts first cite them; and the catalogue a verdict's name and
 * source are left out against when they are the indicator's. Filled chunk by chunk in the verdicts'
 * order, so the numbers do not depend on how many threads turn the chunks into text.
 */
final class CitedValues {
    /** Everything that tells one cited value from another, as the report writes it. */
    private record Key(String file, String sheet, String cell, String metric, String entity, int year, BigDecimal value, String text, String unit) {
        static Key of(Metric m) {
            Origin o = m.getOrigin();
            return new Key(o == null ? null : o.getFile(), o == null ? null : o.getSheet(), o == null ? null : o.getCell(),
                    m.getKey(), m.getEntityCode(), m.getYear(), m.getValue(), m.getText(), m.getUnit());
        }
    }

    private final int childLimit;
    private final Map<String, Indicator> catalogue = new HashMap<>();
    private final Map<String, Integer> files = new LinkedHashMap<>();
    private final Map<Key, Integer> index = new HashMap<>();
    private final List<Key> values = new ArrayList<>();

    CitedValues(int childLimit, List<Indicator> catalogue) {
        this.childLimit = childLimit;
        for (Indicator i : catalogue) this.catalogue.putIfAbsent(i.id(), i);
    }

    /**
     * Numbers what the chunk cites that no earlier chunk did, and returns the references for its
     * verdicts: a lookup of its own, so the chunk can be written on another thread while this table grows.
     */
    VerdictJson.Refs add(List<Verdict> chunk) {
        Map<Key, Integer> valueRefs = new HashMap<>();
        Map<String, Integer> fileRefs = new HashMap<>();
        for (Verdict v : chunk) {
            for (Metric m : v.getEvidence()) {
                Key k = Key.of(m);
                Integer i = index.get(k);
                valueRefs.put(k, i != null ? i : append(k));
            }
            List<ChildFinding> children = v.getChildren();
            for (ChildFinding c : children.subList(0, Math.min(children.size(), childLimit))) {
                for (Origin o : c.cells()) fileRefs.put(o.getFile(), file(o.getFile()));
            }
        }
        return new VerdictJson.Refs() {
            @Override public int value(Metric m) { return valueRefs.get(Key.of(m)); }
            @Override public Integer file(String file) { return fileRefs.get(file); }
            @Override public int childLimit() { return childLimit; }
            @Override public String indicatorName(String id) { return catalogue.containsKey(id) ? catalogue.get(id).name() : null; }
            @Override public String indicatorSource(String id) { return catalogue.containsKey(id) ? catalogue.get(id).source() : null; }
        };
    }

    /** Numbers a value not cited before; the table's heap grows with the values cited, about 250 bytes each. */
    private int append(Key k) {
        file(k.file());
        // verdicts read back from the store carry fresh copies of these few names: keep one of each
        Key kept = new Key(shared(k.file()), shared(k.sheet()), k.cell(), shared(k.metric()), k.entity(), k.year(), k.value(), k.text(),
                shared(k.unit()));
        values.add(kept);
        index.put(kept, values.size() - 1);
        return values.size() - 1;
    }

    private final Map<String, String> names = new HashMap<>();

    private String shared(String name) {
        return name == null ? null : names.computeIfAbsent(name, n -> n);
    }

    private Integer file(String file) {
        return file == null ? null : files.computeIfAbsent(file, f -> files.size());
    }

    /** Writes {@code files} (paths, by index) and {@code values} (one object each, its file by index). */
    void write(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("files");
        for (String f : files.keySet()) g.writeString(f);
        g.writeEndArray();
        g.writeArrayFieldStart("values");
        for (Key k : values) {
            g.writeStartObject();
            g.writeFieldName("file");
            Integer file = file(k.file());
            if (file == null) g.writeNull();
            else g.writeNumber(file);
            g.writeStringField("sheet", k.sheet());
            g.writeStringField("cell", k.cell());
            g.writeStringField("metric", k.metric());
            g.writeStringField("entity", k.entity());
            g.writeNumberField("year", k.year());
            VerdictJson.number(g, "value", k.value());
            g.writeStringField("text", k.text());
            g.writeStringField("unit", k.unit());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
