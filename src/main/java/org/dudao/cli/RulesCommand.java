package org.dudao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dudao.api.ExitCodes;
import org.dudao.api.RulesLocation;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleLint;
import org.dudao.engine.RuleMessage;
import org.dudao.model.Indicator;
import org.dudao.report.TextTable;
import org.dudao.util.Phases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code dudao rules ...}: the analyst's commands on the rule set. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "规则目录相关命令。",
        subcommands = {RulesCommand.ListCommand.class, RulesCommand.CheckCommand.class, RulesTestCommand.class,
                RulesInitCommand.class})
public final class RulesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dudao rules list}: the indicator catalogue, from the rules' metadata. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出指标目录（编号、名称、层级、类型、界值、依据）。")
    public static final class ListCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin RulesOption rules;

        @Option(names = "--format", defaultValue = "table", description = "输出格式：table、json 或 csv（默认 table）")
        String format;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("table") && !format.equals("json") && !format.equals("csv")) {
                err.println("不支持的格式：" + format + "（应为 table、json 或 csv）");
                return ExitCodes.CANNOT_RUN;
            }
            RuleBase rb = rules.compile(err);
            if (rb == null) return ExitCodes.CANNOT_RUN;
            switch (format) {
                case "json" -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(rb.catalogue()));
                case "csv" -> {
                    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                        p.printRecord("id", "name", "level", "pattern", "bound", "source", "warn", "file");
                        for (Indicator i : rb.catalogue()) {
                            p.printRecord(i.id(), i.name(), i.level(), i.pattern(), i.bound(), i.source(), i.warn(), i.file());
                        }
                    }
                }
                default -> {
                    TextTable t = new TextTable("编号", "名称", "层级", "类型", "界值", "依据");
                    for (Indicator i : rb.catalogue()) t.row(i.id(), i.name(), i.level(), i.pattern(), i.bound(), i.source());
                    out.print(t.render());
                    out.printf("共 %d 项指标；%s%n", rb.catalogue().size(), rules.used(rb));
                }
            }
            out.flush();
            Phases.mark("catalogue printed");
            return 0;
        }
    }

    /** {@code dudao rules check}: compile errors (exit 3) and lints (warnings; exit 1 under --strict). */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "检查规则目录：编译全部规则，并检查指标名、编号、元数据、缺数据时的结论和参数。",
            footer = {"", "退出码：0 没有问题（不加 --strict 时，只有警告也为 0）；1 加了 --strict 且有警告；3 规则无法编译。"})
    public static final class CheckCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin RulesOption rules;

        @Option(names = "--strict", description = "有警告时以退出码 1 结束（用于提交前检查或持续集成）")
        boolean strict;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RulesLocation found = rules.find(err);
            if (found == null) return ExitCodes.CANNOT_RUN;
            RuleLint.Result r = RuleLint.check(found.folder(), rules.trusted);
            if (!r.compiled()) {
                err.println("规则无法编译（" + r.errors().size() + " 个错误）：");
                for (RuleMessage m : r.errors()) err.println(m);
                err.flush();
                return ExitCodes.CANNOT_RUN;
            }
            for (RuleLint.Finding f : r.findings()) out.println(f);
            out.printf("规则目录 %s：%d 条规则、%d 项指标编译通过；%s%n", found.describe(), r.rules(), r.indicators(),
                    r.findings().isEmpty() ? "没有发现问题" : r.findings().size() + " 个警告" + (strict ? "（--strict：按失败处理）" : ""));
            out.flush();
            return strict && !r.findings().isEmpty() ? ExitCodes.WARNINGS : ExitCodes.ALL_PASS;
        }
    }
}
