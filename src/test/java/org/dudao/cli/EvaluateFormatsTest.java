package org.dudao.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dudao evaluate --format ...}: which files each format writes, and that a rerun gives the same content. */
class EvaluateFormatsTest {
    private static final String S2023 = org.dudao.testing.Fixture.S2023;
    private static final String S2024 = org.dudao.testing.Fixture.S2024;

    @TempDir Path tmp;

    @Test
    void all_writes_the_four_reports_side_by_side_and_nothing_else() throws IOException {
        Cli r = Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "all", "--out", tmp.toString(), S2023, S2024);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(names(tmp)).containsExactlyInAnyOrder("report.json", "report.xlsx", "report.html", "督导报告.docx", "manifest.json");
        assertThat(r.out()).contains("报告已写入").contains("督导报告.docx");
    }

    @Test
    void json_gz_is_asked_for_by_name_and_holds_the_report_json_document() throws IOException {
        Cli r = Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "json,json.gz", "--out", tmp.toString(), S2023, S2024);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(names(tmp)).containsExactlyInAnyOrder("report.json", "report.json.gz", "manifest.json");
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(tmp.resolve("report.json.gz")))) {
            String gunzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String plain = Files.readString(tmp.resolve("report.json"));
            assertThat(gunzipped).startsWith("{").contains("\"schema\" : \"dudao.report/2\"");
            // the two were written one after the other from one run: the same document, run.time included
            assertThat(gunzipped).isEqualTo(plain);
        }
    }

    @Test
    void formats_are_chosen_one_by_one_and_per_region_splits_the_docx() throws IOException {
        Cli r = Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "html,docx", "--per-region", "--out", tmp.toString(), S2023, S2024);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(names(tmp)).contains("report.html", "督导报告-二县-990102.docx", "督导报告-示例省-990000.docx")
                .doesNotContain("report.json", "report.xlsx", "督导报告.docx").hasSize(1 + 7 + 1); // and manifest.json
    }

    @Test
    void unknown_formats_and_per_region_without_docx_cannot_run() {
        Cli pdf = Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "json,pdf", "--out", tmp.toString(), S2024);
        assertThat(pdf.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(pdf.err()).contains("pdf");
        Cli split = Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "xlsx", "--per-region", "--out", tmp.toString(), S2024);
        assertThat(split.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(split.err()).contains("--per-region");
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void a_rerun_gives_the_same_content_in_every_format_apart_from_the_run_time() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "all", "--threads", "1", "--out", a.toString(), S2023, S2024);
        Cli.run("evaluate", "--rules", org.dudao.testing.Fixture.RULES, "--format", "all", "--threads", "2", "--out", b.toString(), S2023, S2024);
        assertThat(withoutTime(Files.readString(b.resolve("report.html")))).isEqualTo(withoutTime(Files.readString(a.resolve("report.html"))));
        assertThat(cells(b.resolve("report.xlsx"))).isEqualTo(cells(a.resolve("report.xlsx")));
        assertThat(paragraphs(b.resolve("督导报告.docx"))).isEqualTo(paragraphs(a.resolve("督导报告.docx")));
    }

    private static String withoutTime(String s) {
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[^ <\"]*", "TIME");
    }

    private static List<String> cells(Path file) throws IOException {
        DataFormatter fmt = new DataFormatter();
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) out.add(s.getSheetName() + "!" + c.getAddress() + "=" + withoutTime(fmt.formatCellValue(c)));
                }
            }
        }
        return out;
    }

    private static List<String> paragraphs(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            // the cover's date is the run's (two runs either side of midnight differ in it alone)
            List<String> out = new ArrayList<>(doc.getParagraphs().stream().map(XWPFParagraph::getText)
                    .map(t -> t.replaceAll("^报告日期：\\d+年\\d+月\\d+日$", "报告日期：DATE")).toList());
            doc.getTables().forEach(t -> out.add(t.getText()));
            return out;
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
