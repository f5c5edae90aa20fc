package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.history.Changes;
import org.dudao.history.HistoryException;
import org.dudao.history.HistoryStore;
import org.dudao.history.StoredRun;
import org.dudao.history.StoredVerdict;
import org.dudao.model.InputFile;
import org.dudao.model.Status;
import org.dudao.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code dudao history ...}: look back at the runs a batch recorded. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "查看结果历史库中的批量核查记录。",
        subcommands = {HistoryCommand.ListCommand.class, HistoryCommand.ShowCommand.class, HistoryCommand.DiffCommand.class})
public final class HistoryCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the history is: {@code --history URL}, or the SQLite file in {@code --out}. */
    static class Location {
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "批量核查的输出目录（默认 ./out），其中的 history.db")
        Path out;

        @Option(names = "--history", paramLabel = "URL", description = "结果历史库的 JDBC URL（默认：输出目录下的 history.db）")
        String history;

        /** Opens the history, or prints why not and returns null; a missing default file is not created. */
        HistoryStore open(PrintWriter err) {
            if (history == null && !Files.isRegularFile(out.resolve(HistoryStore.DEFAULT_FILE))) {
                err.println("未找到结果历史库：" + out.resolve(HistoryStore.DEFAULT_FILE) + "（先运行 dudao batch，或用 --out/--history 指定）");
                return null;
            }
            try {
                return HistoryStore.open(history != null ? history : HistoryStore.defaultUrl(out));
            } catch (HistoryException e) {
                err.println(e.getMessage());
                return null;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出最近的运行（最新的在前）。")
    public static final class ListCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @picocli.CommandLine.Mixin Location location;

        @Option(names = "--region", paramLabel = "KEY", description = "只列出这一地区（地区代码）的运行")
        String region;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "最多列出多少次运行（默认 50）")
        int limit;

        @Override public Integer call() throws HistoryException {
            PrintWriter out = spec.commandLine().getOut();
            try (HistoryStore store = location.open(spec.commandLine().getErr())) {
                if (store == null) return ExitCodes.CANNOT_RUN;
                List<StoredRun> runs = store.runs(limit, region);
                TextTable t = new TextTable("运行", "批次", "时间（UTC）", "地区", "名称", "年度", "结果", "达标", "不达标", "预警", "数据不足", "不适用",
                        "已豁免").alignRight(0, 1, 5, 7, 8, 9, 10, 11, 12);
                for (StoredRun r : runs) {
                    t.row("#" + r.id(), "#" + r.batchId(), r.startedAt(), r.regionKey(), r.regionName(), r.year(),
                            r.evaluated() ? exitLabel(r.exitCode()) : "无法核查", r.pass(), r.fail(), r.warn(), r.insufficient(), r.notApplicable(),
                            r.waived());
                }
                out.print(t.render());
                out.printf("共 %d 次运行%n", runs.size());
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示一次运行：输入文件及其哈希、规则哈希、各状态数量和不达标项。")
    public static final class ShowCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @picocli.CommandLine.Mixin Location location;

        @Parameters(paramLabel = "RUN", description = "运行编号（见 history list）")
        long runId;

        @Option(names = "--all", description = "列出全部结论，而不只是不达标项")
        boolean all;

        @Override public Integer call() throws HistoryException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (HistoryStore store = location.open(err)) {
                if (store == null) return ExitCodes.CANNOT_RUN;
                Optional<StoredRun> found = store.run(runId);
                if (found.isEmpty()) {
                    err.println("没有第 " + runId + " 次运行");
                    return ExitCodes.CANNOT_RUN;
                }
                StoredRun r = found.get();
                out.printf("运行 #%d（批次 #%d）：%s %s%n", r.id(), r.batchId(), r.regionKey(), r.regionName() == null ? "" : r.regionName());
                out.printf("时间：%s；评估年度：%s；数据中的年度：%s%n", r.startedAt(), r.year() == null ? "—" : r.year(),
                        r.yearsPresent() == null ? "—" : r.yearsPresent());
                out.printf("结果：%s；达标 %d，不达标 %d，预警 %d，数据不足 %d，不适用 %d，已豁免 %d%n",
                        r.evaluated() ? exitLabel(r.exitCode()) : "无法核查", r.pass(), r.fail(), r.warn(), r.insufficient(), r.notApplicable(),
                        r.waived());
                out.printf("规则哈希：%s%n报告目录：%s（格式 %s）%n%n", r.rulesSha256(), r.outDir(), r.formats());
                TextTable in = new TextTable("输入文件", "SHA-256", "字节").alignRight(2);
                for (InputFile i : store.inputs(r.id())) in.row(i.path(), i.sha256(), i.bytes());
                out.print(in.render());
                List<StoredVerdict> verdicts = store.verdicts(r.id()).stream()
                        .filter(v -> all || v.status() == Status.FAIL || v.status() == Status.WAIVED).toList();
                if (!verdicts.isEmpty()) {
                    out.printf("%n%s（%d 项）：%n", all ? "全部结论" : "不达标和已豁免", verdicts.size());
                    TextTable t = new TextTable("指标", "名称", "对象", "对象名称", "年度", "结论", "观测值", "说明");
                    for (StoredVerdict v : verdicts) {
                        t.row(v.indicator(), v.name(), v.entityCode(), v.subject(), v.year(), v.status().label(),
                                v.observedText() != null ? v.observedText() : v.observed() == null ? "—" : v.observed().toPlainString(), v.message());
                    }
                    out.print(t.render());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "比较两次运行：新增不达标、已整改、原不达标而现在无法判断的项目。")
    public static final class DiffCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @picocli.CommandLine.Mixin Location location;

        @Parameters(index = "0", paramLabel = "RUN1", description = "较早的运行编号")
        long before;

        @Parameters(index = "1", paramLabel = "RUN2", description = "较晚的运行编号")
        long after;

        @Override public Integer call() throws HistoryException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (HistoryStore store = location.open(err)) {
                if (store == null) return ExitCodes.CANNOT_RUN;
                for (long id : new long[]{before, after}) {
                    if (store.run(id).isEmpty()) {
                        err.println("没有第 " + id + " 次运行");
                        return ExitCodes.CANNOT_RUN;
                    }
                }
                StoredRun a = store.run(before).orElseThrow();
                StoredRun b = store.run(after).orElseThrow();
                if (!a.regionKey().equals(b.regionKey())) {
                    // Verdicts of two regions have no finding in common: a diff would call everything new and everything gone.
                    err.printf("无法比较：第 %d 次运行是 %s，第 %d 次运行是 %s，两者不是同一地区。请比较同一地区的两次运行（见 history list --region %s）%n",
                            before, regionLabel(a), after, regionLabel(b), b.regionKey());
                    return ExitCodes.CANNOT_RUN;
                }
                Changes c = Changes.between(before, store.verdicts(before), store.verdicts(after));
                out.printf("运行 #%d（%s 年）→ #%d（%s 年），地区 %s%n", before, a.year(), after, b.year(), b.regionKey());
                out.printf("不达标：%d → %d；已豁免：%d → %d；新增不达标 %d 项，已整改 %d 项，新增豁免 %d 项，原不达标、现无法判断 %d 项%n",
                        a.fail(), b.fail(), a.waived(), b.waived(), c.newFailures().size(), c.fixed().size(), c.waived().size(),
                        c.unconfirmed().size());
                table(out, "新增不达标", c.newFailures());
                table(out, "已整改", c.fixed());
                table(out, "新增豁免", c.waived());
                table(out, "原不达标、现无法判断", c.unconfirmed());
                out.flush();
                return 0;
            }
        }

        private static void table(PrintWriter out, String title, List<Changes.Change> changes) {
            if (changes.isEmpty()) return;
            out.printf("%n%s：%n", title);
            TextTable t = new TextTable("指标", "名称", "对象", "对象名称", "之前", "之前观测值", "现在", "现在观测值");
            for (Changes.Change ch : changes) {
                StoredVerdict v = ch.any();
                t.row(v.indicator(), v.name(), v.entityCode(), v.subject(),
                        ch.before() == null ? "—" : ch.before().year() + "年 " + ch.before().status().label(), observed(ch.before()),
                        ch.now() == null ? "—" : ch.now().year() + "年 " + ch.now().status().label(), observed(ch.now()));
            }
            out.print(t.render());
        }

        private static String observed(StoredVerdict v) {
            if (v == null) return "—";
            if (v.observedText() != null) return v.observedText();
            return v.observed() == null ? "—" : v.observed().toPlainString();
        }
    }

    private static String regionLabel(StoredRun r) {
        return r.regionName() == null || r.regionName().equals(r.regionKey()) ? r.regionKey() : r.regionName() + "（" + r.regionKey() + "）";
    }

    static String exitLabel(int code) {
        return switch (code) {
            case ExitCodes.ALL_PASS -> "全部达标";
            case ExitCodes.WARNINGS -> "有预警或数据不足";
            case ExitCodes.FAILED -> "有不达标";
            default -> "有问题";
        };
    }
}
