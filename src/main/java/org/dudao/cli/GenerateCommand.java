package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.synthetic.NationalDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code dudao generate}: a synthetic national data set for scale tests and benchmarks. Hidden from
 * the help a field team sees; documented in docs/performance.md.
 */
@Command(name = "generate", hidden = true, mixinStandardHelpOptions = true,
        description = "生成合成的全国数据（31 个省的工作簿），用于规模测试和基准测试。")
public final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出目录")
    Path out;

    @Option(names = "--scale", defaultValue = "1.0", description = "规模：1 约为 2900 个县、20 万所学校、400 万个班级（默认 1）")
    double scale;

    @Option(names = "--seed", defaultValue = "20241", description = "随机种子（默认 20241）")
    long seed;

    @Option(names = "--year", defaultValue = "2024", description = "最后一个年度（共三年，默认 2024）")
    int year;

    @Option(names = "--one-workbook", paramLabel = "N", description = "改为生成一个含 N 个县的工作簿（每县 10 所学校、333 个班级），文件名 one-N.xlsx")
    Integer oneWorkbook;

    @Option(names = "--nation", description = "另生成全国一级（代码 000000）：各省的上级为全国，全国的数据单独放在 nation.xlsx 中；不能与 --one-workbook 同用")
    boolean nation;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (nation && oneWorkbook != null) {
            spec.commandLine().getErr().println("dudao generate：--nation 只用于 31 个省的工作簿，不能与 --one-workbook 同用");
            return ExitCodes.CANNOT_RUN;
        }
        long start = System.nanoTime();
        NationalDataGenerator g = new NationalDataGenerator(seed, scale, year);
        if (nation) g = g.withNation();
        NationalDataGenerator.Summary s = oneWorkbook == null ? g.write(this.out)
                : g.writeOneWorkbook(this.out.resolve("one-" + oneWorkbook + ".xlsx"), oneWorkbook, 10, 333);
        out.printf("已生成 %d 个工作簿：%d 个县、%d 所学校、%d 个班级，用时 %.1f 秒（%s）%n", s.files().size(), s.counties(), s.schools(),
                s.classes(), (System.nanoTime() - start) / 1e9, this.out);
        out.flush();
        return 0;
    }
}
