package org.dudao.load;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A quick look into a workbook to find which regions and years it covers, so a batch can put the
 * workbooks of one region together before loading them for real. It reads the sheets with the same
 * header recognition as {@link WorkbookLoader}, but at most {@link #ROWS_PER_SHEET} rows of each
 * sheet: enough for every region sheet (a whole country has about 3,300 regions) and a sample of the
 * school and class sheets. Files that are not .xlsx/.xls (e.g. .csv) are loaded whole with
 * {@link WorkbookLoader}.
 */
public final class RegionProbe {
    /** Rows of a sheet the probe reads at most. */
    public static final int ROWS_PER_SHEET = 10_000;

    private final MetricDictionary dictionary;

    public RegionProbe(MetricDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The entities and years seen; throws when the file cannot be read at all, as loading it would. */
    public record Result(List<Entity> entities, SortedSet<Integer> years) {}

    public Result probe(Path path) throws WorkbookException {
        String file = path.toString();
        if (!Files.isRegularFile(path)) throw new WorkbookException(file, "文件不存在或不是普通文件", null);
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new WorkbookException(file, "无法读取文件：" + e.getMessage(), e);
        }
        if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
            WorkbookLoader.Result r = new WorkbookLoader(dictionary).load(List.of(path));
            if (!r.unreadable().isEmpty()) throw r.unreadable().get(0);
            return result(r.dataset());
        }
        DatasetBuilder builder = new DatasetBuilder();
        if (magic == FileMagic.OOXML) {
            try {
                ZipLimits.apply();
                XlsxReader.read(path, name -> new FirstRows(new SheetInterpreter(file, name, dictionary, builder)));
            } catch (Exception | OutOfMemoryError e) {
                throw new WorkbookException(file, Failures.describe(e), e);
            }
            return result(builder.build());
        }
        try (Workbook wb = new HSSFWorkbook(Files.newInputStream(path))) {
            for (Sheet sheet : wb) {
                SheetInterpreter interpreter = new SheetInterpreter(file, sheet.getSheetName(), dictionary, builder);
                int n = 0;
                for (Row row : sheet) {
                    List<CellValue> cells = new ArrayList<>();
                    for (Cell c : row) cells.add(WorkbookLoader.cell(c));
                    interpreter.row(cells);
                    if (interpreter.givenUp() || ++n >= ROWS_PER_SHEET) break;
                }
                interpreter.end();
            }
        } catch (Exception | OutOfMemoryError e) {
            // the same words the loader uses for the same failure (password, damaged file, too large)
            throw new WorkbookException(file, Failures.describe(e), e);
        }
        return result(builder.build());
    }

    /** The first {@link #ROWS_PER_SHEET} rows of a sheet, then no more. */
    private static final class FirstRows implements XlsxReader.Rows {
        private final SheetInterpreter interpreter;
        private int n;

        FirstRows(SheetInterpreter interpreter) { this.interpreter = interpreter; }

        @Override public void row(List<CellValue> cells) {
            interpreter.row(cells);
            n++;
        }

        @Override public boolean givenUp() { return interpreter.givenUp() || n >= ROWS_PER_SHEET; }

        @Override public void end() { interpreter.end(); }
    }

    private static Result result(Dataset d) {
        return new Result(List.copyOf(d.entities().values()), d.years());
    }
}
