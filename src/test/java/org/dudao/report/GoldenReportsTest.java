package org.dudao.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of the frozen fixture ({@link Reports#golden()}) in every format, compared with reviewed
 * expected files under {@code src/test/resources/golden/}: the docx's paragraphs (with their styles)
 * and tables, the xlsx's cells (numbers marked «…», as formatted), the html's headings, paragraphs,
 * rows and summaries. A change of wording is a visible diff there. After reviewing a change,
 * regenerate the expected files with
 * <pre>mvn -q -o test -Dtest=GoldenReportsTest -Dgolden.update=true</pre>
 * and commit them with the change.
 */
class GoldenReportsTest {
    static final Path DIR = Path.of("src/test/resources/golden");

    @Test
    void the_docx_reads_as_reviewed() throws IOException {
        compare("report.docx.txt", ReportText.docx(ReportText.docxBytes(new ReportView(Reports.golden()))).golden());
    }

    @Test
    void the_xlsx_reads_as_reviewed() throws IOException {
        compare("report.xlsx.txt", ReportText.xlsx(ReportText.xlsxBytes(Reports.golden())).golden());
    }

    @Test
    void the_html_reads_as_reviewed() throws IOException {
        compare("report.html.txt", ReportText.html(ReportText.html(new ReportView(Reports.golden()))).golden());
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("expected file; create it with -Dgolden.update=true and review it").exists();
        assertThat(actual).as(name + " (regenerate with -Dgolden.update=true after reviewing the change)")
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
