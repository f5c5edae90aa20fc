package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** picocli's parse errors in Chinese, with the one usage line that matters, and exit code 3. */
class ChineseUsageErrorsTest {
    private static final String S2023 = "sample-data/sample-2023.xlsx";
    private static final String S2024 = "sample-data/sample-2024.xlsx";

    @TempDir Path tmp;

    @Test
    void an_unknown_option_is_named_in_chinese_with_the_short_synopsis_not_the_whole_help() {
        Cli r = Cli.run("evaluate", "--yea", "2024", S2024);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).isEqualTo("""
                dudao evaluate：不认识的选项 --yea（是否是 --year？）
                用法：dudao evaluate [选项] INPUT...
                完整说明：dudao evaluate --help
                """);
    }

    @Test
    void a_missing_option_and_an_option_without_its_value_show_the_option_line() {
        Cli template = Cli.run("template");
        assertThat(template.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(template.err()).startsWith("dudao template：缺少必需的选项 --out=FILE.xlsx\n  --out=FILE.xlsx  输出的模板文件\n")
                .doesNotContain("Missing");
        Cli noValue = Cli.run("evaluate", S2024, "--out");
        assertThat(noValue.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(noValue.err()).startsWith("dudao evaluate：选项 --out 缺少值（DIR）\n  --out=DIR  ");
        Cli noInput = Cli.run("evaluate");
        assertThat(noInput.err()).startsWith("dudao evaluate：缺少必需的参数 INPUT\n用法：dudao evaluate [选项] INPUT...\n");
    }

    @Test
    void a_value_of_the_wrong_type_says_what_was_expected() {
        Cli threads = Cli.run("evaluate", "--threads", "两个", S2024);
        assertThat(threads.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(threads.err()).startsWith("dudao evaluate：选项 --threads 的值“两个”无效：应为整数\n  --threads=N  ").doesNotContain("is not an int");
        Cli date = Cli.run("evaluate", "--as-of", "明天", S2024);
        assertThat(date.err()).contains("选项 --as-of 的值“明天”无效：应为日期，格式如 2025-06-30");
        Cli year = Cli.run("evaluate", "--year", "24", S2024);
        assertThat(year.err()).contains("选项 --year 的值“24”无效：应为四位数的年度，如 2024 或 2024年");
    }

    @Test
    void an_unknown_command_and_a_repeated_option() {
        Cli command = Cli.run("evaluat", S2024);
        assertThat(command.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(command.err()).startsWith("dudao：不认识的命令 evaluat（是否是 evaluate？）；可用的命令：evaluate、batch、")
                .contains("用法：dudao 命令 [选项] …");
        Cli twice = Cli.run("evaluate", "--year", "2023", "--year", "2024", S2024);
        assertThat(twice.err()).startsWith("dudao evaluate：选项 --year 只能给一次\n  --year=YEAR  ");
    }

    @Test
    void no_arguments_print_a_short_help_and_exit_3() {
        Cli r = Cli.run();
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("dudao evaluate 数据.xlsx").contains("dudao rules init").contains("dudao --help");
        assertThat(r.err().lines().count()).isLessThan(15);
    }

    @Test
    void a_year_is_accepted_as_offices_write_it() {
        Cli r = Cli.run("evaluate", "--format", "json", "--out", tmp.toString(), "--year", "2023年", S2023, S2024);
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.WARNINGS, ExitCodes.FAILED);
        assertThat(r.out()).contains("评估年度：2023 年");
        YearConverter years = new YearConverter();
        assertThat(years.convert("2024")).isEqualTo(2024);
        assertThat(years.convert(" 2024 年度")).isEqualTo(2024);
        assertThat(years.convert("２０２４年")).isEqualTo(2024);
        assertThatThrownBy(() -> years.convert("二〇二四")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
