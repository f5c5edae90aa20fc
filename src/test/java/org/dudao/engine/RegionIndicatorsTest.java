package org.dudao.engine;

import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.engine.Rules.evaluate;
import static org.dudao.engine.Rules.verdict;

/**
 * Every indicator checked on a region's own figures: pass, fail, a tie at the bound, missing data
 * and, where there is a condition, not applicable. A case gives the region's level, its data and
 * the expected status: {@code 2023:metric=value} (2024 when no year is given), {@code metric=是},
 * {@code P:参数名称=value} for the workbook's 参数 sheet; an optional last column is text the
 * verdict's message must contain.
 */
class RegionIndicatorsTest {
    private static final String E = "990101";

    static Verdict run(String indicator, String level, String data) {
        TestData d = TestData.create().entity(E, "被测地区", EntityKind.parseLevel(level), null, null).present(E, 2024);
        for (String token : data.strip().split("\\s+")) {
            if (token.isEmpty()) continue;
            int year = 2024;
            String t = token;
            if (t.startsWith("P:")) {
                String[] kv = t.substring(2).split("=", 2);
                d.param(kv[0], kv[1]);
                continue;
            }
            if (t.matches("\\d{4}:.*")) {
                year = Integer.parseInt(t.substring(0, 4));
                t = t.substring(5);
            }
            String[] kv = t.split("=", 2);
            if (kv[1].equals("是") || kv[1].equals("否")) d.yesNo(E, year, kv[0], kv[1].equals("是"));
            else d.metric(E, year, kv[0], kv[1], unit(kv[0]));
        }
        List<Verdict> vs = evaluate(d.build(), 2024);
        return verdict(vs, indicator, E);
    }

    /** The unit the loader would give the metric: the dictionary's. */
    static String unit(String metric) {
        return Rules.shipped().dictionary().get(metric).map(def -> def.unit()).orElseThrow(() -> new AssertionError("not in metrics.csv: " + metric));
    }

