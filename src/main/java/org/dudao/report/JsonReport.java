package org.dudao.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.model.VerdictJson;

import java.io.IOException;
import java.io.OutputStream;
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
            for (Verdict v : report.verdicts()) VerdictJson.write(g, v);
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
}
