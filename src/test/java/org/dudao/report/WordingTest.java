package org.dudao.report;

import org.dudao.engine.Evaluation;
import org.dudao.engine.SourceDocuments;
import org.dudao.load.MetricDictionary;
import org.dudao.model.Dataset;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Param;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The words the reports build: sources by document, standards with the parameter used, requirements, parameters. */
class WordingTest {
    @TempDir Path dir;

    private static final SourceDocuments DOCUMENTS = SourceDocuments.of(List.of(
            new SourceDocuments.Document("000-1", "《省委教育工委组织部2024年工作要点》（一）", "省委教育工委组织部", "", "2024"),
            new SourceDocuments.Document("000-2", "《省委教育工委组织部2024年工作要点》（二）", "省委教育工委组织部", "", "2024"),
            new SourceDocuments.Document("002", "《××市2022年教育工作要点》", "××市教育局", "", "2022"),
            new SourceDocuments.Document("JD-2017-6", "《县域义务教育优质均衡发展督导评估办法》", "教育部", "教督〔2017〕6号", "2017"),
            new SourceDocuments.Document("JD-2020-1", "《县域学前教育普及普惠督导评估办法》", "教育部", "教督〔2020〕1号", "2020"),
            new SourceDocuments.Document("EDU-LAW", "《中华人民共和国教育法》", "全国人民代表大会", "", "2021"),
            new SourceDocuments.Document("FUND-BULLETIN", "全国教育经费执行情况统计公告", "教育部", "", ""),
            new SourceDocuments.Document("004", "河南省教育厅总督学刘林亚的讲话", "河南省教育厅", "", "2023")));

    @Test
    void a_source_names_its_documents_by_title_and_number_and_drops_the_analysts_notes() {
        assertThat(DOCUMENTS.cite("002 第五部分第2条").text()).isEqualTo("《××市2022年教育工作要点》第五部分第2条");
        assertThat(DOCUMENTS.cite("000 方案一第21条、方案二第27条").text())
                .isEqualTo("《省委教育工委组织部2024年工作要点》（一）第21条、《省委教育工委组织部2024年工作要点》（二）第27条");
        assertThat(DOCUMENTS.cite("教督〔2017〕6号 第五条（资源配置）").text()).isEqualTo("《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）第五条（资源配置）");
        assertThat(DOCUMENTS.cite("教督〔2017〕6号 政府保障程度（未核实原文，界值为参数）").text())
                .isEqualTo("《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）政府保障程度");
        assertThat(DOCUMENTS.cite("县域学前教育普及普惠督导评估办法（2020）").text()).isEqualTo("《县域学前教育普及普惠督导评估办法》（教督〔2020〕1号）");
        assertThat(DOCUMENTS.cite("《教育法》第五十五条“三个增长”").text()).isEqualTo("《中华人民共和国教育法》第五十五条“三个增长”");
        assertThat(DOCUMENTS.cite("002 第一部分第4条；全国教育经费执行情况统计公告（分学段）").documents()).extracting(SourceDocuments.Document::code)
                .containsExactly("002", "FUND-BULLETIN");
        assertThat(DOCUMENTS.cite("004 刘林亚讲话：“双过半”").text()).isEqualTo("河南省教育厅总督学刘林亚的讲话（刘林亚讲话：“双过半”）");
        // a source the table does not know stays as written
        assertThat(DOCUMENTS.cite("国家大班额专项规划：2020年底大班额比例控制在5%以内").text()).isEqualTo("国家大班额专项规划：2020年底大班额比例控制在5%以内");
    }

