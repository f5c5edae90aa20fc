package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.engine.RuleBase;
import org.dudao.engine.Waivers;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.report.TerminalText;
import org.dudao.ruletest.RuleTests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code dudao rules test}: the fixtures under {@code rules/tests/} evaluated against the rules, every
 * expectation that does not hold printed with the verdict's message and evidence, the coverage of the
 * catalogue, a Chinese total, and a last line {@code N passed, M failed} for scripts.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "用 rules/tests/ 下的测试夹具（小工作簿及其“期望结果”）检验规则：逐项比对期望与实际结论，并统计指标覆盖情况。",
        footer = {"", "退出码：0 全部符合且覆盖率达到要求；2 有期望不符，或覆盖率低于 --min-coverage；3 规则无法编译、夹具无法读取或没有夹具。"})
public final class RulesTestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RulesOption rules;

    @Mixin WaiverOptions waiverOptions;

    @Option(names = "--tests", paramLabel = "DIR", description = "测试夹具目录（默认：规则目录下的 tests）")
    Path tests;

    @Option(names = "--min-coverage", paramLabel = "P",
            description = "最低覆盖率（百分比，0–100）：须检验的（指标，状态）组合中已被期望覆盖的比例低于 P 时以退出码 2 结束")
    BigDecimal minCoverage;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage != null && (minCoverage.signum() < 0 || minCoverage.compareTo(BigDecimal.valueOf(100)) > 0)) {
            err.println("--min-coverage 应在 0 到 100 之间，而不是 " + minCoverage.toPlainString());
            return ExitCodes.CANNOT_RUN;
        }
        RuleBase rb = rules.compile(err);
        if (rb == null) return ExitCodes.CANNOT_RUN;
        Waivers waivers = waiverOptions.read(rules.dir(), err);
        if (waivers == null) return ExitCodes.CANNOT_RUN;
        Path dir = tests != null ? tests : rules.dir().resolve(RuleTests.DIR);
        List<Path> fixtures = RuleTests.fixtures(dir);
        if (fixtures.isEmpty()) {
            err.println("没有找到测试夹具：" + dir + " 下没有 .xlsx/.xls 工作簿");
            return ExitCodes.CANNOT_RUN;
        }
        RuleTests.Result result = RuleTests.run(rb, fixtures, waivers, waiverOptions.day());

        out.println("规则测试：" + dir + " 下 " + fixtures.size() + " 个夹具；" + rules.used(rb));
        for (RuleTests.FixtureResult f : result.fixtures()) print(f, out, err);
        printCoverage(result.coverage(), out);
        boolean below = minCoverage != null && !result.coverage().reaches(minCoverage);
        if (below) {
            err.println("覆盖率 " + result.coverage().percent().toPlainString() + "% 低于要求的 " + minCoverage.toPlainString() + "%（--min-coverage）");
        }
        out.println("合计：期望 " + (result.passed() + result.failed()) + " 项，"
                + (result.failed() == 0 ? "全部符合" : "符合 " + result.passed() + " 项，不符 " + result.failed() + " 项")
                + (result.anyUnreadable() ? "，有夹具无法使用" : result.failed() > 0 || below ? "，规则测试未通过" : "，规则测试通过"));
        out.println(result.passed() + " passed, " + result.failed() + " failed");
        out.flush();
        err.flush();
        if (result.anyUnreadable()) return ExitCodes.CANNOT_RUN;
        return result.failed() > 0 || below ? ExitCodes.FAILED : ExitCodes.ALL_PASS;
    }

    private static void print(RuleTests.FixtureResult f, PrintWriter out, PrintWriter err) {
        out.println();
        if (f.unreadable() != null) {
            out.println(f.file() + "：无法使用");
            err.println(TerminalText.safe(f.unreadable()));
            return;
        }
        out.println(f.file() + "（评估 " + String.join("、", f.years().stream().map(y -> y + "年").toList()) + "）：" + f.expectations().size()
                + " 项期望，符合 " + f.passed().size() + (f.mismatches().isEmpty() ? "" : "，不符 " + f.mismatches().size()));
        for (RuleTests.Mismatch m : f.mismatches()) {
            var e = m.expected();
            out.println("  不符：" + e.indicator() + " 单位 " + e.entity() + (e.part() == null ? "" : "（" + e.part() + "）")
                    + (e.year() == null ? "" : " " + e.year() + "年") + "（" + e.where() + "）");
            out.println("    期望：" + e.status().label());
            if (m.reason() != null) out.println("    实际：" + TerminalText.safe(m.reason()));
            for (Verdict v : m.actual()) {
                out.println("    实际：" + v.getStatus().label() + (v.getPart() == null ? "" : "（" + v.getPart() + "）") + " — " + TerminalText.safe(v.getMessage()));
                if (v.getBound() != null) out.println("      标准：" + TerminalText.safe(v.getBound())
                        + (v.getBoundOrigin() == null ? "" : "（取自界值表 " + TerminalText.safe(v.getBoundOrigin()) + "）")
                        + (v.getObservedText() == null ? "" : "；观测值：" + TerminalText.safe(v.getObservedText())));
                List<String> cells = cells(v);
                if (!cells.isEmpty()) out.println("      依据：" + TerminalText.safe(String.join("、", cells)));
            }
        }
        if (!f.mismatches().isEmpty() && !f.dataErrors().isEmpty()) {
            out.println("  夹具数据中的错误（可能是不符的原因）：");
            for (String p : f.dataErrors().subList(0, Math.min(10, f.dataErrors().size()))) out.println("    " + TerminalText.safe(p));
        }
    }

    /** The cells a verdict's numbers came from, as sheet!cell (the file is the fixture), at most 12. */
    private static List<String> cells(Verdict v) {
        Set<String> refs = new LinkedHashSet<>();
        for (Metric m : v.getEvidence()) if (m.getOrigin() != null) refs.add(m.getOrigin().ref() + "（" + m.getKey() + " " + m.display() + "）");
        List<String> all = new ArrayList<>(refs);
        if (all.size() <= 12) return all;
        List<String> some = new ArrayList<>(all.subList(0, 12));
        some.add("等 " + all.size() + " 个单元格");
        return some;
    }

    private static void printCoverage(RuleTests.Coverage c, PrintWriter out) {
        out.println();
        out.println("覆盖情况：有测试的指标 " + c.withFixture() + "/" + c.rows().size() + "；须检验的（指标，状态）组合 " + c.required()
                + " 个，已覆盖 " + c.exercised() + " 个，覆盖率 " + c.percent().toPlainString() + "%");
        List<String> none = c.rows().stream().filter(r -> !r.hasFixture()).map(r -> r.indicator().id()).toList();
        if (!none.isEmpty()) out.println("  没有任何测试的指标（" + none.size() + "）：" + String.join("、", none));
        for (RuleTests.Coverage.Row r : c.rows()) {
            if (!r.hasFixture() || r.missing().isEmpty()) continue;
            out.println("  " + r.indicator().id() + " 未检验：" + String.join("、", r.missing().stream().map(Status::label).toList()));
        }
    }
}
