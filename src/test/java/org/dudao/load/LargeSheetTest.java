package org.dudao.load;

import org.dudao.testing.HandMadeXlsx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.testing.HandMadeXlsx.SHEET_END;
import static org.dudao.testing.HandMadeXlsx.SHEET_START;
import static org.dudao.testing.HandMadeXlsx.number;
import static org.dudao.testing.HandMadeXlsx.out;
import static org.dudao.testing.HandMadeXlsx.text;

/**
 * Sheets at Excel's limits, 1,048,576 rows or 16,384 columns, are streamed: each is loaded in a JVM of
 * its own with a 128 MB heap, far less than the sheet XML (about 40 MB), so a loader that held the
 * sheet in memory would fail here. About 25 s together: tagged slow, run with {@code mvn test -DexcludedGroups= -Dtest=LargeSheetTest}.
 */
@Tag("slow")
class LargeSheetTest {
    private static final int LAST_ROW = 1_048_576;
    private static final String HEAP = "-Xmx128m";

    @TempDir Path dir;

    private static String header() {
        return "<row r=\"1\">" + text("A1", "地区代码") + text("B1", "层级") + text("C1", "年度") + text("D1", "在校学生数(人)") + "</row>";
    }

    private static String region(int r, int code, int students) {
        return "<row r=\"" + r + "\">" + number("A" + r, code) + text("B" + r, "县") + number("C" + r, 2023)
                + number("D" + r, students) + "</row>";
    }

    private List<String> probe(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, HEAP, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                LargeSheetProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) if (l.matches("^[a-z]+=.*")) lines.add(l.strip());
        return lines;
    }

    @Test
    void aSheetUsingAllOfExcelsRowsStreamsInASmallHeapAndItsLastRowIsRead() throws Exception {
        // The usual shape of a huge sheet: a few data rows, a million formatted but empty rows, one more row at the very end.
        Path wb = HandMadeXlsx.write(dir.resolve("rows.xlsx"), "表1", w -> {
            out(w, SHEET_START + header() + region(2, 330102, 4000) + region(3, 330103, 5000));
            for (int r = 4; r < LAST_ROW; r++) out(w, "<row r=\"" + r + "\"><c r=\"E" + r + "\" s=\"0\"/></row>");
            out(w, region(LAST_ROW, 330104, 6000) + SHEET_END);
        });
        assertThat(wb.toFile().length()).isLessThan(20L << 20);

        List<String> result = probe(wb);

        assertThat(result).as(String.join("\n", result)).contains("tally=3/3/0/0/" + (LAST_ROW - 4), "problems=0",
                "last=330104 在校学生数 6000 D" + LAST_ROW, "metrics=3", "entities=3");
    }

    @Test
    void aSheetUsingAllOfExcelsColumnsStreamsInASmallHeapAndTheLastColumnIsNamed() throws Exception {
        Path wb = HandMadeXlsx.write(dir.resolve("columns.xlsx"), "表1", w -> {
            out(w, SHEET_START + "<row r=\"1\">" + text("A1", "地区代码") + text("B1", "层级") + text("C1", "年度"));
            for (int c = 3; c < 16_384; c++) out(w, text(col(c) + 1, "备注" + c));
            out(w, "</row>");
            for (int r = 2; r <= 4; r++) {
                out(w, "<row r=\"" + r + "\">" + number("A" + r, 330100 + r) + text("B" + r, "县") + number("C" + r, 2023));
                for (int c = 3; c < 16_384; c++) out(w, number(col(c) + r, c));
                out(w, "</row>");
            }
            out(w, SHEET_END);
        });

        List<String> result = probe(wb);

        // every unknown column is kept and warned about once, on its header cell
        assertThat(result).as(String.join("\n", result)).contains("tally=3/3/0/0/0", "entities=3",
                "problems=" + (16_384 - 3), "metrics=" + 3 * (16_384 - 3), "last=330104 备注16383 16383 XFD4");
    }

    private static String col(int c) { return org.apache.poi.ss.util.CellReference.convertNumToColString(c); }
}
