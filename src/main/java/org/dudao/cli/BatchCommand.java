package org.dudao.cli;

import org.dudao.api.Dudao;
import org.dudao.api.EvaluationRequest;
import org.dudao.api.ExitCodes;
import org.dudao.api.ReportFormat;
import org.dudao.api.Rules;
import org.dudao.batch.BatchConsole;
import org.dudao.batch.BatchResult;
import org.dudao.batch.BatchRunner;
import org.dudao.batch.BatchSummaryHtml;
import org.dudao.batch.BatchSummaryJson;
import org.dudao.batch.BatchSummaryXlsx;
import org.dudao.batch.Progress;
import org.dudao.engine.SessionLimits;
import org.dudao.history.HistoryException;
import org.dudao.history.HistoryStore;
import org.dudao.model.InputFile;
import org.dudao.report.AtomicFiles;
import org.dudao.report.FileProblems;
import org.dudao.report.Manifest;
import org.dudao.report.RunFolder;
import org.dudao.util.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code dudao batch}: every workbook that came in, grouped into runs by region, with a summary and a history. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"批量核查：按地区把工作簿分组（同一地区的各年度一起），逐组核查，输出每组的报告、批次汇总，并记入结果历史库。",
                "输入和规则都未变化的地区会跳过（--force 强制重新核查）。"},
        footer = {"", "退出码（整个批次）：0 全部达标；1 仅有预警或数据不足；2 至少一项不达标；3 有工作簿无法读取或有地区无法核查、历史库无法使用、参数错误。"})
public final class BatchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RulesOption rules;

    @Mixin WaiverOptions waiverOptions;

    @Mixin LimitOptions limitOptions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "输出目录（默认 ./out）：各地区报告、批次汇总和默认的历史库")
    Path out;

    @Option(names = "--history", paramLabel = "URL",
            description = "结果历史库的 JDBC URL（默认：输出目录下的 SQLite 文件 history.db；也可 jdbc:postgresql://主机:端口/库名）")
    String history;

    @Option(names = "--per-file", description = "每个工作簿单独核查，不按地区合并")
    boolean perFile;

    @Option(names = "--force", description = "输入和规则未变化也重新核查；输出目录中有不属于上一次运行的报告文件时删除它们（默认拒绝写入）")
    boolean force;

    @Option(names = "--quiet", description = "不显示进度和汇总表，只输出问题")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "json",
            description = "各地区报告的格式，逗号分隔：json, json.gz, xlsx, html, docx, all（all 不含 json.gz；默认 json）")
    List<String> formats;

    @Option(names = "--jobs", paramLabel = "N", description = "同时核查的地区数（默认：处理器核数）；内存紧张时调小")
    Integer jobs;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "工作簿文件、目录（查找其中的 .xlsx/.xls/.csv）或通配符（如 'incoming/**/*.xlsx'）")
    List<String> inputs;

    @Override public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintStream stdout = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        List<ReportFormat> asked = FormatOption.parse(formats, err);
        if (asked == null) return ExitCodes.CANNOT_RUN;
        Rules compiled = rules.rules(err);
        if (compiled == null) return ExitCodes.CANNOT_RUN;
        // the waiver files are checked here, with their own message, before any region's evaluation reads them
        if (waiverOptions.read(rules.dir(), err) == null) return ExitCodes.CANNOT_RUN;
        SessionLimits limits = limitOptions.limits(err);
        if (limits == null) return ExitCodes.CANNOT_RUN;
        try {
            RunFolder.prepare(out, force);
        } catch (IOException e) {
            err.println(FileProblems.describe(e));
            return ExitCodes.CANNOT_RUN;
        }
        String url = history != null ? history : HistoryStore.defaultUrl(out);
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Progress progress = quiet ? Progress.none() : System.console() != null ? Progress.bar(err) : Progress.lines(err);
        BatchResult result;
        try (HistoryStore store = HistoryStore.open(url)) {
            EvaluationRequest request = EvaluationRequest.of(List.of()).withWaivers(waiverOptions.files).asOf(waiverOptions.day())
                    .withLimits(limits.time(), limits.insertions());
            result = new BatchRunner(compiled, compiled.location().label(), store,
                    new BatchRunner.Options(inputs, out, asked, perFile, force, n, request), progress).run();
        } catch (HistoryException e) {
            err.println(e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        Path summary = out.resolve("batch-summary.json");
        Path summaryXlsx = out.resolve("batch-summary.xlsx");
        Path summaryHtml = out.resolve("batch-summary.html");
        try (RunFolder.Publication p = RunFolder.begin(out, manifestRun(result, compiled))) {
            AtomicFiles.write(summary, o -> BatchSummaryJson.write(result, o));
            AtomicFiles.write(summaryXlsx, o -> BatchSummaryXlsx.write(result, o));
            AtomicFiles.write(summaryHtml, o -> BatchSummaryHtml.write(result, o));
            p.commit();
        } catch (IOException | UncheckedIOException e) {
            err.println("无法写入批次汇总：" + FileProblems.describe(e));
            return ExitCodes.CANNOT_RUN;
        }
        if (quiet) {
            for (BatchResult.FileProblem p : result.problems()) err.println(p.file() + "：" + p.reason());
            for (BatchResult.RegionResult r : result.regions()) for (String p : r.problems()) err.println("[" + r.key() + "] " + p);
        } else {
            stdout.println(compiled.describe());
            BatchConsole.print(result, stdout);
            stdout.printf("%n批次汇总已写入：%s、%s、%s%n", summary, summaryXlsx, summaryHtml);
        }
        stdout.flush();
        return result.exitCode();
    }

    /** The batch as its folder's manifest names it: the batch summary's run, over every workbook of the batch. */
    private static Manifest.Run manifestRun(BatchResult result, Rules rules) {
        List<InputFile> inputs = result.regions().stream().flatMap(r -> r.inputs().stream()).toList();
        return new Manifest.Run(UUID.randomUUID().toString(), result.finishedAt(), "dudao batch", Dudao.version(), rules.sha256(),
                Sha256.ofInputs(inputs.stream().map(InputFile::sha256).toList()), inputs);
    }
}
