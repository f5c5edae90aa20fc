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
        return city(file, "880100", "乙市", "六县", "七县", year, county1, county2);
    }

    /**
     * A workbook of a city {@code code} (dddd00) named {@code name}, with two counties (dddd01, dddd02)
     * named as given: for names that must be escaped in reports.
     */
    public static Path city(Path file, String code, String name, String county1Name, String county2Name, int year,
                            int county1, int county2) {
        String prefix = code.substring(0, 4);
        return Workbooks.create().sheet("地区")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)")
                .row(code, name, null, "市", year, county1 + county2)
                .row(prefix + "01", county1Name, code, "县", year, county1)
                .row(prefix + "02", county2Name, code, "县", year, county2)
                .save(file);
    }
}
