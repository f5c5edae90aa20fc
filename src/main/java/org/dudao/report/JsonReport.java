package org.dudao.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import org.dudao.engine.VerdictJson;
import org.dudao.engine.VerdictStore;
import org.dudao.model.Dataset;
import org.dudao.model.Indicator;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Writes {@code report.json}: a contract other tools read, documented in {@code docs/report-json.md}.
 * Streamed field by field in a fixed order, so identical input and rules give identical bytes (apart
 * from {@code run.time}) and a large run needs no tree in memory.
 */
public final class JsonReport {
    public static final String SCHEMA = "dudao.report/2";
    /**
     * Up to this many verdicts (the shipped sample has about 1,100) the report is indented for a person
     * opening it in an editor; above it, compact: nobody pages through more, and indenting adds a third.
     */
    static final int PRETTY_LIMIT = 2000;
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonReport() {}

    public static void write(Report report, Path file) throws IOException {
        write(report, file, Runtime.getRuntime().availableProcessors());
    }

    /** Turning the verdicts into text on at most {@code threads} threads (the run's --threads). */
    public static void write(Report report, Path file, int threads) throws IOException {
        AtomicFiles.write(file, out -> write(report, out, threads));
    }

    /**
     * {@code report.json.gz}: the same bytes as {@link #write(Report, Path, int)}, gzip-compressed as
     * they are written (nothing of the plain text is kept), the verdicts' chunks on the threads that
     * write them (see {@link GzipMembers}).
     */
    public static void writeGzip(Report report, Path file, int threads) throws IOException {
        AtomicFiles.write(file, out -> write(report, new GzipMembers(out), threads)); // the generator closes it, which ends the gzip
    }

    public static void write(Report report, OutputStream out) throws IOException {
        write(report, out, Runtime.getRuntime().availableProcessors());
    }

    private static void write(Report report, OutputStream out, int threads) throws IOException {
        write(report, out, threads, CitedValues.REMEMBERED);
    }

    /** With at most {@code remembered} recently cited values looked up again (see {@link CitedValues}). */
    static void write(Report report, OutputStream out, int threads, int remembered) throws IOException {
        boolean pretty = report.verdicts().size() <= PRETTY_LIMIT;
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            run(g, report);
            summary(g, report);
            load(g, report.data());
            indicators(g, report);
            parameters(g, report);
            g.writeArrayFieldStart("verdicts");
            g.flush();
            try (CitedValues cited = new CitedValues(HtmlReport.CHILD_LIMIT, report.catalogue(), FACTORY, pretty, remembered)) {
                verdicts(report.verdicts(), out, threads, cited, pretty);
                g.writeEndArray(); // " ]", as the pretty printer ends an array with values (and "[ ]" when there were none)
                cited.write(g, out, pretty);
            }
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

    /**
     * The verdicts, printed as the report's generator would print them inside its array, but chunk by
     * chunk on all cores: at national scale turning three million verdicts into text is most of the
     * report's time, and the chunks are independent once their cited values are numbered. Chunks are
     * read (from the store) in parallel, numbered in order on this thread, turned into text in
     * parallel and written in order, so the bytes do not depend on the number of threads.
     */
    private static void verdicts(List<Verdict> verdicts, OutputStream out, int maxThreads, CitedValues cited, boolean pretty)
            throws IOException {
        Iterator<Supplier<List<Verdict>>> chunks = VerdictStore.chunks(verdicts, CHUNK);
        int threads = verdicts.size() > CHUNK ? Math.max(1, maxThreads) : 1;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, JsonReport::daemon) : null;
        try {
            Deque<Future<List<Verdict>>> read = new ArrayDeque<>();
            Deque<Future<Encoded>> encoded = new ArrayDeque<>();
            GzipMembers gzip = out instanceof GzipMembers members ? members : null;
            String separator = pretty ? " " : ""; // then ", " or "," before each further chunk
            while (chunks.hasNext() || !read.isEmpty() || !encoded.isEmpty()) {
                while (chunks.hasNext() && read.size() < threads) read.add(run(pool, chunks.next()::get));
                if (!read.isEmpty() && encoded.size() < 2 * threads) {
                    List<Verdict> chunk = read.poll().get();
                    VerdictJson.Refs refs = cited.add(chunk);
                    String before = separator;
                    encoded.add(run(pool, () -> encode(chunk, refs, pretty, before, gzip != null)));
                    separator = pretty ? ", " : ",";
                    continue;
                }
                Encoded chunk = encoded.poll().get();
                if (chunk.member() != null) gzip.member(chunk.member());
                else chunk.text().writeTo(out); // not toByteArray(): that copied every chunk (the whole report) once more
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("写报告时被中断");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    private static <T> Future<T> run(ExecutorService pool, Callable<T> task) {
        if (pool != null) return pool.submit(task);
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Verdicts a chunk of an in-memory list holds (a store's list comes in its own blocks). */
    private static final int CHUNK = 2000;

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "report-json");
        t.setDaemon(true);
        return t;
    }

    /** A chunk of verdicts as text, or as a gzip member of that text. */
    private record Encoded(ByteArrayOutputStream text, byte[] member) {}

    private static Encoded encode(List<Verdict> chunk, VerdictJson.Refs refs, boolean pretty, String separator, boolean gzip)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(chunk.size() * (pretty ? 1024 : 512));
        bytes.write(separator.getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            if (pretty) g.setPrettyPrinter(new CitedValues.InsideArray());
            else g.setRootValueSeparator(new SerializedString(","));
            for (Verdict v : chunk) VerdictJson.write(g, v, refs);
        }
        return gzip ? new Encoded(null, GzipMembers.compress(bytes)) : new Encoded(bytes, null);
    }

    private static void run(JsonGenerator g, Report report) throws IOException {
        RunInfo r = report.run();
        g.writeObjectFieldStart("run");
        g.writeStringField("tool", r.tool());
        g.writeStringField("version", r.version());
        g.writeStringField("time", r.time());
        g.writeNumberField("year", r.year());
        g.writeArrayFieldStart("yearsPresent");
        for (int y : r.yearsPresent()) g.writeNumber(y);
        g.writeEndArray();
        g.writeArrayFieldStart("inputs");
        for (InputFile f : r.inputs()) {
            g.writeStartObject();
            g.writeStringField("file", f.path());
            g.writeStringField("sha256", f.sha256());
            g.writeNumberField("bytes", f.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("unreadable");
        for (ReportContext.Unreadable u : report.context().unreadable()) {
            g.writeStartObject();
            g.writeStringField("file", u.file());
            g.writeStringField("reason", u.reason());
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
        g.writeObjectFieldStart("statusLabels"); // once here, not in every verdict
        for (Status s : Status.values()) g.writeStringField(s.name(), s.label());
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

    /** The parameters the bounds use, with the value used and where it came from (the reports' 参数及其取值). */
    private static void parameters(JsonGenerator g, Report report) throws IOException {
        g.writeArrayFieldStart("parameters");
        for (Parameters.Row p : Parameters.of(report).rows()) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            g.writeArrayFieldStart("indicators");
            for (String id : p.indicators()) g.writeString(id);
            g.writeEndArray();
            g.writeFieldName("value");
            if (p.value() == null) g.writeNull();
            else g.writeNumber(p.value());
            g.writeStringField("unit", p.unit());
            g.writeStringField("from", p.from().name());
            g.writeStringField("origin", p.origin());
            g.writeEndObject();
        }
        g.writeEndArray();
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
