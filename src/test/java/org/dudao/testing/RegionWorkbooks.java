package org.dudao.testing;

import java.nio.file.Path;

/**
 * Small one-year workbooks of one made-up city (880100 乙市) and its two counties, for batch and
 * history tests: only the education expenditure is given, so FUND-01 (只增不减) passes or fails as
 * the numbers say and the other indicators lack data.
 */
public final class RegionWorkbooks {
    private RegionWorkbooks() {}

    /** A workbook of 乙市 for {@code year} with the expenditure (万元) of 六县 and 七县. */
    public static Path city(Path file, int year, int county1, int county2) {
        return Workbooks.create().sheet("地区")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)")
                .row("880100", "乙市", null, "市", year, county1 + county2)
                .row("880101", "六县", "880100", "县", year, county1)
                .row("880102", "七县", "880100", "县", year, county2)
                .save(file);
    }
}
