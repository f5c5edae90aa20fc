package org.dudao.report;

import org.dudao.model.Dataset;
import org.dudao.model.EntityKind;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input text as html, xlsx and docx show it (issue 15): bidi overrides and control characters are
 * written out visibly, as on the console, and a name is cut to {@link Shown#NAME_LIMIT} characters,
 * while report.json keeps everything exactly.
 */
class DisplayTextTest {
    /** A county whose name reverses the text after it and then runs on for 100,000 characters. */
    private static final String LONG = "\u202E县" + "长".repeat(100_000);
    private static final String SPOOFED = "一\u202Exslx.exe\u202C县\u0007";

    private static Report report() {
        Dataset d = TestData.create()
                .entity("990000", SPOOFED, EntityKind.PROVINCE, null, null)
                .entity("990101", LONG, EntityKind.COUNTY, "990000", null)
                .metric("990101", 2023, "一般公共预算教育支出", "100", "万元")
                .metric("990101", 2024, "一般公共预算教育支出", "90", "万元")
                .build();
        return Reports.of(d, 2024);
    }

    @Test
    void no_format_shows_a_bidi_override_or_a_control_character_from_the_input() throws IOException {
        Report r = report();
        ReportView view = new ReportView(r);
        String html = ReportText.html(view);
        for (ReportText.Text t : new ReportText.Text[]{ReportText.html(html), ReportText.xlsx(ReportText.xlsxBytes(r)),
            ReportText.docx(ReportText.docxBytes(view))}) {
            for (String piece : t.pieces()) assertThat(piece).doesNotContain("\u202E", "\u202C", "\u0007");
            assertThat(String.join("\n", t.pieces())).contains("一\\u202Exslx.exe\\u202C县\\u0007");
        }
        assertThat(html).doesNotContain("\u202E");
    }

    @Test
    void a_100000_character_name_is_cut_in_the_reports_and_kept_whole_in_report_json() throws IOException {
        Report r = report();
        ReportView view = new ReportView(r);
        String html = ReportText.html(view);
        assertThat(html.length()).as("not 37 MB").isLessThan(200_000);
        assertThat(html).contains("\\u202E县" + "长".repeat(Shown.NAME_LIMIT - 8) + "…");
        assertThat(ReportText.docxBytes(view).length).isLessThan(100_000);
        for (String piece : ReportText.xlsx(ReportText.xlsxBytes(r)).pieces()) assertThat(piece.length()).isLessThan(Shown.TEXT_LIMIT + 100);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonReport.write(r, json);
        assertThat(json.toString(StandardCharsets.UTF_8)).contains(LONG);
    }

    @Test
    void a_name_is_cut_by_characters_never_inside_a_surrogate_pair() {
        assertThat(Shown.name("𠀀".repeat(150))).isEqualTo("𠀀".repeat(Shown.NAME_LIMIT - 1) + "…");
        assertThat(Shown.name("二县")).isEqualTo("二县");
        assertThat(Shown.fileName("/a/b/c.xlsx")).isEqualTo("c.xlsx");
        assertThat(Shown.fileName("C:\\a\\c.xlsx")).isEqualTo("c.xlsx");
        assertThat(Shown.clean("a\u202Eb")).isEqualTo("a\\u202Eb");
    }
}
