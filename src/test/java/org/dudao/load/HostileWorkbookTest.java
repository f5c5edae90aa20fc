package org.dudao.load;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.dudao.model.LoadProblem;
import org.dudao.testing.HandMadeXlsx;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.testing.HandMadeXlsx.SHEET_END;
import static org.dudao.testing.HandMadeXlsx.SHEET_START;
import static org.dudao.testing.HandMadeXlsx.number;
import static org.dudao.testing.HandMadeXlsx.out;
import static org.dudao.testing.HandMadeXlsx.text;

/**
 * Files built to hurt: disguised, encrypted, zip bombs, XML entity tricks. Each is refused with one
 * Chinese message that says what it is and names the file; nothing is printed as a stack trace, and
 * the good workbook loaded beside it is read in full.
 */
class HostileWorkbookTest {
    @TempDir Path dir;

    private Path good() {
        return Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)")
                .row(330102, "县", 2023, 4000)
                .save(dir.resolve("good.xlsx"));
    }

    /** Loads the bad file before a good one; returns the one message the bad file got. */
    private String refused(Path bad) {
        Path good = good();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream oldErr = System.err, oldOut = System.out;
        Loaded l;
        try {
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setErr(capture);
            System.setOut(capture);
            l = Loaded.load(bad, good);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        assertThat(l.errors()).as(l.problemsText()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(bad.toString());
            assertThat(p.describe()).startsWith(bad.toString());
        });
        assertThat(l.result.unreadable()).singleElement().satisfies(e -> assertThat(e.getFile()).isEqualTo(bad.toString()));
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        l.assertTally("表1", 1, 1, 0, 0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ").doesNotContain("Exception");
        return l.errors().get(0).message();
    }

    @Test
    void aPdfRenamedToXlsxIsNamedAsAPdf() throws IOException {
        Path bad = Files.write(dir.resolve("报表.xlsx"), ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refused(bad)).contains("PDF").contains("不是 Excel 工作簿");
    }

    @Test
    void aWebPageSavedAsXlsIsNamedAsAWebPage() throws IOException {
        Path bad = Files.writeString(dir.resolve("导出.xls"),
                "<html><body><table><tr><td>地区代码</td><td>年度</td></tr></table></body></html>");
        assertThat(refused(bad)).contains("HTML").contains("另存为 .xlsx");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedAsEncrypted() throws Exception {
        Path plain = Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)").row(330103, "县", 2023, 5000)
                .save(dir.resolve("plain.xlsx"));
        Path bad = dir.resolve("加密.xlsx");
        // POI writes an agile-encrypted workbook as Excel does: an OLE2 container around the encrypted zip.
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream os = Files.newOutputStream(bad)) {
                fs.writeFilesystem(os);
            }
        }
        assertThat(refused(bad)).isEqualTo(Failures.PASSWORD);
    }

    @Test
    void anOle2FileWithAWordStreamIsNamedAsAWordDocument() throws IOException {
        Path bad = dir.resolve("文档.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream os = Files.newOutputStream(bad)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(os);
        }
        assertThat(refused(bad)).isEqualTo("这是 Word 文档（.doc），不是统计报表工作簿：请提交 Excel 工作簿（.xlsx/.xls）或 CSV 文件");
    }

    /** A sheet of 60 MB of one repeated row, 60 KB zipped: an inflate ratio near 1:1000. */
    private Path zipBomb() {
        return HandMadeXlsx.write(dir.resolve("bomb.xlsx"), "表1", w -> {
            out(w, SHEET_START + "<row r=\"1\">" + text("A1", "地区代码") + text("B1", "年度") + "</row>");
            String filler = " ".repeat(1 << 20);
            for (int i = 0; i < 60; i++) out(w, filler);
            out(w, SHEET_END);
        });
    }

    @Test
    void aZipBombIsRefusedBeforeItIsInflated() {
        assertThat(refused(zipBomb())).isEqualTo(Failures.ZIP_BOMB);
    }

    @Test
    void aZipBombIsRefusedEvenWhenAnotherLibraryLoweredPoisJvmWideLimit() {
        double before = ZipSecureFile.getMinInflateRatio();
        try {
            ZipSecureFile.setMinInflateRatio(0.0001); // what a library on the class path may do
            assertThat(refused(zipBomb())).isEqualTo(Failures.ZIP_BOMB);
            assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(ZipLimits.MIN_INFLATE_RATIO);
        } finally {
            ZipSecureFile.setMinInflateRatio(before);
        }
    }

    /** A region sheet whose XML starts with {@code doctype} and uses {@code entity} in a name cell. */
    private Path withDoctype(String name, String doctype, String entity) {
        return HandMadeXlsx.write(dir.resolve(name), "表1", w -> out(w, SHEET_START.replace("<worksheet", doctype + "<worksheet")
                + "<row r=\"1\">" + text("A1", "地区代码") + text("B1", "地区名称") + text("C1", "层级") + text("D1", "年度") + "</row>"
                + "<row r=\"2\">" + number("A2", 330105) + text("B2", entity) + text("C2", "县") + number("D2", 2023) + "</row>"
                + SHEET_END));
    }

    @Test
    void anExternalEntityInTheSheetXmlIsRefusedAndTheFileItNamesIsNeverRead() {
        Path bad = withDoctype("xxe.xlsx", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
        String message = refused(bad);
        assertThat(message).isEqualTo(Failures.XML_ENTITIES);
        Loaded l = Loaded.load(bad);
        assertThat(l.dataset.entities()).isEmpty();
        assertThat(l.problemsText()).doesNotContain("root:");
    }

    @Test
    void aBillionLaughsEntityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertThat(refused(withDoctype("laughs.xlsx", dtd.toString(), "&lol9;"))).isEqualTo(Failures.XML_ENTITIES);
    }

    @Test
    void anExternalEntityInTheSharedStringsIsRefused() {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                + "<si><t>&xxe;</t></si></sst>";
        Path bad = HandMadeXlsx.write(dir.resolve("sst.xlsx"), "表1", w -> out(w, SHEET_START
                + "<row r=\"1\">" + text("A1", "地区代码") + text("B1", "地区名称") + text("C1", "年度") + "</row>"
                + "<row r=\"2\">" + number("A2", 330105) + "<c r=\"B2\" t=\"s\"><v>0</v></c>" + number("C2", 2023) + "</row>"
                + SHEET_END), sst);
        assertThat(refused(bad)).isEqualTo(Failures.XML_ENTITIES);
    }

    @Test
    void malformedXmlInThePackageIsRefusedWithoutPoiPrintingAStackTrace() throws IOException {
        // found by fuzzing: POI logs the parser's exception, stack trace and all, before it throws
        Path valid = HandMadeXlsx.write(dir.resolve("valid.xlsx"), "表1", w -> out(w, SHEET_START + SHEET_END));
        Path bad = dir.resolve("bad-types.xlsx");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(valid));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) b = "<?xml version=\"1.0\"?><Types xmlns=\"x\"><Override PrP/></Types>".getBytes(StandardCharsets.UTF_8);
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(b);
                zip.closeEntry();
            }
        }
        assertThat(refused(bad)).contains("损坏");
    }

    @Test
    void everyRefusalIsOneErrorWithItsFileAndNoOtherProblem() {
        Loaded l = Loaded.load(zipBomb(), withDoctype("xxe.xlsx", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"));
        assertThat(l.problems()).extracting(LoadProblem::severity).containsOnly(LoadProblem.Severity.ERROR);
        assertThat(l.problems()).extracting(LoadProblem::file)
                .containsExactly(dir.resolve("bomb.xlsx").toString(), dir.resolve("xxe.xlsx").toString());
        assertThat(l.dataset.sheets()).isEmpty();
    }
}
