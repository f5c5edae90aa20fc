package org.dudao.compile;

import org.dudao.ast.Location;
import org.dudao.ast.RuleFile;
import org.dudao.ast.RuleFiles;
import org.dudao.engine.Expr;
import org.dudao.engine.Patterns;
import org.dudao.engine.RuleLint;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;
import org.dudao.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.runtime.rule.RuleContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list on parsed rules: what the shipped rules and the README's language use passes, everything else is refused with its place. */
class RuleSandboxTest {
    static final Vocabulary VOCABULARY = Vocabulary.of(RuleLint.KNOWN_META,
            Patterns.class, Expr.class, RuleContext.class, List.of(Entity.class, Verdict.class, Metric.class, Param.class),
            (name, known) -> known.stream().filter(k -> k.startsWith(name.substring(0, Math.min(3, name.length())))).toList());

    private static final String HEAD = """
            package t;
            import org.dudao.model.*;
            import java.util.List;
            import function org.dudao.engine.Patterns.*;
            """;

    private static final String RULE = """
            rule "T-01 测试"
                @id("T-01") @name("测试") @level("县") @pattern("threshold") @bound(">= 1") @source("测试")
            when
                %s
            then
                %s
            end
            """;

    static List<Refusal> check(String text) {
        RuleFile f = RuleFiles.parse(Path.of("t.drl"), text);
        assertThat(f.errors()).as("parse errors").isEmpty();
        return RuleSandbox.check(f, VOCABULARY);
    }

    private static List<Refusal> rule(String when, String then) {
        return check(HEAD + RULE.formatted(when, then));
    }

    private static final String E = "$e : Entity(level == \"县\")";
    private static final String INSERT = "insert(threshold(kcontext, $e, value(\"常住人口\")));";

    @Test
    void every_shipped_rule_file_is_within_the_language() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                RuleFile parsed = RuleFiles.read(f);
                assertThat(parsed.rules()).as(f.toString()).isNotEmpty();
                assertThat(RuleSandbox.check(parsed, VOCABULARY)).as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void the_language_of_the_readme_is_accepted() {
        assertThat(rule(E, INSERT)).isEmpty();
        assertThat(rule("$e : Entity(level == \"县\" || level == \"学校\" && compulsory, code != null, !compulsory)", "")).isEmpty();
        assertThat(rule("$e : Entity(level in (\"县\", \"市\"), name not matches \"x.*\", level not in (\"省\"))", INSERT)).isEmpty();
        assertThat(rule(E + "\n    Metric(entityCode == $e.code, key == \"常住人口\", year >= 2020, $v : value)\n    not Verdict(entityCode == $e.code)"
                + "\n    exists Param(name == \"p\")", INSERT)).isEmpty();
        assertThat(rule(E + "\n    $stage : String() from stages()", "insert(dispersion(kcontext, $e, $stage, \"教学仪器设备值\"));")).isEmpty();
        assertThat(rule(E + "\n    $vs : java.util.List() from collect(org.dudao.model.Verdict(indicator matches \"B-[1-7]\", parentCode == $e.code))",
                "// 汇总\n    insert(rollUp(kcontext, $e, $vs)); /* 注释 */")).isEmpty();
        assertThat(rule(E, "insert(noDecrease(kcontext, $e, firstOf(value(\"a\"), ratio(\"b\", \"c\").times(\"10000\", \"元\"))));")).isEmpty();
        assertThat(check(HEAD + RULE.replace("@source(\"测试\")", "@source(\"测试\")\n    salience -10\n    no-loop\n    dialect \"java\"")
                .formatted(E, INSERT))).isEmpty();
    }

