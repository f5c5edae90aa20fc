package org.dudao.cli;

import org.dudao.api.DudaoException;
import org.dudao.api.Evaluation;
import org.dudao.api.EvaluationRequest;
import org.dudao.api.ExitCodes;
import org.dudao.api.ReportFormat;
import org.dudao.api.Rules;
import org.dudao.engine.SessionLimits;
import org.dudao.report.FileProblems;
import org.dudao.report.RunFolder;
import org.dudao.report.TerminalText;
import org.dudao.report.XlsxWarmUp;
import org.dudao.util.FileNameCharset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@code dudao evaluate}: workbooks in, verdicts and reports out. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "核查工作簿中的统计数据，输出控制台摘要和报告。",
        footer = {"", "退出码：0 全部达标；1 仅有预警或数据不足；2 至少一项不达标；3 无法按要求运行（规则无法编译、工作簿无法读取、参数错误）。"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RulesOption rules;

    @Mixin WaiverOptions waiverOptions;

    @Mixin LimitOptions limitOptions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "报告输出目录（默认 ./out）")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = DEFAULT_FORMATS,
            description = "报告格式，逗号分隔：json, json.gz（gzip 压缩的 report.json）, xlsx, html, docx, all（all 不含 json.gz；默认 " + DEFAULT_FORMATS + "）")
    List<String> formats;

    /** A person reads the html page and the workbook; report.json is the contract other tools read. */
    static final String DEFAULT_FORMATS = "json,xlsx,html";

    @Option(names = "--open", description = "写完后用系统默认程序打开报告（有 html 时打开 html）")
    boolean open;

    @Option(names = "--per-region", description = "每个地区单独输出一份督导报告 docx（默认整次运行一份）")
    boolean perRegion;

    @Option(names = "--force", description = "输出目录中有不属于上一次运行（manifest.json 未列出或已被修改）的报告文件时，删除它们再写入；"
            + "默认拒绝写入，以退出码 3 结束")
    boolean force;

    @Option(names = "--year", paramLabel = "YEAR", converter = YearConverter.class, description = "评估年度，如 2024 或 2024年（默认：数据中最新的年度）")
    Integer year;

    @Option(names = "--threads", paramLabel = "N", description = "并行评估和写 report.json 的线程数（默认：处理器核数）")
    Integer threads;

    @Option(names = "--by-workbook", description = "按工作簿分批读取和评估：每个工作簿须包含其各县（及其学校、班级）的全部数据，"
            + "如一省一个工作簿；内存只需容纳同时处理的几个工作簿，适合全国规模的数据")
    boolean byWorkbook;

    @Option(names = "--progress", description = "在标准错误输出上报告进度：每读完、评估完一个工作簿，每写完一份报告，各一行，附用时")
    boolean progress;

    @Option(names = "--verbose", description = "控制台列出全部指标的各类结论数（默认只列有不达标、豁免或预警的指标）、前 20 条不达标结论和数据问题")
    boolean verbose;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "统计工作簿（.xlsx/.xls/.csv），可给多个（如每年一个）；也可给文件夹（取其中的工作簿，不含子文件夹）"
                    + "或通配符（如 \"数据/*.xlsx\"，\"数据/**/*.xlsx\" 含子文件夹）")
    List<String> inputs;

    @Override public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<ReportFormat> asked = FormatOption.parse(formats, err);
        if (asked == null) return ExitCodes.CANNOT_RUN;
        // POI's classes load on the second core while this one reads the rules and workbooks; the warm-up
        // never outlives the command (an early refusal would leave its temporary file behind)
        XlsxWarmUp warmUp = XlsxWarmUp.startIf(asked.contains(ReportFormat.XLSX));
        try {
            return evaluate(err, asked);
        } finally {
            warmUp.await();
        }
    }

    private int evaluate(PrintWriter err, List<ReportFormat> asked) {
        PrintStream stdout = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        if (perRegion && !asked.contains(ReportFormat.DOCX)) {
            err.println("--per-region 用于 docx 报告：请同时给出 --format docx 或 all");
            return ExitCodes.CANNOT_RUN;
        }
        if (perRegion && !FileNameCharset.fits("督导报告-地区")) {
            // each region's docx is named after the region, in Chinese
            err.println("--per-region 无法写出以地区命名的报告。" + FileNameCharset.hint("督导报告-地区.docx"));
            return ExitCodes.CANNOT_RUN;
        }
        InputFiles found = InputFiles.find(inputs, out);
        if (!found.problems().isEmpty()) {
            for (String p : found.problems()) err.println(TerminalText.safe(p));
            return ExitCodes.CANNOT_RUN;
        }
        List<Path> workbooks = found.files();
        try {
            // before the work: a folder that holds another run's reports is refused now, not after an hour of evaluation
            RunFolder.prepare(out, force);
        } catch (IOException e) {
            err.println(FileProblems.describe(e));
            return ExitCodes.CANNOT_RUN;
        }
        Rules compiled = rules.rules(err);
        if (compiled == null) return ExitCodes.CANNOT_RUN;
        // the waiver files are checked here, with their own message, before the evaluation reads them
        if (waiverOptions.read(rules.dir(), err) == null) return ExitCodes.CANNOT_RUN;
        SessionLimits limits = limitOptions.limits(err);
        if (limits == null) return ExitCodes.CANNOT_RUN;

        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Consumer<String> told = message -> {
            if (!progress) return;
            synchronized (err) { // workbooks finish on the evaluation threads
                err.println(TerminalText.safe(message));
                err.flush();
            }
        };
        EvaluationRequest request = EvaluationRequest.of(workbooks).withYear(year).withThreads(n).byWorkbook(byWorkbook)
                .withWaivers(waiverOptions.files).asOf(waiverOptions.day()).withLimits(limits.time(), limits.insertions())
                .withProgress(told);
        Evaluation evaluation;
        try {
            evaluation = compiled.evaluate(request);
        } catch (DudaoException e) {
            for (DudaoException.Problem p : e.problems()) err.println(TerminalText.safe(p.message()));
            // a message may span lines (what the loader saw in a workbook with no data sheet): each is made safe
            for (String line : e.getMessage().split("\n")) err.println(TerminalText.safe(line));
            return ExitCodes.CANNOT_RUN;
        }
        // the run's problems start with the workbooks that could not be read
        for (String p : evaluation.runProblems()) err.println(TerminalText.safe(p));
        stdout.println(compiled.describe());
        evaluation.printSummary(stdout, verbose);
        YearHints.evaluated(evaluation.year(), evaluation.yearsPresent()).ifPresent(h -> stdout.printf("%n%s%n", h));
        List<Path> written;
        try {
            written = evaluation.write(out, asked, Evaluation.WriteOptions.defaults().withDocxPerRegion(perRegion).withThreads(n)
                    .withProgress(told));
        } catch (DudaoException e) {
            stdout.flush();
            err.println(e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        stdout.printf("%n报告已写入：%s%n", written.stream().map(Path::toString).collect(Collectors.joining("、")));
        Optional<Path> first = ReportOpener.first(written);
        if (first.isPresent()) {
            stdout.println(open ? ReportOpener.open(first.get()) : "请打开：" + first.get().toAbsolutePath());
        }
        stdout.flush();
        return evaluation.exitCode();
    }
}
