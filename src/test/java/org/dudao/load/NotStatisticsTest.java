package org.dudao.load;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file that is no statistics workbook is named for what it is, by its content: a Word document renamed
 * .xlsx is still a Word document, and a zip of workbooks is a zip to unpack.
 */
class NotStatisticsTest {
    private static final String SEND = "请提交 Excel 工作簿（.xlsx/.xls）或 CSV 文件";

    @TempDir Path dir;

    private static String refused(Path f) {
        Loaded l = Loaded.load(f);
        assertThat(l.result.unreadable()).singleElement().satisfies(e -> assertThat(e.getFile()).isEqualTo(f.toString()));
        assertThat(l.dataset.years()).isEmpty();
        return l.result.unreadable().get(0).getMessage();
    }

    private Path docx(String name) throws IOException {
        Path f = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            doc.createParagraph().createRun().setText("2023年教育统计情况说明");
            doc.write(out);
        }
        return f;
    }

    @Test
    void aWordDocumentIsNamedAsOneWhateverItsExtension() throws IOException {
        String word = "这是 Word 文档（.docx），不是统计报表工作簿：" + SEND;
        assertThat(refused(docx("情况说明.docx"))).isEqualTo(word);
        assertThat(refused(docx("报表.xlsx"))).isEqualTo(word);
    }

    @Test
    void aPresentationIsNamedAsOne() throws IOException {
        Path pptx = dir.resolve("汇报.pptx");
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(pptx)) {
            show.createSlide();
            show.write(out);
        }
        assertThat(refused(pptx)).isEqualTo("这是 PowerPoint 演示文稿（.pptx），不是统计报表工作簿：" + SEND);

        Path ppt = dir.resolve("汇报.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream os = Files.newOutputStream(ppt)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "PowerPoint Document");
            fs.writeFilesystem(os);
        }
        assertThat(refused(ppt)).isEqualTo("这是 PowerPoint 演示文稿（.ppt），不是统计报表工作簿：" + SEND);
    }

    @Test
    void aZipArchiveIsNamedWithTheWorkbooksInIt() throws IOException {
        Path zip = dir.resolve("各县报表.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[]{"一县.xlsx", "二县.xlsx", "说明.txt"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertThat(refused(zip)).isEqualTo("这是 ZIP 压缩包，不是统计报表工作簿：请解压后提交其中的工作簿（包内有：一县.xlsx、二县.xlsx）");
    }

    @Test
    void anOpenDocumentSpreadsheetIsToBeSavedAsXlsx() throws IOException {
        Path ods = dir.resolve("报表.ods");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(ods))) {
            out.putNextEntry(new ZipEntry("mimetype"));
            out.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(refused(ods)).contains("OpenDocument 电子表格（.ods）").contains("另存为 .xlsx");
    }

    @Test
    void aWorkbookWithNoRecognisedSheetSaysWhichSheetsAndHeadersItHasAndTheNamesNearestThem() {
        Path f = org.dudao.testing.Workbooks.create().sheet("说明").row("本表由各县填报")
                .sheet("Sheet1").row("2023年各县教育统计").row("地区编码", "层级", "年度", "在校生人数", "Enrolment")
                .row("330102", "县", 2023, 4000, 4000)
                .sheet("Sheet2").row("Region code", "Year", "Students").row("330102", 2023, 4000)
                .save(dir.resolve("报表.xlsx"));

        Loaded l = Loaded.load(f);

        assertThat(l.dataset.years()).isEmpty();
        assertThat(l.problems()).filteredOn(p -> p.sheet() == null).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).endsWith("其中的工作表：说明、Sheet1、Sheet2");
        });
        assertThat(l.problemsAt("Sheet1", null)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("已跳过；第 2 行的表头：地区编码、层级、年度、在校生人数、Enrolment")
                .contains("；“地区编码”不是已知的列名（最接近的名称：地区代码")
                .contains("；“在校生人数”不是已知的列名（最接近的名称：在校学生数")
                .doesNotContain("“层级”不是").doesNotContain("“Enrolment”不是"));
        assertThat(l.problemsAt("Sheet2", null)).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("已跳过；第 1 行的表头：Region code、Year、Students"));
    }

    @Test
    void anUnknownColumnOfARecognisedSheetNamesTheNearestMetrics() {
        Path f = org.dudao.testing.Workbooks.create().sheet("表1").row("地区代码", "层级", "年度", "公办园幼儿数")
                .row("330102", "县", 2023, 40)
                .save(dir.resolve("表.xlsx"));

        assertThat(Loaded.load(f).problemsAt("表1", "D1")).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("指标字典中没有“公办园幼儿数”（最接近的名称：公办园在园幼儿数").contains("：该列按原样保留"));
    }
}
