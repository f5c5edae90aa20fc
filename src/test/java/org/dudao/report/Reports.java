package org.dudao.report;

import org.dudao.engine.Evaluation;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.EntityKind;
import org.dudao.model.LoadProblem;
import org.dudao.model.SheetTally;
import org.dudao.testing.TestData;

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
        Evaluation e = new Evaluator(rules(), 1).evaluate(data, year);
        RunInfo run = new RunInfo("dudao", "test", "2026-01-01T00:00:00Z", year, data.years(), data.inputs(), "rules",
                rules().hash(), rules().catalogue().size());
        return new Report(run, data, rules().catalogue(), e, new ArrayList<>(e.ruleProblems()));
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
}
