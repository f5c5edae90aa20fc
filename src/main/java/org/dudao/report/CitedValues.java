package org.dudao.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.dudao.engine.VerdictJson;
import org.dudao.model.ChildFinding;
import org.dudao.model.Indicator;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Verdict;
import org.dudao.util.TempFiles;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * report.json's {@code files} and {@code values}: each file and each input value cited as evidence,
 * numbered in the order the verdicts first cite them; and the catalogue a verdict's name and source
 * are left out against when they are the indicator's. Filled chunk by chunk in the verdicts' order,
 * so the numbers do not depend on how many threads turn the chunks into text.
 * <p>
 * What it holds does not grow with the run: a value's row is written out (to memory, then to a
 * temporary file past {@link #IN_MEMORY} bytes) as soon as it is numbered, and only the last
 * {@code remembered} values cited are looked up again. A value cited again after that (at national
 * scale: a province's verdict citing a county's value long after the county's block) gets a second,
 * equal row; the file is a little larger, the heap stays bounded by a partition's values.
 */
final class CitedValues implements Closeable {
    /**
     * Values looked up again before a repeat gets a row of its own: several counties' worth, about 25 MB
     * at most (some 500 bytes a value), and no more than a 32nd of the heap, so a small heap that holds a
     * province (a 64 MB run of issue 17's workbook read in parts) is not filled by the report's bookkeeping.
     */
    static final int REMEMBERED = (int) Math.min(50_000, Runtime.getRuntime().maxMemory() / 32 / 500);
    /** Bytes of value rows kept in memory before they go to a temporary file: 8 MB, or a 32nd of a small heap. */
    private static final int IN_MEMORY = (int) Math.min(8 << 20, Runtime.getRuntime().maxMemory() / 32);

    /**
     * Everything that tells one cited value from another, as the report writes it; its hash computed once,
     * since a key is looked up in the chunk's map and in {@code recent}, and put there.
     */
    private static final class Key {
        final String file, sheet, cell, metric, entity, text, unit;
        final int year;
        final BigDecimal value;
        private final int hash;

        private Key(Metric m) {
            Origin o = m.getOrigin();
            file = o == null ? null : o.getFile();
            sheet = o == null ? null : o.getSheet();
            cell = o == null ? null : o.getCell();
            metric = m.getKey();
            entity = m.getEntityCode();
            year = m.getYear();
            value = m.getValue();
            text = m.getText();
            unit = m.getUnit();
            hash = Objects.hash(file, sheet, cell, metric, entity, year, value, text, unit);
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && year == k.year && Objects.equals(cell, k.cell)
                    && Objects.equals(entity, k.entity) && Objects.equals(metric, k.metric) && Objects.equals(value, k.value)
                    && Objects.equals(text, k.text) && Objects.equals(unit, k.unit) && Objects.equals(sheet, k.sheet)
                    && Objects.equals(file, k.file);
        }
    }

    private final int childLimit;
    private final Map<String, Indicator> catalogue = new HashMap<>();
    private final Map<String, Integer> files = new LinkedHashMap<>();
    private final Map<Key, Integer> recent;
    private final DeferredFileOutputStream spill;
    /** Where the rows go past {@link #IN_MEMORY}: created empty (private to the user) where it can be, filled only then. */
    private final Path spillFile;
    private final JsonGenerator rows;
    private int count;

    /**
     * @param pretty     rows printed as the report's pretty printer prints them inside the values array
     * @param remembered how many recently cited values are looked up before a repeat gets a new row
     */
    CitedValues(int childLimit, Iterable<Indicator> catalogue, JsonFactory factory, boolean pretty, int remembered) throws IOException {
        this.childLimit = childLimit;
        for (Indicator i : catalogue) this.catalogue.putIfAbsent(i.id(), i);
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Key, Integer> eldest) {
                return size() > remembered;
            }
        };
        this.spillFile = spillFile(Path.of(System.getProperty("java.io.tmpdir")));
        this.spill = DeferredFileOutputStream.builder().setThreshold(IN_MEMORY).setOutputFile(spillFile.toFile()).get();
        this.rows = factory.createGenerator(spill, JsonEncoding.UTF8);
        if (pretty) rows.setPrettyPrinter(new InsideArray());
        else rows.setRootValueSeparator(new SerializedString(","));
    }

    /**
     * Numbers what the chunk cites that was not cited recently, writing its rows, and returns the
     * references for its verdicts: a lookup of its own, so the chunk can be written on another thread
     * while the numbering goes on.
     */
    VerdictJson.Refs add(Iterable<Verdict> chunk) throws IOException {
        // a value object is often cited by several verdicts of the chunk: each object is keyed once, and
        // the chunk's verdicts find their numbers by the object itself
        Map<Metric, Integer> valueRefs = new IdentityHashMap<>();
        Map<Key, Integer> keyRefs = new HashMap<>();
        Map<String, Integer> fileRefs = new HashMap<>();
        for (Verdict v : chunk) {
            for (Metric m : v.getEvidence()) {
                if (valueRefs.containsKey(m)) continue;
                Key k = new Key(m);
                Integer i = keyRefs.get(k);
                if (i == null) {
                    i = recent.get(k);
                    if (i == null) i = append(k);
                    keyRefs.put(k, i);
                }
                valueRefs.put(m, i);
            }
            var children = v.getChildren();
            for (ChildFinding c : children.subList(0, Math.min(children.size(), childLimit))) {
                for (Origin o : c.cells()) fileRefs.put(o.getFile(), file(o.getFile()));
            }
        }
        return new VerdictJson.Refs() {
            @Override public int value(Metric m) { return valueRefs.get(m); }
            @Override public Integer file(String file) { return fileRefs.get(file); }
            @Override public int childLimit() { return childLimit; }
            @Override public String indicatorName(String id) { return catalogue.containsKey(id) ? catalogue.get(id).name() : null; }
            @Override public String indicatorSource(String id) { return catalogue.containsKey(id) ? catalogue.get(id).source() : null; }
        };
    }

    /** Values looked up again when cited: at most {@code remembered}, whatever the run's size. */
    int retained() { return recent.size(); }

    /** Rows written so far. */
    int count() { return count; }

    private int append(Key k) throws IOException {
        Integer file = file(k.file);
        rows.writeStartObject();
        rows.writeFieldName("file");
        if (file == null) rows.writeNull();
        else rows.writeNumber(file);
        rows.writeStringField("sheet", k.sheet);
        rows.writeStringField("cell", k.cell);
        rows.writeStringField("metric", k.metric);
        rows.writeStringField("entity", k.entity);
        rows.writeNumberField("year", k.year);
        VerdictJson.number(rows, "value", k.value);
        rows.writeStringField("text", k.text);
        rows.writeStringField("unit", k.unit);
        rows.writeEndObject();
        recent.put(k, count);
        return count++;
    }

    private Integer file(String file) {
        return file == null ? null : files.computeIfAbsent(file, f -> files.size());
    }

    /**
     * Writes {@code files} (paths, by index) and {@code values} (one object each, its file by index)
     * through the report's generator {@code g}, whose bytes go to {@code out}.
     */
    void write(JsonGenerator g, OutputStream out, boolean pretty) throws IOException {
        g.writeArrayFieldStart("files");
        for (String f : files.keySet()) g.writeString(f);
        g.writeEndArray();
        g.writeArrayFieldStart("values");
        rows.close();
        g.flush();
        if (count > 0) {
            if (pretty) out.write(' '); // as the pretty printer opens an array with values
            spill.writeTo(out);
        }
        g.writeEndArray();
    }

    /**
     * A small report never needs the file, so a folder it cannot be made in is an error only once
     * the rows pass {@link #IN_MEMORY}, as before the file was named in advance.
     */
    private static Path spillFile(Path dir) {
        try {
            return TempFiles.create(dir, "values", "json");
        } catch (IOException e) {
            return TempFiles.name(dir, "values", "json");
        }
    }

    /** Deletes the temporary file. */
    @Override public void close() throws IOException {
        rows.close();
        TempFiles.delete(spillFile);
    }

    /** The report's pretty printer as it stands inside a top-level array: one object deep, entries separated by ", ". */
    static final class InsideArray extends DefaultPrettyPrinter {
        InsideArray() {
            _nesting = 1;
            _rootSeparator = new SerializedString(", ");
        }
    }
}
