package org.dudao.api;

import org.dudao.report.DocxReport;
import org.dudao.report.HtmlReport;
import org.dudao.report.JsonReport;
import org.dudao.report.Report;
import org.dudao.report.ReportView;
import org.dudao.report.XlsxReport;
import org.dudao.util.FileNameCharset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The reports dudao writes, in the order a run writes them (json first: the contract other tools
 * read, and the cheapest): each with its name as {@code --format} says it, the file it is written to
 * in a run's folder, and its writer. Written by {@link Evaluation#write}; this is the one place a new
 * format is added.
 */
public enum ReportFormat {
    /** {@code report.json}, the machine-readable report (its schema: docs/report-json.md). */
    JSON("json", "report.json", job -> JsonReport.write(job.report(), job.file(), job.threads())),
    /**
     * {@code report.json.gz}: the same document gzip-compressed, a tenth or less of its size, for runs
     * whose report.json is too large to keep or send. Asked for by name only: {@code all} does not include it.
     */
    JSON_GZ("json.gz", "report.json.gz", job -> JsonReport.writeGzip(job.report(), job.file(), job.threads())),
    /** {@code report.xlsx}, the workbook a person filters and sorts. */
    XLSX("xlsx", "report.xlsx", job -> XlsxReport.write(job.report(), job.file())),
    /** {@code report.html}, the page a person reads first. */
    HTML("html", "report.html", job -> HtmlReport.write(job.view().get(), job.file())),
    /** {@code 督导报告.docx}, the Word draft of the supervision report ({@code report.docx} where the locale cannot name it in Chinese). */
    DOCX("docx", DocxReport.FILE, job -> DocxReport.write(job.view().get(), job.file()));

    /** What a writer is given: the report, its view (gathered once for the formats that need it), the file, the threads it may use. */
    record Job(Report report, Supplier<ReportView> view, Path file, int threads) {}

    /** Writes one format's file. */
    interface Writer {
        void write(Job job) throws IOException;
    }

    private final String id;
    private final String fileName;
    private final Writer writer;

    ReportFormat(String id, String fileName, Writer writer) {
        this.id = id;
        this.fileName = fileName;
        this.writer = writer;
    }

    /** The name as {@code --format} takes it: {@code json}, {@code json.gz}, {@code xlsx}, {@code html}, {@code docx}. */
    public String id() { return id; }

    /**
     * The file the format is written to in a run's folder. 督导报告.docx cannot be named under a locale
     * without Chinese (LANG=C and a plain {@code java -jar}): there it is {@code report.docx}.
     */
    public String fileName() {
        return FileNameCharset.fits(fileName) ? fileName : "report." + id;
    }

    Writer writer() { return writer; }

    /** What {@code all} means: every format but {@link #JSON_GZ}, which repeats report.json and is asked for by name. */
    public static List<ReportFormat> all() {
        return Stream.of(values()).filter(f -> f != JSON_GZ).toList();
    }

    /**
     * The formats asked for by name, {@code all} meaning {@link #all()}, without repeats and in writing
     * order; an unknown name is refused with the names this build knows.
     */
    public static List<ReportFormat> parse(Collection<String> asked) throws DudaoException {
        Set<String> names = new LinkedHashSet<>();
        for (String a : asked) names.add(a.strip().toLowerCase(Locale.ROOT));
        if (names.remove("all")) for (ReportFormat f : all()) names.add(f.id);
        List<ReportFormat> out = new ArrayList<>();
        for (ReportFormat f : values()) if (names.remove(f.id)) out.add(f);
        if (!names.isEmpty()) {
            throw new DudaoException("不支持的报告格式：" + String.join(",", names) + "（目前支持：" + String.join(",", ids()) + "）");
        }
        return out;
    }

    private static List<String> ids() {
        return Stream.of(values()).map(ReportFormat::id).toList();
    }
}
