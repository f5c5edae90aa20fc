package org.dudao.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code .csv} is one sheet named after its file, read by the same rules as a workbook sheet, in
 * UTF-8 (with or without BOM) or GB18030, as Chinese Excel saves it.
 */
class CsvInputTest {
    @TempDir Path dir;

    private static final String TABLE = """
            2023年各县教育统计表
            填报单位：某省教育厅
            地区代码,地区名称,层级,年度,一般公共预算教育支出（亿元）,在校学生数(人)
            330102,一县,县,2023年,3.3,"52,000"
            330103,二县,县,2023,,41000
            合计,,,,,93000
            注：数据来源于年报
            """;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] bytes(String s, Charset cs, byte... bom) {
        byte[] body = s.getBytes(cs);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    private void assertTableLoaded(Path csv) {
        Loaded l = Loaded.load(csv);
        String sheet = csv.getFileName().toString().replace(".csv", "");
        assertThat(l.errors()).as(l.problemsText()).isEmpty();
        assertThat(l.dataset.entities().get("330102").getName()).isEqualTo("一县");
        assertThat(l.value("330102", 2023, "一般公共预算教育支出")).isEqualByComparingTo("33000");
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("52000");
        assertThat(l.find("330103", 2023, "一般公共预算教育支出")).as("a blank cell is missing, not zero").isEmpty();
        assertThat(l.metric("330103", 2023, "在校学生数").getOrigin().toString()).isEqualTo(csv + " " + sheet + "!F5");
        l.assertTally(sheet, 4, 2, 2, 0);
    }

    @Test
    void utf8WithoutBomLoadsAsAWorkbookSheetNamedAfterTheFile() throws IOException {
        assertTableLoaded(write("统计.csv", bytes(TABLE, StandardCharsets.UTF_8)));
    }

    @Test
    void utf8WithBomLoadsTheSame() throws IOException {
        assertTableLoaded(write("统计-bom.csv", bytes(TABLE, StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)));
    }

    @Test
    void gb18030AsChineseExcelSavesItLoadsTheSame() throws IOException {
        byte[] gb = bytes(TABLE, CsvSheetReader.GB18030);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(gb))).as("the sample must not be valid UTF-8 by accident")
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        assertTableLoaded(write("统计-gbk.csv", gb));
    }

    @Test
    void utf16WithBomTabSeparatedAsExcelUnicodeTextLoadsTheSame() throws IOException {
        assertTableLoaded(write("统计-u16.csv", bytes(TABLE.replace(",", "\t").replace("\"52\t000\"", "\"52,000\""),
                StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE)));
    }

    @Test
    void aCsvThatIsNeitherUtf8NorGb18030IsUnreadableNamingTheFile() throws IOException {
        // 0x80 alone and 0xFF are invalid in both encodings
        Path bad = write("乱码.csv", new byte[]{'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0x80, (byte) 0xFF, '\n'});
        Loaded l = Loaded.load(bad);
        assertThat(l.result.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.getFile()).isEqualTo(bad.toString());
            assertThat(e.getMessage()).contains("编码无法识别");
        });
    }

    @Test
    void binaryContentInACsvIsUnreadable() throws IOException {
        Path bad = write("binary.csv", new byte[]{'a', 0, 'b', 0, '\n'});
        assertThat(Loaded.load(bad).result.unreadable()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("二进制"));
    }

    @Test
    void aQuoteNeverClosedIsUnreadableWithTheLineAndNothingOfTheFileIsUsed() throws IOException {
        Path bad = write("quote.csv", bytes("地区代码,层级,年度,在校学生数\n330102,县,2023,100\n330103,县,2023,\"200\n330104,县,2023,300\n",
                StandardCharsets.UTF_8));
        Loaded l = Loaded.load(bad);
        assertThat(l.result.unreadable()).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("CSV 格式错误").contains("第 3 行"));
        assertThat(l.dataset.entities()).isEmpty();
        assertThat(l.dataset.sheets()).isEmpty();
    }

    @Test
    void anXlsxNamedCsvIsReadAsTheWorkbookItIs() throws IOException {
        Path xlsx = org.dudao.testing.Workbooks.create().sheet("表1")
                .row("地区代码", "层级", "年度", "在校学生数(人)").row(330102, "县", 2023, 4000)
                .save(dir.resolve("wb.xlsx"));
        Path csv = Files.copy(xlsx, dir.resolve("wb.csv"));
        Loaded l = Loaded.load(csv);
        assertThat(l.value("330102", 2023, "在校学生数")).isEqualByComparingTo("4000");
        l.assertTally("表1", 1, 1, 0, 0);
    }

    @Test
    void anEmptyCsvIsUnreadable() throws IOException {
        Path bad = write("empty.csv", new byte[0]);
        assertThat(Loaded.load(bad).result.unreadable()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("文件为空"));
    }
}
