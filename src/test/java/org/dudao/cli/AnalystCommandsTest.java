package org.dudao.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.api.ExitCodes;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rules check}, {@code explain} and {@code template} from the command line. */
class AnalystCommandsTest {
    @TempDir Path tmp;

    private static final String[] SAMPLES = {"sample-data/sample-2023.xlsx", "sample-data/sample-2024.xlsx"};

    // ---- rules check ----------------------------------------------------------------------

    @Test void shippedRulesPassCheckStrict() {
        Cli r = Cli.run("rules", "check", "--strict");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("123 项指标编译通过").contains("没有发现问题");
    }

    @Test void warningsFailOnlyUnderStrictAndCompileErrorsExitThree() throws Exception {
        Files.copy(Path.of("rules/metrics.csv"), tmp.resolve("metrics.csv"));
        Path drl = tmp.resolve("a.drl");
        String rule = "package t;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n"
                + "rule \"T-01 测试\"\n    @id(\"T-01\") @name(\"测试\") @level(\"县\") @pattern(\"threshold\") @bound(\">= 1\") @source(\"测试 第1条\")\n"
                + "when\n    $e : Entity(level == \"县\")\nthen\n    insert(threshold(kcontext, $e, value(\"常驻人口\")));\nend\n";
        Files.writeString(drl, rule, StandardCharsets.UTF_8);
        Cli lax = Cli.run("rules", "check", "--rules", tmp.toString());
        assertThat(lax.exit()).isZero();
        assertThat(lax.out()).contains("a.drl:10:").contains("警告[未知指标名]").contains("“常驻人口”").contains("常住人口").contains("1 个警告");
        assertThat(Cli.run("rules", "check", "--strict", "--rules", tmp.toString()).exit()).isEqualTo(ExitCodes.WARNINGS);

        Files.writeString(drl, rule.replace("value(\"常驻人口\")));", "value(\"常住人口\"))"), StandardCharsets.UTF_8);
        Cli broken = Cli.run("rules", "check", "--rules", tmp.toString());
        assertThat(broken.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(broken.err()).contains("a.drl:").contains("语法错误").contains("原文：");
    }

    // ---- explain --------------------------------------------------------------------------

    private static Cli explain(String indicator, String entity) {
        List<String> args = new ArrayList<>(List.of("explain", "--indicator", indicator, "--entity", entity));
        args.addAll(List.of(SAMPLES));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test void explainsAPassWithItsNumbersCellsBoundAndClause() {
        Cli r = explain("KG-01", "990101");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("指标 KG-01").contains("依据：《××市2022年教育工作要点》第三部分第1条（该市目标）").contains("一县（代码 990101，县）")
                .contains("公办园在园幼儿数 1800 人 / 在园幼儿数 3000 人 = 60%")
                .contains("公办园在园幼儿数 = 1800 人（2024年，sample-data/sample-2024.xlsx 表1 地区!N7）")
                .contains("在园幼儿数 = 3000 人（2024年，sample-data/sample-2024.xlsx 表1 地区!M7）")
                .contains("标准：不低于 50%（规则中写作 >= {KG-01公办园覆盖面|50}%）").contains("结论：达标");
    }

    @Test void explainsAFailWithTheGap() {
        Cli r = explain("KG-01", "二县");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("1200 人 / 在园幼儿数 3000 人 = 40%").contains("表1 地区!N8").contains("结论：不达标")
                .contains("差 10 个百分点");
    }

    @Test void explainsNotApplicableByTheConditionThatDidNotHold() {
        Cli r = explain("SPED-01", "990105");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("结论：不适用。条件不成立：").contains("常住人口 150000 人").contains("不满足适用条件（常住人口 200000 人及以上）")
                .contains("常住人口 = 150000 人（2024年，sample-data/sample-2024.xlsx 表1 地区!P11）");
    }

    @Test void explainsInsufficientDataByWhatIsMissingAndWhereItWasLookedFor() {
        Cli r = explain("SPED-01", "990104");
        assertThat(r.exit()).isEqualTo(ExitCodes.WARNINGS);
        assertThat(r.out()).contains("结论：数据不足").contains("2024年“常住人口”：应填在地区表中本单位（代码 990104）的行")
                .contains("sample-data/sample-2024.xlsx").contains("“常住人口(人)” 列");
    }

    @Test void unknownIndicatorOrEntityExitsThreeWithSuggestions() {
        Cli i = explain("KG-1", "990101");
        assertThat(i.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(i.err()).contains("没有编号为“KG-1”的指标").contains("KG-01");
        Cli e = explain("KG-01", "99O101");
        assertThat(e.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(e.err()).contains("没有代码为“99O101”的单位").contains("990101（一县）");
    }

    // ---- template -------------------------------------------------------------------------

    @Test void templateHasUnitsCommentsValidationExampleAndInstructions() throws Exception {
        Path out = tmp.resolve("t.xlsx");
        Cli r = Cli.run("template", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("填报说明");
            assertThat(wb.getSheetAt(0).getRow(10).getCell(0).getStringCellValue()).contains("不知道或没有统计的数请留空");
            XSSFSheet region = wb.getSheet("地区表");
            List<String> headers = headers(region);
            assertThat(headers).startsWith("地区代码", "地区名称", "上级代码", "层级", "年度")
                    .contains("常住人口(人)", "一般公共预算教育支出(万元)", "乡村教师生活补助")
                    .doesNotContain("平安校园"); // read from schools (shareOfChildren over schools()): a school column
            assertThat(headers(wb.getSheet("学校表"))).contains("平安校园", "在校学生数(人)", "清廉学校等级");
            assertThat(headers(wb.getSheet("班级表"))).containsExactly("学校代码", "年级", "班级", "年度", "学生数(人)");
            assertThat(headers(wb.getSheet("班额分段表"))).startsWith("学校代码", "学段", "年度", "25人及以下(个)").endsWith("66人及以上(个)").hasSize(13);
            XSSFSheet school0 = wb.getSheet("学校表");
            int stageCol = headers(school0).indexOf("学段");
            assertThat(school0.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(stageCol);
                assertThat(v.getValidationConstraint().getExplicitListValues()).contains("教学点", "九年一贯制小学部", "十二年一贯制高中部", "完全中学初中部");
            });
            // a gross enrolment rate may exceed 100%: its validation follows validity.csv
            int gross = headers.indexOf("学前三年毛入园率(%)");
            assertThat(region.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(gross);
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("150");
            });
            int col = headers.indexOf("常住人口(人)");
            assertThat(region.getRow(0).getCell(col).getCellComment().getString().getString()).contains("用于指标：").contains("SPED-01");
            assertThat(region.getRow(1).getCell(0).getStringCellValue()).isEqualTo("示例");
            List<? extends DataValidation> dvs = region.getDataValidations();
            assertThat(dvs).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(col);
                assertThat(v.getValidationConstraint().getFormula1()).isEqualTo("0");
            });
            int yes = headers.indexOf("乡村教师生活补助");
            assertThat(dvs).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(yes);
                assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("是", "否");
            });
            XSSFSheet school = wb.getSheet("学校表");
            int grade = headers(school).indexOf("清廉学校等级");
            assertThat(school.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(grade);
                assertThat(v.getValidationConstraint().getExplicitListValues()).contains("引领型", "规范型", "提升型");
            });
        }
    }

    @Test void aFilledInTemplateLoadsWithoutProblemsAndEvaluates() throws Exception {
        Path out = tmp.resolve("t.xlsx");
        assertThat(Cli.run("template", "--out", out.toString()).exit()).isZero();
        Path filled = tmp.resolve("filled.xlsx");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int year : new int[]{2023, 2024}) {
                fill(wb.getSheet("地区表"), year == 2023 ? 2 : 3, List.of("330102", "某县", "330100", "县", year), year);
                fill(wb.getSheet("学校表"), year == 2023 ? 2 : 3, List.of("3301020001", "某县第一小学", "330102", "小学", year), year);
                fill(wb.getSheet("班级表"), year == 2023 ? 2 : 3, List.of("3301020001", "一年级", "1班", year, 42), year);
            }
            // the county's city, with its keys only (its own values are not asked for here)
            Row city = wb.getSheet("地区表").createRow(4);
            List<Object> keys = List.of("330100", "某市", "", "市", 2024);
            for (int c = 0; c < keys.size(); c++) {
                if (keys.get(c) instanceof Integer n) city.createCell(c).setCellValue(n);
                else if (!keys.get(c).toString().isEmpty()) city.createCell(c).setCellValue(keys.get(c).toString());
            }
            try (OutputStream os = Files.newOutputStream(filled)) { wb.write(os); }
        }
        RuleBase rb = RuleBase.compile(Path.of("rules"));
        WorkbookLoader.Result loaded = new WorkbookLoader(rb.dictionary()).load(List.of(filled));
        Dataset data = loaded.dataset();
        assertThat(loaded.unreadable()).isEmpty();
        assertThat(data.problems()).as("load problems").isEmpty();
        assertThat(data.entities()).containsKeys("330102", "3301020001");
        assertThat(data.sheets()).allSatisfy(t -> assertThat(t.getSkipped()).as("the example row of " + t.getSheet()).isEqualTo(1));
        List<Verdict> verdicts = new Evaluator(rb, 1).evaluate(data, 2024).verdicts();
        // every column the rules read is in the template: a county indicator over values of its own row has its data
        assertThat(verdicts).filteredOn(v -> v.getIndicator().equals("FUND-01") && v.getEntityCode().equals("330102"))
                .singleElement().satisfies(v -> assertThat(v.getStatus().name()).isIn("PASS", "WARN"));
        assertThat(verdicts).filteredOn(v -> v.getIndicator().equals("KG-01") && v.getEntityCode().equals("330102"))
                .singleElement().satisfies(v -> assertThat(v.getMissing()).isEmpty());
    }

    private static List<String> headers(Sheet s) {
        List<String> h = new ArrayList<>();
        for (Cell c : s.getRow(0)) h.add(c.getStringCellValue());
        return h;
    }

    /** Writes a data row: the key values given, then every metric column as its type wants (是, the first category, a number). */
    private static void fill(Sheet s, int rowIndex, List<Object> keys, int year) {
        Row header = s.getRow(0);
        Row example = s.getRow(1);
        Row row = s.createRow(rowIndex);
        for (int c = 0; c < header.getLastCellNum(); c++) {
            Cell cell = row.createCell(c);
            if (c < keys.size()) {
                if (keys.get(c) instanceof Integer n) cell.setCellValue(n);
                else cell.setCellValue(keys.get(c).toString());
                continue;
            }
            Cell ex = example.getCell(c);
            if (ex == null) cell.setCellValue("规范型");
            else if (ex.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) cell.setCellValue(ex.getNumericCellValue() + (year - 2023));
            else cell.setCellValue(ex.getStringCellValue());
        }
    }
}
