package org.dudao.testing;

import java.nio.file.Path;

/**
 * Writes the shipped thresholds table {@code rules/thresholds.xlsx}: the seven balance bounds of
 * 教督〔2017〕6号 for 小学 and 初中, equal to the {@code @bound} of BAL-1 … BAL-7 so that verdicts do not
 * change (the verdict's bound now names the table's cell). Analysts edit the file in Excel; this
 * program only makes the first version reproducible:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.dudao.testing.ThresholdsTable}.
 */
public final class ThresholdsTable {
    private ThresholdsTable() {}

    /** Indicator, what it measures, 小学 and 初中 bounds (comparison and unit as in the rule's @bound). */
    static final String[][] BALANCE = {
            {"BAL-1", "每百名学生拥有高于规定学历教师数", "4.2", "5.3"},
            {"BAL-2", "每百名学生拥有县级及以上骨干教师数", "1.0", "1.0"},
            {"BAL-3", "每百名学生拥有体育、艺术（美术、音乐）专任教师数", "0.9", "0.9"},
            {"BAL-4", "生均教学及辅助用房面积（平方米）", "4.5", "5.8"},
            {"BAL-5", "生均体育运动场馆面积（平方米）", "7.5", "10.2"},
            {"BAL-6", "生均教学仪器设备值（元）", "2000", "2500"},
            {"BAL-7", "每百名学生拥有网络多媒体教室数", "2.3", "2.4"}};

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "rules/thresholds.xlsx");
        Workbooks w = Workbooks.create();
        w.sheet("说明")
                .row("界值表：本表中的界值优先于规则 @bound 中写的界值；结论的“界值”一栏会写明取自本表的哪个单元格。")
                .row("“界值”列可只写数值（比较符和单位沿用规则中该分项的写法，如 4.2 即“>= 4.2”），也可写完整界值，如“>= 4.2”“<= {参数名|默认值}”。")
                .row("“学段/层级”列写规则界值中的分项名称（小学、初中，或 省、市 等）；规则界值不分项时留空。每个指标的每个分项只能有一行。")
                .row("改错时（未知指标、未知学段、无法识别的界值、重复行）dudao 会指出本表的工作表和单元格，并以退出码 3 结束。");
        w.sheet("界值").row("指标", "学段/层级", "界值", "说明");
        for (String[] b : BALANCE) {
            w.row(b[0], "小学", Double.valueOf(b[2]), b[1] + "（教督〔2017〕6号）");
            w.row(b[0], "初中", Double.valueOf(b[3]), b[1] + "（教督〔2017〕6号）");
        }
        w.save(file);
        System.out.println("written " + file);
    }
}
