package org.dudao.api;

import org.dudao.engine.VerdictStore;
import org.dudao.report.AtomicFiles;
import org.dudao.report.Report;
import org.dudao.report.XlsxReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * report.xlsx written ahead, into memory, on a thread of its own while the other formats are written in
 * turn: of a small run's reports it takes longest (POI sets up a sheet for each failing indicator, a
 * hundred on the sample), and on two cores it then costs the run next to nothing. Only when the verdicts
 * are in memory, so that the workbook's bytes held until their turn are those of a small run.
 */
final class XlsxAhead {
    private final long started = System.nanoTime();
    private final CompletableFuture<byte[]> bytes;

    private XlsxAhead(CompletableFuture<byte[]> bytes) {
        this.bytes = bytes;
    }

    /** When it started ({@link System#nanoTime}). */
    long started() { return started; }

    /** Starts writing report.xlsx when it is asked with other formats, the run may use two threads, and no verdict is on disk; else null. */
    static XlsxAhead startIf(Report report, List<ReportFormat> formats, int threads) {
        if (!formats.contains(ReportFormat.XLSX) || formats.size() < 2 || threads < 2 || VerdictStore.onDisk(report.verdicts())) return null;
        return new XlsxAhead(CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            try {
                XlsxReport.write(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }, task -> {
            Thread t = new Thread(task, "dudao-xlsx");
            t.setDaemon(true); // a run that failed before its turn does not wait for it
            t.start();
        }));
    }

    /** Writes the workbook's bytes to {@code file} once they are ready; a failure is the writer's own. */
    void writeTo(Path file) throws IOException {
        byte[] b;
        try {
            b = bytes.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
        AtomicFiles.write(file, out -> out.write(b));
    }
}
