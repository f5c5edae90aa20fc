package org.dudao.cli;

import org.dudao.api.DudaoException;
import org.dudao.api.ExitCodes;
import org.dudao.report.FileProblems;

import java.io.PrintWriter;

/**
 * What ends a run that could not be done, said in one Chinese line, the Java stack trace only with
 * {@code --debug}, and exit code 3: an {@code OutOfMemoryError} or any other {@code Error}, in any
 * thread, and any exception no command turned into a message. For the real process it also ends the
 * run when an {@code Error} reaches the top of a thread of its own: a dead worker must not leave the
 * process idle for ever.
 */
final class Fatal {
    /** Given back when memory has run out, so that the message can still be written. */
    private static volatile byte[] reserve = new byte[2 << 20];
    private static final String HEAP = "内存不足：Java 堆内存（上限约 " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB）已用尽，";
    /** Made before memory runs out: no allocation is needed to say it. */
    private static final String OUT_OF_MEMORY = HEAP + "请增大 -Xmx 或使用 --by-workbook（如 java -Xmx4g -jar dudao.jar evaluate --by-workbook …）";
    private static final String OUT_OF_MEMORY_BY_WORKBOOK = HEAP + "请增大 -Xmx（如 java -Xmx4g -jar dudao.jar evaluate --by-workbook …）";
    /** Whether the run already reads one workbook at a time: then only a larger heap helps. */
    private static volatile boolean byWorkbook;

    private Fatal() {}

    /** The command line asked for {@code --by-workbook}: the out-of-memory line then does not suggest it. */
    static void byWorkbook(boolean given) { byWorkbook = given; }

    /**
     * For {@code main} only: an Error that reaches the top of any thread ends the process with exit 3 and
     * its line; another uncaught exception is said in its line (our tasks hand theirs to the thread waiting for them).
     */
    static void install(PrintWriter err, boolean debug) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            try {
                report(e, err, debug);
            } finally {
                // exit() could wait on a thread that will never finish; the reports already written are whole (atomic)
                if (e instanceof Error) Runtime.getRuntime().halt(ExitCodes.CANNOT_RUN);
            }
        });
    }

    /** Prints the line (and with --debug the stack trace) and returns the exit code, 3. */
    static int report(Throwable t, PrintWriter err, boolean debug) {
        reserve = null;
        err.println(describe(t));
        if (debug) t.printStackTrace(err);
        err.flush();
        return ExitCodes.CANNOT_RUN;
    }

    /**
     * A refusal with located problems (rules that do not compile, a malformed waiver file): the headline,
     * then each problem as {@code file:line:col: message} or {@code file 表!C5: message}, as the engine words them.
     */
    static void print(DudaoException e, PrintWriter err) {
        err.println(e.getMessage());
        for (DudaoException.Problem p : e.problems()) err.println(p);
    }

    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) return byWorkbook ? OUT_OF_MEMORY_BY_WORKBOOK : OUT_OF_MEMORY;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StackOverflowError) return "运行出错：调用层次过深（StackOverflowError），请检查规则是否递归；可加 --debug 查看详情";
            if (c instanceof Error e) return "运行出错：Java 虚拟机错误 " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : "（" + e.getMessage() + "）")
                    + "；可加 --debug 查看详情";
        }
        // a message of our own (in Chinese) already says what failed and where
        if (t.getMessage() != null && t.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return t.getMessage();
        }
        if (FileProblems.isFileProblem(t)) return FileProblems.describe(t);
        Throwable root = t;
        while (root.getCause() != null && root.getMessage() == null) root = root.getCause();
        return "运行出错：" + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + "；可加 --debug 查看详情";
    }
}
