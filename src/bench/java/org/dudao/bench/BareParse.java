package org.dudao.bench;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The floors for reading: every cell of every sheet read and nothing interpreted. Two of them:
 * <ul>
 *   <li>{@link #sax}: POI's event API ({@link XSSFReader}) with a minimal SAX handler that takes
 *   each cell's reference and text (shared strings resolved): the lowest cost of reading the
 *   cells through POI at all, and the floor dudao's load is held to;</li>
 *   <li>{@link #streamingReader}: excel-streaming-reader, every cell's type and value taken, as
 *   dudao read before (kept as a second figure: it is slower than dudao's load now).</li>
 * </ul>
 */
public final class BareParse {
    private BareParse() {}

    /** Rows and cells read, and a checksum of their values (so the JIT cannot drop the reads). */
    public record Count(long rows, long cells, long checksum) {}

    public static Count sax(List<Path> files) throws Exception {
        long[] n = new long[3];
        for (Path f : files) {
            try (OPCPackage pkg = OPCPackage.open(f.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (it.hasNext()) {
                    try (InputStream in = it.next()) {
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new DefaultHandler() {
                            final StringBuilder text = new StringBuilder();
                            boolean collecting;
                            String type;
                            String ref;

                            @Override public void startElement(String u, String local, String q, Attributes a) {
                                switch (local) {
                                    case "row" -> n[0]++;
                                    case "c" -> { type = a.getValue("t"); ref = a.getValue("r"); text.setLength(0); }
                                    case "v", "t" -> collecting = true;
                                    default -> { }
                                }
                            }

                            @Override public void endElement(String u, String local, String q) {
                                switch (local) {
                                    case "v", "t" -> collecting = false;
                                    case "c" -> {
                                        n[1]++;
                                        String v = text.toString();
                                        if ("s".equals(type) && !v.isEmpty()) v = strings.getItemAt(Integer.parseInt(v)).getString();
                                        n[2] += v.length() + ref.length();
                                    }
                                    default -> { }
                                }
                            }

                            @Override public void characters(char[] ch, int start, int length) {
                                if (collecting) text.append(ch, start, length);
                            }
                        });
                        xml.parse(new InputSource(in));
                    }
                }
            }
        }
        return new Count(n[0], n[1], n[2]);
    }

    public static Count streamingReader(List<Path> files) throws Exception {
        long rows = 0, cells = 0, sum = 0;
        for (Path f : files) {
            try (Workbook wb = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(f.toFile())) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        rows++;
                        for (Cell c : row) {
                            cells++;
                            CellType t = c.getCellType();
                            if (t == CellType.NUMERIC) sum += (long) c.getNumericCellValue();
                            else if (t == CellType.STRING) sum += c.getStringCellValue().length();
                        }
                    }
                }
            }
        }
        return new Count(rows, cells, sum);
    }
}
