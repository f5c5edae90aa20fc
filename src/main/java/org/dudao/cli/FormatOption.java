package org.dudao.cli;

import org.dudao.api.DudaoException;
import org.dudao.api.ReportFormat;

import java.io.PrintWriter;
import java.util.List;

/** The {@code --format} list of {@code evaluate} and {@code batch} as report formats. */
final class FormatOption {
    private FormatOption() {}

    /** The formats asked for, in writing order; null (after saying which names are unknown) when one is not a format. */
    static List<ReportFormat> parse(List<String> asked, PrintWriter err) {
        try {
            return ReportFormat.parse(asked);
        } catch (DudaoException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
