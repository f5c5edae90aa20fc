package org.dudao.load;

import org.dudao.testing.HandMadeXlsx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.testing.HandMadeXlsx.out;

/** The sheet XML as other writers than Excel lay it out reads the same (WorkbookXml's parser goes by local names). */
class WorkbookXmlTest {
    @TempDir Path dir;

    private Path sheet(String name, String start, String end, String p) {
        String c = "<" + p + "c r=\"%s\" t=\"inlineStr\"><" + p + "is><" + p + "t>%s</" + p + "t></" + p + "is></" + p + "c>";
        String n = "<" + p + "c r=\"%s\"><" + p + "v>%s</" + p + "v></" + p + "c>";
        String rows = ("<" + p + "row r=\"1\">" + c + c + c + c + "</" + p + "row><" + p + "row r=\"2\">" + n + c + n + n + "</" + p + "row>")
                .formatted("A1", "地区代码", "B1", "层级", "C1", "年度", "D1", "在校学生数(人)", "A2", 330102, "B2", "县", "C2", 2023, "D2", 4000);
        return HandMadeXlsx.write(dir.resolve(name), "表1", w -> out(w, start + rows + end));
    }

    @Test
    void a_sheet_written_with_a_namespace_prefix_reads_as_one_without() {
        Path plain = sheet("plain.xlsx", HandMadeXlsx.SHEET_START, HandMadeXlsx.SHEET_END, "");
        // the OpenXML SDK's way: every element prefixed, the namespace bound to x
        Path prefixed = sheet("prefixed.xlsx", "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet "
                + "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>", "</x:sheetData></x:worksheet>", "x:");
        for (Path f : new Path[]{plain, prefixed}) {
            Loaded l = Loaded.load(f);
            assertThat(l.errors()).as(f + ": " + l.problemsText()).isEmpty();
            assertThat(l.value("330102", 2023, "在校学生数")).as(f.toString()).isEqualByComparingTo("4000");
        }
    }
}
