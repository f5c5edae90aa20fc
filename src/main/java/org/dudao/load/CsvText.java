package org.dudao.load;

import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small CSV of settings (the rules folder's {@code params.csv}, a waivers file) opened in the
 * encoding the loader detects for CSV workbooks: a byte-order mark decides, else UTF-8 when the file
 * is valid UTF-8, else GB18030 (GBK, GB2312), else it is refused with the reason. Saved from Excel on a
 * Chinese Windows, such a file is GBK: it reads as written instead of failing at line 0.
 */
public final class CsvText {
    private CsvText() {}

    /**
     * The line (from 1) a record of {@code text} is written on. A record's position is where it starts,
     * comments above it included (commons-csv keeps them with it), so those lines are counted past.
     */
    public static int line(String text, CSVRecord r) {
        int line = 1;
        int end = (int) Math.min(r.getCharacterPosition(), text.length());
        for (int i = 0; i < end; i++) if (text.charAt(i) == '\n') line++;
        return r.hasComment() ? line + (int) r.getComment().lines().count() : line;
    }

    /** The whole text of a (small) file, decoded as {@link #open} does. */
    public static String read(Path file) throws IOException {
        try (Reader r = open(file)) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) b.append(buf, 0, n);
            return b.toString();
        }
    }

    /** A reader of the file's text, past its byte-order mark; an {@link IOException} with a Chinese message when it is not text. */
    public static Reader open(Path file) throws IOException {
        CsvSheetReader.Encoding enc;
        try {
            enc = CsvSheetReader.detect(file, file.toString());
        } catch (WorkbookException e) {
            throw new IOException(e.getMessage(), e);
        }
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(enc.bom());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(in, enc.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
}
