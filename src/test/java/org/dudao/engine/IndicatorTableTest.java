package org.dudao.engine;

import org.dudao.ast.Rule;
import org.dudao.ast.RuleFiles;
import org.dudao.model.Indicator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/indicators.md, the table a plan owner confirms, against the shipped rules: one row per indicator,
 * in the section of its rule file, with the rule's 名称, 层级, 类型, 界值 (as written in {@code @bound})
 * and 依据; and every quotation attributed to a seed plan found in that plan.
 */
class IndicatorTableTest {
    static final Path TABLE = Path.of("docs", "indicators.md");
    private static final Pattern SECTION = Pattern.compile("^## .*（`rules/([^`]+)`）\\s*$");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
    private static final int COLUMNS = 9;
    /** A quotation attributed to a seed plan: “…”（000 一第9条）; the plan's file is 000_….txt. */
    private static final Pattern QUOTED = Pattern.compile("“([^“”]*)”（(\\d{3}) ");
    private static final Pattern ATTRIBUTED = Pattern.compile("”（(\\d{3}) ");
    private static final Pattern PLAN_FILE = Pattern.compile("(\\d{3})_.*\\.txt");

    /** A table row: its line in the file, the rule file its section is about, its cells (unescaped). */
    record Row(int line, String section, List<String> cells) {
        String id() { return cells.get(0); }

        String where() { return TABLE + " line " + line + " (" + id() + ")"; }
    }

    @Test
    void every_shipped_indicator_has_one_row_that_matches_its_rule() throws IOException {
        List<String> problems = compare(rows(Files.readAllLines(TABLE, StandardCharsets.UTF_8)), Rules.shipped().catalogue());
        assertThat(problems).as("%s against the shipped rules", TABLE).isEmpty();
    }

