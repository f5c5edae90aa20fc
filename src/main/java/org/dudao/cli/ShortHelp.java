package org.dudao.cli;

import java.io.PrintWriter;

/** What {@code dudao} with no command prints: the few commands a person starts with, not every option. */
final class ShortHelp {
    private ShortHelp() {}

    static void print(PrintWriter out) {
        out.println("""
                dudao 督导：按教育规划的指标核查统计数据，生成督导报告。

                用法：dudao 命令 [选项] …
                  dudao evaluate 数据.xlsx …          核查工作簿（也可给文件夹，或 "数据/*.xlsx"），报告写入 ./out
                  dudao explain --indicator 指标 --entity 单位 数据.xlsx …
                                                      解释一项指标对一个单位的结论
                  dudao rules list                    列出全部指标
                  dudao rules init [目录]             复制一份内置规则供修改
                  dudao template --out 模板.xlsx      生成填报模板
                  dudao batch 文件夹 …                批量核查各地区，并记入结果历史库

                全部命令：dudao --help；某个命令的选项：dudao evaluate --help""");
        out.flush();
    }
}
