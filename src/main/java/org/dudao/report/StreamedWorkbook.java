package org.dudao.report;

import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.IOException;
import java.io.Writer;

/**
 * POI's streaming workbook, its sheets' text escaped a run of characters at a time. SXSSF's own
 * {@code SheetDataWriter.outputEscapedString} writes a cell's text one code point at a time (a
 * {@code char[]} and a synchronized {@code Writer.write} each): 2.4 s of the 10 s report.xlsx took on
 * the 600-county workbook's 170 MB of sheets (docs/performance.md). {@link RunEscaping} writes the same
 * characters through the extension points POI gives for this ({@code createSheetDataWriter},
 * the protected {@code outputEscapedString}). Public so that the batch summary's workbook uses it too.
 */
public final class StreamedWorkbook extends SXSSFWorkbook {
    /** Keeps {@code window} rows of each sheet in memory before flushing them to its temporary file. */
    public StreamedWorkbook(int window) {
        super(window);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new RunEscaping(_sharedStringSource);
    }

    /** A sheet writer whose text escaping writes, character for character, what POI's would. */
    static final class RunEscaping extends SheetDataWriter {
        RunEscaping(SharedStringsTable strings) throws IOException {
            super(strings);
        }

        /** Writing to {@code out} instead of a temporary file (the test compares it with POI's). */
        RunEscaping(Writer out) throws IOException {
            super(out);
        }

        /**
         * As POI 5.5's: {@code < > & "} and tab, line feed, carriage return and no-break space as entities,
         * any other control character and U+FFFE/U+FFFF as {@code ?}, everything else as it is (a
         * surrogate pair's two halves alike). Per character, not per code point, gives the same text:
         * no surrogate is a control character or U+FFFE/U+FFFF.
         */
        @Override
        protected void outputEscapedString(String s) throws IOException {
            if (s == null) return;
            int run = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                String entity = entity(c);
                if (entity == null) continue;
                _out.write(s, run, i - run);
                _out.write(entity);
                run = i + 1;
            }
            _out.write(s, run, s.length() - run);
        }

        /** What {@code c} is written as, or null when it is written as itself. */
        static String entity(char c) {
            return switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\n' -> "&#xa;";
                case '\r' -> "&#xd;";
                case '\t' -> "&#x9;";
                case '\u00a0' -> "&#xa0;";
                default -> c < ' ' || c >= '\ufffe' ? "?" : null;
            };
        }
    }
}
