package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.EntityKind;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's last bullet for what the loader reports rather than the regions' names: a file name, a sheet
 * name and a cell quoted in a load problem with every kind of bidi control (overrides, embeddings, isolates,
 * marks) are shown visibly in html, xlsx and docx, and a 100,000-character sheet name is cut there; the
 * data-check tables stay small, and report.json keeps the text whole.
 */
class LoadTextShownTest {
    /** Every bidi control TerminalText knows: embeddings and overrides, isolates, and the marks. */
    private static final String BIDI = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    private static final String FILE = "/数据/报表" + BIDI + "xslx.exe";
    private static final String SHEET = "地区" + BIDI + "表" + "长".repeat(100_000);

    private static Report report() {
        Dataset d = TestData.create()
                .entity("990101", "一县", EntityKind.COUNTY, null, null)
                .metric("990101", 2024, "一般公共预算教育支出", "90", "万元")
                .build();
        SheetTally tally = new SheetTally(FILE, SHEET, "地区表");
        tally.accepted();
        tally.hidden();
        LoadProblem p = new LoadProblem(LoadProblem.Severity.WARNING, FILE, SHEET, "E2",
                "工作表“" + SHEET + "”是隐藏的，其数据已使用（采用 1 行）：值“1" + BIDI + "2”");
        Dataset withLoad = new Dataset(d.entities(), d.metrics(), d.params(), List.of(new InputFile(FILE, "ab", 1L)),
                List.of(tally), List.of(p), new TreeSet<>(d.years()));
        return Reports.of(withLoad, 2024);
    }

    @Test
    void no_bidi_control_from_a_file_sheet_or_cell_reaches_html_xlsx_or_docx_and_a_long_sheet_name_is_cut() throws IOException {
        Report r = report();
        ReportView view = new ReportView(r);
        String html = ReportText.html(view);
        byte[] xlsx = ReportText.xlsxBytes(r), docx = ReportText.docxBytes(view);
        for (ReportText.Text t : new ReportText.Text[]{ReportText.html(html), ReportText.xlsx(xlsx), ReportText.docx(docx)}) {
            for (String piece : t.pieces()) {
                for (char c : BIDI.toCharArray()) assertThat(piece).doesNotContain(String.valueOf(c));
                assertThat(piece.length()).isLessThan(Shown.TEXT_LIMIT + 100);
            }
            assertThat(String.join("\n", t.pieces())).contains("地区\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C表");
        }
        for (char c : BIDI.toCharArray()) assertThat(html).doesNotContain(String.valueOf(c));
        assertThat(html.length()).isLessThan(300_000);
        assertThat(docx.length).isLessThan(150_000);
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        JsonReport.write(r, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains(SHEET.substring(0, 20)).contains("长".repeat(100_000));
    }
}
