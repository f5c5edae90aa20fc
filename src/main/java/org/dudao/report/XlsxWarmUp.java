package org.dudao.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Loads the classes report.xlsx needs (POI's streaming workbook, the XMLBeans types of SpreadsheetML:
 * about 1,000 classes, 1–2 s of a first report.xlsx) on a thread of its own while the run reads its
 * rules and workbooks, by writing a one-sheet workbook nowhere ({@link XlsxReport#sample}). The report
 * then finds them loaded; nothing of the sample is kept, and a warm-up that fails changes nothing
 * (the report meets the same problem and says so).
 */
public final class XlsxWarmUp {
    /**
     * Set by {@code bin/dudao} on the run whose loaded classes it lists for the class archive: warm up
     * whatever formats the run asked for, so that the archive holds the report's classes even when that
     * first run wrote no report.xlsx.
     */
    public static final String FOR_CLASS_LIST = "dudao.warm-up.all";

    private final Thread thread;

    private XlsxWarmUp(Thread thread) {
        this.thread = thread;
    }

    /** Starts the warm-up when the run writes report.xlsx (or lists its classes for the archive). */
    public static XlsxWarmUp startIf(boolean xlsxAsked) {
        if (!xlsxAsked && !Boolean.getBoolean(FOR_CLASS_LIST)) return new XlsxWarmUp(null);
        Thread t = new Thread(XlsxWarmUp::run, "dudao-xlsx-warm-up");
        t.setDaemon(true); // never what keeps the process alive
        t.start();
        return new XlsxWarmUp(t);
    }

    /** True when a warm-up was started. */
    public boolean started() { return thread != null; }

    /** Waits for the warm-up to end (at once when the run is done: the report has long used its classes). */
    public void await() {
        if (thread == null) return;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void run() {
        try {
            XlsxReport.sample(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException | LinkageError e) {
            // only the warm-up is lost: report.xlsx is written, or fails with its own message, as without it
        }
    }
}
