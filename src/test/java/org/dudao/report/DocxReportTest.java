package org.dudao.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.model.Indicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocxReportTest {
    @TempDir Path dir;

    @Test
    void the_run_document_has_the_usual_shape_with_real_heading_styles() throws IOException {
        Path file = dir.resolve(DocxReport.FILE);
        DocxReport.write(Reports.sample(), file);
        try (XWPFDocument doc = read(file)) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertThat(title.getStyle()).isEqualTo("Title");
            assertThat(title.getText()).isEqualTo("示例省2024年教育督导评估报告");
            assertThat(styled(doc, "Heading1")).containsExactly("一、基本情况", "二、主要问题", "三、整改要求", "附件：数据核对");
            List<String> h2 = styled(doc, "Heading2");
            assertThat(h2).hasSize(9 + 1);
            assertThat(h2.get(0)).isEqualTo("（一）一般公共预算教育支出只增不减（FUND-01）");
            assertThat(h2.get(9)).isEqualTo("（十）预警与数据不足");
            // Word shows these as its built-in headings: same ids and names, with outline levels
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
            assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isZero();

            String text = allText(doc);
            Indicator fund = Reports.sample().catalogue().get(0);
            assertThat(text).contains("依据：“" + fund.source() + "”");
            assertThat(text).contains("二县（县，990102）：2024年 44000 万元，低于 2023年 45000 万元（减少 1000 万元）");
            assertThat(text).contains("src/test/resources/fixture/sample-2024.xlsx 表1 地区!F8");
            assertThat(text).contains("共收到统计工作簿 2 个").contains("读取数据行 42 行");

            XWPFTable todo = doc.getTables().get(0);
            assertThat(cells(todo.getRow(0))).containsExactly("序号", "责任地区", "对象", "指标", "发现的问题", "整改要求", "依据");
            assertThat(todo.getRows()).hasSize(1 + 12);
            assertThat(todo.getRow(0).isRepeatHeader()).isTrue();
            XWPFTable rec = doc.getTables().get(1);
            assertThat(rec.getRows()).hasSize(1 + 5);
            assertThat(cells(rec.getRow(1)).get(0)).isEqualTo(org.dudao.testing.Fixture.S2023);
        }
    }

    @Test
    void per_region_documents_cover_the_region_and_what_lies_under_it() throws IOException {
        List<Path> files = DocxReport.writePerRegion(Reports.sample(), dir);
        assertThat(files).hasSize(7);
        Path county2 = dir.resolve("督导报告-二县-990102.docx");
        assertThat(files).contains(county2);
        try (XWPFDocument doc = read(county2)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("二县2024年教育督导评估报告");
            List<String> regions = new ArrayList<>();
            XWPFTable todo = doc.getTables().get(0);
            for (XWPFTableRow r : todo.getRows().subList(1, todo.getRows().size())) regions.add(r.getCell(1).getText());
            // its own 9 failures and its school's 2, none of 甲市's
            assertThat(regions).hasSize(11).containsOnly("二县");
        }
        try (XWPFDocument doc = read(dir.resolve("督导报告-一县-990101.docx"))) {
            assertThat(allText(doc)).contains("本次评估未发现不达标问题。").contains("无须整改的不达标事项。");
        }
    }

    @Test
    void file_names_made_from_region_names_stay_in_the_output_folder() throws IOException {
        Path out = dir.resolve("out");
        List<Path> files = DocxReport.writePerRegion(Reports.hostile(), out);
        assertThat(files).hasSize(3);
        try (Stream<Path> listed = Files.list(out)) {
            assertThat(listed.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("督导报告-script_alert_1_script-990000.docx", "督导报告-HYPERLINK_x-990101.docx",
                            "督导报告-逃逸_县-990102.docx");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).allMatch(p -> p.getParent().equals(out));
        }
        assertThatThrownBy(() -> SafeFileNames.inside(out, "../x.docx")).isInstanceOf(IOException.class);
        assertThat(SafeFileNames.sanitise("..")).isEqualTo("未命名");
        assertThat(SafeFileNames.unique("a/b", ".docx", new HashSet<>(List.of("a_b.docx")))).isEqualTo("a_b_2.docx");
    }

    @Test
    void hostile_names_are_kept_as_plain_text_in_the_document() throws IOException {
        Path file = dir.resolve(DocxReport.FILE);
        DocxReport.write(Reports.hostile(), file);
        try (XWPFDocument doc = read(file)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(Reports.SCRIPT + "2024年教育督导评估报告");
            assertThat(allText(doc)).contains(Reports.FORMULA + "（县，990101）");
        }
    }

    private static XWPFDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    private static List<String> styled(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static String allText(XWPFDocument doc) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : doc.getParagraphs()) b.append(p.getText()).append('\n');
        return b.toString();
    }

    private static List<String> cells(XWPFTableRow r) {
        return r.getTableCells().stream().map(c -> c.getText()).toList();
    }
}
