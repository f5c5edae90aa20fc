package org.dudao.batch;

import org.dudao.report.TextTable;

import java.io.PrintWriter;

/**
 * Progress of a batch: a bar redrawn in place on a terminal, one plain line per finished run in a log
 * (a bar's carriage returns make a log unreadable), or nothing with {@code --quiet}. A few lines of
 * our own rather than a library: the batch advances one run at a time, so a bar needs no refresh
 * thread, no terminal-size probing and no native terminal library in the shaded jar.
 */
public interface Progress {
    void start(int total);

    /** A run finished; {@code label} says which and how it went. */
    void done(String label);

    void finish();

    static Progress none() {
        return new Progress() {
            @Override public void start(int total) {}
            @Override public void done(String label) {}
            @Override public void finish() {}
        };
    }

    /** {@code [3/10] 990100 甲市：…}, one line per run. */
    static Progress lines(PrintWriter out) {
        return new Progress() {
            private int total;
            private int done;

            @Override public synchronized void start(int total) {
                this.total = total;
                out.printf("开始批量核查：%d 个运行%n", total);
                out.flush();
            }

            @Override public synchronized void done(String label) {
                out.printf("[%d/%d] %s%n", ++done, total, label);
                out.flush();
            }

            @Override public void finish() {}
        };
    }

    /** {@code 核查 [██████░░░░░░]  3/10  12s  990100 甲市}, redrawn in place. */
    static Progress bar(PrintWriter out) {
        return new Progress() {
            private static final int WIDTH = 30;
            private int total;
            private int done;
            private long start;
            private int lastWidth;

            @Override public synchronized void start(int total) {
                this.total = total;
                this.start = System.nanoTime();
                draw("");
            }

            @Override public synchronized void done(String label) {
                done++;
                draw(label);
            }

            @Override public synchronized void finish() {
                out.print("\r" + " ".repeat(lastWidth) + "\r");
                out.flush();
            }

            private void draw(String label) {
                int filled = total == 0 ? WIDTH : WIDTH * done / total;
                long secs = (System.nanoTime() - start) / 1_000_000_000L;
                String line = "核查 [" + "█".repeat(filled) + "░".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + secs + "s  "
                        + (label.length() > 40 ? label.substring(0, 40) + "…" : label);
                int w = TextTable.displayWidth(line);
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - w)));
                lastWidth = Math.max(w, lastWidth);
                out.flush();
            }
        };
    }
}
