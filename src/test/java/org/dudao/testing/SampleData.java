package org.dudao.testing;

import java.nio.file.Path;

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
                .row("一县：各项达标；二县：各项不达标；三县：恰好等于界值；四县：数据缺失；五县：条件不成立（不适用）。");
    }

    /** 2023: expenditure in 亿元, a one-line header, years as numbers. */
    static Path write2023(Path file) {
        Workbooks w = notice(Workbooks.create(), 2023);
        w.sheet("表1 地区")
                .row("2023年示例省教育事业与经费统计表（合成数据）")
                .row("填报单位：示例省教育厅（虚构）")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出（亿元）", "在校学生数(人)",
                        "义务教育在校生数(人)", "民办义务教育在校生数(人)", "在园幼儿数(人)", "公办园在园幼儿数(人)")
                .row(990000, "示例省", null, "省", 2023, 30, 250000, 180000, 18000, 60000, 33000)
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
                .row("9901020001", "二县城关小学", "990102", "小学", 2023, 1500, 8, "否")
                .row("9901020002", "二县中学", "990102", "初中", 2023, 1100, 5, "是")
                .row("9901030001", "三县中心小学", "990103", "小学", 2023, 800, 5, "是")
                .row("9901040001", "四县实验学校", "990104", "九年一贯制", 2023, 1300, 7, null)
                .row("9901050001", "五县中心小学", "990105", "小学", 2023, 600, 0, "否");
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
                .row(990000, "示例省", null, "省", "2024年", "310,000", null, null, null, 252000, 181000, 17500, 61000, 33500, null, 3000, 12)
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
                .row(9901020001L, "二县城关小学", 990102, "小学", "2024年", 1520, 8, "否")
                .row(9901020002L, "二县中学", 990102, "初中", "2024年", 1120, 5, "是")
                .row(9901030001L, "三县中心小学", 990103, "小学", "2024年", 820, 5, "是")
                .row(9901040001L, "四县实验学校", 990104, "九年一贯制", "2024年", 1310, 7, null)
                .row(9901050001L, "五县中心小学", 990105, "小学", "2024年", 610, 0, "否");
        w.sheet("表3 班级")
                .row("学校代码", "学校名称", "年级", "班级", "年度", "学生数")
                .row("9901010001", "一县实验小学", "一年级", "一(1)班", 2024, 45)
                .row("9901010001", "一县实验小学", "一年级", "一(2)班", 2024, 48)
                .row("9901010002", "一县第一中学", "七年级", "七(1)班", 2024, 50)
                .row("9901020001", "二县城关小学", "三年级", "三(1)班", 2024, 58)
                .row("9901020001", "二县城关小学", "三年级", "三(2)班", 2024, 67)
                .row("9901020002", "二县中学", "七年级", "七(1)班", 2024, 52)
                .row("9901030001", "三县中心小学", "五年级", "五(1)班", 2024, 55)
                .row("9901040001", "四县实验学校", "八年级", "八(1)班", 2024, null)
                .row("9901040001", "四县实验学校", "八年级", "八(2)班", 2024, 40);
        return w.save(file);
    }
}
