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
 * hold. Parameters are left at their defaults (a 参数 sheet would apply to every case of a workbook).
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
                migrant(), governance(), safety(), health(), informatisation(), integrity(), plan());
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
        a.c("FUND-08", "省", "国家财政性教育经费=401 地区生产总值=10000", PASS, "由经费和生产总值算出 4.01%");
        a.c("FUND-08", "省", "国家财政性教育经费=400", MISSING, "");
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
        String[][] cases = {{PASS, "是", "是"}, {FAIL, "是", "否"}, {MISSING, "是", null}};
        for (String[] c : cases) {
            String city = a.region("市", id + " " + c[0] + "市", null);
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
        return a;
    }

    /** The seven balance resources: metric, per pupil (1) or per hundred (100), 小学 and 初中 bounds. */
    private static final String[][] RESOURCES = {
            {"高于规定学历教师数", "100", "4.2", "5.3"}, {"县级及以上骨干教师数", "100", "1.0", "1.0"}, {"体育艺术专任教师数", "100", "0.9", "0.9"},
            {"教学及辅助用房面积", "1", "4.5", "5.8"}, {"体育运动场馆面积", "1", "7.5", "10.2"}, {"教学仪器设备值", "1", "2000", "2500"},
            {"网络多媒体教室数", "100", "2.3", "2.4"}};

    /** A school whose seven resources are {@code reach} times its stage's bound (one factor, or one per resource). */
    private static String balanceSchool(Area a, String county, String name, String stage, int pupils, double... reach) {
        String s = a.school(county, name, stage);
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
        a.cls(s3, "八(1)班", 40);
        a.expect("GUAR-03", s1, null, PASS, "恰好 2000 人").expect("GUAR-03", s1b, null, PASS, "一贯制 2500 人")
                .expect("GUAR-03", c1, null, PASS, "").expect("GUAR-03", s2, null, FAIL, "2001 人").expect("GUAR-03", c2, null, FAIL, "")
                .expect("GUAR-03", s3, null, MISSING, "缺在校学生数").expect("GUAR-03", c3, null, MISSING, "");
        a.expect("GUAR-04", s1, null, PASS, "小学 45 人").expect("GUAR-04", s2, null, FAIL, "初中 51 人").expect("GUAR-04", c2, null, FAIL, "")
                .expect("GUAR-04", s3, null, MISSING, "一贯制学校未按学部分行填报").expect("GUAR-04", c3, null, MISSING, "");
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
        coverage(a, "SPED-03", "特殊教育资源中心");
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

    // ---- the workbook of one area ------------------------------------------------------------------

    /** One fixture: its units (regions, schools, classes), their values by year and the expected verdicts. */
    static final class Area {
        private record Unit(String code, String name, String parent, String levelOrStage, boolean school) {}
        private record Cls(String school, String name, Integer size) {}
        record Expect(String indicator, String code, String name, String part, String status, String note) {}

        final String file;
        final String title;
        private final String prefix;
        private int seq;
        private final Map<String, Unit> units = new LinkedHashMap<>();
        private final Map<String, Map<Integer, Map<String, String>>> values = new LinkedHashMap<>();
        private final List<Cls> classes = new ArrayList<>();
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

        Area cls(String school, String name, Integer size) {
            classes.add(new Cls(school, name, size));
            return this;
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
                w.sheet("班级").row("学校代码", "班级", "年度", "班额(人)");
                for (Cls c : classes) w.row(c.school(), c.name(), YEAR, c.size());
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
                    List<Object> row = new ArrayList<>(List.of(u.code(), u.name()));
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