    @ParameterizedTest(name = "{0} {1} [{2}] is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # per-level per-student funding: supplied directly or computed; blank figures are missing data, an enrolment of 0 does not apply
            FUND-02-KG | 县 | 2023:幼儿园生均一般公共预算教育经费=9000 幼儿园生均一般公共预算教育经费=9500 | PASS |
            FUND-02-KG | 县 | 2023:幼儿园生均一般公共预算教育经费=9000 幼儿园生均一般公共预算教育经费=8999.99 | FAIL | 减少 0.01 元
            FUND-02-KG | 县 | 2023:幼儿园一般公共预算教育支出=900 2023:在园幼儿数=1000 幼儿园生均一般公共预算教育经费=9000 | PASS | 持平
            FUND-02-KG | 县 | 2023:幼儿园生均一般公共预算教育经费=9000 | INSUFFICIENT_DATA | 2024年“幼儿园生均一般公共预算教育经费”
            FUND-02-KG | 县 | 在园幼儿数=3000 | INSUFFICIENT_DATA | 2023年“幼儿园生均一般公共预算教育经费”
            FUND-02-KG | 县 | 在校学生数=1000 | INSUFFICIENT_DATA | 本地区没有幼儿园时，请将“在园幼儿数”填为 0
            FUND-02-KG | 县 | 2023:在园幼儿数=0 在园幼儿数=0 | NOT_APPLICABLE | 2024年“在园幼儿数”为 0
            FUND-02-KG | 县 | 2023:在园幼儿数=0 在园幼儿数=300 | NOT_APPLICABLE | 2023年没有幼儿园
            FUND-02-PS | 省 | 2023:普通小学生均一般公共预算教育经费=12000 普通小学生均一般公共预算教育经费=12000 | PASS |
            FUND-02-PS | 省 | 2023:普通小学一般公共预算教育支出=1200 2023:普通小学在校生数=1000 普通小学生均一般公共预算教育经费=11000 | FAIL |
            FUND-02-PS | 省 | 普通小学生均一般公共预算教育经费=12000 | INSUFFICIENT_DATA |
            FUND-02-PS | 省 | 在校学生数=1000 | INSUFFICIENT_DATA |
            FUND-02-PS | 省 | 普通小学在校生数=0 | NOT_APPLICABLE |
            FUND-02-JS | 市 | 2023:普通初中生均一般公共预算教育经费=15000 普通初中生均一般公共预算教育经费=15000 | PASS |
            FUND-02-JS | 市 | 2023:普通初中生均一般公共预算教育经费=15000 普通初中生均一般公共预算教育经费=14000 | FAIL |
            FUND-02-JS | 市 | 2023:普通初中一般公共预算教育支出=1500 | INSUFFICIENT_DATA |
            FUND-02-JS | 市 | 在校学生数=1000 | INSUFFICIENT_DATA |
            FUND-02-JS | 市 | 普通初中在校生数=0 | NOT_APPLICABLE |
            FUND-02-SS | 县 | 2023:普通高中生均一般公共预算教育经费=16000 普通高中生均一般公共预算教育经费=16000 | PASS |
            FUND-02-SS | 县 | 2023:普通高中生均一般公共预算教育经费=16000 普通高中生均一般公共预算教育经费=15999 | FAIL |
            FUND-02-SS | 县 | 普通高中生均一般公共预算教育经费=16000 | INSUFFICIENT_DATA |
            FUND-02-SS | 县 | 在校学生数=1 | INSUFFICIENT_DATA |
            FUND-02-SS | 县 | 普通高中在校生数=0 | NOT_APPLICABLE |
            FUND-02-VS | 县 | 2023:中职生均一般公共预算教育经费=17000 中职生均一般公共预算教育经费=17000 | PASS |
            FUND-02-VS | 县 | 2023:中职生均一般公共预算教育经费=17000 中职生均一般公共预算教育经费=16000 | FAIL |
            FUND-02-VS | 县 | 中职一般公共预算教育支出=100 | INSUFFICIENT_DATA |
            FUND-02-VS | 县 | 在校学生数=1 | INSUFFICIENT_DATA |
            FUND-02-VS | 县 | 中职在校生数=0 | NOT_APPLICABLE |
            FUND-02-HE | 全国 | 2023:普通高校生均一般公共预算教育经费=23000 普通高校生均一般公共预算教育经费=23000 | PASS |
            FUND-02-HE | 全国 | 2023:普通高校生均一般公共预算教育经费=23000 普通高校生均一般公共预算教育经费=22000 | FAIL |
            FUND-02-HE | 全国 | 2023:普通高校生均一般公共预算教育经费=23000 | INSUFFICIENT_DATA |
            FUND-02-HE | 全国 | 在校学生数=1 | INSUFFICIENT_DATA |
            FUND-02-HE | 县 | 普通高校在校生数=0 | NOT_APPLICABLE |
            # compared at the precision published: a quotient beside a figure read from a cell takes that figure's decimals
            FUND-02 | 县 | 2023:一般公共预算教育支出=7000 2023:在校学生数=3000 生均一般公共预算教育经费=23333.33 | PASS | 按公布精度（保留两位小数）比较，2023年的计算值记为 23333.33 元
            FUND-02 | 县 | 2023:生均一般公共预算教育经费=23333.34 一般公共预算教育支出=7000 在校学生数=3000 | FAIL | 减少 0.01 元
            FUND-02 | 县 | 2023:生均一般公共预算教育经费=23333 一般公共预算教育支出=7000 在校学生数=3000 | PASS | 保留两位小数
            FUND-02 | 县 | 2023:生均一般公共预算教育经费=23333.3 一般公共预算教育支出=7000 在校学生数=3000 | PASS | 保留两位小数
            FUND-02 | 县 | 2023:一般公共预算教育支出=7000 2023:在校学生数=3000 一般公共预算教育支出=7699.9999 在校学生数=3300 | PASS | 持平
            FUND-02 | 县 | 2023:生均一般公共预算教育经费=5000 生均一般公共预算教育经费=4999.99 | FAIL | 减少 0.01 元
            # change-by: an absolute increase, with the amount a parameter
            FUND-03 | 县 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=1200 | PASS |
            FUND-03 | 县 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=1150 | PASS | 标准为比上年增加不少于 150 元
            FUND-03 | 县 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=1149.99 | FAIL | 增加 149.99 元
            FUND-03 | 县 | 义务教育生均公用经费=1150 | INSUFFICIENT_DATA | 2023年“义务教育生均公用经费”
            FUND-03 | 市 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=1150 P:FUND-03提高额=200 | FAIL | 未达到比上年增加不少于 200 元的标准
            FUND-04 | 县 | 教育预算数=10000 教育预算执行数=9950 | PASS |
            FUND-04 | 县 | 教育预算数=10000 教育预算执行数=9900 | PASS |
            FUND-04 | 县 | 教育预算数=10000 教育预算执行数=9899 | FAIL |
            FUND-04 | 县 | 教育预算数=10000 | INSUFFICIENT_DATA | 2024年“教育预算执行数”
            FUND-04 | 县 | 教育预算数=10000 教育预算执行数=9850 P:FUND-04执行率=98 | PASS | 标准为不低于 98%
            FUND-05 | 县 | 幼儿园生均公用经费=650 | PASS |
            FUND-05 | 省 | 幼儿园生均公用经费=649.99 | FAIL |
            FUND-05 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            FUND-06 | 县 | 普通高中生均公用经费=1000 | PASS |
            FUND-06 | 市 | 普通高中生均公用经费=999 | FAIL |
            FUND-06 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            FUND-07 | 县 | 中职生均公用经费=1500 | PASS |
            FUND-07 | 县 | 中职生均公用经费=1499 | FAIL |
            FUND-07 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            FUND-08 | 全国 | 财政性教育经费占GDP比例=4.01 | PASS |
            FUND-08 | 全国 | 财政性教育经费占GDP比例=4 | FAIL | 4%，未高于 4% 的标准
            FUND-08 | 全国 | 国家财政性教育经费=401 地区生产总值=10000 | PASS |
            FUND-08 | 全国 | 国家财政性教育经费=400 | INSUFFICIENT_DATA |
            FUND-08 | 全国 | 财政性教育经费占GDP比例=4.1 P:FUND-08占GDP比例=4.5 | FAIL |
            # three growths: education appropriations grow faster than regular revenue (a tie is not faster)
            FUND-09 | 县 | 2023:教育财政拨款=100 教育财政拨款=110 2023:财政经常性收入=200 财政经常性收入=216 | PASS |
            FUND-09 | 县 | 2023:教育财政拨款=100 教育财政拨款=110 2023:财政经常性收入=200 财政经常性收入=220 | FAIL | 未高于财政经常性收入增长率（10%）
            FUND-09 | 县 | 2023:教育财政拨款=100 教育财政拨款=110 财政经常性收入=220 | INSUFFICIENT_DATA | 2023年“财政经常性收入”
            FUND-09 | 县 | 2023:教育财政拨款=100 教育财政拨款=110.004 2023:财政经常性收入=200 财政经常性收入=220 | FAIL | 按公布精度（保留两位小数）比较
            FUND-09 | 县 | 2023:教育财政拨款=100 教育财政拨款=110.01 2023:财政经常性收入=200 财政经常性收入=220 | PASS |
            # “逐步增长”: > 上年, a flat year warns
            FUND-10 | 县 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=1000.01 | PASS |
            FUND-10 | 县 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=1000 | WARN | 持平记为预警
            FUND-10 | 省 | 2023:义务教育生均公用经费=1000 义务教育生均公用经费=999 | FAIL |
            FUND-10 | 县 | 义务教育生均公用经费=1000 | INSUFFICIENT_DATA |
            FUND-11 | 县 | 2023:全体教师平均工资收入=100000 全体教师平均工资收入=100001 | PASS |
            FUND-11 | 市 | 2023:全体教师平均工资收入=100000 全体教师平均工资收入=100000 | WARN | 持平记为预警
            FUND-11 | 省 | 2023:全体教师平均工资收入=100000 全体教师平均工资收入=99999 | FAIL |
            FUND-11 | 县 | 全体教师平均工资收入=100000 | INSUFFICIENT_DATA | 2023年“全体教师平均工资收入”
            TEACH-03 | 县 | 交流轮岗教师数=10 符合交流条件教师数=100 | PASS |
            TEACH-03 | 县 | 交流轮岗教师数=9 符合交流条件教师数=100 | FAIL |
            TEACH-03 | 县 | 交流轮岗教师数=9 | INSUFFICIENT_DATA |
            TEACH-04 | 县 | 交流轮岗骨干教师数=2 交流轮岗教师数=10 | PASS |
            TEACH-04 | 县 | 交流轮岗骨干教师数=1 交流轮岗教师数=10 | FAIL |
            TEACH-04 | 县 | 交流轮岗教师数=10 | INSUFFICIENT_DATA |
            KG-02 | 县 | 一级园在园幼儿数=540 二级园在园幼儿数=1800 在园幼儿数=3000 | PASS |
            KG-02 | 市 | 一级园在园幼儿数=540 二级园在园幼儿数=1799 在园幼儿数=3000 | WARN | 原文为“力争”
            KG-02 | 县 | 一级园在园幼儿数=540 在园幼儿数=3000 | INSUFFICIENT_DATA | 2024年“二级园在园幼儿数”
            KG-02-1 | 县 | 一级园在园幼儿数=540 在园幼儿数=3000 | PASS |
            KG-02-1 | 县 | 一级园在园幼儿数=539 在园幼儿数=3000 | WARN | 未达到记为预警，不记为不达标
            KG-02-1 | 县 | 一级园在园幼儿数=500 在园幼儿数=3000 P:KG-02-1一级园覆盖面=16 | PASS | 不低于 16%；参数：KG-02-1一级园覆盖面
            KG-01 | 市 | 公办园在园幼儿数=450 在园幼儿数=1000 P:KG-01公办园覆盖面=45 | PASS | 不低于 45%；参数：KG-01公办园覆盖面
            KG-02-1 | 县 | 在园幼儿数=3000 | INSUFFICIENT_DATA |
            KG-03 | 县 | 2023:公办园在园幼儿数=1500 2023:在园幼儿数=3000 公办园在园幼儿数=1600 在园幼儿数=3200 | PASS | 持平
            KG-03 | 省 | 2023:公办园在园幼儿数=1500 2023:在园幼儿数=3000 公办园在园幼儿数=1599 在园幼儿数=3200 | FAIL |
            KG-03 | 县 | 公办园在园幼儿数=1600 在园幼儿数=3200 | INSUFFICIENT_DATA |
            # target-progress against a parameter target: 200 for a province (001), 50 for a city (002)
            KG-04 | 省 | 新建改扩建公办幼儿园数=200 | PASS | 完成目标的 100%
            KG-04 | 省 | 新建改扩建公办幼儿园数=199 | FAIL | 低于 200 所的目标
            KG-04 | 市 | 新建改扩建公办幼儿园数=50 | PASS | 标准为不低于 50 所
            KG-04 | 市 | 新建改扩建公办幼儿园数=49 | FAIL |
            KG-04 | 省 | 新建改扩建公办幼儿园数=150 P:KG-04省目标数=150 | PASS | 不低于 150 所；参数：KG-04省目标数
            KG-04 | 市 | 新建改扩建公办幼儿园数=50 P:KG-04市目标数=60 | FAIL |
            KG-04 | 省 | 在园幼儿数=1 | INSUFFICIENT_DATA | 新建改扩建公办幼儿园数
            KG-04 | 省 | 新建改扩建公办幼儿园数=60 P:KG-04省目标数=五十 | INSUFFICIENT_DATA | 不是数值
            KG-05 | 县 | 城镇小区配套幼儿园数=10 公办或普惠配套幼儿园数=10 | PASS |
            KG-05 | 县 | 城镇小区配套幼儿园数=10 公办或普惠配套幼儿园数=9 | FAIL |
            KG-05 | 县 | 城镇小区配套幼儿园数=0 | NOT_APPLICABLE |
            KG-05 | 县 | 城镇小区配套幼儿园数=10 | INSUFFICIENT_DATA |
            KG-05 | 县 | 公办或普惠配套幼儿园数=10 | INSUFFICIENT_DATA | 无法判断是否适用
            PRE-1 | 县 | 学前三年毛入园率=85 | PASS |
            PRE-1 | 县 | 在园幼儿数=849 学前三年适龄人口=1000 | FAIL |
            PRE-1 | 县 | 在园幼儿数=849 | INSUFFICIENT_DATA | 学前三年毛入园率
            PRE-2 | 县 | 公办园在园幼儿数=500 普惠性民办园在园幼儿数=300 在园幼儿数=1000 | PASS |
            PRE-2 | 县 | 公办园在园幼儿数=500 普惠性民办园在园幼儿数=299 在园幼儿数=1000 | FAIL |
            PRE-2 | 县 | 公办园在园幼儿数=500 在园幼儿数=1000 | INSUFFICIENT_DATA |
            PRE-3 | 县 | 公办园在园幼儿数=500 在园幼儿数=1000 | PASS |
            PRE-3 | 县 | 公办园在园幼儿数=499 在园幼儿数=1000 | FAIL |
            PRE-3 | 县 | 在园幼儿数=1000 | INSUFFICIENT_DATA |
            PRE-4 | 县 | 在园幼儿数=1500 幼儿园专任教师数=100 | PASS |
            PRE-4 | 县 | 在园幼儿数=1501 幼儿园专任教师数=100 | FAIL |
            PRE-4 | 县 | 在园幼儿数=1500 | INSUFFICIENT_DATA |
            PRE-5 | 县 | 公办园非在编教师平均工资=3000 公办园在编教师平均工资=4000 | PASS |
            PRE-5 | 县 | 公办园非在编教师平均工资=2999 公办园在编教师平均工资=4000 | FAIL |
            PRE-5 | 县 | 公办园在编教师平均工资=4000 | INSUFFICIENT_DATA |
            PRE-6 | 县 | 幼儿园班额达标率=85 | PASS |
            PRE-6 | 县 | 班额达标幼儿园班数=84 幼儿园班数=100 | FAIL |
            PRE-6 | 县 | 幼儿园班数=100 | INSUFFICIENT_DATA |
            PRE-7 | 县 | 持证园长和专任教师数=100 园长和专任教师数=100 | PASS |
            PRE-7 | 县 | 持证园长和专任教师数=99 园长和专任教师数=100 | FAIL |
            PRE-7 | 县 | 园长和专任教师数=100 | INSUFFICIENT_DATA |
            # the area standards are met per kindergarten: a county-wide total decides nothing
            PRE-8 | 县 | 幼儿园户外活动场地面积=4000 在园幼儿数=1000 | INSUFFICIENT_DATA | 幼儿园
            PRE-8-2 | 县 | 幼儿园活动室面积=8170 在园幼儿数=1000 | INSUFFICIENT_DATA | 幼儿园
            PRE-8-3 | 县 | 幼儿园园舍建筑面积=10440 在园幼儿数=1000 | INSUFFICIENT_DATA | 幼儿园
            GUAR-01 | 县 | 初中三年巩固率=95 | PASS |
            GUAR-01 | 县 | 初中三年巩固率=94.9 | FAIL |
            GUAR-01 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            GUAR-02 | 县 | 残疾儿童少年入学率=95 | PASS |
            GUAR-02 | 县 | 残疾儿童少年入学率=94 | FAIL |
            GUAR-02 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            SPED-04 | 县 | 特殊教育学校数=1 特殊教育学校生均公用经费=6000 | PASS |
            SPED-04 | 市 | 特殊教育学校数=2 特殊教育学校生均公用经费=5999 | FAIL |
            SPED-04 | 县 | 特殊教育学校数=0 特殊教育学校生均公用经费=5999 | NOT_APPLICABLE |
            SPED-04 | 县 | 特殊教育学校数=1 | INSUFFICIENT_DATA |
            MIG-01 | 县 | 公办学校就读随迁子女数=900 随迁子女在校生数=1000 | PASS |
            MIG-01 | 市 | 公办学校就读随迁子女数=899 随迁子女在校生数=1000 | WARN | 原文为“力争”
            MIG-01 | 市 | 公办学校就读随迁子女数=899 随迁子女在校生数=1000 P:MIG-01公办就读比例=85 | PASS |
            MIG-01 | 县 | 随迁子女在校生数=1000 | INSUFFICIENT_DATA |
            MIG-02 | 县 | 公办学校就读随迁子女数=850 随迁子女在校生数=1000 | PASS |
            MIG-02 | 县 | 公办学校就读随迁子女数=849 随迁子女在校生数=1000 | FAIL |
            MIG-02 | 县 | 公办学校就读随迁子女数=849 | INSUFFICIENT_DATA |
            PRIV-02 | 市 | 已分类登记民办学校数=10 民办学校数=10 | PASS |
            PRIV-02 | 市 | 已分类登记民办学校数=9 民办学校数=10 | FAIL |
            PRIV-02 | 市 | 民办学校数=10 | INSUFFICIENT_DATA |
            TRAIN-01 | 县 | 2023:学科类校外培训机构数=20 学科类校外培训机构数=19 | PASS |
            TRAIN-01 | 县 | 2023:学科类校外培训机构数=20 学科类校外培训机构数=20 | WARN | 与上年持平，未实现“持续压减”
            TRAIN-01 | 市 | 2023:学科类校外培训机构数=20 学科类校外培训机构数=21 | FAIL |
            TRAIN-01 | 县 | 学科类校外培训机构数=20 | INSUFFICIENT_DATA |
            # change-by, relative: at most 90% of last year's accidents
            SAFE-02 | 县 | 2023:涉校涉生安全事故数=10 涉校涉生安全事故数=9 | PASS | 下降 10%
            SAFE-02 | 县 | 2023:涉校涉生安全事故数=10 涉校涉生安全事故数=8 | PASS |
            SAFE-02 | 市 | 2023:涉校涉生安全事故数=10 涉校涉生安全事故数=10 | FAIL |
            SAFE-02 | 县 | 2023:涉校涉生安全事故数=0 涉校涉生安全事故数=0 | PASS |
            SAFE-02 | 县 | 2023:涉校涉生安全事故数=0 涉校涉生安全事故数=1 | FAIL |
            SAFE-02 | 县 | 涉校涉生安全事故数=1 | INSUFFICIENT_DATA |
            SAFE-02 | 省 | 2023:涉校涉生安全事故数=10 涉校涉生安全事故数=9 P:SAFE-02上年比例=80 | FAIL |
            HEALTH-01 | 县 | 2023:体质健康合格率=90 体质健康合格率=90.01 | PASS |
            HEALTH-01 | 县 | 2023:体质健康合格率=90 体质健康合格率=90 | WARN | 与上年持平，未实现“稳中有进”
            HEALTH-01 | 县 | 2023:体质健康合格率=90 体质健康合格率=89.9 | FAIL |
            HEALTH-01 | 县 | 体质健康合格率=90 | INSUFFICIENT_DATA |
            HEALTH-02 | 县 | 参加心理健康测评学生数=1000 在校学生数=1000 | PASS | 100%（参加心理健康测评学生数 1000 人，在校学生数 1000 人），达标（标准为 100%）
            HEALTH-02 | 市 | 参加心理健康测评学生数=999 在校学生数=1000 | FAIL | 99.9%（参加心理健康测评学生数 999 人，在校学生数 1000 人），未达到 100% 的标准，差 0.1 个百分点
            HEALTH-02 | 县 | 在校学生数=1000 | INSUFFICIENT_DATA |
            # 双过半: progress against the share of the year elapsed on the assessment date (30 June by default)
            PLAN-01 | 县 | 年度任务计划数=100 年度任务已完成数=50 | PASS | 截至2024年6月30日
            PLAN-01 | 省 | 年度任务计划数=100 年度任务已完成数=49 | FAIL |
            PLAN-01 | 县 | 年度任务计划数=100 年度任务已完成数=50 P:PLAN-01评估日期=2024-07-01 | PASS | 时间进度 50%
            PLAN-01 | 县 | 年度任务计划数=100 年度任务已完成数=99 P:PLAN-01评估日期=12月31日 | FAIL |
            PLAN-01 | 县 | 年度任务计划数=100 | INSUFFICIENT_DATA |
            PLAN-01 | 县 | 年度任务计划数=100 年度任务已完成数=50 P:PLAN-01评估日期=年中 | INSUFFICIENT_DATA | 无法识别
            FYP-01 | 全国 | 学前三年毛入园率=90 | PASS |
            FYP-01 | 省 | 学前三年毛入园率=89.99 | FAIL |
            FYP-01 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            FYP-02 | 全国 | 九年义务教育巩固率=96 | PASS |
            FYP-02 | 县 | 九年义务教育巩固率=95.9 | FAIL |
            FYP-02 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            FYP-03 | 全国 | 高中阶段毛入学率=92 | PASS |
            FYP-03 | 市 | 高中阶段毛入学率=91.99 | FAIL |
            FYP-03 | 县 | 在园幼儿数=1 | INSUFFICIENT_DATA |
            """)
    void verdict_of(String indicator, String level, String data, Status expected, String messagePart) {
        Verdict v = run(indicator, level, data);
        assertThat(v.getStatus()).as(v.getMessage()).isEqualTo(expected);
        if (messagePart != null && !messagePart.isBlank()) {
            // the standard's value is in the bound, the parameters it came from in their own field
            assertThat(v.getMessage() + " " + v.getFormula() + " " + v.getBound() + "；参数：" + String.join("、", v.getParameters()) + " " + v.getMissing())
                    .contains(messagePart.strip());
        }
        if (expected == Status.INSUFFICIENT_DATA) assertThat(v.getMissing()).as("names what is missing").isNotEmpty();
        if (expected == Status.PASS || expected == Status.FAIL || expected == Status.WARN) assertThat(v.getEvidence()).as("evidence").isNotEmpty();
    }
}
