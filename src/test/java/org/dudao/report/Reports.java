package org.dudao.report;

import org.dudao.engine.Evaluation;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reports for the format tests: from the shipped sample workbooks, or from datasets built in code. */
final class Reports {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=HYPERLINK(\"x\")";
    static final String ESCAPING_NAME = "../../逃逸/..\\县";
    private static RuleBase rules;
    private static Report sample;
    private static Report golden;
    /** A frozen workbook that cannot be read (text saved as .xlsx), for the golden documents. */
    static final String UNREADABLE = "src/test/resources/golden/损坏的工作簿.xlsx";

    private Reports() {}

    static synchronized RuleBase rules() {
        if (rules == null) {
            try {
                rules = RuleBase.compile(Path.of(org.dudao.testing.Fixture.RULES));
            } catch (RuleCompileException e) {
                throw new AssertionError(e.messages());
            }
        }
        return rules;
    }

    /** The report fixture (the first sample workbooks under the nine skeleton rules), evaluated for 2024. */
    static synchronized Report sample() {
        if (sample == null) {
            WorkbookLoader.Result r = new WorkbookLoader(rules().dictionary())
                    .load(List.of(Path.of(org.dudao.testing.Fixture.S2023), Path.of(org.dudao.testing.Fixture.S2024)));
            sample = of(r.dataset(), 2024);
        }
        return sample;
    }

    static Report of(Dataset data, int year) {
        return of(data, year, List.of());
    }

    /** As a run makes it: with the fixture rule base's context (documents, dictionary, areas) and the workbooks that could not be read. */
    static Report of(Dataset data, int year, List<WorkbookException> unreadable) {
        Evaluation e = new Evaluator(rules(), 1).evaluate(data, year);
        RunInfo run = new RunInfo("dudao", "test", "2026-01-01T00:00:00Z", year, data.years(), data.inputs(), "rules",
                rules().hash(), rules().catalogue().size());
        List<String> problems = new ArrayList<>(e.ruleProblems());
        for (WorkbookException u : unreadable) problems.add("无法读取工作簿 " + u.getFile() + "：" + u.getMessage());
        return new Report(run, data, rules().catalogue(), e, problems, ReportContext.of(rules(), unreadable));
    }

    /**
     * The golden-document report: the frozen fixture (its two sample workbooks, the nine skeleton rules
     * and their documents.csv) with a third workbook that cannot be read, under a fixed rules hash so
     * that editing the fixture's rule folder does not move every expected file.
     */
    static synchronized Report golden() {
        if (golden == null) {
            WorkbookLoader.Result r = new WorkbookLoader(rules().dictionary())
                    .load(List.of(Path.of(org.dudao.testing.Fixture.S2023), Path.of(org.dudao.testing.Fixture.S2024), Path.of(UNREADABLE)));
            Report made = of(r.dataset(), 2024, r.unreadable());
            RunInfo run = made.run();
            RunInfo fixed = new RunInfo(run.tool(), run.version(), run.time(), run.year(), run.yearsPresent(), run.inputs(), run.rulesDir(),
                    "0".repeat(64), run.indicators());
            golden = new Report(fixed, made.data(), made.catalogue(), made.evaluation(), made.runProblems(), made.context());
        }
        return golden;
    }

    /**
     * A run whose input names are hostile: a province named {@code <script>alert(1)</script>}, a county
     * named {@code =HYPERLINK("x")} that fails FUND-01, a county whose name would climb out of a folder,
     * and a load problem whose sheet and message look like markup and a formula.
     */
    static Report hostile() {
        Dataset d = TestData.create()
                .entity("990000", SCRIPT, EntityKind.PROVINCE, null, null)
                .entity("990101", FORMULA, EntityKind.COUNTY, "990000", null)
                .entity("990102", ESCAPING_NAME, EntityKind.COUNTY, "990000", null)
                .metric("990101", 2023, "一般公共预算教育支出", "100", "万元")
                .metric("990101", 2024, "一般公共预算教育支出", "90", "万元")
                .metric("990102", 2023, "一般公共预算教育支出", "100", "万元")
                .metric("990102", 2024, "一般公共预算教育支出", "80", "万元")
                .build();
        SheetTally tally = new SheetTally("in<b>.xlsx", "<img src=x onerror=alert(2)>", "地区表");
        tally.accepted();
        tally.rejected();
        LoadProblem p = new LoadProblem(LoadProblem.Severity.ERROR, "in<b>.xlsx", "<img src=x onerror=alert(2)>", "C3",
                "@SUM(1+1)*cmd|' /C calc'!A0");
        Dataset withProblems = new Dataset(d.entities(), d.metrics(), d.params(), List.of(), List.of(tally), List.of(p), d.years());
        return of(withProblems, 2024);
    }

    /** Many counties under one province, for the page-size limits. */
    static Report counties(int n) {
        TestData t = TestData.create().entity("980000", "大省", EntityKind.PROVINCE, null, null);
        for (int i = 0; i < n; i++) {
            String code = String.format("98%04d", i);
            t.entity(code, "第" + i + "县", EntityKind.COUNTY, "980000", null)
                    .metric(code, 2023, "一般公共预算教育支出", "100", "万元")
                    .metric(code, 2024, "一般公共预算教育支出", i % 3 == 0 ? "90" : "110", "万元");
        }
        return of(t.build(), 2024);
    }

    /**
     * A run shaped like a national one, built without rules: a province with {@code cities} cities of
     * {@code counties} counties of {@code schools} schools each, every entity with a verdict for each
     * of nine indicators, in report order; three in ten fail. Its verdicts are {@link CountingVerdicts}.
     */
    static Report synthetic(int cities, int counties, int schools) {
        TestData t = TestData.create().entity("970000", "合成省", EntityKind.PROVINCE, null, null);
        List<String> order = new ArrayList<>(List.of("970000"));
        for (int c = 1; c <= cities; c++) {
            String city = String.format("97%02d00", c);
            t.entity(city, "第" + c + "市", EntityKind.CITY, "970000", null);
            order.add(city);
            for (int k = 1; k <= counties; k++) {
                String county = String.format("97%02d%02d", c, k);
                t.entity(county, "第" + c + "市第" + k + "县", EntityKind.COUNTY, city, null);
                order.add(county);
                for (int s = 1; s <= schools; s++) {
                    String school = String.format("%s%04d", county, s);
                    t.entity(school, county + "第" + s + "校", EntityKind.SCHOOL, county, "小学");
                    order.add(school);
                }
            }
        }
        Dataset data = t.build();
        List<Indicator> catalogue = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            catalogue.add(new Indicator("SYN-" + i, "合成指标" + i, "县", "threshold", "≥ 1", "合成依据第" + i + "条", null, "syn.drl", "SYN-" + i));
        }
        Status[] statuses = {Status.FAIL, Status.PASS, Status.WARN, Status.FAIL, Status.PASS, Status.INSUFFICIENT_DATA, Status.PASS,
            Status.FAIL, Status.PASS, Status.NOT_APPLICABLE};
        List<Verdict> verdicts = new ArrayList<>();
        int n = 0;
        for (String code : order) {
            Entity e = data.entities().get(code);
            for (Indicator i : catalogue) {
                Status st = statuses[n++ % statuses.length];
                verdicts.add(Verdict.builder(i.id(), e, 2024).name(i.name()).status(st).observed(BigDecimal.valueOf(n), n + " 个")
                        .bound(i.bound()).message(st.label() + "：观测 " + n).source(i.source()).build());
            }
        }
        return withVerdicts(data, catalogue, verdicts);
    }

    /** A report of the given verdicts, as they are, as {@link CountingVerdicts}. */
    static Report withVerdicts(Dataset data, List<Indicator> catalogue, List<Verdict> verdicts) {
        CountingVerdicts counting = new CountingVerdicts(verdicts);
        Evaluation e = new Evaluation(2024, counting, List.of(), List.of(), counting.tally());
        RunInfo run = new RunInfo("dudao", "test", "2026-01-01T00:00:00Z", 2024, data.years(), data.inputs(), "rules", "0".repeat(64),
                catalogue.size());
        return new Report(run, data, catalogue, e, List.of());
    }

    static CountingVerdicts counting(Report r) {
        return (CountingVerdicts) r.verdicts();
    }
}