    /** What a consequence tries, the consequence, and what the refusal says. */
    static Stream<Arguments> consequences() {
        return Stream.of(
                Arguments.of("new java .io.FileWriter", "insert(threshold(kcontext, $e, value(\"a\"))); new java .io.FileWriter(\"/tmp/x\");", "创建对象"),
                Arguments.of("Formatter", "insert(threshold(kcontext, $e, value(new java.util.Formatter(\"/tmp/x\").toString())));", "创建对象"),
                Arguments.of("MVEL.eval", "insert(threshold(kcontext, $e, org.mvel2.MVEL.eval(\"Runtime.getRuntime()\")));", "关键字“eval”"),
                Arguments.of("MVEL other method", "insert(threshold(kcontext, $e, org.mvel2.MVEL.executeExpression(\"x\")));", "不能调用"),
                Arguments.of("class loader", "insert(threshold(kcontext, $e, value(Entity.class.getClassLoader().toString())));", "关键字“class”"),
                Arguments.of("drools.halt", "drools.halt();", "不能写“drools.halt()”"),
                Arguments.of("System.exit", "System.exit(42);", "不能写“System.exit(42)”"),
                Arguments.of("System and .exit on two lines", "insert(threshold(kcontext, $e, value(\"a\"))); System\n    .exit(42);", "只能有一条语句"),
                Arguments.of("second statement", "insert(threshold(kcontext, $e, value(\"a\"))); insert(zero(kcontext, $e, value(\"b\")));", "只能有一条语句"),
                Arguments.of("unicode escape in a comment", "insert(threshold(kcontext, $e, value(\"a\"))); // \\u000a System.exit(1);", "反斜杠"),
                Arguments.of("text block", "insert(threshold(kcontext, $e, value(\"\"\"\n  a\"\"\").strip()));", "文本块"),
                Arguments.of("kcontext elsewhere", "insert(threshold(kcontext, $e, value(kcontext.getRule().getName())));", "不能调用"),
                Arguments.of("unknown function", "insert(threshold(kcontext, $e, valu(\"a\")));", "不存在的函数“valu”"),
                Arguments.of("unbound variable", "insert(threshold(kcontext, $e, $x));", "没有在条件部分绑定"),
                Arguments.of("not a pattern function", "insert(value(\"a\"));", "“value”不是"),
                Arguments.of("modify", "modify($e) { setName(\"x\") };", "“{”"),
                Arguments.of("char literal", "insert(threshold(kcontext, $e, value('a')));", "双引号"),
                Arguments.of("full-width letters", "insert(threshold(kcontext, $e, value(\"a\"))); Ｓystem.exit(1);", "无法识别的字符"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consequences")
    void consequences_outside_the_grammar_are_refused_at_their_line(String what, String then, String why) {
        List<Refusal> r = rule(E, then);
        assertThat(r).as(what).isNotEmpty();
        assertThat(r.get(0).at().line()).as(what).isBetween(10, 11);
        assertThat(r.get(0).message()).as(what).contains(why).contains("--trust-rules");
    }

    @Test
    void a_slip_on_a_later_line_of_the_consequence_quotes_that_line_not_the_first() {
        List<Refusal> r = rule(E, INSERT + "\n    Thread t = new Thread(() -> {});");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).at().line()).isEqualTo(11);
        assertThat(r.get(0).message()).contains("“=”").contains("（原文：Thread t = new Thread(() -> {});）").doesNotContain("insert(");
    }

    @Test
    void every_mistake_of_a_consequence_is_refused_at_once_each_at_its_line() {
        List<Refusal> r = rule(E, INSERT + "\n    System.exit(3);\n    java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));"
                + "\n    Runtime.getRuntime().exec(\"rm\");");
        assertThat(r).extracting(x -> x.at().line()).containsExactly(11, 12, 13);
        assertThat(r.get(0).message()).contains("只能有一条语句").contains("System.exit(3)");
        assertThat(r.get(1).message()).contains("关键字“delete”");
        assertThat(r.get(2).message()).contains("只能有一条语句").contains("Runtime.getRuntime().exec(\"rm\")");
    }

    @Test
    void an_insert_after_another_statement_is_still_checked() {
        List<Refusal> r = rule(E, "System.exit(3);\n    insert(threshold(kcontext, $e, valu(\"a\")));");
        assertThat(r).extracting(Refusal::message).satisfiesExactly(
                m -> assertThat(m).contains("只能有一条语句").contains("System.exit(3)"),
                m -> assertThat(m).contains("不存在的函数“valu”"));
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("eval", E + "\n    eval(true)", "条件“eval”"),
                Arguments.of("eval in a constraint", "$e : Entity(eval(true))", "关键字“eval”"),
                Arguments.of("MVEL in a constraint", "$e : Entity(level == org.mvel2.MVEL.eval(\"1\"))", "关键字“eval”"),
                Arguments.of("a call in a constraint", "$e : Entity(level == java.lang.System.getProperty(\"x\"))", "只能比较字段"),
                Arguments.of("method on a variable", "$e : Entity()\n    Entity(code == $e.getClass())", "只能比较字段"),
                Arguments.of("trailing statement", "$e : Entity(level == \"县\"; System.exit(1))", ""),
                Arguments.of("from MVEL", "$e : Entity()\n    $s : String() from org.mvel2.MVEL.eval(\"1\")", "关键字“eval”"),
                Arguments.of("from an expression", "$e : Entity()\n    $s : String() from java.lang.System.getenv().keySet()", "from 之后只能是取值函数"),
                Arguments.of("accumulate", "$e : Entity()\n    Number() from accumulate(Entity($c : code), init(int x = 0;), action(x++;), result(x))",
                        "accumulate"),
                Arguments.of("entry point", "$e : Entity() from entry-point \"x\"", "entry-point"),
                Arguments.of("window", "$e : Entity(level == \"县\") over window:length(2)", "window"),
                Arguments.of("unknown type", "$e : Runtime()", "不是可匹配的事实类型"),
                Arguments.of("unknown field", "$e : Entity(leve == \"县\")", "没有字段“leve”"),
                Arguments.of("or", "$e : Entity() or Verdict()", "条件“or”"),
                Arguments.of("positional", "$e : Entity(\"县\")", "只能比较字段"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void conditions_outside_the_grammar_are_refused(String what, String when, String why) {
        List<Refusal> r = rule(when, INSERT);
        assertThat(r).as(what).isNotEmpty();
        assertThat(r.get(0).at().line()).as(what).isBetween(8, 9);
        assertThat(r.get(0).message()).as(what).contains(why);
    }

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of("import java.io", "import java.io.File;", 2, "不允许导入 java.io.File"),
                Arguments.of("import a function", "import function java.lang.System.exit;", 2, "不允许导入函数"),
                Arguments.of("function", "function void f() { System.exit(1); }", 7, "定义函数"),
                Arguments.of("global", "global java.util.List g;", 7, "全局变量"),
                Arguments.of("declare", "declare X a : int end", 7, "声明类型"),
                Arguments.of("query", "query \"q\" $e : Entity() end", 7, "查询"),
                Arguments.of("package dialect", "dialect \"mvel\"", 2, "文件一级"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void file_level_declarations_outside_the_grammar_are_refused(String what, String extra, int line, String why) {
        String text = extra.startsWith("import") || extra.startsWith("dialect")
                ? "package t;\n" + extra + "\n" + HEAD.substring("package t;\n".length()) + RULE.formatted(E, INSERT)
                : HEAD + "\n\n" + extra + "\n" + RULE.formatted(E, INSERT);
        List<Refusal> r = check(text);
        assertThat(r).as(what).extracting(Refusal::message).anySatisfy(m -> assertThat(m).contains(why));
        assertThat(r).as(what).extracting(x -> x.at().line()).contains(line);
    }

    @Test
    void a_rule_on_the_same_line_as_an_import_is_checked_like_any_other() {
        List<Refusal> r = check("package t;\nimport org.dudao.model.Entity; rule \"X\" when $e : Entity() then System.exit(3); end\n");
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.at()).isEqualTo(new Location(2, 65));
            assertThat(x.message()).contains("System.exit(3)");
        });
    }

    @Test
    void attributes_and_metadata_are_limited_to_the_documented_ones() {
        String rule = HEAD + RULE.formatted(E, INSERT);
        assertThat(check(rule.replace("@source(\"测试\")", "@source(\"测试\")\n    dialect \"mvel\""))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("dialect \"mvel\""));
        assertThat(check(rule.replace("@source(\"测试\")", "@source(\"测试\")\n    salience ($e.getName().length())"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("salience 只能是整数"));
        assertThat(check(rule.replace("@source(\"测试\")", "@source(\"测试\")\n    enabled false"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("不允许规则属性“enabled”"));
        assertThat(check(rule.replace("@name(\"测试\")", "@name(java.lang.Runtime.getRuntime().exec(\"x\"))"))).singleElement()
                .satisfies(x -> {
                    assertThat(x.message()).contains("元数据 @name 只能是一个双引号中的文字");
                    assertThat(x.at()).isEqualTo(new Location(6, 17));
                });
        assertThat(check(rule.replace("@source(\"测试\")", "@sorce(\"测试\")"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("未知的元数据 @sorce").contains("source"));
        assertThat(check(rule.replace("@name(\"测试\")", "@name(\"a\" + \"b\")"))).hasSize(1);
    }
}
