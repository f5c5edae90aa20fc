package org.dudao.testing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the synthetic sample workbooks of {@code sample-data/}: one province, one city and five
 * counties over 2023 and 2024, laid out as messy as real returns (title and 填报单位 lines, a
 * two-line merged header, codes stored as numbers, text numbers with separators, 亿元 beside
 * 万元, 合计 and 注 rows). Each county plays a part for every indicator:
 * 一县 passes, 二县 fails, 三县 sits exactly on the bound, 四县 lacks data, 五县 is where a
 * condition does not hold.
 *
 * <p>Regenerate with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.dudao.testing.SampleData}.
 */
public final class SampleData {
    private SampleData() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        write2023(dir.resolve("sample-2023.xlsx"));
        write2024(dir.resolve("sample-2024.xlsx"));
        System.out.println("written to " + dir);
    }

    private static final String NOTICE = "本工作簿为 dudao 的合成示例数据（synthetic sample data），地区、学校和数字均为虚构，"
            + "不代表任何真实地区；用于演示和测试每项指标的达标、不达标、恰好等于界值、数据缺失和不适用等情形。";

    private static Workbooks notice(Workbooks w, int year) {
        return w.sheet("说明")
                .row("dudao 示例数据（合成数据）— " + year + "年")
                .row(NOTICE)
                .row("一县：各项达标；二县：各项不达标；三县：恰好等于界值（“高于”类界值等于即不达标）；四县：数据缺失；五县：条件不成立（不适用）。")
                .row("全国、示例二省、乙市、丙市、六县用于省级、市级指标：乙市与甲市结果相反，示例二省和丙市没有数据。");
    }

    /** 2023: expenditure in 亿元, a one-line header, years as numbers. */
    static Path write2023(Path file) {
        Workbooks w = notice(Workbooks.create(), 2023);
        w.sheet("表1 地区")
                .row("2023年示例省教育事业与经费统计表（合成数据）")
                .row("填报单位：示例省教育厅（虚构）")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出（亿元）", "在校学生数(人)",
                        "义务教育在校生数(人)", "民办义务教育在校生数(人)", "在园幼儿数(人)", "公办园在园幼儿数(人)")
                .row(990000, "示例省", "000000", "省", 2023, 30, 250000, 180000, 18000, 60000, 33000)
                .row(990100, "甲市", 990000, "市", 2023, 20, 140000, 100000, 10000, 30000, 15000)
                .row(990101, "一县", 990100, "县", 2023, 5, 40000, 30000, 3000, 3000, 1700)
                .row(990102, "二县", 990100, "县", 2023, 4.5, 30000, 20000, 2000, 3000, 1300)
                .row(990103, "三县", 990100, "县", 2023, 3.3, 11000, 10000, 1000, 3000, 1500)
                .row(990104, "四县", 990100, "县", 2023, 2.8, null, 9000, null, 2000, 1000)
                .row(990105, "五县", 990100, "县", 2023, 2, 15000, 12000, 600, 1500, 900)
                .row("合计", null, null, null, 2023, 17.6, 96000, 81000, null, 12500, 6400)
                .row("注：本表数据为合成数据。");
        w.sheet("表2 学校")
                .row("学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)", "随班就读学生数(人)", "资源教室")
                .row("9901010001", "一县实验小学", "990101", "小学", 2023, 1200, 6, "是")
                .row("9901010002", "一县第一中学", "990101", "初中", 2023, 900, 2, "否")
                .row("9901020001", "二县城关小学", "990102", "小学", 2023, 1900, 8, "否")
                .row("9901020002", "二县中学", "990102", "初中", 2023, 1100, 5, "是")
                .row("9901030001", "三县中心小学", "990103", "小学", 2023, 800, 5, "是")
                .row("9901040001", "四县实验学校", "990104", "九年一贯制", 2023, 1300, 7, null)
                .row("9901050001", "五县中心小学", "990105", "小学", 2023, 600, 0, "否");
        more2023(w);
        seniorBands(w, 2023, new int[][]{{3, 1, 0}, {2, 0, 0}, {2, 0, 0}, null, null});
        return w.save(file);
    }

    /** 2024: expenditure in 万元 under a two-line merged header, years as 2024年, text numbers. */
    static Path write2024(Path file) {
        Workbooks w = notice(Workbooks.create(), 2024);
        w.sheet("表1 地区")
                .row("2024年示例省教育事业与经费统计表（合成数据）")
                .row("填报单位：示例省教育厅（虚构）", null, null, null, null, null, null, null, null, null, null, null, "单位：见各列")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "经费（万元）", null, "教师工资（元）", null,
                        "在校学生数(人)", "义务教育在校生数(人)", "民办义务教育在校生数(人)", "在园幼儿数(人)", "公办园在园幼儿数(人)",
                        "义务教育失学辍学人数(人)", "常住人口(万人)", "特殊教育学校数(所)")
                .row(null, null, null, null, null, "一般公共预算教育支出", "生均一般公共预算教育经费（元）", "义务教育教师平均工资收入",
                        "公务员平均工资收入")
                .merge("A3:A4").merge("B3:B4").merge("C3:C4").merge("D3:D4").merge("E3:E4").merge("F3:G3").merge("H3:I3")
                .merge("J3:J4").merge("K3:K4").merge("L3:L4").merge("M3:M4").merge("N3:N4").merge("O3:O4").merge("P3:P4").merge("Q3:Q4")
                .row(990000, "示例省", "000000", "省", "2024年", "310,000", null, null, null, 252000, 181000, 17500, 61000, 33500, null, 3000, 12)
                .row(990100, "甲市", 990000, "市", "2024年", 205000, null, null, null, 141000, 100000, 10000, 30000, 13500, null, 1500, 6)
                .row(990101, "一县", 990100, "县", "2024年", "52,000", null, 105000, 100000, 40500, 30000, 2700, 3000, 1800, 0, 35, 1)
                .row(990102, "二县", 990100, "县", "2024年", 44000, null, 95000, 100000, 30000, 20000, 2400, 3000, 1200, 3, 25, 0)
                .row(990103, "三县", 990100, "县", "2024年", " 33000 ", null, 100000.3, "100,000.30", 11000, 11000, 1100, 3000, 1500, 0, 20, 1)
                .row(990104, "四县", 990100, "县", "2024年", null, null, null, 98000, 12000, 9000, null, null, 1000, null, null, 0)
                .row(990105, "五县", 990100, "县", "2024年", 21000, "14,500", 101000, 100000, 14600, 12000, 500, 1500, 950, 0, 15, 0)
                .blankRow()
                .row("总计", null, null, null, "2024年", 150000)
                .row("注：1. 本表为合成数据；2. 常住人口单位为万人。")
                .row("填表人：示例", null, null, null, "审核人：示例");
        w.sheet("表2 学校")
                .row("2024年学校基本情况（合成数据）")
                .row("学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)", "随班就读学生数(人)", "资源教室")
                .row(9901010001L, "一县实验小学", 990101, "小学", "2024年", 1250, 6, "是")
                .row(9901010002L, "一县第一中学", 990101, "初中", "2024年", 920, 2, "否")
                .row(9901020001L, "二县城关小学", 990102, "小学", "2024年", 2050, 8, "否")
                .row(9901020002L, "二县中学", 990102, "初中", "2024年", 1120, 5, "是")
                .row(9901030001L, "三县中心小学", 990103, "小学", "2024年", 2000, 5, "是")
                .row(9901040001L, "四县实验学校", 990104, "九年一贯制", "2024年", 1310, 7, null)
                .row(9901050001L, "五县中心小学", 990105, "小学", "2024年", 610, 0, "否");
        w.sheet("表3 班级")
                .row("学校代码", "学校名称", "年级", "班级", "年度", "学生数")
                .row("9901010001", "一县实验小学", "一年级", "一(1)班", 2024, 45)
                .row("9901010001", "一县实验小学", "一年级", "一(2)班", 2024, 44)
                .row("9901010002", "一县第一中学", "七年级", "七(1)班", 2024, 50)
                .row("9901020001", "二县城关小学", "三年级", "三(1)班", 2024, 58)
                .row("9901020001", "二县城关小学", "三年级", "三(2)班", 2024, 67)
                .row("9901020002", "二县中学", "七年级", "七(1)班", 2024, 52)
                .row("9901030001", "三县中心小学", "五年级", "五(1)班", 2024, 55)
                .row("9901040001", "四县实验学校", "八年级", "八(1)班", 2024, null)
                .row("9901040001", "四县实验学校", "八年级", "八(2)班", 2024, 40);
        more2024(w);
        tasks2024(w);
        seniorBands(w, 2024, new int[][]{{2, 1, 0}, {2, 1, 0}, {2, 0, 0}, {1, 0, 0}, null});
        return w.save(file);
    }

    /**
     * 普通高中 large classes per county as the statistics forms count them, by band (56-60人, 61-65人, 66人及以上):
     * 一县 4 → 3 (falling), 二县 2 → 3 (rising), 三县 2 → 2 (flat), 四县 this year only, 五县 has no 普通高中.
     */
    private static void seniorBands(Workbooks w, int year, int[][] byCounty) {
        w.sheet("表6 普通高中班额分段（县）").row("地区代码", "学段", "年度", "56-60人", "61-65人", "66人及以上");
        for (int c = 0; c < byCounty.length; c++) {
            if (byCounty[c] != null) w.row("99010" + (c + 1), "高中", year, byCounty[c][0], byCounty[c][1], byCounty[c][2]);
        }
    }

    // ---- the indicators beyond the walking skeleton: extra sheets, one column per metric -----------

    /** A sheet built row by row from named values; the header is every name used, in order of first use. */
    private static final class Table {
        private final List<String> keys;
        private final List<String> header = new ArrayList<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();

        Table(String... keys) {
            this.keys = List.of(keys);
            header.addAll(this.keys);
        }

        Table row(Object... keyValues) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) r.put(keys.get(i), keyValues[i]);
            rows.add(r);
            return this;
        }

        /** A value in the last row; null leaves the cell blank. */
        Table v(String column, Object value) {
            if (!header.contains(column)) header.add(column);
            rows.get(rows.size() - 1).put(column, value);
            return this;
        }

        /** A value in the first row whose first key is {@code key}. */
        Table set(Object key, String column, Object value) {
            if (!header.contains(column)) header.add(column);
            for (Map<String, Object> r : rows) if (key.equals(r.get(keys.get(0)))) { r.put(column, value); return this; }
            throw new IllegalArgumentException("no row " + key);
        }

        /** The row of a code, moved to the end so that {@link #v} writes into it. */
        Table at(String code) {
            Map<String, Object> r = rows.stream().filter(x -> code.equals(String.valueOf(x.get(keys.get(0))))).findFirst().orElseThrow();
            rows.remove(r);
            rows.add(r);
            return this;
        }

        void write(Workbooks w, String sheet, String title) {
            w.sheet(sheet).row(title).row(header.toArray());
            for (Map<String, Object> r : rows) {
                Object[] cells = new Object[header.size()];
                for (int i = 0; i < cells.length; i++) cells[i] = r.get(header.get(i));
                w.row(cells);
            }
        }
    }

    private static final String[] LEVELS = {"幼儿园", "普通小学", "普通初中", "普通高中", "中职", "普通高校"};
    private static final int[] LEVEL_BASE = {3000, 10000, 14000, 16000, 17000, 20000};

    private static Table regions() { return new Table("地区代码", "地区名称", "上级代码", "层级", "年度"); }

    /** The regions the skeleton sample lacked: the nation, a second province, two more cities and a county. */
    private static void extraRegions(Table t, int year) {
        t.row("000000", "全国（示例）", null, "全国", year);
        t.row("980000", "示例二省", "000000", "省", year);
        t.row("990200", "乙市", "990000", "市", year);
        t.row("990300", "丙市", "990000", "市", year);
        t.row("990201", "六县", "990200", "县", year);
    }

    /** Per-student funding by level of education: up (一县), down (二县), equal (三县), this year missing (四县), none (五县). */
    private static void perStudent(Table t, int county, int year) {
        for (int i = 0; i < LEVELS.length; i++) {
            Integer v = switch (county) {
                case 1 -> year == 2023 ? LEVEL_BASE[i] : LEVEL_BASE[i] + 100;
                case 2 -> year == 2023 ? LEVEL_BASE[i] : LEVEL_BASE[i] - 100;
                case 3 -> year == 2023 && i == 0 ? null : LEVEL_BASE[i]; // 三县 2023 幼儿园: from total and pupils
                case 4 -> year == 2023 ? LEVEL_BASE[i] : null;
                default -> null;
            };
            t.v(LEVELS[i] + "生均一般公共预算教育经费(元)", v);
        }
        if (county == 3 && year == 2023) t.v("幼儿园一般公共预算教育支出(万元)", 900); // 900 万元 / 3000 幼儿 = 3000 元
    }

    static void more2023(Workbooks w) {
        Table t = regions();
        String[] names = {"一县", "二县", "三县", "四县", "五县"};
        int[][] yearly = { // 义务教育生均公用经费, 教育财政拨款, 财政经常性收入, 学科类校外培训机构数, 涉校涉生安全事故数, 体质健康合格率
                {1000, 100, 200, 20, 10, 90}, {1000, 100, 200, 10, 10, 90}, {1000, 100, 200, 8, 10, 90},
                {1000, 100, 200, 6, 10, 90}, {1000, 100, 200, 5, 0, 92}};
        for (int c = 1; c <= 5; c++) {
            int[] y = yearly[c - 1];
            t.row("99010" + c, names[c - 1], "990100", "县", 2023);
            perStudent(t, c, 2023);
            t.v("义务教育生均公用经费(元)", y[0]).v("教育财政拨款(万元)", y[1]).v("财政经常性收入(万元)", y[2])
                    .v("学科类校外培训机构数(个)", y[3]).v("涉校涉生安全事故数(起)", y[4]).v("体质健康合格率(%)", y[5])
                    .v("全体教师平均工资收入(元)", 90000);
        }
        t.row("990100", "甲市", "990000", "市", 2023).v("义务教育生均公用经费(元)", 3000);
        extraRegions(t, 2023);
        t.v("义务教育生均公用经费(元)", 1000); // 六县: the same next year, a flat year of a “逐步增长”
        t.write(w, "表4 地区（续）", "2023年各项督导指标补充表（合成数据）");
    }

    static void more2024(Workbooks w) {
        Table t = regions();
        // 一县 passes, 二县 fails, 三县 sits on the bound, 四县 lacks the data, 五县: conditions that do not hold
        t.row("990101", "一县", "990100", "县", "2024年");
        perStudent(t, 1, 2024);
        county(t, 1200, 10000, 9950, 700, 1100, 1600, 110, 210, 120, 1000, 30, "是", 600, 1800, 10, 10, 92, 700, 250, 5000,
                4000, 90, 100, 97, 96, "是", 6500, 1000, 950, 15, 8, 91, 40500, 100, 60, 97, 95);
        t.row("990102", "二县", "990100", "县", "2024年");
        perStudent(t, 2, 2024);
        county(t, 1100, 10000, 9800, 600, 900, 1400, 105, 220, 50, 1000, 5, "否", 300, 1500, 10, 8, 80, 800, 150, 5000,
                3000, 80, 97, 93, 90, "否", null, 1000, 800, 12, 10, 88, 29000, 100, 40, 95, 90);
        t.row("990103", "三县", "990100", "县", "2024年");
        perStudent(t, 3, 2024);
        county(t, 1150, 10000, 9900, 650, 1000, 1500, 110, 220, 100, 1000, 20, "是", 540, 1800, 5, 5, 85, 900, 200, 5000,
                3750, 85, 100, 95, 95, "是", 6000, 1000, 900, 8, 9, 90, 11000, 100, 50, 96, 92);
        t.row("990104", "四县", "990100", "县", "2024年");
        perStudent(t, 4, 2024);
        county(t, null, 10000, null, null, null, null, null, null, null, null, null, null, null, null, 10, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, 100, null, null, null);
        t.row("990105", "五县", "990100", "县", "2024年");
        perStudent(t, 5, 2024);
        county(t, 1150, 8000, 8000, 800, 1200, 1800, 112, 210, 110, 1000, 25, "是", 300, 900, 0, 0, 90, 400, 120, 5000,
                4500, 95, 100, 98, 97, "是", null, 1000, 850, 3, 0, 92, 14600, 100, 70, 98, 93);
        // 全体教师平均工资收入 (FUND-11, 2023: 90000 元): up, down, flat, missing, up
        int[] pay = {93000, 89000, 90000, 0, 91000};
        for (int c = 1; c <= 5; c++) t.at("99010" + c).v("全体教师平均工资收入(元)", pay[c - 1] == 0 ? null : pay[c - 1]);
        t.row("990100", "甲市", "990000", "市", "2024年").v("义务教育生均公用经费(元)", 2900).v("新建改扩建公办幼儿园数(所)", 40)
                .v("民办学校数(所)", 20).v("已分类登记民办学校数(所)", 20).v("特殊教育学校生均公用经费(元)", 5000);
        t.row("990000", "示例省", "000000", "省", "2024年").v("新建改扩建公办幼儿园数(所)", 210).v("财政性教育经费占GDP比例(%)", 3.8);
        t.row("000000", "全国（示例）", null, "全国", "2024年").v("财政性教育经费占GDP比例(%)", 4.2);
        t.row("980000", "示例二省", "000000", "省", "2024年");
        t.row("990200", "乙市", "990000", "市", "2024年").v("新建改扩建公办幼儿园数(所)", 50).v("民办学校数(所)", 20).v("已分类登记民办学校数(所)", 18)
                .v("特殊教育资源中心", "是");
        t.row("990300", "丙市", "990000", "市", "2024年");
        t.row("990201", "六县", "990200", "县", "2024年").v("乡村教师生活补助", "是").v("特殊教育资源中心", "是")
                .v("义务教育生均公用经费(元)", 1000);
        t.write(w, "表4 地区（续）", "2024年各项督导指标补充表（合成数据）");

        Table s = new Table("学校代码", "学校名称", "所属地区代码", "学段", "年度");
        // code, name, region, stage, pupils (null: in 表2), reach of the balance bounds, 培训经费 %, 劳动天数, 带宽, 平安, 智慧, 清廉
        school(s, "9901010001", "一县实验小学", "990101", "小学", null, 1250, new double[]{1.2}, 6, 5, 1000, "是", "是", "引领型");
        school(s, "9901010002", "一县第一中学", "990101", "初中", null, 920, new double[]{1.2}, 6, 6, 2000, "是", "是", "引领型");
        school(s, "9901020001", "二县城关小学", "990102", "小学", null, 2050, new double[]{0.8}, 4, 4, 500, "否", "否", "未达标");
        school(s, "9901020002", "二县中学", "990102", "初中", null, 1120, new double[]{1.0}, 5, 5, 1000, "否", "是", "规范型");
        school(s, "9901020003", "二县乡村小学", "990102", "小学", 100, 100, new double[]{5}, null, null, 1000, null, "否", "未达标");
        school(s, "9901030001", "三县中心小学", "990103", "小学", null, 2000, new double[]{1.0}, 5, 5, 1000, "是", "是", "规范型");
        school(s, "9901040001", "四县实验学校", "990104", "九年一贯制", null, 1310, new double[]{1.0}, null, null, null, null, "是", "规范型");
        school(s, "9901040002", "四县第二小学", "990104", "小学", null, null, null, null, null, null, null, null, "提升型");
        school(s, "9901050001", "五县中心小学", "990105", "小学", null, 610, new double[]{1, 1, 1, 1, 1, 1, 0.9}, 6, 7, 1000, "是", "是", "规范型");
        school(s, "9901050002", "五县某村教学点", "990105", "小学教学点", 30, 30, new double[]{1.0}, 6, 5, 1000, "是", "是", "提升型");
        s.v("随班就读学生数(人)", 0);
        school(s, "9901050003", "五县特殊教育学校", "990105", "特殊教育", 60, null, null, null, null, null, "是", null, "未达标");
        s.v("随班就读学生数(人)", 0);
        school(s, "9902010001", "六县小学", "990201", "小学", 800, null, null, null, null, null, "是", "否", "未达标");
        school(s, "9902010002", "六县中学", "990201", "初中", 700, null, null, null, null, null, "是", "否", "提升型");
        school(s, "9901000001", "甲学院", "990100", "普通高校", 5000, null, null, null, null, null, "是", "否", "提升型");
        // kindergartens, for the area standards met per kindergarten (PRE-8, -2, -3): each with 200 children
        // (their 平安校园 and 清廉学校等级 keep each county's and 甲市's share on the side it was: 甲市 15%, 50%, 70% exactly)
        kindergarten(s, "9901010003", "一县中心幼儿园", "990101", 1.2, "是", "引领型");
        kindergarten(s, "9901010004", "一县城关幼儿园", "990101", 1.0, "是", "规范型");
        kindergarten(s, "9901020004", "二县中心幼儿园", "990102", 1.0, "否", "规范型");
        kindergarten(s, "9901020005", "二县城关幼儿园", "990102", 0.9, "否", "规范型");
        kindergarten(s, "9901020006", "二县乡村幼儿园", "990102", 0.8, "否", "提升型");
        kindergarten(s, "9901030002", "三县中心幼儿园", "990103", 1.0, "是", "未达标"); // exactly at the bounds: one of two, 50%
        kindergarten(s, "9901030003", "三县城关幼儿园", "990103", 0.95, "是", "未达标");
        kindergarten(s, "9901040003", "四县中心幼儿园", "990104", 0, null, "未达标");
        school(s, "9902000001", "甲大学", "990200", "普通高校", 8000, null, null, null, null, null, "是", "是", "规范型");
        s.write(w, "表5 学校（续）", "2024年学校督导指标补充表（合成数据）");

        w.sheet("参数").row("参数名称", "参数值", "说明")
                .row("PLAN-01评估日期", "2024-07-01", "“双过半”评估日期（时间进度 50%）")
                .row("FUND-03提高额", 150, "义务教育生均公用经费比上年提高额（元），与方案相同，演示参数来源");
    }

    // ---- the year's tasks (85-tasks.drl) and the other national standards (39-national.drl): sheets of their own ----

    /**
     * 示例省, 甲市, 一县 and their schools meet every target; 示例三省 (added here), 乙市 and 二县 fall one short (a
     * target the plan strives for then warns); 三县 sits on the national bounds; 示例二省, 丙市 and 四县 lack the data.
     */
    static void tasks2024(Workbooks w) {
        Table t = regions();
        t.row("990000", "示例省", "000000", "省", "2024年").v("无证幼儿园数(所)", 0);
        t.row("970000", "示例三省", "000000", "省", "2024年").v("无证幼儿园数(所)", 2);
        t.row("990100", "甲市", "990000", "市", "2024年").v("新审批民办义务教育学校数(所)", 0);
        t.row("990200", "乙市", "990000", "市", "2024年").v("新审批民办义务教育学校数(所)", 1);
        for (String[] task : RuleFixtures.COUNT_TASKS) {
            BigDecimal target = new BigDecimal(task[3]);
            BigDecimal shortBy = task[5].equals("亿元") ? new BigDecimal("0.01") : BigDecimal.ONE;
            String column = task[2] + "(" + task[5] + ")";
            boolean province = task[1].equals("省");
            t.set(province ? "990000" : "990100", column, target);
            t.set(province ? "970000" : "990200", column, target.subtract(shortBy));
        }
        for (String code : new String[]{"990000", "970000"}) {
            t.set(code, "义务教育家庭经济困难学生数(人)", 1000).set(code, "受资助义务教育家庭经济困难学生数(人)", code.equals("990000") ? 1000 : 990);
        }
        // counties: 一县 above, 二县 below, 三县 on the bound, 四县 blank; 五县 passes
        Object[][] counties = { // 无证, 新审批, 困难学生, 受资助, 小学就近, 初中就近, 名额比例, 优质均衡认可度, 普及普惠认可度
                {"990101", "一县", 0, 0, 500, 500, 100, 98, 55, 90, 88}, {"990102", "二县", 3, 2, 500, 480, 99, 94.9, 49.9, 84.9, 80},
                {"990103", "三县", 0, 0, 300, 300, 100, 95, 50, 85, 85}, {"990104", "四县", null, null, null, null, null, null, null, null, null},
                {"990105", "五县", 0, 0, 200, 200, 100, 96, 52, 87, 86}};
        String[] cols = {"无证幼儿园数(所)", "新审批民办义务教育学校数(所)", "义务教育家庭经济困难学生数(人)", "受资助义务教育家庭经济困难学生数(人)",
                "城镇公办小学就近划片入学比例(%)", "城镇公办初中就近划片入学比例(%)", "优质高中招生名额分配比例(%)", "义务教育优质均衡社会认可度(%)",
                "学前教育普及普惠社会认可度(%)"};
        for (Object[] c : counties) {
            t.row(c[0], c[1], "990100", "县", "2024年");
            for (int i = 0; i < cols.length; i++) t.v(cols[i], c[i + 2]);
        }
        t.write(w, "表6 年度任务", "2024年年度任务与国家标准补充表（合成数据；示例三省为本表新增，用于省级任务不达标的情形）");

        Table s = new Table("学校代码", "学校名称", "所属地区代码", "学段", "年度");
        // code, name, 学段, 免试就近入学, 体质健康报告书, 班级数, rooms of at least 96 m² (music) and 90 m² (art)
        Object[][] schools = {{"9901010001", "一县实验小学", "小学", "是", "是", 24, 3, 2}, {"9901010002", "一县第一中学", "初中", "是", "是", 18, 2, 2},
                {"9901020001", "二县城关小学", "小学", "否", "否", 30, 2, 2}, {"9901020002", "二县中学", "初中", "是", "是", 13, 1, 1},
                {"9901020003", "二县乡村小学", "小学", "是", "是", 6, 1, 1}, {"9901030001", "三县中心小学", "小学", "是", "是", 36, 3, 3},
                {"9901040001", "四县实验学校", "九年一贯制", "是", null, null, 2, 2}, {"9901040002", "四县第二小学", "小学", null, "是", 12, 1, 1},
                {"9901050001", "五县中心小学", "小学", "是", "是", 12, 1, 1}, {"9901050002", "五县某村教学点", "小学教学点", "是", "是", 3, 1, 1}};
        for (Object[] c : schools) {
            s.row(c[0], c[1], String.valueOf(c[0]).substring(0, 6), c[2], "2024年");
            s.v("免试就近入学", c[3]).v("体质健康报告书", c[4]).v("班级数(个)", c[5]).v("达标音乐专用教室数(间)", c[6]).v("达标美术专用教室数(间)", c[7]);
        }
        s.write(w, "表7 学校（任务）", "2024年学校免试就近入学、体质健康报告书、音乐美术专用教室（合成数据）");
    }

    /** A kindergarten of 200 children whose areas are {@code reach} times the per-child bounds (0: not reported). */
    private static void kindergarten(Table s, String code, String name, String region, double reach, String safe, String clean) {
        s.row(code, name, region, "幼儿园", "2024年").v("在园幼儿数(人)", 200).v("随班就读学生数(人)", 0).v("平安校园", safe).v("清廉学校等级", clean);
        double[] perChild = {4, 8.17, 10.44};
        String[] columns = {"幼儿园户外活动场地面积(平方米)", "幼儿园活动室面积(平方米)", "幼儿园园舍建筑面积(平方米)"};
        for (int i = 0; i < columns.length; i++) {
            s.v(columns[i], reach == 0 ? null : new java.math.BigDecimal(perChild[i] * 200 * reach).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
        }
    }

    /** A county's figures, in the order of the columns below. */
    private static void county(Table t, Object... v) {
        String[] cols = {"义务教育生均公用经费(元)", "教育预算数(万元)", "教育预算执行数(万元)", "幼儿园生均公用经费(元)", "普通高中生均公用经费(元)",
                "中职生均公用经费(元)", "教育财政拨款(万元)", "财政经常性收入(万元)", "交流轮岗教师数(人)", "符合交流条件教师数(人)", "交流轮岗骨干教师数(人)",
                "乡村教师生活补助", "一级园在园幼儿数(人)", "二级园在园幼儿数(人)", "城镇小区配套幼儿园数(所)", "公办或普惠配套幼儿园数(所)",
                "学前三年毛入园率(%)", "普惠性民办园在园幼儿数(人)", "幼儿园专任教师数(人)", "公办园在编教师平均工资(元)", "公办园非在编教师平均工资(元)",
                "幼儿园班额达标率(%)", "幼儿园园长专任教师持证率(%)", "初中三年巩固率(%)", "残疾儿童少年入学率(%)", "特殊教育资源中心", "特殊教育学校生均公用经费(元)", "随迁子女在校生数(人)",
                "公办学校就读随迁子女数(人)", "学科类校外培训机构数(个)", "涉校涉生安全事故数(起)", "体质健康合格率(%)", "参加心理健康测评学生数(人)",
                "年度任务计划数(项)", "年度任务已完成数(项)", "九年义务教育巩固率(%)", "高中阶段毛入学率(%)"};
        if (v.length != cols.length) throw new IllegalArgumentException(v.length + " values for " + cols.length + " columns");
        for (int i = 0; i < cols.length; i++) t.v(cols[i], v[i]);
    }

    /** The seven balance resources with their 小学 / 初中 bounds (per pupil, or per hundred pupils). */
    private static final String[] BAL_COLUMNS = {"高于规定学历教师数(人)", "县级及以上骨干教师数(人)", "体育艺术专任教师数(人)", "教学及辅助用房面积(平方米)",
            "体育运动场馆面积(平方米)", "教学仪器设备值(万元)", "网络多媒体教室数(间)"};
    private static final double[][] BAL_BOUNDS = {{4.2, 5.3}, {1.0, 1.0}, {0.9, 0.9}, {4.5, 5.8}, {7.5, 10.2}, {2000, 2500}, {2.3, 2.4}};
    private static final double[] BAL_PER = {100, 100, 100, 1, 1, 1, 100};

    private static void school(Table s, String code, String name, String region, String stage, Integer ownPupils, Integer pupils,
                               double[] reach, Integer trainingPct, Integer labourDays, Integer mbps, String safe, String smart, String clean) {
        s.row(code, name, region, stage, "2024年");
        if (ownPupils != null) s.v("在校学生数(人)", ownPupils);
        if (reach != null && pupils != null) {
            int st = stage.contains("初中") ? 1 : 0;
            for (int i = 0; i < 7; i++) {
                double r = reach.length == 1 ? reach[0] : reach[i];
                double amount = BAL_BOUNDS[i][st] * pupils / BAL_PER[i] * r;
                boolean count = i < 3 || i == 6;
                // whole teachers and rooms: rounded away from the bound, so a pass stays a pass and a shortfall a shortfall
                double value = count ? (r >= 1 ? Math.ceil(amount - 1e-9) : Math.floor(amount + 1e-9)) : amount;
                if (i == 5) value = value / 10000; // 元 to 万元
                s.v(BAL_COLUMNS[i], new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().doubleValue());
            }
        } else {
            for (String c : BAL_COLUMNS) s.v(c, null);
        }
        s.v("教师培训经费(元)", trainingPct == null ? null : trainingPct * 2000).v("学校公用经费(元)", trainingPct == null ? null : 200000)
                .v("劳动活动天数(天)", labourDays).v("宽带接入带宽(Mbps)", mbps).v("平安校园", safe).v("智慧校园", smart).v("清廉学校等级", clean);
    }
}
