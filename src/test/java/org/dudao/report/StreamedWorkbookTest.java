package org.dudao.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

class StreamedWorkbookTest {
    @TempDir
    Path tmp;

    /** Text a cell may hold: markup, every control character, no-break space, U+FFFE/U+FFFF, pairs and lone surrogates. */
    private static final List<String> TEXTS = texts();

    private static List<String> texts() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) controls.append(c);
        return List.of("", "二县城关小学三(1)班", "a<b>&\"c\"'d", controls.toString(), "x\u00a0y\u007f\u0085z", "\ufffd\ufffe\uffff",
                "𠀀 (U+20000) 😀", "\ud800 lone high", "lone low \udc00", "\udc00\ud800", "  leading and trailing  ",
                "=1+1", "end\n", "\r\n\t");
    }

    @Test
    void escapes_every_text_as_pois_own_writer_does() throws IOException {
        for (String s : TEXTS) {
            StringWriter ours = new StringWriter(), pois = new StringWriter();
            new StreamedWorkbook.RunEscaping(ours).outputEscapedString(s);
            new Poi(pois).outputEscapedString(s);
            assertThat(ours.toString()).as(s).isEqualTo(pois.toString());
        }
    }

    @Test
    void a_workbook_written_through_it_is_the_same_as_pois() throws IOException {
        assertThat(sheet(new StreamedWorkbook(10))).isEqualTo(sheet(new SXSSFWorkbook(10)));
    }

    /** POI's own writer, its escaping reached from a subclass. */
    private static final class Poi extends SheetDataWriter {
        Poi(Writer out) throws IOException {
            super(out);
        }

        @Override
        protected void outputEscapedString(String s) throws IOException {
            super.outputEscapedString(s);
        }
    }

    private String sheet(SXSSFWorkbook wb) throws IOException {
        Path file = Files.createTempFile(tmp, "wb", ".xlsx");
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("表");
            for (int r = 0; r < 30; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < TEXTS.size(); c++) row.createCell(c).setCellValue(TEXTS.get(c) + r);
            }
            wb.write(out);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
