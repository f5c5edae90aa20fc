package org.dudao.load;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;
import org.dudao.model.LoadProblem.Severity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code .csv} file as one sheet named after the file (without {@code .csv}), through the same
 * {@link SheetInterpreter} as a workbook sheet: headers, totals, notes, units and cell references
 * ({@code B7}: column letter and record number, as Excel shows the file) all work the same way.
 *
 * <p>Encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE, the latter as Excel's "Unicode text");
 * without one the file is UTF-8 if it decodes as valid UTF-8, else GB18030 (which covers GBK and
 * GB2312, the encoding Chinese Excel saves CSV in). A file valid in neither, or holding NUL
 * characters, is not a text CSV and is unreadable. The delimiter is a comma, or a tab when the first
 * lines hold more tabs than commas.
 */
final class CsvSheetReader {
    /** Excel's column limit; cells beyond it in a record are reported, not read. */
    static final int MAX_COLUMNS = 16_384;
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF_BYTES = 64 * 1024;

    private CsvSheetReader() {}

    static boolean isCsv(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv");
    }

    static String sheetName(Path p) {
        String n = p.getFileName().toString();
        return n.length() > 4 ? n.substring(0, n.length() - 4) : n;
    }

    /** The encoding and the number of BOM bytes to pass over. */
    record Encoding(Charset charset, int bom) {
        String label() {
            return (charset == GB18030 ? "GB18030" : charset.name()) + (bom > 0 ? "（带 BOM）" : "");
        }
    }

    static Encoding detect(Path path, String file) throws WorkbookException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new WorkbookException(file, "无法读取文件：" + e.getMessage(), e);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return validated(path, file, new Encoding(StandardCharsets.UTF_8, 3));
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return validated(path, file, new Encoding(StandardCharsets.UTF_16LE, 2));
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return validated(path, file, new Encoding(StandardCharsets.UTF_16BE, 2));
        }
        if (decodes(path, new Encoding(StandardCharsets.UTF_8, 0)) == Decoding.OK) return new Encoding(StandardCharsets.UTF_8, 0);
        Encoding gb = new Encoding(GB18030, 0);
        return validated(path, file, gb);
    }

    private enum Decoding { OK, INVALID, BINARY }

    private static Encoding validated(Path path, String file, Encoding enc) throws WorkbookException {
        switch (decodes(path, enc)) {
            case OK -> { return enc; }
            case BINARY -> throw new WorkbookException(file, "不是文本格式的 CSV 文件（含有二进制内容）", null);
            default -> throw new WorkbookException(file, enc.bom() > 0
                    ? "CSV 文件的编码与其开头的 BOM（" + enc.charset().name() + "）不符：请另存为 UTF-8 编码的 CSV"
                    : "CSV 文件的编码无法识别（既不是 UTF-8 也不是 GB18030）：请另存为 UTF-8 编码的 CSV", null);
        }
    }

    /** Decodes the whole file strictly, in a stream: memory does not grow with the file. */
    private static Decoding decodes(Path path, Encoding enc) throws WorkbookException {
        CharsetDecoder d = enc.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(enc.bom());
            Reader r = new InputStreamReader(in, d);
            char[] buf = new char[8192];
            for (int k; (k = r.read(buf)) > 0; ) {
                for (int i = 0; i < k; i++) if (buf[i] == '\0') return Decoding.BINARY;
            }
            return Decoding.OK;
        } catch (CharacterCodingException e) {
            return Decoding.INVALID;
        } catch (IOException e) {
            throw new WorkbookException(path.toString(), "无法读取文件：" + e.getMessage(), e);
        }
    }

    static char delimiter(Path path, Encoding enc) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(enc.bom());
            byte[] b = in.readNBytes(SNIFF_BYTES);
            String head = new String(b, enc.charset());
            long tabs = head.chars().filter(c -> c == '\t').count();
            long commas = head.chars().filter(c -> c == ',').count();
            return tabs > commas ? '\t' : ',';
        }
    }

    static void read(Path path, String file, MetricDictionary dictionary, DatasetBuilder out) throws WorkbookException {
        Encoding enc = detect(path, file);
        String sheet = sheetName(path);
        SheetInterpreter interpreter = new SheetInterpreter(file, sheet, dictionary, out);
        long record = 0;
        try (InputStream in = Files.newInputStream(path)) {
            char delimiter = delimiter(path, enc);
            in.skipNBytes(enc.bom());
            Reader reader = new BufferedReader(new InputStreamReader(in, enc.charset()), 64 * 1024);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .setAllowMissingColumnNames(true).build();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord r : parser) {
                    record = r.getRecordNumber();
                    interpreter.row(cells(r, file, sheet, out));
                    if (interpreter.givenUp()) break;
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // Commons CSV reports a quote never closed as an (unchecked) IOException.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : Failures.firstLine(e.getMessage());
            throw new WorkbookException(file, "CSV 格式错误，在第 " + (record + 1) + " 行附近无法继续读取（" + why
                    + "）：请检查引号是否成对", e);
        }
        interpreter.end();
    }

    private static List<CellValue> cells(CSVRecord r, String file, String sheet, DatasetBuilder out) {
        long row = r.getRecordNumber();
        int width = Math.min(r.size(), MAX_COLUMNS);
        List<CellValue> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String v = r.get(i);
            if (v.isEmpty()) continue;
            cells.add(CellValue.text(i, CellReference.convertNumToColString(i) + row, v));
        }
        if (r.size() > MAX_COLUMNS) {
            int dropped = 0;
            for (int i = MAX_COLUMNS; i < r.size(); i++) if (!r.get(i).isBlank()) dropped++;
            if (dropped > 0) {
                out.problem(Severity.WARNING, file, sheet, "XFD" + row, "此行超出 Excel 的 " + MAX_COLUMNS + " 列上限，其后 "
                        + dropped + " 个非空单元格未读取");
            }
        }
        return cells;
    }
}
