package org.dudao.report;

import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.SourceDocuments;
import org.dudao.load.WorkbookLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no report may show a reader (issue 13): rule syntax ({@code {参数|默认}}, {@code |}), a note
 * that a parameter was not set beside a finding, a folder in a cell reference, the analysts' 未核实
 * notes, or a source given by its bare document number ({@code 002 第五部分第2条}). Every format is
 * searched: each docx paragraph and table cell, each xlsx cell and sheet name, the html's text and
 * its title attributes.
 */
class ReportWordingTest {
    /** {@code /work/x/sample-2024.xlsx 表1 地区!F8} or {@code …/sample-2024.xlsx!表1 地区!F8}: a cell named with its folder. */
    private static final Pattern PATH_IN_CELL = Pattern.compile("[/\\\\][^\\s；、，。：（）]*\\.(?:xlsx|xls|csv)[ !][^；、，。\\n]*?![A-Z]{1,3}[1-9]");
    private static final Pattern UNSET_PARAMETER = Pattern.compile("参数“[^”]*”未设置");

    @Test
    void the_fixture_reports_in_every_format_say_nothing_a_reader_should_not_see() throws IOException {
        assertThat(violations(Reports.golden(), Reports.rules())).isEmpty();
    }

    @Test
    void the_shipped_sample_reports_in_every_format_say_nothing_a_reader_should_not_see() throws IOException, RuleCompileException {
        RuleBase shipped = RuleBase.compile(Path.of("rules"));
        WorkbookLoader.Result r = new WorkbookLoader(shipped.dictionary())
                .load(List.of(Path.of("sample-data/sample-2023.xlsx"), Path.of("sample-data/sample-2024.xlsx")));
        org.dudao.engine.Evaluation e = new org.dudao.engine.Evaluator(shipped, 1).evaluate(r.dataset(), 2024);
        RunInfo run = new RunInfo("dudao", "test", "2026-01-01T00:00:00Z", 2024, r.dataset().years(), r.dataset().inputs(), "rules",
                shipped.hash(), shipped.catalogue().size());
        Report report = new Report(run, r.dataset(), shipped.catalogue(), e, List.of(), ReportContext.of(shipped, r.unreadable()));
        assertThat(violations(report, shipped)).isEmpty();
    }

    @Test
    void the_check_finds_each_kind_of_text_it_looks_for() {
        Set<String> codes = Set.of("002", "000");
        assertThat(find("标准：>= {FUND-03提高额|150} 元", codes)).containsExactly("“{”", "“|”");
        assertThat(find("低于要求（≤ 5%（参数“CLASS-04大班额比例”未设置，取默认值））", codes)).containsExactly("参数未设置");
        assertThat(find("数据来源：sample-data/sample-2024.xlsx 表1 地区!F8", codes)).containsExactly("单元格带路径");
        assertThat(find("/work/x/sample-2024.xlsx!表1 地区!F8", codes)).containsExactly("单元格带路径");
        assertThat(find("依据：“002 第五部分第2条”（未核实原文，界值为参数）", codes)).containsExactly("未核实", "文件代号 002");
        assertThat(find("000 方案一第9条", codes)).containsExactly("文件代号 000");
        // what the reports do write
        assertThat(find("数据来源：sample-2024.xlsx!表1 地区!F8、sample-2023.xlsx!表1 地区!F7。", codes)).isEmpty();
        assertThat(find("二县（990102）：2024年 44000 万元；《××市2022年教育工作要点》第五部分第2条", codes)).isEmpty();
        assertThat(find("src/test/resources/fixture/sample-2024.xlsx", codes)).as("a path in the inputs annex").isEmpty();
        assertThat(find("在园幼儿数 3000 人 / 专任教师数 150 人 = 20 人/人。数据来源：sample-2024.xlsx!表1 地区!M8", codes)).as("a division").isEmpty();
    }

    /** Every forbidden text in every format of a report, as {@code format：kind：text}. */
    static List<String> violations(Report report, RuleBase rules) throws IOException {
        Set<String> codes = codes(report.context().documents());
        ReportView view = new ReportView(report);
        List<String> out = new ArrayList<>();
        collect("docx", ReportText.docx(ReportText.docxBytes(view)), codes, out);
        collect("xlsx", ReportText.xlsx(ReportText.xlsxBytes(report)), codes, out);
        collect("html", ReportText.html(ReportText.html(view)), codes, out);
        return out;
    }

    private static void collect(String format, ReportText.Text text, Set<String> codes, List<String> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (String piece : text.pieces()) {
            for (String kind : find(piece, codes)) {
                if (seen.add(kind + piece)) out.add(format + "：" + kind + "：" + (piece.length() > 160 ? piece.substring(0, 160) + "…" : piece));
            }
        }
    }

    /** The kinds of forbidden text in one piece of report text. */
    static List<String> find(String text, Set<String> codes) {
        List<String> kinds = new ArrayList<>();
        if (text.contains("{")) kinds.add("“{”");
        if (text.contains("|")) kinds.add("“|”");
        if (UNSET_PARAMETER.matcher(text).find()) kinds.add("参数未设置");
        if (PATH_IN_CELL.matcher(text).find()) kinds.add("单元格带路径");
        if (text.contains("未核实")) kinds.add("未核实");
        for (String code : codes) {
            Matcher m = Pattern.compile("(?<![\\w\\-.〔])" + Pattern.quote(code) + "(?![\\w\\-〕])").matcher(text);
            if (m.find()) kinds.add("文件代号 " + code);
        }
        return kinds;
    }

    /** The documents' codes and, for a family (000-1, 000-2), the family's (000). */
    private static Set<String> codes(SourceDocuments documents) {
        Set<String> out = new LinkedHashSet<>();
        for (SourceDocuments.Document d : documents.all()) {
            out.add(d.code());
            int dash = d.code().lastIndexOf('-');
            if (dash > 0 && d.code().substring(dash + 1).chars().allMatch(Character::isDigit) && d.code().substring(0, dash).chars().allMatch(Character::isDigit)) {
                out.add(d.code().substring(0, dash));
            }
        }
        return out;
    }
}