    @Test
    void the_documents_table_is_read_with_its_columns_and_its_mistakes_named_by_line() throws Exception {
        Path csv = dir.resolve("documents.csv");
        Files.writeString(csv, "\uFEFF代号,文件名称,发文机关,文号,年份,说明\n002,《××市2022年教育工作要点》,××市教育局,,2022,内部说明\n", StandardCharsets.UTF_8);
        SourceDocuments read = SourceDocuments.read(csv);
        assertThat(read.all()).containsExactly(new SourceDocuments.Document("002", "《××市2022年教育工作要点》", "××市教育局", "", "2022"));
        assertThat(SourceDocuments.read(dir.resolve("none.csv")).all()).isEmpty();
        Files.writeString(csv, "代号,文件名称,发文机关,文号,年份\n002,甲,,,\n002,乙,,,\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SourceDocuments.read(csv)).hasMessage("rules/documents.csv 第3行：代号“002”与第2行重复");
        Files.writeString(csv, "代号,文件名称,年份\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SourceDocuments.read(csv)).hasMessageContaining("缺少列“发文机关”");
        Files.write(csv, concat("代号,文件名称,发文机关,文号,年份\n002,".getBytes(StandardCharsets.UTF_8), "《要点》,局,,2022\n".getBytes("GBK")));
        assertThatThrownBy(() -> SourceDocuments.read(csv)).hasMessageContaining("不是 UTF-8 编码");
    }

    @Test
    void a_malformed_documents_table_is_a_run_problem_not_a_silent_default() throws Exception {
        Files.writeString(dir.resolve("documents.csv"), "代号,文件名称\n", StandardCharsets.UTF_8);
        Files.copy(Path.of(org.dudao.testing.Fixture.RULES, "10-funding.drl"), dir.resolve("10-funding.drl"));
        Files.copy(Path.of(org.dudao.testing.Fixture.RULES, "metrics.csv"), dir.resolve("metrics.csv"));
        org.dudao.engine.RuleBase rules = org.dudao.engine.RuleBase.compile(dir);
        ReportContext c = ReportContext.of(rules, List.of());
        assertThat(c.problems()).singleElement().asString().startsWith("rules/documents.csv 第1行：缺少列");
        assertThat(c.documents().all()).isEmpty();
        assertThat(c.area(rules.catalogue().get(0))).as("from the rule file's heading").isEqualTo("经费");
    }

    @Test
    void an_area_is_the_rule_files_heading_up_to_its_first_colon() {
        assertThat(ReportContext.area("// 经费：“两个只增不减”“三个增长”和生均拨款标准。")).isEqualTo("经费");
        assertThat(ReportContext.area("\uFEFF// 县域学前教育普及普惠督导评估（2020）。PRE-8 的面积标准未核实，界值为参数。")).isEqualTo("县域学前教育普及普惠督导评估");
        assertThat(ReportContext.area("package x;")).isEmpty();
    }

    @Test
    void a_standard_is_said_in_words_with_the_value_the_run_used_and_the_parameters_annex_says_where_it_came_from() {
        List<Indicator> catalogue = List.of(
                indicator("FUND-03", "义务教育生均公用经费比上年提高150元", "change-by", ">= {FUND-03提高额|150} 元"),
                indicator("SAFE-02", "涉校涉生安全事故数比上年下降10%以上", "change-by", "<= {SAFE-02上年比例|90}%"),
                indicator("BAL-CV-4", "生均教学及辅助用房面积的校际差异系数（按学生数加权）", "dispersion", "小学 <= {BAL-CV小学|0.50}；初中 <= {BAL-CV初中|0.45}"),
                indicator("KG-04", "新建、改扩建公办幼儿园数达到目标", "target-progress", "省 >= {KG-04省目标数|200} 所；市 >= {KG-04市目标数} 所"),
                indicator("BAL-1", "每百名学生拥有高于规定学历教师数达到标准", "threshold", "小学 ≥ 4.2；初中 ≥ 5.3（界值表 thresholds.xlsx）"),
                indicator("CLASS-01", "消除义务教育大班额（56人及以上）", "zero", "= 0"),
                indicator("SPED-02", "随班就读学生5人以上的学校建有资源教室", "conditional", "= 是"),
                indicator("PRE-4", "幼儿园专任教师与在园幼儿之比不低于1:15", "threshold", "<= {PRE-4生师比|15}"),
                indicator("HEALTH-02", "学生心理健康测评覆盖全体在校学生", "threshold", ">= 100%"),
                indicator("TEACH-02", "乡村教师生活补助政策覆盖所有县", "coverage", "= 是"),
                indicator("BAL-SCHOOL", "每所学校至少6项指标达到标准，余项不低于标准的85%", "threshold", "达标项 >= 6 项；其余项 >= {BAL-SCHOOL余项最低比例|85}%"));
        Dataset data = TestData.create().entity("990100", "甲市", EntityKind.CITY, null, null)
                .param("FUND-03提高额", "200").build();
        Map<String, Param> file = Map.of("BAL-CV小学", new Param("BAL-CV小学", new BigDecimal("0.55"), "0.55", new Origin("params.csv", "参数", "第3行")));
        Report report = report(data, catalogue, file);
        Wording w = new Wording(report);
        assertThat(w.standards.of(catalogue.get(0))).isEqualTo("比上年增加不少于 200 元");
        assertThat(w.standards.of(catalogue.get(8))).as("a share's ceiling is reached, as the plans write it").isEqualTo("达到 100%");
        assertThat(w.standards.of(catalogue.get(1))).isEqualTo("比上年下降不少于 10%");
        assertThat(w.standards.of(catalogue.get(2))).isEqualTo("小学不超过 0.55，初中不超过 0.45");
        assertThat(w.standards.of(catalogue.get(3))).isEqualTo("省不低于 200 所，市不低于（标准值未设置）");
        assertThat(w.standards.of(catalogue.get(4))).isEqualTo("小学不低于 4.2，初中不低于 5.3");
        assertThat(w.standards.of(catalogue.get(5))).isEqualTo("清零");
        assertThat(w.standards.of(catalogue.get(6))).as("a yes/no standard in the indicator's words, not a form's field").isEqualTo("建有资源教室");
        assertThat(w.standards.of(catalogue.get(9))).as("every child 是: as the plans say it, not a form's field").isEqualTo("全覆盖");
        assertThat(w.standards.of(catalogue.get(10))).as("as BAL-SCHOOL's verdicts say it: 85% of each standard")
                .isEqualTo("七项指标中至少 6 项达标，其余项不低于标准的 85%");
        assertThat(w.standards.of(catalogue.get(7))).as("children per teacher at most 15, said as the standard says it").isEqualTo("不低于 1:15");
        // a verdict for one 学段 is held to its part
        Verdict junior = Verdict.builder("BAL-CV-4", data.entities().get("990100"), 2024).status(Status.FAIL).part("初中").build();
        assertThat(w.standard(junior)).isEqualTo("不超过 0.45");
        // a verdict the engine gave says its own standard (in the same words, with the unit its value has)
        Verdict school = Verdict.builder("BAL-1", data.entities().get("990100"), 2024).status(Status.FAIL).bound("不低于 4.2 人").build();
        assertThat(w.standard(school)).isEqualTo("不低于 4.2 人");

        List<String> rows = new ArrayList<>();
        for (Parameters.Row r : w.parameters.rows()) rows.add(r.name() + " " + String.join("、", r.indicators()) + " " + r.shown() + " " + r.source());
        assertThat(rows).containsExactly(
                "FUND-03提高额 FUND-03 200 元 工作簿参数表 test.xlsx!参数!B2",
                "SAFE-02上年比例 SAFE-02 90% 规则中的默认值（x.drl）",
                "BAL-CV小学 BAL-CV-4 0.55 规则目录参数文件 params.csv 第3行",
                "BAL-CV初中 BAL-CV-4 0.45 规则中的默认值（x.drl）",
                "KG-04省目标数 KG-04 200 所 规则中的默认值（x.drl）",
                "KG-04市目标数 KG-04 未设置 未设置，规则中也没有默认值",
                "PRE-4生师比 PRE-4 15 规则中的默认值（x.drl）", "BAL-SCHOOL余项最低比例 BAL-SCHOOL 85% 规则中的默认值（x.drl）");
    }

    @Test
    void a_requirement_says_what_to_do_to_which_standard_and_by_when() {
        List<Indicator> catalogue = List.of(
                indicator("KG-01", "公办幼儿园在园幼儿占比达到50%", "threshold", ">= 50%"),
                indicator("CLASS-04", "大班额（56人及以上）占班级数的比例不超过5%", "share-of-children", "<= {CLASS-04大班额比例|5}%"),
                indicator("FYP-01", "学前教育毛入园率高于90%（“十四五”目标）", "threshold", "> 90%"),
                indicator("CLASS-03", "超大班额占班级数的比例不超过2%", "share-of-children", "<= 2%"),
                indicator("TEACH-02", "乡村教师生活补助政策覆盖所有县", "coverage", "= 是"),
                indicator("SPED-03", "每个县建有特殊教育资源中心", "coverage", "= 是"),
                indicator("FUND-09", "教育财政拨款增长高于财政经常性收入增长", "threshold", "> 财政经常性收入增长率"));
        Dataset data = TestData.create().entity("990100", "甲市", EntityKind.CITY, null, null).build();
        Wording w = new Wording(report(data, catalogue, Map.of()));
        var city = data.entities().get("990100");
        Verdict kg = Verdict.builder("KG-01", city, 2024).status(Status.FAIL).observed(new BigDecimal("45"), "45%").limit(new BigDecimal("50")).build();
        assertThat(w.requirement(kg)).isEqualTo("提高公办幼儿园在园幼儿占比，使其不低于 50%（现为 45%）");
        Verdict big = Verdict.builder("CLASS-04", city, 2024).status(Status.FAIL).observed(new BigDecimal("22.2"), "22.2%")
                .children(List.of(new org.dudao.model.ChildFinding("s1", "城关小学", Status.FAIL, "", List.of()))).build();
        assertThat(w.requirement(big)).isEqualTo("降低大班额（56人及以上）占班级数的比例，使其不超过 5%（现为 22.2%），重点督促城关小学");
        Verdict fyp = Verdict.builder("FYP-01", city, 2024).status(Status.FAIL).observed(new BigDecimal("80"), "80%").build();
        assertThat(w.requirement(fyp)).as("the deadline goes in its own column").isEqualTo("提高学前教育毛入园率，使其高于 90%（现为 80%）");
        assertThat(w.requirementWithDeadline(fyp)).isEqualTo("提高学前教育毛入园率，使其高于 90%（现为 80%），于2025年底前完成");
        assertThat(w.deadline(fyp)).isEqualTo("2025年底前");
        Verdict growth = Verdict.builder("FUND-09", city, 2024).status(Status.FAIL).observed(new BigDecimal("5"), "5%")
                .bound("高于财政经常性收入增长率（10%）").limit(BigDecimal.TEN)
                .message("教育财政拨款增长率 5%（教育财政拨款 2024年 105 万元，2023年 100 万元），未高于财政经常性收入增长率（10%），差 5 个百分点").build();
        assertThat(w.requirement(growth)).as("a limit in brackets takes the figure now into them")
                .isEqualTo("提高教育财政拨款增长率，使其高于财政经常性收入增长率（10%，现为 5%）");
        Verdict old = Verdict.builder("CLASS-03", city, 2024).status(Status.FAIL).observed(new BigDecimal("3"), "3%").build();
        Indicator withDate = indicator("CLASS-03", "超大班额占班级数的比例不超过2%", "share-of-children", "<= 2%");
        Indicator dated = new Indicator(withDate.id(), withDate.name(), "县", withDate.pattern(), withDate.bound(),
                "国家大班额专项规划：2018年底超大班额比例控制在2%以内", null, "x.drl", "r");
        assertThat(new Requirements(w.standards, 2024).withDeadline(dated, old)).endsWith("（原定2018年底前完成，已逾期，应立即整改）");
        List<org.dudao.model.ChildFinding> counties = new ArrayList<>();
        for (int i = 1; i <= 5; i++) counties.add(new org.dudao.model.ChildFinding("c" + i, i + "县", Status.FAIL, "", List.of()));
        Verdict cover = Verdict.builder("TEACH-02", city, 2024).status(Status.FAIL).children(counties).build();
        assertThat(w.requirement(cover)).isEqualTo("督促1县、2县、3县 等 5 个单位落实“乡村教师生活补助政策覆盖所有县”的要求");
        Verdict centre = Verdict.builder("SPED-03", city, 2024).status(Status.FAIL).children(counties.subList(0, 1)).build();
        assertThat(w.requirement(centre)).isEqualTo("督促1县建成特殊教育资源中心");
        assertThat(Requirements.quantity("每百名学生拥有高于规定学历教师数达到标准")).isEqualTo("每百名学生拥有高于规定学历教师数");
        assertThat(Requirements.quantity("义务教育失学辍学动态清零")).isEqualTo("义务教育失学辍学");
        assertThat(Requirements.quantity("国家财政性教育经费占国内生产总值比例一般不低于4%")).isEqualTo("国家财政性教育经费占国内生产总值比例");
        Indicator rise = indicator("FUND-03", "义务教育生均公用经费比上年提高150元", "change-by", ">= 150 元");
        Origin cell = new Origin("x.xlsx", "地区", "F8");
        Verdict fell = Verdict.builder("FUND-03", city, 2024).status(Status.FAIL).observed(new BigDecimal("-100"), "-100 元")
                .evidence(List.of(new Metric("990100", 2024, "义务教育生均公用经费", new BigDecimal("2900"), null, "元", cell),
                        new Metric("990100", 2023, "义务教育生均公用经费", new BigDecimal("3000"), null, "元", cell)))
                .build();
        assertThat(new Requirements(w.standards, 2024).of(rise, fell)).as("the change in words, not the observed -100 元")
                .isEqualTo("提高义务教育生均公用经费，使其比上年增加不少于 150 元（2024年 2900 元，比上年减少 100 元）");
        // the other change-by rule observes this year's count, not the change: the words come from the two years' values alike
        Indicator fewer = indicator("SAFE-02", "涉校涉生安全事故数比上年下降10%以上", "change-by", "<= 90%");
        Verdict same = Verdict.builder("SAFE-02", city, 2024).status(Status.FAIL).observed(BigDecimal.TEN, "10 起").limit(new BigDecimal("9"))
                .evidence(List.of(new Metric("990100", 2024, "涉校涉生安全事故数", BigDecimal.TEN, null, "起", cell),
                        new Metric("990100", 2023, "涉校涉生安全事故数", BigDecimal.TEN, null, "起", cell)))
                .build();
        assertThat(new Requirements(w.standards, 2024).of(fewer, same)).isEqualTo("降低涉校涉生安全事故数，使其比上年下降不少于 10%（2024年 10 起，与上年持平）");
        // a name that gives only the stage (普通高中逐步消减大班额): the quantity is the one the finding measured
        Indicator senior = indicator("CLASS-05", "普通高中逐步消减大班额（56人及以上）", "no-rebound", "< 上年");
        Verdict more = Verdict.builder("CLASS-05", city, 2024).status(Status.FAIL).observed(new BigDecimal("9"), "9 个").limit(new BigDecimal("8"))
                .message("班额 56 人及以上的普通高中班级 9 个，比上年增加 1 个，同比增长 12.5%，未实现“逐步消减”").build();
        assertThat(new Requirements(w.standards, 2024).of(senior, more)).isEqualTo("压减班额 56 人及以上的普通高中班级，使其低于上年（2024年 9 个，上年 8 个）");
        Verdict computed = Verdict.builder("FUND-03", city, 2024).status(Status.FAIL).observed(new BigDecimal("-100"), "-100 元").build();
        assertThat(new Requirements(w.standards, 2024).of(rise, computed)).as("no single quantity cited in both years: no figure rather than a wrong one")
                .isEqualTo("提高义务教育生均公用经费，使其比上年增加不少于 150 元");
    }

    @Test
    void a_requirement_quotes_a_task_or_a_name_that_states_its_own_standard_and_urges_no_unit_for_its_own_items() {
        List<Indicator> catalogue = List.of(
                indicator("TASK-EDU-03", "完成100所省级智慧校园示范校认定", "task", ">= {TASK-EDU-03目标数|100} 所"),
                indicator("GUAR-MUSIC", "每12个班级配备面积不小于96平方米的音乐专用教室1间以上", "threshold", ">= 1 间/12个班"),
                indicator("BAL-SCHOOL", "每所学校至少6项指标达到标准，余项不低于标准的85%", "threshold", "达标项 >= 6；其余项 >= 85%"));
        Dataset data = TestData.create().entity("990100", "甲市", EntityKind.CITY, null, null).build();
        Wording w = new Wording(report(data, catalogue, Map.of()));
        var city = data.entities().get("990100");
        Verdict task = Verdict.builder("TASK-EDU-03", city, 2024).status(Status.FAIL).observed(new BigDecimal("99"), "99 所")
                .bound("不低于 100 所，任务期限 2024年（至2024年12月31日）").build();
        assertThat(w.requirement(task)).isEqualTo("落实年度任务“完成100所省级智慧校园示范校认定”（目标不低于 100 所，现为 99 所）");
        Indicator named = indicator("TASK-HS-01", "启动建设100所县域普通高中“徐特立项目”，年内开工建设", "task", ">= 100 所");
        Verdict started = Verdict.builder("TASK-HS-01", city, 2024).status(Status.FAIL).observed(new BigDecimal("99"), "99 所")
                .bound("不低于 100 所").build();
        assertThat(new Requirements(w.standards, 2024).of(named, started)).as("quotes within a quotation become single")
                .isEqualTo("落实年度任务“启动建设100所县域普通高中‘徐特立项目’，年内开工建设”（目标不低于 100 所，现为 99 所）");
        Verdict music = Verdict.builder("GUAR-MUSIC", city, 2024).status(Status.FAIL).observed(new BigDecimal("0.8"), "0.8 间/12个班").build();
        assertThat(w.requirement(music)).isEqualTo("落实“每12个班级配备面积不小于96平方米的音乐专用教室1间以上”的要求（现为 0.8 间/12个班）");
        Verdict school = Verdict.builder("BAL-SCHOOL", city, 2024).status(Status.FAIL).observed(BigDecimal.ZERO, "0 项达标")
                .children(List.of(new org.dudao.model.ChildFinding("990100", "甲市（生均教学仪器设备值）", Status.FAIL, "", List.of()))).build();
        assertThat(w.requirement(school)).isEqualTo("落实“每所学校至少6项指标达到标准，余项不低于标准的85%”的要求（现为 0 项达标）");
        Indicator pay = indicator("PRE-5", "公办园非在编教师平均工资不低于在编教师的75%", "threshold", ">= 75%");
        Verdict low = Verdict.builder("PRE-5", city, 2024).status(Status.FAIL).observed(new BigDecimal("60"), "60%")
                .message("公办园非在编教师平均工资为在编教师的比例 60%（……），低于 75% 的标准").build();
        assertThat(new Requirements(w.standards, 2024).of(pay, low)).as("the rate the finding named, not the name's 平均工资")
                .isEqualTo("提高公办园非在编教师平均工资为在编教师的比例，使其不低于 75%（现为 60%）");
    }

    private static Indicator indicator(String id, String name, String pattern, String bound) {
        return new Indicator(id, name, "县", pattern, bound, "", null, "x.drl", id);
    }

    private static Report report(Dataset data, List<Indicator> catalogue, Map<String, Param> ruleParams) {
        ReportContext context = new ReportContext(ruleParams, MetricDictionary.empty(), DOCUMENTS, Map.of(), List.of(), List.of());
        RunInfo run = new RunInfo("dudao", "test", "2026-01-01T00:00:00Z", 2024, data.years(), data.inputs(), "rules", "0".repeat(64), catalogue.size());
        return new Report(run, data, catalogue, new Evaluation(2024, List.of(), List.of()), List.of(), context);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
