package org.dudao.ruletest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.dudao.load.ZipLimits;
import org.dudao.model.Status;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads what a fixture expects: the sheet {@value #SHEET} of the fixture workbook, or, when it has
 * none, the CSV {@code NAME}{@value #CSV_SUFFIX} beside it. Columns (by header, in any order):
 * 指标, 单位代码, 年度 (optional), 学段 or 部分 (optional), 状态; any other column (说明) is ignored.
 */
public final class ExpectationReader {
    public static final String SHEET = "期望结果";
    public static final String CSV_SUFFIX = ".期望结果.csv";

    private enum Col { INDICATOR, ENTITY, YEAR, PART, STATUS }

    private static final Map<String, Col> HEADERS = Map.of(
            "指标", Col.INDICATOR, "指标编号", Col.INDICATOR, "单位代码", Col.ENTITY, "地区代码", Col.ENTITY, "学校代码", Col.ENTITY,
            "年度", Col.YEAR, "学段", Col.PART, "部分", Col.PART, "状态", Col.STATUS, "期望状态", Col.STATUS);

    /** The fixture cannot be used: the message (Chinese) names the file and, where there is one, the sheet and cell. */
    public static final class FixtureException extends Exception {
        public FixtureException(String message) { super(message); }
    }

    private ExpectationReader() {}

    /** The CSV that may hold a workbook's expectations. */
    public static Path csvBeside(Path workbook) {
        String name = workbook.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return workbook.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + CSV_SUFFIX);
    }

    public static List<Expectation> read(Path workbook) throws FixtureException {
        List<Expectation> fromSheet = readSheet(workbook);
        if (fromSheet != null) return fromSheet;
        Path csv = csvBeside(workbook);
        if (Files.isRegularFile(csv)) return readCsv(csv);
        throw new FixtureException(workbook + "：没有“" + SHEET + "”表，旁边也没有 " + csv.getFileName());
    }

    /** The expectations of the workbook's 期望结果 sheet; null when it has no such sheet. */
    private static List<Expectation> readSheet(Path workbook) throws FixtureException {
        String name = workbook.getFileName().toString().toLowerCase();
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls")) return null;
        ZipLimits.apply();
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) return null;
            DataFormatter fmt = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                int last = row == null ? 0 : Math.max(row.getLastCellNum(), 0);
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text(cell, fmt));
                }
                rows.add(cells);
            }
            return parse(workbook.toString(), rows, (r, c) -> SHEET + "!" + new CellReference(r, c).formatAsString(false));
        } catch (FixtureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FixtureException(workbook + "：无法读取工作簿（" + e.getMessage() + "）");
        }
    }

    private static String text(Cell cell, DataFormatter fmt) {
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        // Codes and years typed as numbers: 990101, not 990101.0 or 9.9E5.
        if (t == CellType.NUMERIC) return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        return fmt.formatCellValue(cell).strip();
    }

    private static List<Expectation> readCsv(Path csv) throws FixtureException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).build();
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.size(); c++) cells.add(r.get(c).replace("\uFEFF", "").strip());
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new FixtureException(csv + "：无法读取（" + e.getMessage() + "）");
        }
        return parse(csv.toString(), rows, (r, c) -> "第" + (r + 1) + "行第" + (c + 1) + "列");
    }

    /** Finds the header (the first row with 指标, 单位代码 and 状态) and reads every non-blank row under it. */
    private static List<Expectation> parse(String file, List<List<String>> rows, BiFunction<Integer, Integer, String> refOf) throws FixtureException {
        int header = -1;
        Map<Col, Integer> cols = new HashMap<>();
        for (int r = 0; r < rows.size() && header < 0; r++) {
            Map<Col, Integer> found = new HashMap<>();
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Col col = HEADERS.get(row.get(c).replace(" ", ""));
                if (col != null) found.putIfAbsent(col, c);
            }
            if (found.containsKey(Col.INDICATOR) && found.containsKey(Col.ENTITY) && found.containsKey(Col.STATUS)) {
                header = r;
                cols = found;
            }
        }
        if (header < 0) throw new FixtureException(file + " " + SHEET + "：没有找到表头（须有“指标”“单位代码”“状态”三列）");
        List<Expectation> out = new ArrayList<>();
        for (int r = header + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) continue;
            String indicator = get(row, cols.get(Col.INDICATOR));
            String entity = get(row, cols.get(Col.ENTITY));
            String statusText = get(row, cols.get(Col.STATUS));
            String yearText = get(row, cols.get(Col.YEAR));
            String part = get(row, cols.get(Col.PART));
            String where = ref(refOf, r, cols.get(Col.STATUS));
            if (indicator.isEmpty()) throw new FixtureException(file + " " + ref(refOf, r, cols.get(Col.INDICATOR)) + "：缺少指标编号");
            if (entity.isEmpty()) throw new FixtureException(file + " " + ref(refOf, r, cols.get(Col.ENTITY)) + "：缺少单位代码");
            Status status = Expectation.status(statusText);
            if (status == null) {
                throw new FixtureException(file + " " + where + "：状态“" + statusText
                        + "”无法识别（应为 达标、不达标、预警、数据不足、不适用、已豁免 或 PASS、FAIL、WARN、INSUFFICIENT_DATA、NOT_APPLICABLE、WAIVED）");
            }
            Integer year = null;
            if (!yearText.isEmpty()) {
                String y = yearText.replace("年度", "").replace("年", "").strip();
                if (!y.matches("\\d{4}")) throw new FixtureException(file + " " + ref(refOf, r, cols.get(Col.YEAR)) + "：年度“" + yearText + "”不是四位年份");
                year = Integer.parseInt(y);
            }
            out.add(new Expectation(indicator, entity, year, part.isEmpty() ? null : part, status, where));
        }
        return out;
    }

    private static String get(List<String> row, Integer col) {
        if (col == null || col >= row.size()) return "";
        return row.get(col).strip();
    }

    private static String ref(BiFunction<Integer, Integer, String> refOf, int row, Integer col) {
        return refOf.apply(row, col == null ? 0 : col);
    }
}
