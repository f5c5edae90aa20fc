package org.dudao.report;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    void the_document_has_a_cover_the_three_parts_and_the_annexes_in_real_heading_styles() throws IOException {
        try (XWPFDocument doc = read(Reports.golden())) {
            assertThat(styled(doc, "CoverTitle")).containsExactly("示例省", "2024年教育督导评估报告");
            assertThat(styled(doc, "CoverLine")).containsExactly("评估对象：示例省", "评估年度：2024年", "报告日期：2026年1月1日");
            assertThat(styled(doc, "Title").get(0)).isEqualTo("示例省2024年教育督导评估报告");
            // the numbers (一、（一）) are Word's, from the numbering definition: the text has none
            assertThat(styled(doc, "Heading1")).containsExactly("基本情况", "主要问题", "整改要求");
            List<String> h2 = styled(doc, "Heading2");
            assertThat(h2).startsWith("评估范围", "数据收集情况", "评估结论", "一般公共预算教育支出只增不减").hasSize(3 + 9);
            assertThat(h2).noneMatch(t -> t.startsWith("（"));
            assertThat(styled(doc, "AnnexHeading")).containsExactly("附件1", "附件2", "附件3", "附件4", "附件5");
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
            assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isZero();
            assertThat(doc.getStyles().getStyle("AnnexHeading").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isZero();
        }
    }

    @Test
    void headings_and_findings_are_numbered_by_word_as_chinese_documents_number_them() throws IOException {
        try (XWPFDocument doc = read(Reports.golden())) {
            for (String[] style : new String[][]{{"Heading1", "0"}, {"Heading2", "1"}, {"Finding", "2"}}) {
                var numPr = doc.getStyles().getStyle(style[0]).getCTStyle().getPPr().getNumPr();
                assertThat(numPr.getNumId().getVal().intValue()).as(style[0]).isEqualTo(1);
                assertThat(numPr.getIlvl().getVal().intValue()).as(style[0]).isEqualTo(Integer.parseInt(style[1]));
            }
            XWPFAbstractNum abs = doc.getNumbering().getAbstractNum(doc.getNumbering().getAbstractNumID(java.math.BigInteger.ONE));
            CTLvl[] lvl = abs.getCTAbstractNum().getLvlArray();
            assertThat(lvl[0].getNumFmt().getVal().toString()).isEqualTo("chineseCounting");
            assertThat(lvl[0].getLvlText().getVal()).isEqualTo("%1、");
            assertThat(lvl[1].getNumFmt().getVal().toString()).isEqualTo("chineseCounting");
            assertThat(lvl[1].getLvlText().getVal()).isEqualTo("（%2）");
            assertThat(lvl[2].getNumFmt().getVal().toString()).isEqualTo("decimal");
            assertThat(lvl[2].getLvlText().getVal()).isEqualTo("%3.");
            assertThat(styled(doc, "Finding")).hasSize(12);
        }
    }

    @Test
    void the_body_is_fangsong_with_a_latin_font_on_a4_with_official_margins_and_page_numbers() throws IOException {
        byte[] bytes = bytes(Reports.golden());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var defaults = doc.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr();
            assertThat(defaults.getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
            assertThat(defaults.getRFontsArray(0).getAscii()).isEqualTo("Times New Roman");
            assertThat(defaults.getSzArray(0).getVal().toString()).isEqualTo("32");
            assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("黑体");
            assertThat(doc.getStyles().getStyle("Heading2").getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("楷体_GB2312");
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(sect.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(sect.getPgMar().getTop().toString()).isEqualTo("2098");
            assertThat(sect.getPgMar().getLeft().toString()).isEqualTo("1588");
            assertThat(sect.isSetTitlePg()).as("no page number on the cover").isTrue();
            assertThat(doc.getFooterList()).anyMatch(f -> f.getParagraphs().get(0).getCTP().sizeOfFldSimpleArray() == 1
                    && f.getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr().equals("PAGE"));
            var fonts = doc.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml"));
            assertThat(fonts).hasSize(1);
            String table = new String(fonts.get(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(table).contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>").contains("SimSun");
        }
    }

    @Test
    void basics_count_every_workbook_received_including_one_that_could_not_be_read() throws IOException {
        try (XWPFDocument doc = read(Reports.golden())) {
            String text = allText(doc);
            assertThat(text).contains("共收到统计工作簿3个，其中1个无法读取，未纳入评估（损坏的工作簿.xlsx：")
                    .contains("读取数据表5张、数据行42行");
        }
        try (XWPFDocument doc = read(Reports.sample())) {
            assertThat(allText(doc)).contains("共收到统计工作簿2个；");
        }
    }

    @Test
    void a_finding_quotes_its_source_by_document_and_its_cells_by_workbook_name_each_once() throws IOException {
        try (XWPFDocument doc = read(Reports.golden())) {
            String text = allText(doc);
            assertThat(text).contains("标准：不低于上年。依据：《省委教育工委组织部2024年工作要点》（一）第21条、《省委教育工委组织部2024年工作要点》（二）第27条；"
                    + "《中共云南省委教育工委 云南省教育厅2023年工作要点》第29条；《国务院办公厅关于进一步调整优化结构提高教育经费使用效益的意见》（国办发〔2018〕82号）。");
            assertThat(styled(doc, "Finding")).contains(
                    "二县（县）：一般公共预算教育支出 44000 万元，比上年减少 1000 万元，同比下降 2.2%，未实现“只增不减”。数据来源：sample-2024.xlsx!表1 地区!F8、sample-2023.xlsx!表1 地区!F7。");
            assertThat(text).doesNotContain("src/test/resources/fixture/sample-2024.xlsx 表1").doesNotContain("、等。");
        }
    }

    @Test
    void the_rectification_table_gives_a_concrete_requirement_per_failure() throws IOException {
        try (XWPFDocument doc = read(Reports.golden())) {
            XWPFTable todo = table(doc, "序号");
            assertThat(cells(todo.getRow(0))).containsExactly("序号", "责任地区", "整改对象", "整改要求", "完成时限");
            assertThat(todo.getRows()).hasSize(1 + 12);
            assertThat(todo.getRow(0).isRepeatHeader()).isTrue();
            List<String> requirements = new ArrayList<>();
            for (XWPFTableRow r : todo.getRows().subList(1, todo.getRows().size())) requirements.add(r.getCell(3).getText());
            assertThat(requirements).contains("提高公办幼儿园在园幼儿占比，使其不低于 50%（现为 40%）",
                    "确保一般公共预算教育支出不低于上年（2024年 44000 万元，上年 45000 万元）", "督促二县城关小学整改：建成资源教室");
            assertThat(requirements).noneMatch(r -> r.contains("（≥") || r.contains("（="));
        }
    }

    @Test
    void the_data_gaps_annex_names_each_unit_once_over_what_it_must_supply() throws IOException {
        try (XWPFDocument doc = read(Reports.golden())) {
            XWPFTable gaps = table(doc, "填报单位");
            assertThat(cells(gaps.getRow(1))).containsExactly("四县（990104）", "地区表", "一般公共预算教育支出(万元)", "2024", "FUND-01", "");
            // the unit's cell spans its rows: the next row continues it, empty
            assertThat(gaps.getRow(2).getCell(0).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("continue");
            assertThat(gaps.getRow(2).getCell(0).getText()).isEmpty();
            assertThat(gaps.getRow(1).getCell(0).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
        }
    }

    @Test
    void per_region_documents_cover_the_region_and_what_lies_under_it() throws IOException {
        List<Path> files = DocxReport.writePerRegion(Reports.sample(), dir);
        assertThat(files).hasSize(7);
        Path county2 = dir.resolve("督导报告-二县-990102.docx");
        assertThat(files).contains(county2);
        try (XWPFDocument doc = read(county2)) {
            assertThat(styled(doc, "Title").get(0)).isEqualTo("二县2024年教育督导评估报告");
            List<String> regions = new ArrayList<>();
            XWPFTable todo = table(doc, "序号");
            for (XWPFTableRow r : todo.getRows().subList(1, todo.getRows().size())) regions.add(r.getCell(1).getText());
            // its own 9 failures and its school's 2, none of 甲市's
            assertThat(regions).hasSize(11).containsOnly("二县");
        }
        try (XWPFDocument doc = read(dir.resolve("督导报告-一县-990101.docx"))) {
            assertThat(allText(doc)).contains("本次评估未发现不达标问题。").contains("本次评估无不达标事项，无须整改。");
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
        try (XWPFDocument doc = read(Reports.hostile())) {
            assertThat(styled(doc, "Title").get(0)).isEqualTo(Reports.SCRIPT + "2024年教育督导评估报告");
            assertThat(allText(doc)).contains(Reports.FORMULA + "（县）");
        }
    }

    private XWPFDocument read(Report report) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes(report)));
    }

    private static byte[] bytes(Report report) throws IOException {
        return ReportText.docxBytes(new ReportView(report));
    }

    private static XWPFDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    static List<String> styled(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static String allText(XWPFDocument doc) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : doc.getParagraphs()) b.append(p.getText()).append('\n');
        return b.toString();
    }

    /** The first table whose header starts with {@code first}. */
    private static XWPFTable table(XWPFDocument doc, String first) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals(first)).findFirst().orElseThrow();
    }

    private static List<String> cells(XWPFTableRow r) {
        return r.getTableCells().stream().map(c -> c.getText()).toList();
    }
}
