package org.dudao.testing;

import org.dudao.load.MetricDictionary;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the fixtures of {@code dudao rules test} under {@code rules/tests/}: one small workbook per
 * area of the catalogue (per rule file), each with its input sheets (地区, 学校, 班级) and the sheet
 * 期望结果 saying which verdict each indicator must give for which unit. Every case is a unit of its
 * own (a county, a city with its counties, a school) whose data is written here next to the verdict
 * the plans require of it, as the engine tests do: a pass, a fail (usually just past the bound), a tie
 * where the bound allows one, missing data, and for conditional indicators a condition that does not
 * hold. Parameters are left at their defaults, except in a fixture whose every case needs one (a 参数 sheet applies to every
 * case of a workbook): 85-tasks-midyear sets the assessment date.
 *
 * <p>Regenerate (and commit the .xlsx files) after changing a case:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.dudao.testing.RuleFixtures}
 * (argument: the output folder, default {@code rules/tests}).
 */
public final class RuleFixtures {
    private static final int YEAR = 2024;
    private static final String PASS = "达标", FAIL = "不达标", MISSING = "数据不足", NA = "不适用", WARN = "预警";

    private RuleFixtures() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "rules/tests");
        MetricDictionary dict = MetricDictionary.read(Path.of("rules", MetricDictionary.FILE_NAME));
        Files.createDirectories(dir);
        for (Area a : areas()) {
            Path f = a.write(dir, dict);
            System.out.println(f + "  " + a.expects.size() + " 项期望，" + Files.size(f) + " 字节");
        }
    }

    /** Every area's cases. */
    static List<Area> areas() {
        return List.of(funding(), teachers(), kindergarten(), preschool(), classes(), balance(), guarantee(), specialEducation(),
                migrant(), governance(), safety(), health(), informatisation(), integrity(), plan(), national(), tasks(), tasksMidYear());
    }

    // ---- the cases, one method per rule file -------------------------------------------------------

    static Area funding() {
        Area a = new Area("10-funding", "经费（FUND-*）", "10");
        a.c("FUND-01", "县", "2023:一般公共预算教育支出=5000 一般公共预算教育支出=5200", PASS, "比上年增加");
        a.c("FUND-01", "县", "2023:一般公共预算教育支出=5000 一般公共预算教育支出=5000", PASS, "持平");
        a.c("FUND-01", "市", "2023:一般公共预算教育支出=5000 一般公共预算教育支出=4999.99", FAIL, "减少 0.01 万元");
        a.c("FUND-01", "县", "一般公共预算教育支出=5000", MISSING, "缺上年");
        a.c("FUND-02", "县", "2023:生均一般公共预算教育经费=12000 生均一般公共预算教育经费=12100", PASS, "");
        a.c("FUND-02", "省", "2023:生均一般公共预算教育经费=12000 生均一般公共预算教育经费=11999", FAIL, "");
        a.c("FUND-02", "县", "生均一般公共预算教育经费=12000", MISSING, "缺上年");
        // compared at the precision published: a computed 23333.333… beside a bulletin's 23333.33 is a tie
        a.c("FUND-02", "县", "2023:一般公共预算教育支出=7000 2023:在校学生数=3000 生均一般公共预算教育经费=23333.33", PASS,
                "上年算出 23333.333… 元，按公告的两位小数与 23333.33 元持平");
        a.c("FUND-02", "县", "2023:生均一般公共预算教育经费=23333.34 一般公共预算教育支出=7000 在校学生数=3000", FAIL,
                "本年算出 23333.333… 元，按两位小数为 23333.33 元，比上年公告的 23333.34 元减少");
        a.c("FUND-02", "市", "2023:一般公共预算教育支出=7000 2023:在校学生数=3000 一般公共预算教育支出=7699.9999 在校学生数=3300", PASS,
                "两年都是算出的数，按两位小数都是 23333.33 元");
        String[][] levels = {{"FUND-02-KG", "幼儿园", "在园幼儿数"}, {"FUND-02-PS", "普通小学", "普通小学在校生数"},
                {"FUND-02-JS", "普通初中", "普通初中在校生数"}, {"FUND-02-SS", "普通高中", "普通高中在校生数"},
                {"FUND-02-VS", "中职", "中职在校生数"}, {"FUND-02-HE", "普通高校", "普通高校在校生数"}};
        for (String[] l : levels) {
            String m = l[1] + "生均一般公共预算教育经费";
            a.c(l[0], "县", "2023:" + m + "=9000 " + m + "=9000", PASS, "持平");
            a.c(l[0], "县", "2023:" + m + "=9000 " + m + "=8999.99", FAIL, "减少 0.01 元");
            a.c(l[0], "县", "2023:" + m + "=9000", MISSING, "本年未填报");
            a.c(l[0], "县", "在校学生数=1000", MISSING, "两年都空白：空白不等于没有该学段");
            a.c(l[0], "县", "2023:" + l[2] + "=0 " + l[2] + "=0", NA, "该学段在校（园）人数为 0");
        }
        // a stage the school table shows the county lacks does not apply; a 九年一贯制 school teaches 小学
        String noKg = a.region("县", "没有幼儿园和高校的县", null);
        a.school(noKg, "城关小学", "小学");
        a.school(noKg, "城关初中", "初中");
        a.expect("FUND-02-KG", noKg, null, NA, "学校表中没有幼儿园").expect("FUND-02-HE", noKg, null, NA, "学校表中没有普通高校")
                .expect("FUND-02-PS", noKg, null, MISSING, "有小学，未填报经费");
        String oneSchool = a.region("县", "只有一贯制学校的县", null);
        a.school(oneSchool, "九年一贯制学校", "九年一贯制");
        a.expect("FUND-02-PS", oneSchool, null, MISSING, "一贯制学校有小学部").expect("FUND-02-SS", oneSchool, null, NA, "没有高中");
        a.c("FUND-02-KG", "市", "2023:幼儿园一般公共预算教育支出=900 2023:在园幼儿数=1000 幼儿园生均一般公共预算教育经费=9000", PASS, "上年由支出和幼儿数算出");
        a.c("FUND-03", "县", "2023:义务教育生均公用经费=1000 义务教育生均公用经费=1150", PASS, "恰好提高 150 元");
        a.c("FUND-03", "县", "2023:义务教育生均公用经费=1000 义务教育生均公用经费=1149.99", FAIL, "");
        a.c("FUND-03", "市", "义务教育生均公用经费=1150", MISSING, "缺上年");
        a.c("FUND-04", "县", "教育预算数=10000 教育预算执行数=9900", PASS, "恰好 99%");
        a.c("FUND-04", "县", "教育预算数=10000 教育预算执行数=9899", FAIL, "");
        a.c("FUND-04", "市", "教育预算数=10000", MISSING, "");
        a.c("FUND-05", "县", "幼儿园生均公用经费=650", PASS, "");
        a.c("FUND-05", "省", "幼儿园生均公用经费=649.99", FAIL, "");
        a.c("FUND-05", "县", "在园幼儿数=1", MISSING, "");
        a.c("FUND-06", "县", "普通高中生均公用经费=1000", PASS, "");
        a.c("FUND-06", "市", "普通高中生均公用经费=999", FAIL, "");
        a.c("FUND-06", "县", "在园幼儿数=1", MISSING, "");
        a.c("FUND-07", "县", "中职生均公用经费=1500", PASS, "");
        a.c("FUND-07", "县", "中职生均公用经费=1499", FAIL, "");
        a.c("FUND-07", "县", "在园幼儿数=1", MISSING, "");
        a.c("FUND-08", "全国", "财政性教育经费占GDP比例=4.01", PASS, "");
        a.c("FUND-08", "全国", "财政性教育经费占GDP比例=4", FAIL, "须高于 4%");
        a.c("FUND-08", "全国", "国家财政性教育经费=401 地区生产总值=10000", PASS, "由经费和生产总值算出 4.01%");
        a.c("FUND-08", "全国", "国家财政性教育经费=400", MISSING, "");
        a.c("FUND-08", "全国", "财政性教育经费占GDP比例=0.0401", PASS, "按小数填写的 4.01%，载入时换算");
        a.c("FUND-09", "县", "2023:教育财政拨款=100 教育财政拨款=110 2023:财政经常性收入=200 财政经常性收入=216", PASS, "10% 高于 8%");
        a.c("FUND-09", "县", "2023:教育财政拨款=100 教育财政拨款=110 2023:财政经常性收入=200 财政经常性收入=220", FAIL, "同为 10%，不是“高于”");
        a.c("FUND-09", "县", "2023:教育财政拨款=100 教育财政拨款=110 财政经常性收入=220", MISSING, "");
        a.c("FUND-09", "市", "2023:教育财政拨款=100 教育财政拨款=110.004 2023:财政经常性收入=200 财政经常性收入=220", FAIL,
                "10.004% 与 10%：按两位小数同为 10.00%");
        a.c("FUND-10", "县", "2023:义务教育生均公用经费=1000 义务教育生均公用经费=1000.01", PASS, "");
        a.c("FUND-10", "县", "2023:义务教育生均公用经费=1000 义务教育生均公用经费=1000", WARN, "逐步增长：持平记为预警");
        a.c("FUND-10", "省", "2023:义务教育生均公用经费=1000 义务教育生均公用经费=999", FAIL, "");
        a.c("FUND-10", "县", "义务教育生均公用经费=1000", MISSING, "");
        a.c("FUND-11", "县", "2023:全体教师平均工资收入=100000 全体教师平均工资收入=103000", PASS, "");
        a.c("FUND-11", "市", "2023:全体教师平均工资收入=100000 全体教师平均工资收入=100000", WARN, "逐步增长：持平记为预警");
        a.c("FUND-11", "省", "2023:全体教师平均工资收入=100000 全体教师平均工资收入=99999", FAIL, "");
        a.c("FUND-11", "县", "全体教师平均工资收入=100000", MISSING, "缺上年");
        return a;
    }

    static Area teachers() {
        Area a = new Area("15-teachers", "教师（TEACH-*）", "15");
        a.c("TEACH-01", "县", "义务教育教师平均工资收入=100000 公务员平均工资收入=100000", PASS, "相等");
        a.c("TEACH-01", "县", "义务教育教师平均工资收入=99999 公务员平均工资收入=100000", FAIL, "");
        a.c("TEACH-01", "县", "义务教育教师平均工资收入=100000", MISSING, "缺公务员工资");
        coverage(a, "TEACH-02", "乡村教师生活补助");
        a.c("TEACH-03", "县", "交流轮岗教师数=10 符合交流条件教师数=100", PASS, "");
        a.c("TEACH-03", "县", "交流轮岗教师数=9 符合交流条件教师数=100", FAIL, "");
        a.c("TEACH-03", "县", "交流轮岗教师数=9", MISSING, "");
        a.c("TEACH-04", "县", "交流轮岗骨干教师数=2 交流轮岗教师数=10", PASS, "");
        a.c("TEACH-04", "县", "交流轮岗骨干教师数=1 交流轮岗教师数=10", FAIL, "");
        a.c("TEACH-04", "县", "交流轮岗教师数=10", MISSING, "");
        // per school, rolled up to the county
        String[][] cases = {{PASS, "教师培训经费=5 学校公用经费=100"}, {FAIL, "教师培训经费=4.99 学校公用经费=100"}, {MISSING, "学校公用经费=100"}};
        for (String[] c : cases) {
            String county = a.region("县", "TEACH-05 " + c[0] + "县", null);
            String school = a.school(county, "TEACH-05 " + c[0] + "小学", "小学");
            a.data(school, c[1]);
            a.expect("TEACH-05", school, null, c[0], "学校");
            a.expect("TEACH-05", county, null, c[0], "县汇总");
        }
        return a;
    }

    /** A coverage indicator of a city over its counties: both yes, one no, one missing. */
    private static void coverage(Area a, String id, String metric) {
        coverage(a, id, metric, false);
    }

    /** … with the city held to the metric itself as well ({@code cityToo}). */
    private static void coverage(Area a, String id, String metric, boolean cityToo) {
        String[][] cases = {{PASS, "是", "是"}, {FAIL, "是", "否"}, {MISSING, "是", null}};
        for (String[] c : cases) {
            String city = a.region("市", id + " " + c[0] + "市", null);
            if (cityToo) a.v(city, YEAR, metric, "是");
            for (int i = 1; i <= 2; i++) {
                String county = a.region("县", id + " " + c[0] + "市" + i + "县", city);
                if (c[i] != null) a.v(county, YEAR, metric, c[i]);
            }
            a.expect(id, city, null, c[0], c[0].equals(FAIL) ? "一个县为“否”" : c[0].equals(MISSING) ? "一个县未填报" : "各县均为“是”");
        }
    }

    static Area kindergarten() {
        Area a = new Area("20-kindergarten", "学前教育工作方案（KG-*）", "20");
        a.c("KG-01", "县", "公办园在园幼儿数=500 在园幼儿数=1000", PASS, "恰好 50%");
        a.c("KG-01", "市", "公办园在园幼儿数=499 在园幼儿数=1000", FAIL, "");
        a.c("KG-01", "县", "在园幼儿数=1000", MISSING, "");
        a.c("KG-02", "县", "一级园在园幼儿数=540 二级园在园幼儿数=1800 在园幼儿数=3000", PASS, "");
        a.c("KG-02", "市", "一级园在园幼儿数=540 二级园在园幼儿数=1799 在园幼儿数=3000", WARN, "力争：未达到记为预警");
        a.c("KG-02", "县", "一级园在园幼儿数=540 在园幼儿数=3000", MISSING, "");
        a.c("KG-02-1", "县", "一级园在园幼儿数=540 在园幼儿数=3000", PASS, "");
        a.c("KG-02-1", "县", "一级园在园幼儿数=539 在园幼儿数=3000", WARN, "力争：未达到记为预警");
        a.c("KG-02-1", "县", "在园幼儿数=3000", MISSING, "");
        a.c("KG-03", "县", "2023:公办园在园幼儿数=1500 2023:在园幼儿数=3000 公办园在园幼儿数=1600 在园幼儿数=3200", PASS, "持平 50%");
        a.c("KG-03", "省", "2023:公办园在园幼儿数=1500 2023:在园幼儿数=3000 公办园在园幼儿数=1599 在园幼儿数=3200", FAIL, "");
        a.c("KG-03", "县", "公办园在园幼儿数=1600 在园幼儿数=3200", MISSING, "");
        a.c("KG-04", "省", "新建改扩建公办幼儿园数=200", PASS, "省目标 200 所");
        a.c("KG-04", "省", "新建改扩建公办幼儿园数=199", FAIL, "");
        a.c("KG-04", "市", "新建改扩建公办幼儿园数=50", PASS, "市目标 50 所");
        a.c("KG-04", "市", "新建改扩建公办幼儿园数=49", FAIL, "");
        a.c("KG-04", "省", "在园幼儿数=1", MISSING, "");
        a.c("KG-05", "县", "城镇小区配套幼儿园数=10 公办或普惠配套幼儿园数=10", PASS, "");
        a.c("KG-05", "县", "城镇小区配套幼儿园数=10 公办或普惠配套幼儿园数=9", FAIL, "");
        a.c("KG-05", "县", "城镇小区配套幼儿园数=0", NA, "没有配套幼儿园");
        a.c("KG-05", "县", "城镇小区配套幼儿园数=10", MISSING, "");
        a.c("KG-05", "县", "公办或普惠配套幼儿园数=10", MISSING, "无法判断是否适用");
        return a;
    }

    static Area preschool() {
        Area a = new Area("25-preschool", "县域学前教育普及普惠（PRE-*）", "25");
        a.c("PRE-1", "县", "学前三年毛入园率=85", PASS, "");
        a.c("PRE-1", "县", "在园幼儿数=849 学前三年适龄人口=1000", FAIL, "由幼儿数和适龄人口算出");
        a.c("PRE-1", "县", "在园幼儿数=849", MISSING, "");
        a.c("PRE-1", "县", "学前三年毛入园率=0.86", PASS, "按小数填写的 86%");
        a.c("PRE-1", "县", "学前三年毛入园率=104", PASS, "毛入园率可超过 100%");
        a.c("PRE-2", "县", "公办园在园幼儿数=500 普惠性民办园在园幼儿数=300 在园幼儿数=1000", PASS, "");
        a.c("PRE-2", "县", "公办园在园幼儿数=500 普惠性民办园在园幼儿数=299 在园幼儿数=1000", FAIL, "");
        a.c("PRE-2", "县", "公办园在园幼儿数=500 在园幼儿数=1000", MISSING, "");
        a.c("PRE-3", "县", "公办园在园幼儿数=500 在园幼儿数=1000", PASS, "");
        a.c("PRE-3", "县", "公办园在园幼儿数=499 在园幼儿数=1000", FAIL, "");
        a.c("PRE-3", "县", "在园幼儿数=1000", MISSING, "");
        a.c("PRE-4", "县", "在园幼儿数=1500 幼儿园专任教师数=100", PASS, "恰好 15:1");
        a.c("PRE-4", "县", "在园幼儿数=1501 幼儿园专任教师数=100", FAIL, "");
        a.c("PRE-4", "县", "在园幼儿数=1500", MISSING, "");
        a.c("PRE-5", "县", "公办园非在编教师平均工资=3000 公办园在编教师平均工资=4000", PASS, "");
        a.c("PRE-5", "县", "公办园非在编教师平均工资=2999 公办园在编教师平均工资=4000", FAIL, "");
        a.c("PRE-5", "县", "公办园在编教师平均工资=4000", MISSING, "");
        a.c("PRE-6", "县", "幼儿园班额达标率=85", PASS, "");
        a.c("PRE-6", "县", "班额达标幼儿园班数=84 幼儿园班数=100", FAIL, "");
        a.c("PRE-6", "县", "幼儿园班数=100", MISSING, "");
        a.c("PRE-7", "县", "持证园长和专任教师数=100 园长和专任教师数=100", PASS, "");
        a.c("PRE-7", "县", "持证园长和专任教师数=99 园长和专任教师数=100", FAIL, "");
        a.c("PRE-7", "县", "园长和专任教师数=100", MISSING, "");
        // per kindergarten, then the share of the county's kindergartens that meet it (>= 50%); a primary school does not count
        String[][] areas = {{"PRE-8", "幼儿园户外活动场地面积", "4"}, {"PRE-8-2", "幼儿园活动室面积", "8.17"}, {"PRE-8-3", "幼儿园园舍建筑面积", "10.44"}};
        for (String[] r : areas) {
            BigDecimal atBound = new BigDecimal(r[2]).multiply(BigDecimal.valueOf(200));
            String just = atBound.stripTrailingZeros().toPlainString(), short_ = atBound.subtract(BigDecimal.ONE).stripTrailingZeros().toPlainString();
            String[][] cases = {{PASS, just, short_, null, "两园一园恰好达标：50%"}, {FAIL, just, short_, short_, "三园一园达标：33.3%"},
                    {MISSING, just, short_, "", "三园一园缺数据，可能 33.3% 或 66.7%"}};
            for (String[] c : cases) {
                String county = a.region("县", r[0] + " " + c[0] + "县", null);
                for (int i = 1; i <= 3; i++) {
                    if (c[i] == null) continue;
                    String kg = a.school(county, r[0] + " " + c[0] + "县第" + i + "幼儿园", "幼儿园");
                    a.v(kg, YEAR, "在园幼儿数", "200");
                    if (!c[i].isEmpty()) a.v(kg, YEAR, r[1], c[i]);
                }
                String primary = a.school(county, r[0] + " " + c[0] + "县小学", "小学");
                a.v(primary, YEAR, "在园幼儿数", "200");
                a.expect(r[0], county, null, c[0], c[4] + "（小学不计）");
            }
        }
        return a;
    }

    static Area classes() {
        Area a = new Area("30-classes", "大班额（CLASS-*）", "30");
        // 一县: classes of 45 and 55; 二县: 66 and 40 (one super-large of two); 三县: 56 and 40; 四县: a class without its size
        String c1 = a.region("县", "班额达标县", null), s1 = a.school(c1, "班额达标小学", "小学");
        a.cls(s1, "一(1)班", 45).cls(s1, "一(2)班", 55);
        String c2 = a.region("县", "超大班额县", null), s2 = a.school(c2, "超大班额小学", "小学");
        a.cls(s2, "三(1)班", 66).cls(s2, "三(2)班", 40);
        String c3 = a.region("县", "大班额县", null), s3 = a.school(c3, "大班额初中", "初中");
        a.cls(s3, "七(1)班", 56).cls(s3, "七(2)班", 40);
        String c4 = a.region("县", "班额缺数县", null), s4 = a.school(c4, "班额缺数小学", "小学");
        a.cls(s4, "二(1)班", null).cls(s4, "二(2)班", 40);
        for (String id : new String[]{"CLASS-01", "CLASS-02"}) {
            a.expect(id, s1, null, PASS, "最大班额 55").expect(id, c1, null, PASS, "");
            a.expect(id, s2, null, FAIL, "有 66 人的班").expect(id, c2, null, FAIL, "");
            a.expect(id, s4, null, MISSING, "一个班缺班额").expect(id, c4, null, MISSING, "");
        }
        a.expect("CLASS-01", s3, null, FAIL, "56 人即大班额").expect("CLASS-02", s3, null, PASS, "56 人不是超大班额");
        for (String id : new String[]{"CLASS-03", "CLASS-04"}) {
            a.expect(id, c1, null, PASS, "0%").expect(id, c2, null, FAIL, "50% 的班");
        }
        a.expect("CLASS-03", c3, null, PASS, "没有超大班额").expect("CLASS-04", c3, null, FAIL, "50% 的班");
        a.expect("CLASS-04", c4, null, MISSING, "缺班额的班可能决定结论");
        a.expect("CLASS-03", a.region("县", "没有班级的县", null), null, MISSING, "没有班级数据");

        // 义务教育 means 义务教育: a high school's 66 and kindergarten classes are not counted
        String c5 = a.region("县", "有高中和幼儿园的县", null), p5 = a.school(c5, "城区小学", "小学"), h5 = a.school(c5, "城区高中", "普通高中");
        String k5 = a.school(c5, "城区幼儿园", "幼儿园");
        a.cls(p5, "一(1)班", 55).cls(p5, "一(2)班", 56).cls(h5, "高一(1)班", 66);
        for (int i = 1; i <= 20; i++) a.cls(k5, "大" + i + "班", 30);
        a.expect("CLASS-01", c5, null, FAIL, "小学 56 人").expect("CLASS-02", c5, null, PASS, "高中 66 人不计")
                .expect("CLASS-03", c5, null, PASS, "高中的超大班额不计").expect("CLASS-04", c5, null, FAIL, "1/2 个义务教育班，幼儿园班不摊薄");
        // a 完全中学 in one row: its classes count by their 年级; one without 年级 may be 初中
        String c6 = a.region("县", "完全中学县", null), w6 = a.school(c6, "第一完全中学", "完全中学");
        a.cls(w6, "1班", 50, "初一", YEAR).cls(w6, "2班", 70, "高一", YEAR).cls(w6, "3班", 60, null, YEAR);
        a.expect("CLASS-01", w6, null, MISSING, "3班 60 人，学段不明").expect("CLASS-02", w6, null, PASS, "70 人的是高一")
                .expect("CLASS-01", c6, null, MISSING, "");
        // class sizes by band, as the statistics forms give them
        String c7 = a.region("县", "分段填报县", null), b7 = a.school(c7, "分段填报小学", "小学"), j7 = a.school(c7, "分段填报初中", "初中");
        a.bands(b7, null, YEAR, "41-45人=20 46-50人=10 51-55人=9 56-60人=1 61-65人=0 66人及以上=0");
        a.bands(j7, null, YEAR, "41-45人=10 46-50人=10 51-55人=0 56-60人=0 61-65人=0 66人及以上=0");
        a.expect("CLASS-01", b7, null, FAIL, "56-60人 1 个班").expect("CLASS-01", j7, null, PASS, "")
                .expect("CLASS-02", c7, null, PASS, "").expect("CLASS-04", c7, null, PASS, "1/60 = 1.67%");

        // CLASS-05: 普通高中 large classes falling year on year (001 第13条 逐步消减)
        String[][] senior = {{PASS, "3", "2", "从 3 个减到 2 个"}, {WARN, "3", "3", "持平：逐步消减，持平记为预警"},
                {FAIL, "2", "3", "反弹"}, {PASS, "0", "0", "已无大班额"}};
        for (String[] c : senior) {
            String county = a.region("县", "CLASS-05 " + c[3] + "县", null), hs = a.school(county, "CLASS-05 " + c[3] + "高中", "普通高中");
            for (int i = 0; i < 4; i++) {
                a.cls(hs, "23-" + i + "班", i < Integer.parseInt(c[1]) ? 58 : 50, null, YEAR - 1);
                a.cls(hs, "24-" + i + "班", i < Integer.parseInt(c[2]) ? 58 : 50, null, YEAR);
            }
            a.expect("CLASS-05", county, null, c[0], c[3]);
        }
        a.expect("CLASS-05", c1, null, NA, "只有小学：没有普通高中").expect("CLASS-05", a.region("县", "CLASS-05 无学校县", null), null, MISSING, "");
        String c9 = a.region("县", "CLASS-05 缺上年县", null), h9 = a.school(c9, "CLASS-05 缺上年高中", "普通高中");
        a.cls(h9, "1班", 58);
        a.expect("CLASS-05", c9, null, MISSING, "没有上年的班级数据");
        return a;
    }

    /** The seven balance resources: metric, per pupil (1) or per hundred (100), 小学 and 初中 bounds. */
    private static final String[][] RESOURCES = {
            {"高于规定学历教师数", "100", "4.2", "5.3"}, {"县级及以上骨干教师数", "100", "1.0", "1.0"}, {"体育艺术专任教师数", "100", "0.9", "0.9"},
            {"教学及辅助用房面积", "1", "4.5", "5.8"}, {"体育运动场馆面积", "1", "7.5", "10.2"}, {"教学仪器设备值", "1", "2000", "2500"},
            {"网络多媒体教室数", "100", "2.3", "2.4"}};

    /** A school whose seven resources are {@code reach} times its stage's bound (one factor, or one per resource). */
    private static String balanceSchool(Area a, String county, String name, String stage, int pupils, double... reach) {
        return balanceValues(a, a.school(county, name, stage), stage, pupils, reach);
    }

    private static String balanceValues(Area a, String s, String stage, int pupils, double... reach) {
        a.v(s, YEAR, "在校学生数", String.valueOf(pupils));
        for (int i = 0; i < RESOURCES.length; i++) {
            String[] r = RESOURCES[i];
            BigDecimal bound = new BigDecimal(stage.contains("初中") ? r[3] : r[2]);
            BigDecimal total = bound.multiply(BigDecimal.valueOf(pupils)).divide(new BigDecimal(r[1]))
                    .multiply(BigDecimal.valueOf(reach.length == 1 ? reach[0] : reach[i]));
            a.v(s, YEAR, r[0], total.stripTrailingZeros().toPlainString());
        }
        return s;
    }

    static Area balance() {
        Area a = new Area("35-balance", "县域义务教育优质均衡（BAL-*）", "35");
        // A county where everything passes: per-pupil resources 1.2 and 1.0 times the bound (小学), 1.1 (初中)
        String good = a.region("县", "均衡达标县", null);
        String above = balanceSchool(a, good, "达标县实验小学", "小学", 1000, 1.2);
        String tie = balanceSchool(a, good, "达标县第二小学", "小学", 500, 1.0);
        String junior = balanceSchool(a, good, "达标县第一中学", "初中", 800, 1.1);
        // A county where the primary schools are far apart: 3 and 0.3 times the bound; no junior school
        String bad = a.region("县", "均衡不达标县", null);
        balanceSchool(a, bad, "不达标县城关小学", "小学", 1000, 3);
        String poor = balanceSchool(a, bad, "不达标县乡村小学", "小学", 1000, 0.3);
        // Six of seven at the bound and the seventh at 85% passes; at 84% fails
        String mixed = a.region("县", "六项达标县", null);
        String at85 = balanceSchool(a, mixed, "余项85%小学", "小学", 1000, 1, 1, 1, 1, 1, 1, 0.85);
        String at84 = balanceSchool(a, mixed, "余项84%初中", "初中", 1000, 1, 1, 1, 1, 1, 1, 0.84);
        String justShort = balanceSchool(a, mixed, "余项84.9975%小学", "小学", 1000, 1, 1, 1, 1, 1, 1, 0.849975);
        // A county lacking the resources of its school, with a special-education school and a small teaching point
        String lacking = a.region("县", "均衡缺数县", null);
        String empty = a.school(lacking, "缺数县中心小学", "小学");
        a.v(empty, YEAR, "在校学生数", "800");
        String special = balanceSchool(a, lacking, "缺数县培智学校", "小学", 60, 1);
        String point = balanceSchool(a, lacking, "缺数县某村教学点", "小学教学点", 30, 1);
        String noSchools = a.region("县", "没有学校的县", null);
        // A 九年一贯制 school entered as its two parts under one code: each part is a school of its stage
        String split = a.region("县", "一贯制分学部县", null), code = a.schoolCode(split);
        String primaryPart = balanceValues(a, a.part(code, split, "城关学校", "九年一贯制小学部"), "小学", 900, 1.1);
        String juniorPart = balanceValues(a, a.part(code, split, "城关学校", "九年一贯制初中部"), "初中", 600, 1.1);
        balanceSchool(a, split, "一贯制县实验小学", "小学", 1000, 1.2);
        // …and one entered as one row cannot be split
        String whole = a.region("县", "一贯制整校县", null);
        String wholeSchool = balanceSchool(a, whole, "整校填报的一贯制学校", "九年一贯制", 1500, 1.0);

        for (int i = 1; i <= 7; i++) {
            String id = "BAL-" + i;
            a.expect(id, above, null, PASS, "界值的 1.2 倍").expect(id, tie, null, PASS, "恰好等于小学界值").expect(id, junior, null, PASS, "初中界值的 1.1 倍");
            a.expect(id, poor, null, FAIL, "界值的 0.3 倍").expect(id, empty, null, MISSING, "缺资源数据");
            a.expect(id, special, null, NA, "特殊教育学校不参加").expect(id, point, null, NA, "不足50人的教学点不参加");
        }
        a.expect("BAL-7", at85, null, FAIL, "只有界值的 85%");
        a.expect("BAL-SCHOOL", above, null, PASS, "七项达标").expect("BAL-SCHOOL", at85, null, PASS, "六项达标，余项 85%")
                .expect("BAL-SCHOOL", at84, null, FAIL, "余项 84%").expect("BAL-SCHOOL", justShort, null, FAIL, "余项 84.9975%，不到 85%").expect("BAL-SCHOOL", poor, null, FAIL, "七项都不达标")
                .expect("BAL-SCHOOL", empty, null, MISSING, "七项都缺数据").expect("BAL-SCHOOL", special, null, NA, "特殊教育学校");
        for (int i = 1; i <= 7; i++) {
            String id = "BAL-CV-" + i;
            a.expect(id, good, "小学", PASS, "").expect(id, good, "初中", PASS, "只有一所初中，系数 0");
            a.expect(id, bad, "小学", FAIL, "差异系数约 0.82").expect(id, bad, "初中", NA, "没有初中");
            a.expect(id, lacking, "小学", MISSING, "一所小学缺数据").expect(id, noSchools, "小学", MISSING, "没有学校数据");
        }
        a.expect("BAL-CV-4", split, "小学", PASS, "小学部与实验小学").expect("BAL-CV-4", split, "初中", PASS, "初中部")
                .expect("BAL-CV-4", whole, "小学", MISSING, "整校一行，无法分学段").expect("BAL-1", primaryPart, null, PASS, "按小学界值")
                .expect("BAL-1", juniorPart, null, PASS, "按初中界值").expect("BAL-1", wholeSchool, null, MISSING, "整校一行");
        a.expect("BAL-COUNTY", good, null, PASS, "各项差异系数和每所学校均达标").expect("BAL-COUNTY", bad, null, FAIL, "")
                .expect("BAL-COUNTY", mixed, null, FAIL, "一所学校不达标").expect("BAL-COUNTY", noSchools, null, MISSING, "没有学校数据");
        return a;
    }

    static Area guarantee() {
        Area a = new Area("38-guarantee", "优质均衡的政府保障和质量指标（GUAR-*）", "38");
        a.c("GUAR-01", "县", "初中三年巩固率=95", PASS, "");
        a.c("GUAR-01", "县", "初中三年巩固率=94.9", FAIL, "");
        a.c("GUAR-01", "县", "在园幼儿数=1", MISSING, "");
        a.c("GUAR-02", "县", "残疾儿童少年入学率=95", PASS, "");
        a.c("GUAR-02", "县", "残疾儿童少年入学率=94", FAIL, "");
        a.c("GUAR-02", "县", "在园幼儿数=1", MISSING, "");
        String c1 = a.region("县", "规模班额达标县", null), s1 = a.school(c1, "两千人小学", "小学");
        a.v(s1, YEAR, "在校学生数", "2000").cls(s1, "一(1)班", 45);
        String s1b = a.school(c1, "一贯制学校", "九年一贯制");
        a.v(s1b, YEAR, "在校学生数", "2500");
        String c2 = a.region("县", "规模班额超标县", null), s2 = a.school(c2, "超规模初中", "初中");
        a.v(s2, YEAR, "在校学生数", "2001").cls(s2, "七(1)班", 51);
        String c3 = a.region("县", "规模班额缺数县", null), s3 = a.school(c3, "未分学部的一贯制学校", "九年一贯制");
        a.cls(s3, "八(1)班", 48).cls(s3, "二(1)班", 40);
        a.expect("GUAR-03", s1, null, PASS, "恰好 2000 人").expect("GUAR-03", s1b, null, PASS, "一贯制 2500 人")
                .expect("GUAR-03", c1, null, PASS, "").expect("GUAR-03", s2, null, FAIL, "2001 人").expect("GUAR-03", c2, null, FAIL, "")
                .expect("GUAR-03", s3, null, MISSING, "缺在校学生数").expect("GUAR-03", c3, null, MISSING, "");
        a.expect("GUAR-04", s1, null, PASS, "小学 45 人").expect("GUAR-04", s2, null, FAIL, "初中 51 人").expect("GUAR-04", c2, null, FAIL, "")
                .expect("GUAR-04", s3, null, MISSING, "48 人的班未填年级：小学超 45，初中不超 50").expect("GUAR-04", c3, null, MISSING, "");

        // a 九年一贯制 school in parts: its size is the two parts together, judged once (on the 小学部)
        String c4 = a.region("县", "一贯制规模县", null);
        String[][] sizes = {{PASS, "1500", "1000", "合计恰好 2500 人"}, {FAIL, "1500", "1001", "合计 2501 人，各学部都不足 2000"}};
        for (String[] sz : sizes) {
            String code = a.schoolCode(c4);
            String ps = a.part(code, c4, "一贯制" + sz[0] + "学校", "九年一贯制小学部"), js = a.part(code, c4, "一贯制" + sz[0] + "学校", "九年一贯制初中部");
            a.v(ps, YEAR, "在校学生数", sz[1]).v(js, YEAR, "在校学生数", sz[2]);
            a.cls(code, "1班", 45, "一年级", YEAR).cls(code, "2班", 50, "九年级", YEAR);
            a.expect("GUAR-03", ps, null, sz[0], sz[3]).expect("GUAR-03", js, null, NA, "全校在小学部判定");
            if (sz[0].equals(PASS)) a.expect("GUAR-04", ps, null, PASS, "一年级 45 人").expect("GUAR-04", js, null, PASS, "九年级 50 人");
        }
        a.expect("GUAR-03", c4, null, FAIL, "一所不达标");
        String t = a.school(c4, "十二年一贯制学校", "十二年一贯制");
        a.v(t, YEAR, "在校学生数", "3200").v(t, YEAR, "义务教育在校生数", "2400");
        a.expect("GUAR-03", t, null, PASS, "义务教育阶段 2400 人");
        // class sizes by band: what a band proves against 45 (小学) and 50 (初中)
        String c5 = a.region("县", "分段班额县", null);
        String p41 = a.school(c5, "41-45人小学", "小学"), p46 = a.school(c5, "46-50人小学", "小学"), j46 = a.school(c5, "46-50人初中", "初中");
        a.bands(p41, null, YEAR, "36-40人=3 41-45人=5 46-50人=0 51-55人=0").bands(p46, null, YEAR, "36-40人=0 41-45人=5 46-50人=1 51-55人=0")
                .bands(j46, null, YEAR, "36-40人=0 41-45人=0 46-50人=4 51-55人=0");
        a.expect("GUAR-04", p41, null, PASS, "41-45人 不超 45").expect("GUAR-04", p46, null, FAIL, "46-50人 的小学班必超 45")
                .expect("GUAR-04", j46, null, PASS, "46-50人 的初中班不超 50");
        return a;
    }

    static Area specialEducation() {
        Area a = new Area("40-special-education", "特殊教育（SPED-*）", "40");
        a.c("SPED-01", "县", "常住人口=250000 特殊教育学校数=1", PASS, "");
        a.c("SPED-01", "县", "常住人口=200000 特殊教育学校数=0", WARN, "恰好 20 万人；“鼓励”：没有特教学校记为预警");
        a.c("SPED-01", "县", "常住人口=199999 特殊教育学校数=0", NA, "不足 20 万人");
        a.c("SPED-01", "县", "常住人口=250000", MISSING, "");
        String[][] cases = {{PASS, "随班就读学生数=5 资源教室=是", "5 人，有资源教室"}, {FAIL, "随班就读学生数=8 资源教室=否", "8 人，没有资源教室"},
                {NA, "随班就读学生数=4 资源教室=否", "不足 5 人"}, {MISSING, "资源教室=是", "缺随班就读学生数"}};
        for (String[] c : cases) {
            String county = a.region("县", "SPED-02 " + c[0] + "县", null);
            String school = a.school(county, "SPED-02 " + c[0] + "小学", "小学");
            a.data(school, c[1]);
            a.expect("SPED-02", school, null, c[0], c[2]).expect("SPED-02", county, null, c[0], "县汇总");
        }
        coverage(a, "SPED-03", "特殊教育资源中心", true);
        a.c("SPED-03", "县", "特殊教育资源中心=否", FAIL, "县级没有资源中心");
        String noCentre = a.region("市", "SPED-03 市级没有资源中心的市", null);
        a.v(noCentre, YEAR, "特殊教育资源中心", "否");
        a.v(a.region("县", "SPED-03 市下一县", noCentre), YEAR, "特殊教育资源中心", "是");
        a.expect("SPED-03", noCentre, null, FAIL, "省、市、县各级都要有");
        // 校: a school with pupils in inclusive education has a resource room (校级资源中心)
        String[][] rooms = {{PASS, "随班就读学生数=1 资源教室=是", "1 人，有资源教室"}, {FAIL, "随班就读学生数=2 资源教室=否", "2 人，没有资源教室"},
                {NA, "随班就读学生数=0 资源教室=否", "没有随班就读学生"}, {MISSING, "随班就读学生数=3", "缺资源教室"}};
        String roomsCounty = a.region("县", "SPED-03 校级县", null);
        for (String[] r : rooms) {
            String school = a.school(roomsCounty, "SPED-03 " + r[0] + "小学", "小学");
            a.data(school, r[1]);
            a.expect("SPED-03", school, null, r[0], r[2]);
        }
        // SPED-02 is for basic-education schools: a county of a university and a 技师学院 only
        String higher = a.region("县", "SPED-02 只有高校和技师学院的县", null);
        a.data(a.school(higher, "SPED-02 某大学", "普通高等学校"), "随班就读学生数=8 资源教室=否");
        a.data(a.school(higher, "SPED-02 某技师学院", "技师学院"), "随班就读学生数=6 资源教室=否");
        a.expect("SPED-02", higher, null, NA, "高校、技工院校不适用");
        a.c("SPED-04", "县", "特殊教育学校数=1 特殊教育学校生均公用经费=6000", PASS, "");
        a.c("SPED-04", "市", "特殊教育学校数=2 特殊教育学校生均公用经费=5999", FAIL, "");
        a.c("SPED-04", "县", "特殊教育学校数=0 特殊教育学校生均公用经费=5999", NA, "没有特殊教育学校");
        a.c("SPED-04", "县", "特殊教育学校数=1", MISSING, "");
        return a;
    }

    static Area migrant() {
        Area a = new Area("45-migrant", "随迁子女（MIG-*）", "45");
        a.c("MIG-01", "县", "公办学校就读随迁子女数=900 随迁子女在校生数=1000", PASS, "");
        a.c("MIG-01", "市", "公办学校就读随迁子女数=899 随迁子女在校生数=1000", WARN, "力争：未达到记为预警");
        a.c("MIG-01", "县", "随迁子女在校生数=1000", MISSING, "");
        a.c("MIG-02", "县", "公办学校就读随迁子女数=850 随迁子女在校生数=1000", PASS, "");
        a.c("MIG-02", "县", "公办学校就读随迁子女数=849 随迁子女在校生数=1000", FAIL, "");
        a.c("MIG-02", "县", "公办学校就读随迁子女数=849", MISSING, "");
        return a;
    }

    static Area governance() {
        Area a = new Area("50-governance", "民办教育、控辍保学、校外培训（PRIV-*、DROP-01、TRAIN-01）", "50");
        a.c("PRIV-01", "县", "2023:民办义务教育在校生数=1000 2023:义务教育在校生数=10000 民办义务教育在校生数=900 义务教育在校生数=10000", PASS, "10% 降到 9%");
        a.c("PRIV-01", "县", "2023:民办义务教育在校生数=1000 2023:义务教育在校生数=10000 民办义务教育在校生数=1000 义务教育在校生数=10000", PASS, "持平");
        a.c("PRIV-01", "市", "2023:民办义务教育在校生数=1000 2023:义务教育在校生数=10000 民办义务教育在校生数=1001 义务教育在校生数=10000", FAIL, "反弹");
        a.c("PRIV-01", "县", "民办义务教育在校生数=900 义务教育在校生数=10000", MISSING, "缺上年");
        a.c("PRIV-02", "市", "已分类登记民办学校数=10 民办学校数=10", PASS, "");
        a.c("PRIV-02", "市", "已分类登记民办学校数=9 民办学校数=10", FAIL, "");
        a.c("PRIV-02", "市", "民办学校数=10", MISSING, "");
        a.c("DROP-01", "县", "义务教育失学辍学人数=0", PASS, "");
        a.c("DROP-01", "县", "义务教育失学辍学人数=1", FAIL, "");
        a.c("DROP-01", "县", "在园幼儿数=1", MISSING, "");
        a.c("TRAIN-01", "县", "2023:学科类校外培训机构数=20 学科类校外培训机构数=19", PASS, "减少");
        a.c("TRAIN-01", "县", "2023:学科类校外培训机构数=20 学科类校外培训机构数=20", WARN, "持续压减：持平记为预警");
        a.c("TRAIN-01", "市", "2023:学科类校外培训机构数=20 学科类校外培训机构数=21", FAIL, "");
        a.c("TRAIN-01", "县", "学科类校外培训机构数=20", MISSING, "");
        return a;
    }

    static Area safety() {
        Area a = new Area("60-safety", "校园安全（SAFE-*）", "60");
        // share of schools that are 平安校园: 3 of 5 (60%), 2 of 5, 2 of 5 with one unknown that could decide it
        String[][] cases = {{PASS, "是", "是", "是", "否", "否"}, {FAIL, "是", "是", "否", "否", "否"}, {MISSING, "是", "是", "否", "否", null}};
        for (String[] c : cases) {
            String county = a.region("县", "SAFE-01 " + c[0] + "县", null);
            for (int i = 1; i <= 5; i++) {
                String s = a.school(county, "SAFE-01 " + c[0] + "县学校" + i, i % 2 == 0 ? "初中" : "小学");
                if (c[i] != null) a.v(s, YEAR, "平安校园", c[i]);
            }
            a.expect("SAFE-01", county, null, c[0], c[0].equals(PASS) ? "3/5 = 60%" : c[0].equals(FAIL) ? "2/5 = 40%" : "一校未填报，可能达到 60%");
        }
        a.c("SAFE-02", "县", "2023:涉校涉生安全事故数=10 涉校涉生安全事故数=9", PASS, "恰好下降 10%");
        a.c("SAFE-02", "市", "2023:涉校涉生安全事故数=10 涉校涉生安全事故数=10", FAIL, "");
        a.c("SAFE-02", "县", "2023:涉校涉生安全事故数=0 涉校涉生安全事故数=0", PASS, "保持为 0");
        a.c("SAFE-02", "县", "2023:涉校涉生安全事故数=0 涉校涉生安全事故数=1", FAIL, "");
        a.c("SAFE-02", "县", "涉校涉生安全事故数=1", MISSING, "");
        return a;
    }

    static Area health() {
        Area a = new Area("65-health", "体质、心理健康、劳动教育（HEALTH-*、LABOR-01）", "65");
        a.c("HEALTH-01", "县", "2023:体质健康合格率=90 体质健康合格率=90.1", PASS, "有进");
        a.c("HEALTH-01", "县", "2023:体质健康合格率=90 体质健康合格率=90", WARN, "稳中有进：持平记为预警");
        a.c("HEALTH-01", "县", "2023:体质健康合格率=90 体质健康合格率=89.9", FAIL, "");
        a.c("HEALTH-01", "县", "体质健康合格率=90", MISSING, "");
        a.c("HEALTH-01", "县", "2023:体质健康合格率=90 体质健康合格率=0.901", PASS, "0.901 按小数填写，载入时换算为 90.1%");
        a.c("HEALTH-01", "县", "2023:体质健康合格率=90 体质健康合格率=5", MISSING, "5% 不是合格率，不采用");
        a.c("HEALTH-02", "县", "参加心理健康测评学生数=1000 在校学生数=1000", PASS, "");
        a.c("HEALTH-02", "市", "参加心理健康测评学生数=999 在校学生数=1000", FAIL, "");
        a.c("HEALTH-02", "县", "在校学生数=1000", MISSING, "");
        String[][] cases = {{PASS, "5", "恰好 5 天"}, {FAIL, "4", "4 天"}, {MISSING, null, "未填报"}};
        for (String[] c : cases) {
            String county = a.region("县", "LABOR-01 " + c[0] + "县", null);
            String school = a.school(county, "LABOR-01 " + c[0] + "初中", "初中");
            if (c[1] != null) a.v(school, YEAR, "劳动活动天数", c[1]);
            a.expect("LABOR-01", school, null, c[0], c[2]).expect("LABOR-01", county, null, c[0], "县汇总");
        }
        return a;
    }

    static Area informatisation() {
        Area a = new Area("70-informatisation", "教育信息化（IT-*）", "70");
        String[][] broadband = {{PASS, "1000", "2000", "恰好 1000M"}, {FAIL, "999", "1000", "一校 999M"}, {MISSING, "1000", null, "一校未填报"}};
        for (String[] c : broadband) {
            String county = a.region("县", "IT-01 " + c[0] + "县", null);
            String s1 = a.school(county, "IT-01 " + c[0] + "县小学", "小学");
            String s2 = a.school(county, "IT-01 " + c[0] + "县初中", "初中");
            a.v(s1, YEAR, "宽带接入带宽", c[1]);
            if (c[2] != null) a.v(s2, YEAR, "宽带接入带宽", c[2]);
            String kg = a.school(county, "IT-01 " + c[0] + "县幼儿园", "幼儿园");
            a.v(kg, YEAR, "宽带接入带宽", "100");
            a.expect("IT-01", county, null, c[0], c[3] + "（幼儿园不计）");
        }
        // IT-02: share of primary and secondary schools that are smart campuses, per city (>= 60%)
        String[][] smart = {{PASS, "是", "是", "否"}, {FAIL, "是", "否", "否"}, {MISSING, "是", "否", null}};
        for (String[] c : smart) {
            String city = a.region("市", "IT-02 " + c[0] + "市", null);
            String county = a.region("县", "IT-02 " + c[0] + "市一县", city);
            for (int i = 1; i <= 3; i++) {
                String s = a.school(county, "IT-02 " + c[0] + "市学校" + i, "小学");
                if (c[i] != null) a.v(s, YEAR, "智慧校园", c[i]);
            }
            // a 职业中学 is no 中小学: counted, it would bring 2/3 down to 2/4
            a.v(a.school(county, "IT-02 " + c[0] + "市职业中学", "职业中学"), YEAR, "智慧校园", "否");
            a.expect("IT-02", city, null, c[0], c[0].equals(PASS) ? "2/3" : c[0].equals(FAIL) ? "1/3" : "1/3 或 2/3，取决于未填报的一校");
        }
        // IT-02-HE: every university of the city
        String[][] he = {{PASS, "是", "是"}, {FAIL, "是", "否"}, {MISSING, "是", null}};
        for (String[] c : he) {
            String city = a.region("市", "IT-02-HE " + c[0] + "市", null);
            for (int i = 1; i <= 2; i++) {
                String s = a.school(city, "IT-02-HE " + c[0] + "市大学" + i, "普通高校");
                if (c[i] != null) a.v(s, YEAR, "智慧校园", c[i]);
            }
            a.v(a.school(city, "IT-02-HE " + c[0] + "市技师学院", "技师学院"), YEAR, "智慧校园", "否"); // 技工院校: no 普通高校
            a.expect("IT-02-HE", city, null, c[0], "");
        }
        return a;
    }

    static Area integrity() {
        Area a = new Area("75-integrity", "清廉学校（CLEAN-01 三档）", "75");
        // {CLEAN-01 (引领型 >= 15%), CLEAN-01-2 (规范型及以上 >= 50%), CLEAN-01-3 (提升型及以上 >= 70%)}, then the schools' tiers
        String[][] cases = {
                {PASS, PASS, PASS, "引领型", "规范型", "提升型"},
                {FAIL, FAIL, FAIL, "未达标", "未达标", "提升型"},
                {MISSING, MISSING, FAIL, "规范型", null, "未达标"},
                {MISSING, FAIL, MISSING, "提升型", null, "提升型"}};
        String[] notes = {"三校各一档", "没有引领型和规范型", "一校未填报", "一校未填报"};
        // 1 of 7 引领型 = 14.29%: short of 15% by less than the 1 个百分点 “左右” allows
        String near = a.region("市", "CLEAN-01 左右市", null), nearCounty = a.region("县", "CLEAN-01 左右市一县", near);
        String[] tiers = {"引领型", "规范型", "规范型", "规范型", "提升型", "未达标", "未达标"};
        for (int i = 0; i < tiers.length; i++) a.v(a.school(nearCounty, "CLEAN-01 左右市学校" + (i + 1), "小学"), YEAR, "清廉学校等级", tiers[i]);
        a.expect("CLEAN-01", near, null, WARN, "1/7 = 14.29%，在“15%左右”的容差内").expect("CLEAN-01-2", near, null, PASS, "4/7")
                .expect("CLEAN-01-3", near, null, PASS, "5/7");
        for (int k = 0; k < cases.length; k++) {
            String[] c = cases[k];
            String city = a.region("市", "CLEAN-01 第" + (k + 1) + "市", null);
            String county = a.region("县", "CLEAN-01 第" + (k + 1) + "市一县", city);
            for (int i = 3; i < c.length; i++) {
                String s = a.school(county, "CLEAN-01 第" + (k + 1) + "市学校" + (i - 2), "小学");
                if (c[i] != null) a.v(s, YEAR, "清廉学校等级", c[i]);
            }
            a.expect("CLEAN-01", city, null, c[0], notes[k]).expect("CLEAN-01-2", city, null, c[1], notes[k])
                    .expect("CLEAN-01-3", city, null, c[2], notes[k]);
        }
        return a;
    }

    static Area plan() {
        Area a = new Area("80-plan", "“双过半”和“十四五”目标（PLAN-01、FYP-*）", "80");
        a.c("PLAN-01", "县", "年度任务计划数=100 年度任务已完成数=50", PASS, "截至 6 月 30 日");
        a.c("PLAN-01", "省", "年度任务计划数=100 年度任务已完成数=49", FAIL, "");
        a.c("PLAN-01", "县", "年度任务计划数=100", MISSING, "");
        a.c("FYP-01", "全国", "学前三年毛入园率=90", PASS, "“90%以上”含 90%");
        a.c("FYP-01", "省", "学前三年毛入园率=89.9", FAIL, "");
        a.c("FYP-01", "县", "在园幼儿数=1", MISSING, "");
        a.c("FYP-02", "全国", "九年义务教育巩固率=96", PASS, "");
        a.c("FYP-02", "县", "九年义务教育巩固率=95.9", FAIL, "");
        a.c("FYP-02", "县", "在园幼儿数=1", MISSING, "");
        a.c("FYP-03", "全国", "高中阶段毛入学率=92", PASS, "“92%以上”含 92%");
        a.c("FYP-03", "市", "高中阶段毛入学率=91.9", FAIL, "");
        a.c("FYP-03", "县", "在园幼儿数=1", MISSING, "");
        return a;
    }

    static Area national() {
        Area a = new Area("39-national", "优质均衡、普及普惠的其余国家标准（GUAR-MUSIC、GUAR-ART、GUAR-NEAR-*、GUAR-QUOTA、GUAR-RECOG、PRE-RECOG）", "39");
        // rooms of at least 96 / 90 m² per 12 classes: 2 for 24 classes (a tie), 1 for 13 classes (13 need 2), no class count
        String[][] rooms = {{PASS, "班级数=24 达标音乐专用教室数=2 达标美术专用教室数=2", "24 个班 2 间，恰好每 12 个班 1 间"},
                {FAIL, "班级数=13 达标音乐专用教室数=1 达标美术专用教室数=1", "13 个班只有 1 间"},
                {MISSING, "达标音乐专用教室数=1 达标美术专用教室数=1", "缺班级数"}};
        for (String[] c : rooms) {
            String county = a.region("县", "音美教室 " + c[0] + "县", null);
            String school = a.school(county, "音美教室 " + c[0] + "初中", "初中");
            a.data(school, c[1]);
            for (String id : new String[]{"GUAR-MUSIC", "GUAR-ART"}) a.expect(id, school, null, c[0], c[2]).expect(id, county, null, c[0], "县汇总");
        }
        a.c("GUAR-NEAR-PS", "县", "城镇公办小学就近划片入学比例=100", PASS, "");
        a.c("GUAR-NEAR-PS", "县", "城镇公办小学就近划片入学比例=99.9", FAIL, "");
        a.c("GUAR-NEAR-PS", "县", "城镇公办初中就近划片入学比例=100", MISSING, "只有初中");
        a.c("GUAR-NEAR-JS", "县", "城镇公办初中就近划片入学比例=95", PASS, "恰好 95%");
        a.c("GUAR-NEAR-JS", "县", "城镇公办初中就近划片入学比例=94.9", FAIL, "");
        a.c("GUAR-NEAR-JS", "县", "城镇公办小学就近划片入学比例=100", MISSING, "只有小学");
        a.c("GUAR-QUOTA", "县", "优质高中招生名额分配比例=50", PASS, "恰好 50%");
        a.c("GUAR-QUOTA", "县", "优质高中分配到初中的招生名额数=499 优质高中招生计划数=1000", FAIL, "由名额算出 49.9%");
        a.c("GUAR-QUOTA", "县", "优质高中招生计划数=1000", MISSING, "");
        for (String[] r : new String[][]{{"GUAR-RECOG", "义务教育优质均衡社会认可度"}, {"PRE-RECOG", "学前教育普及普惠社会认可度"}}) {
            a.c(r[0], "县", r[1] + "=85", PASS, "恰好 85%");
            a.c(r[0], "县", r[1] + "=84.9", FAIL, "");
            a.c(r[0], "县", "在园幼儿数=1", MISSING, "");
        }
        return a;
    }

    /** The count targets of 85-tasks.drl: id, level, metric, the plan's number, whether a shortfall only warns (力争, 争创), unit. */
    static final String[][] COUNT_TASKS = {
            {"TASK-IT-01", "省", "认定网络名师工作室数", "150", "", "个"}, {"TASK-IT-02", "省", "认定省级智慧校园示范校数", "100", "", "所"},
            {"TASK-BASIC-01", "省", "整合乡村小规模学校数", "600", "", "所"}, {"TASK-BASIC-02", "省", "建设乡镇标准化寄宿制学校数", "400", "", "所"},
            {"TASK-HS-01", "省", "开工徐特立项目县域普通高中数", "100", "", "所"}, {"TASK-VOC-01", "省", "新增办学条件达标中职学校数", "100", "", "所"},
            {"TASK-VOC-02", "省", "改扩建楚怡公办中职学校数", "14", "", "所"}, {"TASK-CLEAN-01", "市", "打造学校廉政文化阵地数", "100", "", "个"},
            {"TASK-CLEAN-02", "市", "开发清廉教育校本课程数", "50", "", "门"}, {"TASK-LABOR-01", "市", "新创省级以上劳动研学实践基地数", "10", "aim", "个"},
            {"TASK-LABOR-02", "市", "打造市级劳动教育示范校数", "15", "", "所"}, {"TASK-SPED-01", "市", "建设特殊教育学校数", "3", "", "所"},
            {"TASK-MOD-01", "市", "省现代化学校数", "160", "aim", "所"}, {"TASK-BUILD-01", "市", "实施新建改扩建中小学项目数", "130", "", "个"},
            {"TASK-BUILD-02", "市", "新建改扩建中小学项目完成投资", "42", "", "亿元"}, {"TASK-SAFE-01", "市", "新建智安校园数", "230", "", "所"},
            {"TASK-IT-03", "市", "新建新型教学空间数", "1500", "", "个"}, {"TASK-IT-04", "市", "更新交互式多媒体数", "4000", "", "套"},
            {"TASK-IT-05", "市", "创建智慧校园学校数", "60", "", "所"}, {"TASK-IT-06", "市", "创建智慧校园达标校数", "180", "", "所"},
            {"TASK-IT-07", "市", "培育人工智能教育实验校数", "240", "", "所"}, {"TASK-IT-08", "市", "培育人工智能教育示范校数", "30", "", "所"},
            {"TASK-IT-09", "市", "教育装备达标园数", "80", "", "所"}};

    static Area tasks() {
        Area a = new Area("85-tasks", "年度任务（TASK-*），按年底（默认评估日期 12-31）判定", "85");
        for (String[] t : COUNT_TASKS) {
            BigDecimal target = new BigDecimal(t[3]);
            String below = target.subtract(t[5].equals("亿元") ? new BigDecimal("0.01") : BigDecimal.ONE).toPlainString();
            a.c(t[0], t[1], t[2] + "=" + t[3], PASS, "恰好达到目标");
            a.c(t[0], t[1], t[2] + "=" + below, t[4].isEmpty() ? FAIL : WARN, t[4].isEmpty() ? "差一点" : "“力争”“争创”只预警");
            a.c(t[0], t[1], "在园幼儿数=1", MISSING, "");
        }
        a.c("TASK-KG-01", "县", "无证幼儿园数=0", PASS, "已清零");
        a.c("TASK-KG-01", "省", "2023:无证幼儿园数=10 无证幼儿园数=2", FAIL, "年底仍有 2 所");
        a.c("TASK-KG-01", "市", "在园幼儿数=1", MISSING, "");
        a.c("TASK-PRIV-01", "县", "新审批民办义务教育学校数=0", PASS, "");
        a.c("TASK-PRIV-01", "市", "新审批民办义务教育学校数=1", FAIL, "");
        a.c("TASK-PRIV-01", "县", "在园幼儿数=1", MISSING, "");
        a.c("TASK-AID-01", "县", "受资助义务教育家庭经济困难学生数=100 义务教育家庭经济困难学生数=100", PASS, "");
        a.c("TASK-AID-01", "省", "受资助义务教育家庭经济困难学生数=99 义务教育家庭经济困难学生数=100", FAIL, "");
        a.c("TASK-AID-01", "县", "义务教育家庭经济困难学生数=100", MISSING, "");
        // coverage over a county's schools: both yes, one no, one blank
        String[][] cases = {{PASS, "是", "是"}, {FAIL, "是", "否"}, {MISSING, "是", null}};
        for (String[] m : new String[][]{{"TASK-ADM-01", "免试就近入学"}, {"TASK-HEALTH-01", "体质健康报告书"}}) {
            for (String[] c : cases) {
                String county = a.region("县", m[0] + " " + c[0] + "县", null);
                for (int i = 1; i <= 2; i++) {
                    String school = a.school(county, m[0] + " " + c[0] + "县学校" + i, i == 1 ? "小学" : "初中");
                    if (c[i] != null) a.v(school, YEAR, m[1], c[i]);
                }
                a.expect(m[0], county, null, c[0], c[0].equals(FAIL) ? "一校为“否”" : c[0].equals(MISSING) ? "一校未填报" : "各校均为“是”");
            }
        }
        return a;
    }

    /** Mid-year (评估日期 30 June: 182 of 2024's 366 days), a target of several years and one not yet begun. */
    static Area tasksMidYear() {
        Area a = new Area("85-tasks-midyear", "年度任务年中（评估日期 06-30，时间进度 182/366）和多年期限", "86");
        a.param("任务评估日期", "06-30").param("TASK-BASIC-02期限", "2023—2025年").param("TASK-VOC-02期限", "2025—2027年");
        a.c("TASK-BASIC-01", "省", "整合乡村小规模学校数=299", PASS, "应达到 600 × 182/366 = 298.36");
        a.c("TASK-BASIC-01", "省", "整合乡村小规模学校数=298", FAIL, "进度落后于时间");
        a.c("TASK-SAFE-01", "市", "新建智安校园数=115", PASS, "应达到 114.37");
        a.c("TASK-SAFE-01", "市", "新建智安校园数=114", FAIL, "");
        a.c("TASK-PRIV-01", "市", "新审批民办义务教育学校数=0", PASS, "");
        a.c("TASK-PRIV-01", "县", "新审批民办义务教育学校数=1", FAIL, "停止审批不按时间进度折算");
        a.c("TASK-KG-01", "县", "2023:无证幼儿园数=10 无证幼儿园数=5", PASS, "至多 10 × (1 − 182/366) = 5.03");
        a.c("TASK-KG-01", "市", "2023:无证幼儿园数=10 无证幼儿园数=6", FAIL, "");
        a.c("TASK-KG-01", "县", "无证幼儿园数=3", MISSING, "缺上年末数，无法折算");
        a.c("TASK-KG-01", "省", "无证幼儿园数=0", PASS, "已清零，不需上年末数");
        a.c("TASK-MOD-01", "市", "2023:省现代化学校数=100 省现代化学校数=130", PASS, "至少 100 + 60 × 182/366 = 129.84");
        a.c("TASK-MOD-01", "市", "2023:省现代化学校数=100 省现代化学校数=129", WARN, "力争，只预警");
        a.c("TASK-LABOR-01", "市", "新创省级以上劳动研学实践基地数=5", PASS, "应达到 4.97");
        a.c("TASK-LABOR-01", "市", "新创省级以上劳动研学实践基地数=4", WARN, "争创，只预警");
        a.c("TASK-BASIC-02", "省", "2023:建设乡镇标准化寄宿制学校数=150 建设乡镇标准化寄宿制学校数=50", PASS,
                "2023—2025年：应达到 400 × 547/1096 = 199.64");
        a.c("TASK-BASIC-02", "省", "2023:建设乡镇标准化寄宿制学校数=150 建设乡镇标准化寄宿制学校数=49", FAIL, "");
        a.c("TASK-BASIC-02", "省", "建设乡镇标准化寄宿制学校数=200", MISSING, "缺 2023 年");
        a.c("TASK-VOC-02", "省", "改扩建楚怡公办中职学校数=0", NA, "期限 2025—2027年，2024 年不适用");
        return a;
    }

    // ---- the workbook of one area ------------------------------------------------------------------

    /** One fixture: its units (regions, schools, classes), their values by year and the expected verdicts. */
    static final class Area {
        /** A unit known by {@code code} (学校代码#小学部 for a part), written with {@code written} as its code. */
        private record Unit(String code, String name, String parent, String levelOrStage, boolean school, String written) {
            Unit(String code, String name, String parent, String levelOrStage, boolean school) { this(code, name, parent, levelOrStage, school, code); }
        }
        private record Cls(String school, String name, Integer size, String grade, int year) {}
        /** A row of a band sheet: the number of classes per band of a school (or region), for a 学段 (null: the school's). */
        private record Band(String code, String stage, int year, Map<String, Integer> counts, boolean region) {}
        record Expect(String indicator, String code, String name, String part, String status, String note) {}

        final String file;
        final String title;
        private final String prefix;
        private int seq;
        private final Map<String, Unit> units = new LinkedHashMap<>();
        private final Map<String, Map<Integer, Map<String, String>>> values = new LinkedHashMap<>();
        private final List<Cls> classes = new ArrayList<>();
        private final Map<String, String> params = new LinkedHashMap<>();
        private final List<Band> bands = new ArrayList<>();
        final List<Expect> expects = new ArrayList<>();

        Area(String file, String title, String prefix) {
            this.file = file;
            this.title = title;
            this.prefix = prefix;
        }

        /** A region of a level (全国, 省, 市, 县) under {@code parent} (null: none); its code is the area's prefix and a number. */
        String region(String level, String name, String parent) {
            String code = prefix + String.format("%04d", ++seq);
            units.put(code, new Unit(code, name, parent, level, false));
            return code;
        }

        String school(String region, String name, String stage) {
            String code = region + String.format("%04d", ++seq);
            units.put(code, new Unit(code, name, region, stage, true));
            return code;
        }

        /**
         * A part of a school entered under the school's code with a 学段 such as 九年一贯制小学部: known (and expected)
         * as {@code code#小学部}, as the loader names it.
         */
        String part(String code, String region, String name, String stage) {
            String part = stage.substring(stage.length() - 3);
            String key = code + "#" + part;
            units.put(key, new Unit(key, name + "（" + part + "）", region, stage, true, code));
            return key;
        }

        /** A new school code under a region, for {@link #part}. */
        String schoolCode(String region) { return region + String.format("%04d", ++seq); }

        Area v(String code, int year, String metric, String value) {
            values.computeIfAbsent(code, k -> new TreeMap<>()).computeIfAbsent(year, k -> new LinkedHashMap<>()).put(metric, value);
            return this;
        }

        /** Values written {@code 2023:metric=value metric=value} (no year: the evaluated year). */
        Area data(String code, String data) {
            for (String token : data.strip().split("\\s+")) {
                if (token.isEmpty()) continue;
                int year = YEAR;
                if (token.matches("\\d{4}:.*")) {
                    year = Integer.parseInt(token.substring(0, 4));
                    token = token.substring(5);
                }
                String[] kv = token.split("=", 2);
                v(code, year, kv[0], kv[1]);
            }
            return this;
        }

        /** A parameter of the whole fixture (a 参数 sheet applies to every case of the workbook). */
        Area param(String name, String value) {
            params.put(name, value);
            return this;
        }

        Area cls(String school, String name, Integer size) {
            return cls(school, name, size, null, YEAR);
        }

        /** A class with its 年级 (null: none given) in a year. */
        Area cls(String school, String name, Integer size, String grade, int year) {
            classes.add(new Cls(school, name, size, grade, year));
            return this;
        }

        /** Class counts by band for a school ({@code 56-60人=2 66人及以上=0}; a band left out is a blank cell). */
        Area bands(String school, String stage, int year, String counts) {
            bands.add(new Band(school, stage, year, bandCounts(counts), false));
            return this;
        }

        /** Class counts by band for a region, by 学段. */
        Area regionBands(String region, String stage, int year, String counts) {
            bands.add(new Band(region, stage, year, bandCounts(counts), true));
            return this;
        }

        /** The code a unit is written with (a part's school code); a code of no unit as it is. */
        private String written(String code) {
            Unit u = units.get(code);
            return u == null ? code : u.written();
        }

        private static Map<String, Integer> bandCounts(String counts) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String t : counts.strip().split("\\s+")) {
                String[] kv = t.split("=", 2);
                m.put(kv[0], Integer.valueOf(kv[1]));
            }
            return m;
        }

        Area expect(String indicator, String code, String part, String status, String note) {
            expects.add(new Expect(indicator, code, units.get(code).name(), part, status, note));
            return this;
        }

        /** A case on a region's own figures: a new region of the level, its data, and the verdict expected of it. */
        Area c(String indicator, String level, String data, String status, String note) {
            String code = region(level, indicator + " " + status + "例" + (seq + 1), null);
            data(code, data);
            return expect(indicator, code, null, status, note);
        }

        Path write(Path dir, MetricDictionary dict) {
            Workbooks w = Workbooks.create();
            w.sheet("说明").row("dudao 规则测试夹具：" + title + "（合成数据，由 src/test/java/org/dudao/testing/RuleFixtures.java 生成）")
                    .row("“期望结果”表列出每项指标对各单位应得的结论；dudao rules test 逐项比对。每个单位只用于表中列出的指标。")
                    .row("请勿手工修改本文件：改 RuleFixtures.java 后重新生成。");
            sheet(w, "地区", false, dict);
            if (units.values().stream().anyMatch(Unit::school)) sheet(w, "学校", true, dict);
            if (!classes.isEmpty()) {
                w.sheet("班级").row("学校代码", "年级", "班级", "年度", "班额(人)");
                for (Cls c : classes) w.row(written(c.school()), c.grade(), c.name(), c.year(), c.size());
            }
            for (boolean region : new boolean[]{false, true}) {
                List<Band> rows = bands.stream().filter(b -> b.region() == region).toList();
                if (rows.isEmpty()) continue;
                List<String> labels = new ArrayList<>();
                for (Band b : rows) for (String l : b.counts().keySet()) if (!labels.contains(l)) labels.add(l);
                List<Object> header = new ArrayList<>(List.of(region ? "地区代码" : "学校代码", "学段", "年度"));
                header.addAll(labels);
                w.sheet(region ? "县班额分段" : "班额分段").row(header.toArray());
                for (Band b : rows) {
                    List<Object> row = new ArrayList<>(List.of(written(b.code())));
                    row.add(b.stage());
                    row.add(b.year());
                    for (String l : labels) row.add(b.counts().get(l));
                    w.row(row.toArray());
                }
            }
            if (!params.isEmpty()) {
                w.sheet("参数").row("参数名称", "参数值");
                params.forEach((k, v) -> w.row(k, v));
            }
            w.sheet("期望结果").row("指标", "单位代码", "单位名称", "年度", "学段", "状态", "说明");
            for (Expect e : expects) w.row(e.indicator(), e.code(), e.name(), null, e.part(), e.status(), e.note().isEmpty() ? null : e.note());
            return w.save(dir.resolve(file + ".xlsx"));
        }

        private void sheet(Workbooks w, String name, boolean schools, MetricDictionary dict) {
            Set<String> metrics = new LinkedHashSet<>();
            for (Unit u : units.values()) {
                if (u.school() != schools) continue;
                for (Map<String, String> byYear : values.getOrDefault(u.code(), Map.of()).values()) metrics.addAll(byYear.keySet());
            }
            List<Object> header = new ArrayList<>(schools ? List.of("学校代码", "学校名称", "所属地区代码", "学段", "年度")
                    : List.of("地区代码", "地区名称", "上级代码", "层级", "年度"));
            for (String m : metrics) {
                String unit = dict.get(m).orElseThrow(() -> new IllegalArgumentException("not in metrics.csv: " + m)).unit();
                header.add(unit == null || unit.isBlank() ? m : m + "(" + unit + ")");
            }
            w.sheet(name).row(header.toArray());
            for (Unit u : units.values()) {
                if (u.school() != schools) continue;
                Map<Integer, Map<String, String>> byYear = new TreeMap<>(values.getOrDefault(u.code(), Map.of()));
                byYear.putIfAbsent(YEAR, Map.of());
                for (Map.Entry<Integer, Map<String, String>> y : byYear.entrySet()) {
                    List<Object> row = new ArrayList<>(List.of(u.written(), u.name().replaceAll("（..部）$", "")));
                    row.add(u.parent());
                    row.add(u.levelOrStage());
                    row.add(y.getKey());
                    for (String m : metrics) row.add(cell(y.getValue().get(m)));
                    w.row(row.toArray());
                }
            }
        }

        private static Object cell(String v) {
            if (v == null) return null;
            return v.matches("[-+]?\\d+(\\.\\d+)?") ? (Object) Double.valueOf(v) : v;
        }
    }
}
