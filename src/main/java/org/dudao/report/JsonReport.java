package org.dudao.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.dudao.model.ChildFinding;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code report.json}: a contract other tools read, documented in {@code docs/report-json.md}.
 * Streamed field by field in a fixed order, so identical input and rules give identical bytes (apart
 * from {@code run.time}) and a large run needs no tree in memory.
 */
public final class JsonReport {
    public static final String SCHEMA = "dudao.report/1";
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonReport() {}

    public static void write(Report report, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(report, out));
    }

    public static void write(Report report, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            run(g, report.run());
            summary(g, report);
            load(g, report.data());
            indicators(g, report);
            g.writeArrayFieldStart("verdicts");
            for (Verdict v : report.verdicts()) verdict(g, v);
            g.writeEndArray();
            g.writeArrayFieldStart("runProblems");
            for (String p : report.runProblems()) g.writeString(p);
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : report.evaluation().notes()) g.writeString(n);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void run(JsonGenerator g, RunInfo r) throws IOException {
        g.writeObjectFieldStart("run");
        g.writeStringField("tool", r.tool());
        g.writeStringField("version", r.version());
        g.writeStringField("time", r.time());
        g.writeNumberField("year", r.year());
        g.writeArrayFieldStart("yearsPresent");
        for (int y : r.yearsPresent()) g.writeNumber(y);
        g.writeEndArray();
        g.writeArrayFieldStart("inputs");
        for (Dataset.InputFile f : r.inputs()) {
            g.writeStartObject();
            g.writeStringField("file", f.path());
            g.writeStringField("sha256", f.sha256());
            g.writeNumberField("bytes", f.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("rules");
        g.writeStringField("dir", r.rulesDir());
        g.writeStringField("sha256", r.rulesSha256());
        g.writeNumberField("indicators", r.indicators());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Report report) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("verdicts", report.verdicts().size());
        for (Map.Entry<Status, Integer> e : report.counts().entrySet()) g.writeNumberField(e.getKey().name(), e.getValue());
        g.writeEndObject();
    }

    private static void load(JsonGenerator g, Dataset data) throws IOException {
        g.writeObjectFieldStart("load");
        g.writeArrayFieldStart("sheets");
        for (SheetTally t : data.sheets()) {
            g.writeStartObject();
            g.writeStringField("file", t.getFile());
            g.writeStringField("sheet", t.getSheet());
            g.writeStringField("kind", t.getKind());
            g.writeNumberField("rowsRead", t.getRead());
            g.writeNumberField("rowsAccepted", t.getAccepted());
            g.writeNumberField("rowsSkipped", t.getSkipped());
            g.writeNumberField("rowsRejected", t.getRejected());
            g.writeNumberField("blankRows", t.getBlank());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (LoadProblem p : data.problems()) {
            g.writeStartObject();
            g.writeStringField("severity", p.severity().name());
            g.writeStringField("file", p.file());
            g.writeStringField("sheet", p.sheet());
            g.writeStringField("cell", p.cell());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void indicators(JsonGenerator g, Report report) throws IOException {
        g.writeArrayFieldStart("indicators");
        for (Indicator i : report.catalogue()) {
            g.writeStartObject();
            g.writeStringField("id", i.id());
            g.writeStringField("name", i.name());
            g.writeStringField("level", i.level());
            g.writeStringField("pattern", i.pattern());
            g.writeStringField("bound", i.bound());
            g.writeStringField("source", i.source());
            g.writeStringField("warn", i.warn());
            g.writeStringField("file", i.file());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void verdict(JsonGenerator g, Verdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("indicator", v.getIndicator());
        g.writeStringField("name", v.getName());
        g.writeStringField("level", v.getLevel());
        g.writeStringField("entity", v.getEntityCode());
        g.writeStringField("entityName", v.getEntityName());
        if (v.getPart() != null) g.writeStringField("part", v.getPart());
        g.writeStringField("parent", v.getParentCode());
        g.writeNumberField("year", v.getYear());
        g.writeStringField("status", v.getStatus().name());
        g.writeStringField("statusLabel", v.getStatus().label());
        number(g, "observed", v.getObserved());
        g.writeStringField("observedText", v.getObservedText());
        g.writeStringField("bound", v.getBound());
        if (v.getLimit() != null) number(g, "limit", v.getLimit());
        g.writeStringField("formula", v.getFormula());
        g.writeStringField("message", v.getMessage());
        g.writeStringField("source", v.getSource());
        if (v.getWaiver() == null) {
            g.writeNullField("waiver");
        } else {
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", v.getWaiver().reason());
            g.writeStringField("approver", v.getWaiver().approver());
            g.writeStringField("expires", v.getWaiver().expires().toString());
            g.writeBooleanField("active", v.getStatus() == org.dudao.model.Status.WAIVED);
            g.writeStringField("origin", v.getWaiver().origin());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("missing");
        for (String m : v.getMissing()) g.writeString(m);
        g.writeEndArray();
        g.writeArrayFieldStart("evidence");
        for (Metric m : v.getEvidence()) evidence(g, m);
        g.writeEndArray();
        g.writeArrayFieldStart("children");
        for (ChildFinding c : v.getChildren()) {
            g.writeStartObject();
            g.writeStringField("entity", c.entity());
            g.writeStringField("entityName", c.entityName());
            g.writeStringField("status", c.status().name());
            g.writeStringField("message", c.message());
            g.writeArrayFieldStart("cells");
            for (Origin o : c.cells()) origin(g, o);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, Metric m) throws IOException {
        g.writeStartObject();
        g.writeStringField("metric", m.getKey());
        g.writeStringField("entity", m.getEntityCode());
        g.writeNumberField("year", m.getYear());
        number(g, "value", m.getValue());
        g.writeStringField("text", m.getText());
        g.writeStringField("unit", m.getUnit());
        g.writeStringField("file", m.getOrigin().getFile());
        g.writeStringField("sheet", m.getOrigin().getSheet());
        g.writeStringField("cell", m.getOrigin().getCell());
        g.writeEndObject();
    }

    private static void origin(JsonGenerator g, Origin o) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", o.getFile());
        g.writeStringField("sheet", o.getSheet());
        g.writeStringField("cell", o.getCell());
        g.writeEndObject();
    }

    /** Decimals as JSON numbers, at most 10 places and without trailing zeros, so the bytes stay stable. */
    private static void number(JsonGenerator g, String field, BigDecimal n) throws IOException {
        if (n == null) {
            g.writeNullField(field);
            return;
        }
        BigDecimal r = n.scale() > 10 ? n.setScale(10, java.math.RoundingMode.HALF_EVEN) : n;
        r = r.stripTrailingZeros();
        if (r.scale() < 0) r = r.setScale(0);
        g.writeNumberField(field, r);
    }
}
