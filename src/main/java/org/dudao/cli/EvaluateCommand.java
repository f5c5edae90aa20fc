package org.dudao.cli;

import org.dudao.engine.Evaluation;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.engine.StreamingEvaluator;
import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.report.ConsoleSummary;
import org.dudao.report.JsonReport;
import org.dudao.report.Report;
import org.dudao.report.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dudao evaluate}: workbooks in, verdicts and reports out. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "核查工作簿中的统计数据，输出控制台摘要和报告。",
        footer = {"", "退出码：0 全部达标；1 仅有预警或数据不足；2 至少一项不达标；3 无法按要求运行（规则无法编译、工作簿无法读取、参数错误）。"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RulesOption rules;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "报告输出目录（默认 ./out）")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "json",
            description = "报告格式，逗号分隔（目前：json）")
    List<String> formats;

    @Option(names = "--year", paramLabel = "YEAR", description = "评估年度（默认：数据中最新的年度）")
    Integer year;

    @Option(names = "--threads", paramLabel = "N", description = "并行评估的线程数（默认：处理器核数）")
    Integer threads;

    @Option(names = "--by-workbook", description = "按工作簿分批读取和评估：每个工作簿须包含其各县（及其学校、班级）的全部数据，"
            + "如一省一个工作簿；内存只需容纳同时处理的几个工作簿，适合全国规模的数据")
    boolean byWorkbook;

    @Parameters(paramLabel = "WORKBOOK", arity = "1..*", description = "统计工作簿（.xlsx/.xls），可给多个（如每年一个）")
    List<Path> workbooks;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintStream stdout = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, java.nio.charset.StandardCharsets.UTF_8);
        Set<String> unknown = new LinkedHashSet<>(formats);
        unknown.removeAll(Set.of("json"));
        if (!unknown.isEmpty()) {
            err.println("不支持的报告格式：" + String.join(",", unknown) + "（目前支持：json）");
            return ExitCodes.CANNOT_RUN;
        }
        RuleBase ruleBase = rules.compile(err);
        if (ruleBase == null) return ExitCodes.CANNOT_RUN;

        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (byWorkbook) return byWorkbook(ruleBase, n, err, stdout);
        WorkbookLoader.Result loaded = new WorkbookLoader(ruleBase.dictionary()).load(workbooks);
        Dataset data = loaded.dataset();
        List<String> runProblems = new ArrayList<>();
        for (WorkbookException e : loaded.unreadable()) {
            err.println("无法读取工作簿 " + e.getFile() + "：" + e.getMessage());
            runProblems.add("无法读取工作簿 " + e.getFile() + "：" + e.getMessage());
        }
        if (data.years().isEmpty()) {
            err.println("所给工作簿中没有可评估的数据（未找到带年度的地区表、学校表或班级表）");
            return ExitCodes.CANNOT_RUN;
        }
        int evalYear = year != null ? year : Evaluator.latestYear(data);
        if (!data.years().contains(evalYear)) {
            err.println("数据中没有 " + evalYear + " 年的数据（有：" + data.years() + "）");
            return ExitCodes.CANNOT_RUN;
        }
        Evaluation evaluation = new Evaluator(ruleBase, n).evaluate(data, evalYear);
        return report(ruleBase, data, evaluation, runProblems, stdout);
    }

    /** {@code --by-workbook}: each workbook loaded, its counties evaluated and its facts released in turn. */
    private int byWorkbook(RuleBase ruleBase, int threads, PrintWriter err, PrintStream stdout) throws IOException {
        StreamingEvaluator.Result r = new StreamingEvaluator(ruleBase, threads).evaluate(workbooks, year);
        List<String> runProblems = new ArrayList<>();
        for (WorkbookException e : r.unreadable()) {
            err.println("无法读取工作簿 " + e.getFile() + "：" + e.getMessage());
            runProblems.add("无法读取工作簿 " + e.getFile() + "：" + e.getMessage());
        }
        if (r.data().years().isEmpty()) {
            err.println("所给工作簿中没有可评估的数据（未找到带年度的地区表、学校表或班级表）");
            return ExitCodes.CANNOT_RUN;
        }
        if (year != null && !r.data().years().contains(year)) {
            err.println("数据中没有 " + year + " 年的数据（有：" + r.data().years() + "）");
            return ExitCodes.CANNOT_RUN;
        }
        for (String p : r.runProblems()) err.println(p);
        runProblems.addAll(r.runProblems());
        return report(ruleBase, r.data(), r.evaluation(), runProblems, stdout);
    }

    private int report(RuleBase ruleBase, Dataset data, Evaluation evaluation, List<String> runProblems, PrintStream stdout)
            throws IOException {
        int evalYear = evaluation.year();
        runProblems.addAll(evaluation.ruleProblems());

        RunInfo run = new RunInfo("dudao", Version.get(), OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                evalYear, data.years(), data.inputs(), rules.dir.toString(), ruleBase.hash(), ruleBase.catalogue().size());
        Report report = new Report(run, data, ruleBase.catalogue(), evaluation, runProblems);
        ConsoleSummary.print(report, stdout);
        Path json = out.resolve("report.json");
        JsonReport.write(report, json);
        stdout.printf("%n报告已写入：%s%n", json);
        stdout.flush();
        return runProblems.isEmpty() ? ExitCodes.of(evaluation.verdicts()) : ExitCodes.CANNOT_RUN;
    }
}
