package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dudao.engine.StreamingEvaluator;
import org.dudao.testing.OneRule;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks that do not each hold a region above the county whole, read one by one (--by-workbook): the
 * nation's row in a workbook of its own, 甲省's row beside it while its cities come in workbooks of their
 * own, and 二市's counties in two workbooks that both give its row. The roll-ups of these regions over
 * schools and classes must see every workbook's, as when all are read together; 乙省, whole in one
 * workbook, is concluded there.
 */
class SpreadRegionsTest {
    @TempDir static Path tmp;
    static List<Path> files = new ArrayList<>();

    private static final Object[] REGIONS = {"地区代码", "地区名称", "上级代码", "层级", "年度", "一般公共预算教育支出(万元)",
            "幼儿园一般公共预算教育支出(万元)", "在园幼儿数(人)"};
    private static final Object[] SCHOOLS = {"学校代码", "学校名称", "所属地区代码", "学段", "年度", "在校学生数(人)", "随班就读学生数(人)", "资源教室"};
    private static final Object[] CLASSES = {"学校代码", "学校名称", "年级", "班级", "年度", "学生数"};

    @BeforeAll
    static void write() {
        // the nation and 甲省: no schools of their own workbook; the nation's 在园幼儿数 is blank, so FUND-02-KG
        // asks whether it has kindergartens, which are in the other workbooks
        files.add(Workbooks.create().sheet("地区").row(REGIONS)
                .row("000000", "全国", null, "全国", 2023, 1000000, 50000, null)
                .row("000000", "全国", null, "全国", 2024, 1100000, 52000, null)
                .row("110000", "甲省", "000000", "省", 2023, 30000, 2000, null)
                .row("110000", "甲省", "000000", "省", 2024, 31000, 2100, null)
                .save(tmp.resolve("1-全国.xlsx")));
        files.add(city("2-甲省一市.xlsx", "110100", "一市", "110000", List.of("110101", "110102"), 67));
        files.add(city("3-甲省二市.xlsx", "110200", "二市", "110000", List.of("110201"), 58));
        files.add(city("4-甲省二市续.xlsx", "110200", "二市", "110000", List.of("110202"), 45));
        Workbooks b = Workbooks.create().sheet("地区").row(REGIONS);
        for (int y = 2023; y <= 2024; y++) {
            b.row("120000", "乙省", "000000", "省", y, 20000, 1500, null)
                    .row("120100", "乙省一市", "120000", "市", y, 9000, 700, null)
                    .row("120101", "乙省一县", "120100", "县", y, 4000 + y - 2023, 300, 900);
        }
        b.sheet("学校").row(SCHOOLS)
                .row("1201010001", "乙省一县幼儿园", "120101", "幼儿园", 2024, 300, 0, null)
                .row("1201010002", "乙省一县小学", "120101", "小学", 2024, 800, 6, "否");
        b.sheet("班级").row(CLASSES)
                .row("1201010002", "乙省一县小学", "一年级", "一(1)班", 2024, 57)
                .row("1201010002", "乙省一县小学", "一年级", "一(2)班", 2024, 40);
        files.add(b.save(tmp.resolve("5-乙省.xlsx")));
    }

    /** A city's workbook: its row, its counties, a kindergarten and a primary school in each, and two classes of each school. */
    private static Path city(String file, String code, String name, String province, List<String> counties, int big) {
        Workbooks b = Workbooks.create().sheet("地区").row(REGIONS);
        for (int y = 2023; y <= 2024; y++) {
            b.row(code, name, province, "市", y, 10000, 800, null);
            for (String c : counties) b.row(c, "县" + c, code, "县", y, 3000 + y - 2023, 200, 500);
        }
        b.sheet("学校").row(SCHOOLS);
        for (String c : counties) {
            b.row(c + "0001", "县" + c + "幼儿园", c, "幼儿园", 2024, 250, 0, null)
                    .row(c + "0002", "县" + c + "小学", c, "小学", 2024, 700, 5, "否");
        }
        b.sheet("班级").row(CLASSES);
        for (String c : counties) {
            b.row(c + "0002", "县" + c + "小学", "三年级", "三(1)班", 2024, big)
                    .row(c + "0002", "县" + c + "小学", "三年级", "三(2)班", 2024, 42);
        }
        return b.save(tmp.resolve(file));
    }