    /** README.md's paragraph that links the table says how many indicators the rules ship. */
    @Test
    void the_readme_paragraph_that_links_the_table_counts_the_shipped_indicators() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String paragraph = Stream.of(readme.split("\\n\\s*\\n")).filter(p -> p.contains("](" + TABLE + ")")).findFirst().orElse("");
        Matcher count = Pattern.compile("\\((\\d+) indicators\\b").matcher(paragraph);
        assertThat(count.find()).as("README.md: a paragraph linking %s that says “(N indicators”", TABLE).isTrue();
        assertThat(Integer.parseInt(count.group(1))).as("README.md: the count of indicators in the paragraph linking %s", TABLE)
                .isEqualTo(Rules.shipped().catalogue().size());
    }

    /** What is wrong in the table's rows for the given catalogue, one sentence per problem. */
    static List<String> compare(List<Row> rows, List<Indicator> catalogue) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Row> byId = new LinkedHashMap<>();
        Map<String, Indicator> shipped = new LinkedHashMap<>();
        for (Indicator i : catalogue) shipped.put(i.id(), i);
        for (Row r : rows) {
            if (r.cells().size() != COLUMNS) {
                problems.add(r.where() + ": " + r.cells().size() + " columns, the table has " + COLUMNS + " (escape a | inside a cell as \\|)");
                continue;
            }
            Row earlier = byId.putIfAbsent(r.id(), r);
            if (earlier != null) {
                problems.add(r.where() + ": a second row for " + r.id() + ", the first is on line " + earlier.line());
                continue;
            }
            Indicator i = shipped.get(r.id());
            if (i == null) {
                problems.add(r.where() + ": no shipped rule has the indicator " + r.id());
                continue;
            }
            if (!i.file().equals(r.section())) {
                problems.add(r.where() + ": in the section of rules/" + r.section() + ", but its rule is in rules/" + i.file());
            }
            String bound = r.cells().get(4);
            if (bound.length() > 1 && bound.startsWith("`") && bound.endsWith("`")) bound = bound.substring(1, bound.length() - 1);
            differ(problems, r, "名称", r.cells().get(1), i.name());
            differ(problems, r, "层级", r.cells().get(2), i.level());
            differ(problems, r, "类型", r.cells().get(3), i.pattern());
            differ(problems, r, "界值", bound, declaredBound(i));
            differ(problems, r, "依据", r.cells().get(5), i.source());
            for (int c = 6; c < COLUMNS; c++) {
                if (r.cells().get(c).isBlank()) problems.add(r.where() + ", column " + List.of("原文", "读法", "待确认").get(c - 6) + ": empty (write — when there is nothing)");
            }
        }
        for (Indicator i : catalogue) {
            if (!byId.containsKey(i.id())) problems.add(TABLE + ": no row for " + i.id() + " (" + i.name() + "), in the section of rules/" + i.file());
        }
        return problems;
    }

    private static void differ(List<String> problems, Row r, String column, String inTable, String inRule) {
        if (!inTable.equals(inRule)) {
            problems.add(r.where() + ", column " + column + ": the table says “" + inTable + "”, the rule says “" + inRule + "”");
        }
    }

    /**
     * The bound as its rule writes it in {@code @bound}: the catalogue's bound may come from
     * rules/thresholds.xlsx instead, and the table shows the rule's.
     */
    static String declaredBound(Indicator i) throws IOException {
        Rule rule = RuleFiles.read(Path.of("rules", i.file())).rules().stream().filter(r -> r.name().equals(i.rule())).findFirst().orElse(null);
        assertThat(rule).as("rule “%s” in rules/%s", i.rule(), i.file()).isNotNull();
        assertThat(rule.meta("bound")).as("@bound of rule “%s” in rules/%s", i.rule(), i.file()).isNotNull();
        return rule.meta("bound");
    }

    /** The rows of the tables under each “## …（`rules/x.drl`）” heading; header and rule lines are skipped. */
    static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        String section = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.startsWith("## ")) {
                Matcher s = SECTION.matcher(line);
                section = s.matches() ? s.group(1) : null;
                continue;
            }
            if (section == null || !line.startsWith("|") || line.startsWith("| 编号") || line.matches("\\|[-| :]+\\|")) continue;
            String[] parts = CELL_SEPARATOR.split(line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()), -1);
            rows.add(new Row(n + 1, section, Stream.of(parts).map(c -> c.strip().replace("\\|", "|")).toList()));
        }
        return rows;
    }

    /**
     * Every “quotation” followed by （000 …） … （004 …） is in that seed plan, fragments around “……” in order.
     * The plans are web copies: ASCII punctuation, straight quotes, and in 001 pinyin after some characters
     * (經(jīng)費); the table writes Chinese punctuation, ‘’ inside a quotation, and leaves the pinyin out.
     */
    @Test
    void every_quotation_of_a_seed_plan_is_in_that_plan() throws IOException {
        Path dir = Path.of("..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/seeds is absent: cannot check the quotations of the plans");
        Map<String, String> plans = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = PLAN_FILE.matcher(f.getFileName().toString());
                if (m.matches()) plans.put(m.group(1), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(plans).containsKeys("000", "001", "002", "003", "004");
        String doc = Files.readString(TABLE, StandardCharsets.UTF_8);
        assertThat(QUOTED.matcher(doc).results().count()).as("quotations of the plans in %s", TABLE).isGreaterThan(50);
        assertThat(quotationProblems(doc, plans)).as("quotations of the plans in %s", TABLE).isEmpty();
    }

    static List<String> quotationProblems(String doc, Map<String, String> plans) {
        List<String> problems = new ArrayList<>();
        Matcher q = QUOTED.matcher(doc);
        int found = 0;
        while (q.find()) {
            found++;
            String plan = plans.get(q.group(2));
            String where = TABLE + " line " + (doc.substring(0, q.start()).split("\n", -1).length);
            if (plan == null) {
                problems.add(where + ": “" + q.group(1) + "” is attributed to plan " + q.group(2) + ", which is not in ../shared/seeds");
            } else if (!containsInOrder(plainText(plan), plainText(q.group(1)).split("……"))) {
                problems.add(where + ": “" + q.group(1) + "” is not in plan " + q.group(2) + " as written");
            }
        }
        long attributed = ATTRIBUTED.matcher(doc).results().count();
        if (attributed != found) {
            problems.add(TABLE + ": " + (attributed - found) + " quotations attributed to a plan could not be read: inside a quotation write ‘’, not “”");
        }
        return problems;
    }

    /** The text with punctuation made Chinese, every kind of quotation mark one, no spaces, no pinyin. */
    static String plainText(String s) {
        String t = s.replaceAll("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", "");
        String ascii = ",():;?!", chinese = "，（）：；？！";
        for (int i = 0; i < ascii.length(); i++) t = t.replace(ascii.charAt(i), chinese.charAt(i));
        return t.replaceAll("[“”‘’'\"]", "\"").replaceAll("\\s+", "");
    }

    private static boolean containsInOrder(String text, String[] fragments) {
        int from = 0;
        for (String f : fragments) {
            if (f.isEmpty()) continue;
            int at = text.indexOf(f, from);
            if (at < 0) return false;
            from = at + f.length();
        }
        return true;
    }

    @Test
    void a_quotation_matches_its_plan_despite_punctuation_and_pinyin_but_not_a_changed_word() {
        Map<String, String> plans = Map.of("001", "做好\"平安校園\"創(chuàng)建,實現(xiàn)60%學校達標。推進學生安全");
        assertThat(quotationProblems("| SAFE-01 | “做好‘平安校園’創建，實現60%學校達標”（001 第25条） |", plans)).isEmpty();
        assertThat(quotationProblems("“做好……學校達標”（001 第25条）", plans)).isEmpty();
        assertThat(quotationProblems("“做好‘平安校园’创建，实现60%学校达标”（001 第25条）", plans))
                .containsExactly(TABLE + " line 1: “做好‘平安校园’创建，实现60%学校达标” is not in plan 001 as written");
        assertThat(quotationProblems("“學校達標……做好”（001 第25条）", plans)).hasSize(1);
        assertThat(quotationProblems("\n“做好“平安校園”創建”（001 第25条）", plans))
                .containsExactly(TABLE + ": 1 quotations attributed to a plan could not be read: inside a quotation write ‘’, not “”");
    }

    @Test
    void a_changed_name_a_missing_row_and_an_unknown_row_are_each_reported_with_row_and_column() throws IOException {
        Indicator fund01 = Rules.shipped().catalogue().get(0);
        Indicator fund02 = Rules.shipped().catalogue().get(1);
        String row = "| FUND-01 | 一般公共预算教育支出只增不减（旧名） | " + fund01.level() + " | " + fund01.pattern() + " | `"
                + declaredBound(fund01).replace("|", "\\|") + "` | " + fund01.source() + " | “原文” | 读法 | — |";
        List<String> doc = List.of("## 经费（`rules/" + fund01.file() + "`）", "", "| 编号 | 名称 |", "|---|---|", row,
                "| FUND-99 | 没有的指标 | 县 | threshold | `>= 1` | 依据 | “原文” | 读法 | — |");
        List<String> problems = compare(rows(doc), List.of(fund01, fund02));
        assertThat(problems).containsExactly(
                TABLE + " line 5 (FUND-01), column 名称: the table says “一般公共预算教育支出只增不减（旧名）”, the rule says “" + fund01.name() + "”",
                TABLE + " line 6 (FUND-99): no shipped rule has the indicator FUND-99",
                TABLE + ": no row for FUND-02 (" + fund02.name() + "), in the section of rules/" + fund02.file());
    }

    @Test
    void an_escaped_bar_stays_inside_its_cell_and_a_row_in_the_wrong_section_is_reported() throws IOException {
        Indicator fund03 = Rules.shipped().catalogue().stream().filter(i -> i.id().equals("FUND-03")).findFirst().orElseThrow();
        assertThat(declaredBound(fund03)).contains("|");
        String row = "| FUND-03 | " + fund03.name() + " | " + fund03.level() + " | " + fund03.pattern() + " | `"
                + declaredBound(fund03).replace("|", "\\|") + "` | " + fund03.source() + " | “原文” | 读法 | — |";
        List<Row> rows = rows(List.of("## 教师（`rules/15-teachers.drl`）", row));
        assertThat(rows.get(0).cells()).hasSize(COLUMNS);
        assertThat(compare(rows, List.of(fund03)))
                .containsExactly(TABLE + " line 2 (FUND-03): in the section of rules/15-teachers.drl, but its rule is in rules/" + fund03.file());
    }
}
