package org.dudao.load;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.model.Dataset;
import org.dudao.model.SheetTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook of several hundred thousand rows loads in a JVM with a small heap: reading streams
 * rows, and what stays in memory is the facts, not the file. The load runs in a forked JVM
 * ({@link #main}) so the heap limit is real.
 */
class LargeWorkbookTest {
    static final int SCHOOLS = 15_000;
    static final int CLASSES_PER_SCHOOL = 20;
    static final String HEAP = "-Xmx128m";

    @TempDir Path tmp;

    @Test
    void three_hundred_thousand_class_rows_load_with_a_128_mb_heap() throws Exception {
        Path file = tmp.resolve("large.xlsx");
        write(file);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), LargeWorkbookTest.class.getName(),
                file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        int rows = SCHOOLS * CLASSES_PER_SCHOOL;
        assertThat(out).contains("班级表 read=" + rows + " accepted=" + rows).contains("学校表 read=" + SCHOOLS + " accepted=" + SCHOOLS)
                .contains("metrics=" + (rows + SCHOOLS));
    }

    /** One county, 15,000 schools, 300,000 classes. */
    static void write(Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            Sheet regions = wb.createSheet("地区");
            row(regions, 0, "地区代码", "地区名称", "上级代码", "层级", "年度");
            row(regions, 1, "330102", "一县", "330100", "县", 2024);
            Sheet schools = wb.createSheet("学校");
            row(schools, 0, "学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)");
            Sheet classes = wb.createSheet("班级");
            row(classes, 0, "学校代码", "班级", "年度", "学生数");
            int c = 1;
            for (int s = 1; s <= SCHOOLS; s++) {
                String code = String.format("3301020%05d", s);
                row(schools, s, code, "学校" + s, "330102", s % 3 == 0 ? "初中" : "小学", 2024, 800 + s % 700);
                for (int k = 1; k <= CLASSES_PER_SCHOOL; k++) row(classes, c++, code, "C" + k, 2024, 30 + (s + k) % 29);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }

    private static void row(Sheet sheet, int r, Object... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) row.createCell(i).setCellValue(n.doubleValue());
            else row.createCell(i).setCellValue((String) values[i]);
        }
    }

    /** In the forked JVM: loads the workbook and prints each sheet's tally and the number of metrics. */
    public static void main(String[] args) throws Exception {
        MetricDictionary dictionary = MetricDictionary.read(Path.of("rules/metrics.csv"));
        Dataset d = new WorkbookLoader(dictionary).load(List.of(Path.of(args[0]))).dataset();
        List<String> lines = new ArrayList<>();
        for (SheetTally t : d.sheets()) lines.add(t.getKind() + " read=" + t.getRead() + " accepted=" + t.getAccepted());
        lines.add("entities=" + d.entities().size() + " metrics=" + d.metrics().size());
        lines.add("heapUsedMB=" + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20));
        System.out.println(String.join("\n", lines));
    }
}
