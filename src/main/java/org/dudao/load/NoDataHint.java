package org.dudao.load;

import org.dudao.model.Dataset;
import org.dudao.model.LoadProblem;

import java.util.List;

/**
 * Why the workbooks given hold nothing to evaluate: the fixed sentence, then what the loader saw (the
 * sheets of a workbook none of which it recognised, their first row of headings and the names nearest
 * them, a sheet without a year column). A workbook that could not be read at all is reported apart.
 */
public final class NoDataHint {
    public static final String NO_DATA = "所给工作簿中没有可评估的数据（未找到带年度的地区表、学校表或班级表）";
    /** Lines of what was seen, at most. */
    private static final int SHOWN = 12;

    private NoDataHint() {}

    /** {@link #NO_DATA}, and on the lines after it what the loader saw, one problem a line. */
    public static String of(Dataset data) {
        List<LoadProblem> seen = data.problems().stream().filter(p -> !unreadable(p)).toList();
        StringBuilder b = new StringBuilder(NO_DATA);
        if (!seen.isEmpty()) b.append("。读到的内容：");
        for (LoadProblem p : seen.subList(0, Math.min(SHOWN, seen.size()))) {
            b.append("\n  ").append(p.describe().replace('\n', ' ').replace('\r', ' '));
        }
        if (seen.size() > SHOWN) b.append("\n  …… 另有 ").append(seen.size() - SHOWN).append(" 条");
        return b.toString();
    }

    /** A workbook that could not be read (reported on its own line already): an error on the file, not a cell. */
    private static boolean unreadable(LoadProblem p) {
        return p.severity() == LoadProblem.Severity.ERROR && p.sheet() == null && p.cell() == null;
    }
}