    private static Cli run(Path out, String... options) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--out", out.toString(), "--format", "json", "--threads", "2"));
        a.addAll(List.of(options));
        for (Path f : files) a.add(f.toString());
        return Cli.run(a.toArray(String[]::new));
    }

    /** Read whole, or every workbook in parts of a county or of a province (as a workbook too large for the heap is). */
    @ParameterizedTest
    @ValueSource(strings = {"", "county", "province"})
    void regions_spread_over_workbooks_get_the_verdicts_of_all_the_workbooks_read_together(String parts) throws Exception {
        Path merged = tmp.resolve("merged" + parts);
        Path streamed = tmp.resolve("streamed" + parts);
        Cli a = run(merged);
        Cli b;
        if (!parts.isEmpty()) {
            System.setProperty(StreamingEvaluator.PARTS_ABOVE_PROPERTY, "0");
            System.setProperty(StreamingEvaluator.PART_RECORDS_PROPERTY, "1");
            System.setProperty(StreamingEvaluator.PARTS_BY_PROPERTY, parts);
        }
        try {
            b = run(streamed, "--by-workbook", "--progress");
        } finally {
            System.clearProperty(StreamingEvaluator.PARTS_ABOVE_PROPERTY);
            System.clearProperty(StreamingEvaluator.PART_RECORDS_PROPERTY);
            System.clearProperty(StreamingEvaluator.PARTS_BY_PROPERTY);
        }
        assertThat(b.exit()).as(b.err()).isEqualTo(a.exit());
        assertThat(b.err()).contains("全国、甲省、一市、二市、乙省的上级、本级或所辖学校和班级分在不同工作簿中：再读其学校和班级所在的 4 个工作簿，汇总后评估");
        ObjectMapper m = new ObjectMapper();
        ObjectNode ja = (ObjectNode) m.readTree(merged.resolve("report.json").toFile());
        ObjectNode jb = (ObjectNode) m.readTree(streamed.resolve("report.json").toFile());
        // the regions above the county whose roll-ups over schools and classes depend on the other workbooks
        assertThat(verdict(ja, "FUND-02-KG", "000000").path("status").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(verdict(ja, "CLASS-03", "110000").path("status").asText()).isEqualTo("FAIL");
        for (String region : List.of("000000", "110000", "110200", "120000")) {
            for (JsonNode v : ja.path("verdicts")) {
                if (!v.path("entity").asText().equals(region)) continue;
                assertThat(verdict(jb, v.path("indicator").asText(), region)).as(region + " " + v.path("indicator").asText()).isEqualTo(v);
            }
        }
        ((ObjectNode) ja.path("run")).remove("time");
        ((ObjectNode) jb.path("run")).remove("time");
        assertThat(jb).isEqualTo(ja);
        assertThat(b.out().replace(streamed.toString(), "OUT")).isEqualTo(a.out().replace(merged.toString(), "OUT"));
    }

    @Test
    void rules_whose_roll_ups_do_not_add_up_over_workbooks_say_so() throws Exception {
        Path rules = OneRule.write(tmp.resolve("rules"), "省", "zero(kcontext, $e, countOf(\"班级\", \"班额\", \">= 66\"))");
        Cli b = run(tmp.resolve("refused"), "--by-workbook", "--rules", rules.toString());
        assertThat(b.out()).contains("全国、甲省、一市、二市、乙省的上级、本级或所辖学校和班级分在不同工作簿中，而规则“P-01 超大班额”（p.drl）按级别名“班级”计数（countOf），"
                + "不能分工作簿汇总：这些地区按学校、班级汇总的结论只依据其中一个工作簿（或没有学校、班级）；请不用 --by-workbook 评估");
    }

    private static JsonNode verdict(JsonNode report, String indicator, String entity) {
        for (JsonNode v : report.path("verdicts")) {
            if (v.path("indicator").asText().equals(indicator) && v.path("entity").asText().equals(entity)) return v;
        }
        return null;
    }
}
