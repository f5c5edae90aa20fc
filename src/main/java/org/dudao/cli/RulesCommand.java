package org.dudao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dudao.engine.RuleBase;
import org.dudao.model.Indicator;
import org.dudao.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code dudao rules ...}: the analyst's commands on the rule set. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "规则目录相关命令。",
        subcommands = {RulesCommand.ListCommand.class, RulesTestCommand.class})
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
                    out.printf("共 %d 项指标（规则目录 %s）%n", rb.catalogue().size(), rules.dir);
                }
            }
            out.flush();
            return 0;
        }
    }
}
