package org.dudao.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.dudao.api.Dudao;
import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.InputFile;
import org.dudao.model.Status;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Writes {@code batch-summary.json}, schema {@code dudao.batch/1}, documented in {@code docs/batch.md}. */
public final class BatchSummaryJson {
    public static final String SCHEMA = "dudao.batch/1";
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private BatchSummaryJson() {}

    public static void write(BatchResult b, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeObjectFieldStart("batch");
            g.writeNumberField("id", b.batchId());
            g.writeStringField("startedAt", b.startedAt());
            g.writeStringField("finishedAt", b.finishedAt());
            g.writeStringField("tool", "dudao");
            g.writeStringField("version", Dudao.version());
            g.writeObjectFieldStart("rules");
            g.writeStringField("dir", b.rulesDir());
            g.writeStringField("sha256", b.rulesSha256());
            g.writeEndObject();
            g.writeStringField("history", b.maskedHistory());
            g.writeArrayFieldStart("formats");
            for (String f : b.formats()) g.writeString(f);
            g.writeEndArray();
            g.writeBooleanField("perFile", b.perFile());
            g.writeEndObject();
            g.writeNumberField("exitCode", b.exitCode());
            g.writeObjectFieldStart("counts");
            g.writeNumberField("runs", b.regions().size());
            for (BatchResult.Outcome o : BatchResult.Outcome.values()) {
                g.writeNumberField(o.name(), (int) b.regions().stream().filter(r -> r.outcome() == o).count());
            }
            g.writeNumberField("problems", b.problems().size());
            g.writeNumberField("duplicates", b.duplicates().size());
            g.writeEndObject();
            g.writeArrayFieldStart("regions");
            for (BatchResult.RegionResult r : b.regions()) region(g, r);
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (BatchResult.FileProblem p : b.problems()) {
                g.writeStartObject();
                g.writeStringField("file", p.file());
                g.writeStringField("reason", p.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("duplicates");
            for (BatchResult.Duplicate d : b.duplicates()) {
                g.writeStartObject();
                g.writeStringField("file", d.file());
                g.writeStringField("sameAs", d.sameAs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void region(JsonGenerator g, BatchResult.RegionResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", r.key());
        g.writeStringField("name", r.name());
        g.writeStringField("folder", r.folder().toString());
        g.writeStringField("outcome", r.outcome().name());
        g.writeStringField("outcomeLabel", r.outcome().label());
        writeLong(g, "run", r.runId());
        writeLong(g, "previousRun", r.previousRunId());
        if (r.year() == null) g.writeNullField("year");
        else g.writeNumberField("year", r.year());
        g.writeArrayFieldStart("yearsPresent");
        if (r.yearsPresent() != null && !r.yearsPresent().isEmpty()) for (String y : r.yearsPresent().split(",")) g.writeNumber(Integer.parseInt(y));
        g.writeEndArray();
        g.writeNumberField("exitCode", r.exitCode());
        g.writeArrayFieldStart("inputs");
        for (InputFile in : r.inputs()) {
            g.writeStartObject();
            g.writeStringField("file", in.path());
            g.writeStringField("sha256", in.sha256());
            g.writeNumberField("bytes", in.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("reports");
        for (String f : r.reportFiles()) g.writeString(f);
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        for (Map.Entry<Status, Integer> e : r.counts().entrySet()) g.writeNumberField(e.getKey().name(), e.getValue());
        g.writeEndObject();
        g.writeArrayFieldStart("failingIndicators");
        for (Map.Entry<String, List<StoredVerdict>> e : BatchConsole.failingByIndicator(r).entrySet()) {
            g.writeStartObject();
            g.writeStringField("indicator", e.getKey());
            g.writeStringField("name", e.getValue().get(0).name());
            g.writeNumberField("failing", e.getValue().size());
            g.writeArrayFieldStart("entities");
            for (StoredVerdict v : e.getValue()) g.writeString(v.entityCode());
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        changes(g, "newFailures", r.changes().newFailures());
        changes(g, "fixed", r.changes().fixed());
        changes(g, "waived", r.changes().waived());
        changes(g, "unconfirmed", r.changes().unconfirmed());
        g.writeArrayFieldStart("trend");
        for (Trend t : r.trend()) {
            g.writeStartObject();
            g.writeStringField("indicator", t.indicator());
            g.writeStringField("name", t.name());
            g.writeStringField("entity", t.entityCode());
            g.writeStringField("entityName", t.entityName());
            g.writeStringField("part", t.part());
            g.writeBooleanField("changed", t.changed());
            g.writeArrayFieldStart("points");
            for (Trend.Point p : t.points()) {
                g.writeStartObject();
                g.writeNumberField("run", p.runId());
                g.writeNumberField("year", p.year());
                number(g, "observed", p.observed());
                g.writeStringField("observedText", p.observedText());
                g.writeStringField("status", p.status());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (String p : r.problems()) g.writeString(p);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void changes(JsonGenerator g, String field, List<Changes.Change> changes) throws IOException {
        g.writeArrayFieldStart(field);
        for (Changes.Change c : changes) {
            StoredVerdict v = c.any();
            g.writeStartObject();
            g.writeStringField("indicator", v.indicator());
            g.writeStringField("name", v.name());
            g.writeStringField("entity", v.entityCode());
            g.writeStringField("entityName", v.entityName());
            g.writeStringField("part", v.part());
            g.writeStringField("before", c.before() == null ? null : c.before().status().name());
            g.writeStringField("now", c.now() == null ? null : c.now().status().name());
            if (c.before() == null) g.writeNullField("yearBefore");
            else g.writeNumberField("yearBefore", c.before().year());
            if (c.now() == null) g.writeNullField("yearNow");
            else g.writeNumberField("yearNow", c.now().year());
            number(g, "observedBefore", c.before() == null ? null : c.before().observed());
            number(g, "observedNow", c.now() == null ? null : c.now().observed());
            g.writeStringField("message", c.now() == null ? null : c.now().message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeLong(JsonGenerator g, String field, Long v) throws IOException {
        if (v == null) g.writeNullField(field);
        else g.writeNumberField(field, v);
    }

    static void number(JsonGenerator g, String field, BigDecimal n) throws IOException {
        if (n == null) {
            g.writeNullField(field);
            return;
        }
        BigDecimal r = n.scale() > 10 ? n.setScale(10, RoundingMode.HALF_EVEN) : n;
        r = r.stripTrailingZeros();
        if (r.scale() < 0) r = r.setScale(0);
        g.writeNumberField(field, r);
    }
}
