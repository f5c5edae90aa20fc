package org.dudao.load;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.dudao.model.Dataset;
import org.dudao.model.InputFile;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.util.Sha256;
import org.dudao.util.TempFiles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads statistics workbooks into one {@link Dataset}. {@code .xlsx} is streamed row by row with POI's
 * event API ({@link XlsxReader}), so memory does not grow with the size of a sheet; {@code .xls} is read with POI's HSSF. A workbook
 * that cannot be opened is a {@link WorkbookException}; everything wrong inside one is a load
 * problem with its cell, and the rest of the workbook is still read.
 */
public final class WorkbookLoader {
    private final MetricDictionary dictionary;

    public WorkbookLoader(MetricDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The result of loading: the dataset, plus the workbooks that could not be read at all. */
    public record Result(Dataset dataset, List<WorkbookException> unreadable) {}

    public Result load(List<Path> files) {
        DatasetBuilder builder = new DatasetBuilder().validity(dictionary.validity()).partOf(dictionary.partOf());
        List<WorkbookException> unreadable = new ArrayList<>();
        for (Path f : files) {
            // A workbook counts whole or not at all: one that breaks on its third sheet adds nothing.
            builder.begin();
            try {
                read(f, builder);
                builder.commit();
            } catch (WorkbookException e) {
                builder.rollback();
                unreadable.add(e);
                builder.problem(Severity.ERROR, e.getFile(), null, null, e.getMessage());
            }
        }
        return new Result(builder.build(), unreadable);
    }

    /** One part of a workbook read in parts ({@link #loadInParts}): loading it gives its subtrees' data, once. */
    public interface Part {
        Result load();

        /** The latest year of the whole workbook (0: none): a part may lack it. */
        int latestYear();

        /**
         * The regions above the counties copied into this part that other parts hold copies of too
         * (parts by county, {@link WorkbookLoader#loadInParts(Path, int, boolean)}): no one part holds
         * all of what lies beneath them. Empty for parts of whole provinces.
         */
        default Set<String> shared() { return Set.of(); }
    }

    /**
     * A workbook too large to hold, read once to disk and given back as parts of about
     * {@code recordsPerPart} entities and values, each whole subtrees of the region hierarchy (see
     * {@link WorkbookParts}): loaded one after another they hold what {@link #load} would, the file,
     * the sheets' tallies and the problems found while reading in the first. A workbook that cannot
     * be read is one part, loaded as {@link #load} does.
     * <p>
     * {@code byCounty}: each part holds whole counties (with their schools and classes), in the order the
     * hierarchy is walked, and copies of the regions above them (nation, province, city: their rows and
     * values, every year), which do not count towards {@code recordsPerPart}; a region copied into several
     * parts is in their {@link Part#shared()}. What hangs from no county in the workbook (a school whose
     * county is missing, a province without counties) goes whole into a part, as in parts of provinces.
     */
    public List<Part> loadInParts(Path file, int recordsPerPart, boolean byCounty) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path all = null;
        try {
            all = TempFiles.create(dir, "read", "bin");
            WorkbookParts.Router router = new WorkbookParts.Router(all);
            try {
                read(file, router);
            } catch (WorkbookException e) {
                return List.of(part(() -> load(List.of(file)), 0, Set.of()));
            } finally {
                router.close();
            }
            WorkbookParts.Distributed distributed = WorkbookParts.distribute(all, router, recordsPerPart, byCounty, dir);
            List<Path> files = distributed.files();
            List<Object> global = router.global;
            List<Part> parts = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                List<Object> first = i == 0 ? global : List.of();
                parts.add(part(() -> {
                    DatasetBuilder b = new DatasetBuilder().validity(dictionary.validity()).partOf(dictionary.partOf());
                    try {
                        WorkbookParts.replay(f, first, router.words, b);
                        TempFiles.delete(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException("读取暂存的工作簿数据 " + f + " 失败：" + e.getMessage(), e);
                    }
                    return new Result(b.build(), List.of());
                }, router.latestYear, distributed.shared().get(i)));
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException("无法在 " + dir + " 暂存工作簿 " + file + " 的数据（磁盘已满？可用 -Djava.io.tmpdir=目录 指定别处）："
                    + e.getMessage(), e);
        } finally {
            try {
                if (all != null) TempFiles.delete(all);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the folder's others
            }
        }
    }

    private static Part part(Supplier<Result> load, int latestYear, Set<String> shared) {
        return new Part() {
            @Override public Result load() { return load.get(); }

            @Override public int latestYear() { return latestYear; }

            @Override public Set<String> shared() { return shared; }
        };
    }

    private void read(Path path, DatasetBuilder out) throws WorkbookException {
        String file = path.toString();
        if (!Files.isRegularFile(path)) throw new WorkbookException(file, "文件不存在或不是普通文件", null);
        long bytes = size(path, file);
        out.input(new InputFile(file, sha256(path, file), bytes));
        // FileMagic throws POI's (unchecked) EmptyFileException on a zero-byte file.
        if (bytes == 0) throw new WorkbookException(file, "文件为空（0 字节），不是 Excel 工作簿" + (CsvSheetReader.isCsv(path) ? "或 CSV 文件" : ""), null);
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException | RuntimeException e) {
            throw new WorkbookException(file, "无法读取文件：" + e.getMessage(), e);
        }
        SheetsSeen seen = new SheetsSeen();
        try {
            switch (magic) {
                case OOXML -> {
                    String other = InputKind.zip(path); // a .docx or a plain zip, named .xlsx or not
                    if (other != null) throw new WorkbookException(file, other, null);
                    ZipLimits.apply();
                    XlsxReader.read(path, name -> new SheetRows(seen.add(new SheetInterpreter(file, name, dictionary, out))));
                }
                case OLE2 -> {
                    try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
                        // An encrypted .xlsx is an OLE2 container holding the encrypted zip.
                        if (fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY)
                                || fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                            throw new WorkbookException(file, Failures.PASSWORD, null);
                        }
                        if (!fs.getRoot().hasEntryCaseInsensitive("Workbook") && !fs.getRoot().hasEntryCaseInsensitive("Book")) {
                            throw new WorkbookException(file, InputKind.ole2(fs.getRoot()), null);
                        }
                        try (Workbook wb = new HSSFWorkbook(fs.getRoot(), false)) {
                            readSheets(wb, file, out, seen);
                        }
                    }
                }
                default -> {
                    if (CsvSheetReader.isCsv(path)) CsvSheetReader.read(path, file, dictionary, out);
                    else throw new WorkbookException(file, notAWorkbook(magic), null);
                }
            }
            seen.report(file, out);
        } catch (WorkbookException e) {
            throw e;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // POI signals a damaged file with many kinds of exception; none of them should escape as a stack trace.
            throw new WorkbookException(file, Failures.describe(e), e);
        }
    }

    /** What a file that is no workbook is, as far as its first bytes tell. */
    private static String notAWorkbook(FileMagic magic) {
        return switch (magic) {
            case PDF -> "这是 PDF 文件，不是 Excel 工作簿：请提交原始的 .xlsx 工作簿";
            case HTML -> "这是网页（HTML）文件，只是扩展名为 Excel：请在 Excel 中打开并另存为 .xlsx";
            case XML -> "这是 XML 文件（可能是“XML 电子表格 2003”格式），不是 .xlsx/.xls 工作簿：请在 Excel 中另存为 .xlsx";
            case BIFF2, BIFF3, BIFF4 -> "这是 Excel 4.0 或更早版本的旧格式，无法读取：请在 Excel 中另存为 .xlsx";
            case RTF, WORD2, MSWRITE -> "这是文字处理文档，不是 Excel 工作簿";
            case JPEG, PNG, GIF, BMP, TIFF, WMF, EMF -> "这是图片文件，不是 Excel 工作簿";
            default -> "不是 Excel 工作簿（.xlsx/.xls）或 CSV 文件：文件内容无法识别";
        };
    }

    private void readSheets(Workbook wb, String file, DatasetBuilder out, SheetsSeen seen) {
        for (Sheet sheet : wb) {
            SheetInterpreter interpreter = seen.add(new SheetInterpreter(file, sheet.getSheetName(), dictionary, out));
            int index = wb.getSheetIndex(sheet);
            if (wb.isSheetHidden(index) || wb.isSheetVeryHidden(index)) interpreter.hidden(wb.isSheetVeryHidden(index));
            for (Row row : sheet) {
                interpreter.row(cells(row));
                if (interpreter.givenUp()) break;
            }
            interpreter.end();
        }
    }

    /** A sheet's rows from the streaming .xlsx reader, straight into its interpreter. */
    private record SheetRows(SheetInterpreter interpreter) implements XlsxReader.Rows {
        @Override public void row(List<CellValue> cells) { interpreter.row(cells); }

        @Override public boolean givenUp() { return interpreter.givenUp(); }

        @Override public void end() { interpreter.end(); }

        @Override public void hidden(boolean veryHidden) { interpreter.hidden(veryHidden); }
    }

    private static List<CellValue> cells(Row row) {
        List<CellValue> cells = new ArrayList<>(row.getLastCellNum() > 0 ? row.getLastCellNum() : 8);
        for (Cell c : row) cells.add(cell(c));
        return cells;
    }

    static CellValue cell(Cell c) {
        int col = c.getColumnIndex();
        String ref = c.getAddress().formatAsString();
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) {
            type = c.getCachedFormulaResultType();
            if (type == CellType.STRING && c.getStringCellValue().isEmpty() || type == CellType.BLANK || type == CellType._NONE) {
                return CellValue.of(col, ref, CellValue.Kind.FORMULA_WITHOUT_VALUE, c.getCellFormula());
            }
        }
        return switch (type) {
            case STRING -> CellValue.text(col, ref, c.getStringCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    LocalDateTime d = c.getLocalDateTimeCellValue();
                    yield CellValue.of(col, ref, CellValue.Kind.DATE, d == null ? "" : d.toLocalDate().toString());
                }
                // a value no statistic has (1e300, 1e-13; NaN or infinity in a damaged file) as text, which the interpreter refuses
                if (NumberText.outOfRange(c.getNumericCellValue())) yield CellValue.text(col, ref, Double.toString(c.getNumericCellValue()));
                String format = c.getCellStyle() == null ? null : c.getCellStyle().getDataFormatString();
                // BigDecimal.valueOf gives the shortest decimal that is the double: 0.3 stays 0.3.
                yield CellValue.number(col, ref, BigDecimal.valueOf(c.getNumericCellValue()), format != null && format.contains("%"));
            }
            case BOOLEAN -> CellValue.of(col, ref, CellValue.Kind.BOOLEAN, Boolean.toString(c.getBooleanCellValue()));
            case ERROR -> CellValue.of(col, ref, CellValue.Kind.ERROR, errorText(c));
            default -> CellValue.text(col, ref, null);
        };
    }

    private static String errorText(Cell c) {
        try {
            return FormulaError.forInt(c.getErrorCellValue()).getString();
        } catch (RuntimeException e) {
            return "#ERROR";
        }
    }

    private static long size(Path p, String file) throws WorkbookException {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new WorkbookException(file, "无法读取文件：" + e.getMessage(), e);
        }
    }

    static String sha256(Path p, String file) throws WorkbookException {
        try {
            return Sha256.of(p);
        } catch (IOException e) {
            throw new WorkbookException(file, "无法读取文件：" + e.getMessage(), e);
        }
    }
}
