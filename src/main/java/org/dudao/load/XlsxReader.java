package org.dudao.load;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams the cells of an {@code .xlsx} with POI's event API: {@link XSSFReader} hands out each
 * sheet's XML, and a SAX handler of our own turns {@code <c>} elements into {@link CellValue}s, one
 * row at a time, holding nothing but the row being read. This is the floor of what reading costs:
 * no per-cell XMLBeans objects, no display formatting of values never displayed, the cell reference
 * taken as written in the file ({@code r="F12"}), and date/percent formats looked up once per style.
 * <p>
 * Cells come out as the usermodel would give them: numbers as the shortest decimal of the stored
 * double, dates (numbers in a date format) as {@code yyyy-mm-dd}, formulas as their cached result
 * (or {@link CellValue.Kind#FORMULA_WITHOUT_VALUE}), error values as {@code #DIV/0!} and so on.
 */
final class XlsxReader {
    /** What one sheet's rows go to; {@link #givenUp()} stops reading the sheet. */
    interface Rows {
        /** One row's cells; the list is reused for the next row, so it is valid only during the call. */
        void row(List<CellValue> cells);

        boolean givenUp();

        void end();

        /** Called before the rows of a sheet Excel does not show. */
        default void hidden(boolean veryHidden) {}
    }

    private static final byte DATE = 1;
    private static final byte PERCENT = 2;
    private static final byte UNKNOWN = -1;
    /** BigDecimal.valueOf(i) for the whole numbers 0 … 4095, as read from a double ({@code 45.0}). */
    private static final BigDecimal[] SMALL = new BigDecimal[4096];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = BigDecimal.valueOf((double) i);
    }

    /** Whole numbers below this are read by {@code wholeNumber}: their double prints as {@code n.0}. */
    private static final long WHOLE_LIMIT = 10_000_000;

    private XlsxReader() {}

    /**
     * What {@code BigDecimal.valueOf((double) n)} gives for a whole number below 10^7 in size: the
     * decimal of {@code Double.toString}, {@code n.0}, that is n × 10 at scale 1 (same value, same scale).
     */
    static BigDecimal wholeDecimal(long n) {
        if (n >= 0 && n < SMALL.length) return SMALL[(int) n];
        return BigDecimal.valueOf(n * 10, 1);
    }

    /** Reads every worksheet in workbook order, each into the {@link Rows} the function gives for its name. */
    static void read(Path file, Function<String, Rows> sheets) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            boolean date1904 = date1904(reader);
            Formats formats = Formats.read(reader);
            Map<String, Boolean> hidden = HiddenSheets.of(reader);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    Rows rows = sheets.apply(it.getSheetName());
                    Boolean veryHidden = hidden.get(it.getSheetName());
                    if (veryHidden != null) rows.hidden(veryHidden);
                    XMLReader xml = WorkbookXml.newReader();
                    SheetHandler handler = new SheetHandler(rows, strings, formats, date1904);
                    xml.setContentHandler(handler);
                    xml.setErrorHandler(handler); // throws on a fatal error; POI's default would also log it
                    try {
                        xml.parse(new InputSource(in));
                    } catch (GivenUp stop) {
                        // the interpreter found no data sheet here: the rest of its rows are not read
                    }
                    rows.end();
                }
            }
        }
    }

    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = WorkbookXml.newReader();
            xml.setErrorHandler(new DefaultHandler());
            xml.setContentHandler(new DefaultHandler() {
                @Override public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
                    if ("workbookPr".equals(local)) {
                        String v = a.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    } else if ("sheets".equals(local)) {
                        throw new GivenUp();
                    }
                }
            });
            try {
                xml.parse(new InputSource(in));
            } catch (GivenUp stop) {
                // workbookPr comes before sheets: nothing more is needed
            }
        }
        return found[0];
    }

    /**
     * Date and percent formats by style index. The styles part is read with the same SAX parser as the
     * sheets, for the two things a value needs (each cell style's number format, and the workbook's own
     * format codes), not through POI's {@code StylesTable}: that loads XMLBeans' SpreadsheetML schema,
     * a fifth of a small run's start-up. A format's code is the workbook's own or else Excel's built-in
     * one, as POI's {@code XSSFDataFormat} resolves it.
     */
    private static final class Formats {
        /** Each cell style's ({@code cellXfs/xf}) number format id, by style index. */
        private final int[] styleFormat;
        private final Map<Integer, String> codes;
        private byte[] flags = new byte[0];

        private Formats(int[] styleFormat, Map<Integer, String> codes) {
            this.styleFormat = styleFormat;
            this.codes = codes;
        }

        static Formats read(XSSFReader reader) throws Exception {
            List<Integer> styles = new ArrayList<>();
            Map<Integer, String> codes = new HashMap<>();
            InputStream data;
            try {
                data = reader.getStylesData();
            } catch (InvalidFormatException | IllegalArgumentException | IllegalStateException e) {
                data = null; // no styles part: every number is a plain number
            }
            if (data != null) {
                try (InputStream in = data) {
                    XMLReader xml = WorkbookXml.newReader();
                    xml.setErrorHandler(new DefaultHandler());
                    xml.setContentHandler(new DefaultHandler() {
                        private boolean inCellXfs;

                        @Override public void startElement(String uri, String local, String q, Attributes a) {
                            switch (local) {
                                case "numFmt" -> {
                                    Integer id = integer(a.getValue("numFmtId"));
                                    if (id != null && a.getValue("formatCode") != null) codes.put(id, a.getValue("formatCode"));
                                }
                                case "cellXfs" -> inCellXfs = true;
                                case "xf" -> {
                                    if (inCellXfs) {
                                        Integer id = integer(a.getValue("numFmtId"));
                                        styles.add(id == null ? 0 : id);
                                    }
                                }
                                default -> { }
                            }
                        }

                        @Override public void endElement(String uri, String local, String q) {
                            if ("cellXfs".equals(local)) inCellXfs = false;
                        }
                    });
                    xml.parse(new InputSource(in));
                }
            }
            return new Formats(styles.stream().mapToInt(Integer::intValue).toArray(), codes);
        }

        private static Integer integer(String s) {
            try {
                return s == null ? null : Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        byte of(int style) {
            if (style < 0) style = 0;
            if (style >= flags.length) {
                int old = flags.length;
                flags = Arrays.copyOf(flags, Math.max(style + 1, old * 2));
                Arrays.fill(flags, old, flags.length, UNKNOWN);
            }
            byte f = flags[style];
            if (f == UNKNOWN) flags[style] = f = lookUp(style);
            return f;
        }

        private byte lookUp(int style) {
            if (style >= styleFormat.length) return 0;
            int id = styleFormat[style];
            String format = codes.containsKey(id) ? codes.get(id) : BuiltinFormats.getBuiltinFormat(id);
            byte f = 0;
            if (DateUtil.isADateFormat(id, format)) f |= DATE;
            if (format != null && format.contains("%")) f |= PERCENT;
            return f;
        }
    }

    /** Thrown from the handler to stop parsing a sheet. */
    private static final class GivenUp extends SAXException {
        GivenUp() { super("given up"); }

        @Override public synchronized Throwable fillInStackTrace() { return this; }
    }

    private static final class SheetHandler extends DefaultHandler {
        private final Rows rows;
        private final ReadOnlySharedStringsTable strings;
        private final Formats formats;
        private final boolean date1904;

        /** The cells of the row being read; one list for all rows, cleared at each row. */
        private final List<CellValue> cells = new ArrayList<>(16);
        private boolean inRow;
        private int rowIndex = -1;
        private int nextColumn;

        // the cell being read
        private boolean inCell;
        private String ref;
        private int column;
        private String type;
        /** The two usual types, told apart once per cell without hashing the type: inline text, and a number. */
        private boolean inlineText;
        private boolean plainNumber;
        private int style;
        private boolean hasFormula;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private boolean hasValue;
        /** What characters() is collecting: 'v', 'f', 't' (inline text), or 0. */
        private char collecting;
        private int phonetic;

        SheetHandler(Rows rows, ReadOnlySharedStringsTable strings, Formats formats, boolean date1904) {
            this.rows = rows;
            this.strings = strings;
            this.formats = formats;
            this.date1904 = date1904;
        }

        @Override public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r) - 1;
                    cells.clear();
                    inRow = true;
                    nextColumn = 0;
                }
                case "c" -> {
                    inCell = true;
                    ref = a.getValue("r");
                    if (ref == null) {
                        column = nextColumn;
                        ref = columnName(column) + (rowIndex + 1);
                    } else {
                        column = columnIndex(ref);
                    }
                    nextColumn = column + 1;
                    type = a.getValue("t");
                    inlineText = "inlineStr".equals(type);
                    plainNumber = type == null || "n".equals(type);
                    // the style matters only to a number (date, percent): not looked up for other cells
                    String s = plainNumber || !(inlineText || notANumber(type)) ? a.getValue("s") : null;
                    style = s == null ? 0 : Integer.parseInt(s);
                    hasFormula = false;
                    hasValue = false;
                    value.setLength(0);
                    formula.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> { if (inCell) { collecting = 'v'; hasValue = true; } }
                case "f" -> { if (inCell) { collecting = 'f'; hasFormula = true; } }
                case "rPh" -> phonetic++;
                case "t" -> { if (inCell && phonetic == 0) { collecting = 't'; hasValue = true; } }
                default -> { }
            }
        }

        @Override public void endElement(String uri, String local, String qName) throws SAXException {
            switch (local) {
                case "v", "f", "t" -> collecting = 0;
                case "rPh" -> phonetic--;
                case "c" -> {
                    inCell = false;
                    if (inRow) cells.add(cell());
                }
                case "row" -> {
                    if (!inRow) cells.clear();
                    inRow = false;
                    rows.row(cells);
                    if (rows.givenUp()) throw new GivenUp();
                }
                default -> { }
            }
        }

        @Override public void characters(char[] ch, int start, int length) {
            switch (collecting) {
                case 'v' -> value.append(ch, start, length);
                case 'f' -> formula.append(ch, start, length);
                case 't' -> inline.append(ch, start, length);
                default -> { }
            }
        }

        private CellValue cell() {
            if (inlineText) return CellValue.text(column, ref, hasValue ? inline.toString() : null);
            if (hasValue && plainNumber) {
                CellValue n = wholeNumber();
                if (n != null) return n;
            }
            String t = type == null ? "n" : type;
            String v = value.toString();
            if (hasFormula && (!hasValue || v.isEmpty())) {
                return CellValue.of(column, ref, CellValue.Kind.FORMULA_WITHOUT_VALUE, formula.toString());
            }
            if (!hasValue) return CellValue.text(column, ref, null);
            return switch (t) {
                case "s" -> CellValue.text(column, ref, strings.getItemAt(Integer.parseInt(v.trim())).getString());
                case "str" -> CellValue.text(column, ref, v);
                case "b" -> CellValue.of(column, ref, CellValue.Kind.BOOLEAN, Boolean.toString(!"0".equals(v.trim())));
                case "e" -> CellValue.of(column, ref, CellValue.Kind.ERROR, errorText(v));
                case "d" -> CellValue.of(column, ref, CellValue.Kind.DATE, v.length() >= 10 ? v.substring(0, 10) : v);
                default -> number(v);
            };
        }

        /**
         * A number cell holding a whole number below 10^7 written plainly ({@code 45}, {@code 2024.0}),
         * read straight from its digits: the usual cell, without parsing a double and printing it back.
         * Null for anything else (and for a date format), which {@link #number} reads as before.
         */
        private CellValue wholeNumber() {
            int n = value.length();
            int i = 0;
            boolean negative = n > 0 && value.charAt(0) == '-';
            if (negative) i++;
            long whole = 0;
            int digits = 0;
            for (; i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9'; i++, digits++) {
                whole = whole * 10 + (value.charAt(i) - '0');
                if (whole >= WHOLE_LIMIT) return null;
            }
            if (digits == 0) return null;
            if (i < n && value.charAt(i) == '.') {
                for (i++; i < n && value.charAt(i) == '0'; i++) { }
            }
            if (i != n || (formats.of(style) & DATE) != 0) return null;
            return CellValue.number(column, ref, wholeDecimal(negative ? -whole : whole), (formats.of(style) & PERCENT) != 0);
        }

        private CellValue number(String v) {
            if (v.isEmpty()) return CellValue.text(column, ref, null);
            double d = Double.parseDouble(v);
            // 1E+400 (infinity) or 1e-400 (0) as a double: passed on as the text it is, which the interpreter refuses
            if (NumberText.outOfRange(d, v)) return CellValue.text(column, ref, v);
            byte f = formats.of(style);
            if ((f & DATE) != 0 && DateUtil.isValidExcelDate(d)) {
                LocalDateTime date = DateUtil.getLocalDateTime(d, date1904);
                return CellValue.of(column, ref, CellValue.Kind.DATE, date == null ? "" : date.toLocalDate().toString());
            }
            // BigDecimal.valueOf gives the shortest decimal that is the double: 0.3 stays 0.3. Small
            // whole numbers (class sizes, counts) share one immutable instance each.
            BigDecimal n = d >= 0 && d < SMALL.length && d == Math.rint(d) ? SMALL[(int) d] : BigDecimal.valueOf(d);
            return CellValue.number(column, ref, n, (f & PERCENT) != 0);
        }

        /** The cell types {@link #cell()} reads without its style: everything but a number. */
        private static boolean notANumber(String type) {
            return type != null && (type.equals("s") || type.equals("inlineStr") || type.equals("str") || type.equals("b")
                    || type.equals("e") || type.equals("d"));
        }

        private static String errorText(String v) {
            try {
                return FormulaError.forString(v.trim()).getString();
            } catch (RuntimeException e) {
                return "#ERROR";
            }
        }
    }

    /** 0-based column of a reference such as {@code AB12}. */
    static int columnIndex(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') col = col * 26 + (c - 'A' + 1);
            else if (c >= 'a' && c <= 'z') col = col * 26 + (c - 'a' + 1);
            else break;
        }
        return col - 1;
    }

    static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) b.insert(0, (char) ('A' + (c - 1) % 26));
        return b.toString();
    }
}
