package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.report.AtomicFiles;
import org.dudao.template.TemplateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dudao template}: the workbook a county fills in ({@link TemplateWriter}), for the rules in use, written to {@code --out}. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "生成填报模板（.xlsx）：按规则用到的指标列出各表的列，带单位、说明批注、数据有效性、示例行和填报说明。",
        footer = {"", "退出码：0 已写出；3 规则无法编译、层级或输出文件不对。"})
public final class TemplateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RulesOption rules;

    @Option(names = "--level", paramLabel = "LEVEL", description = "只生成一类表：county（地区表）、school（学校表）或 class（班级表和班额分段表）；默认都生成")
    String level;

    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "输出的模板文件")
    Path out;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        if (level != null && !TemplateWriter.LEVELS.contains(level)) {
            err.println("--level 应为 county、school 或 class，而不是“" + level + "”");
            return ExitCodes.CANNOT_RUN;
        }
        if (!out.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
            err.println("--out 应为 .xlsx 文件：" + out);
            return ExitCodes.CANNOT_RUN;
        }
        RuleBase rb = rules.compile(err);
        if (rb == null) return ExitCodes.CANNOT_RUN;
        List<TemplateWriter.SheetSpec> sheets;
        try {
            sheets = TemplateWriter.sheets(rb, level, err::println);
        } catch (RuleCompileException e) {
            e.messages().forEach(err::println);
            return ExitCodes.CANNOT_RUN;
        }
        AtomicFiles.write(out, stream -> TemplateWriter.write(rb, sheets, stream));
        for (TemplateWriter.SheetSpec s : sheets) o.printf("%s：%d 个指标列%n", s.name(), s.metrics().size());
        o.println(rules.used(rb));
        o.println("模板已写入：" + out);
        o.flush();
        return ExitCodes.ALL_PASS;
    }
}
