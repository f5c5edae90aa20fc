package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule files written as an attacker would, each added to a copy of the shipped rules: without
 * --trust-rules, {@code evaluate} and {@code rules check} (whose lint evaluates the rules) both refuse
 * them with exit 3 and the file and line, and the code in them never runs (its marker file is never created).
 */
class HostileRulesCliTest {
    @TempDir Path tmp;

    private static final String HEAD = "package hostile;\nimport org.dudao.model.Entity;\nimport function org.dudao.engine.Patterns.*;\n\n";
    private static final String META = "    @id(\"H-01\") @name(\"h\") @level(\"县\") @pattern(\"zero\") @bound(\"= 0\") @source(\"测试\")\n";
    private static final String INSERT = "    insert(zero(kcontext, $e, value(\"义务教育失学辍学人数\")));\n";

    /** A rule whose consequence starts with {@code payload} on line 10. */
    private static String then(String payload) {
        return HEAD + "rule \"H-01 测试\"\n" + META + "when\n    $e : Entity(level == \"县\")\nthen\n    " + payload + "\n" + INSERT + "end\n";
    }

    /** A rule with {@code extra} as its second condition, on line 9. */
    private static String when(String extra) {
        return HEAD + "rule \"H-01 测试\"\n" + META + "when\n    $e : Entity(level == \"县\")\n    " + extra + "\nthen\n" + INSERT + "end\n";
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("new java .io.FileWriter", then("new java .io.FileWriter(\"MARKER\").close();"), 10),
                Arguments.of("new java.util.Formatter", then("new java.util.Formatter(\"MARKER\").close();"), 10),
                Arguments.of("MVEL.eval in a consequence", then("org.mvel2.MVEL.eval(\"new java.io.File('MARKER').createNewFile()\");"), 10),
                Arguments.of("a rule on the line of an import", "package hostile;\nimport org.dudao.model.Entity; rule \"H-04\" when $e : Entity() "
                        + "then new java.io.File(\"MARKER\").createNewFile(); end\n", 2),
                Arguments.of("code after a text block", then("String s = \"\"\"\n        x\"\"\"; new java.io.File(\"MARKER\").createNewFile();"), 10),
                Arguments.of("reflection through a class loader", then("Object rt = Entity.class.getClassLoader().loadClass(\"java.lang.Runtime\")"
                        + ".getMethod(\"getRuntime\").invoke(null); rt.getClass().getMethod(\"exec\", String.class).invoke(rt, \"touch MARKER\");"), 10),
                Arguments.of("dialect mvel", HEAD + "rule \"H-01 测试\"\n" + META + "    dialect \"mvel\"\nwhen\n    $e : Entity(level == \"县\")\nthen\n"
                        + "    new java.io.File(\"MARKER\").createNewFile();\n" + INSERT + "end\n", 7),
                Arguments.of("from MVEL.eval", when("$s : String() from org.mvel2.MVEL.eval(\"new java.io.File('MARKER').createNewFile() ? 'a' : 'b'\")"), 9),
                Arguments.of("System and .exit on two lines", then("System\n        .exit(42);"), 10),
                Arguments.of("drools.halt()", then("drools.halt();"), 10),
                Arguments.of("eval in a condition", when("eval(new java.io.File(\"MARKER\").createNewFile())"), 9),
                Arguments.of("MVEL in a constraint", HEAD + "rule \"H-01 测试\"\n" + META + "when\n"
                        + "    $e : Entity(level == org.mvel2.MVEL.eval(\"new java.io.File('MARKER').createNewFile() ? '县' : '市'\"))\nthen\n" + INSERT + "end\n", 8),
                Arguments.of("accumulate code", when("Number() from accumulate(Entity(), init(java.io.File f = new java.io.File(\"MARKER\");), "
                        + "action(f.createNewFile();), result(1))"), 9),
                Arguments.of("metadata evaluated when compiling", then("").replace("@name(\"h\")", "@name(new java.io.File(\"MARKER\").createNewFile())"), 6),
                Arguments.of("salience evaluated when compiling", HEAD + "rule \"H-01 测试\"\n" + META
                        + "    salience (new java.io.File(\"MARKER\").createNewFile() ? 1 : 0)\nwhen\n    $e : Entity(level == \"县\")\nthen\n" + INSERT + "end\n", 7),
                Arguments.of("a function", HEAD + "function boolean touch() { return new java.io.File(\"MARKER\").createNewFile(); }\n"
                        + then("touch();").substring(HEAD.length()), 5),
                Arguments.of("a unicode escape ending a comment", then("// \\u000a new java.io.File(\"MARKER\").createNewFile();"), 10),
                Arguments.of("import java.io", "package hostile;\nimport java.io.File;\n" + then("new File(\"MARKER\").createNewFile();").substring("package hostile;\n".length()), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refused_by_evaluate_and_rules_check_before_anything_runs(String what, String drl, int line) throws IOException {
        Path rules = copyOfTheShippedRules();
        Path marker = tmp.resolve("marker");
        Files.writeString(rules.resolve("99-hostile.drl"), drl.replace("MARKER", marker.toString()), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        Cli evaluate = Cli.run("evaluate", "--rules", rules.toString(), "--out", out.toString(), "sample-data/sample-2024.xlsx");
        Cli check = Cli.run("rules", "check", "--rules", rules.toString());
        for (Cli r : new Cli[]{evaluate, check}) {
            assertThat(r.exit()).as(what + "\n" + r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
            assertThat(r.err()).as(what).contains("99-hostile.drl:" + line + ":").doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(marker).as(what).doesNotExist();
        assertThat(out.resolve("report.json")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("live")
    void the_same_code_does_run_when_the_rules_are_trusted(String what, String drl) throws IOException {
        // proof that the cases above are live code, refused for what they are and not for a typo
        Path rules = Files.createDirectories(tmp.resolve("trusted"));
        Files.copy(Path.of("rules/metrics.csv"), rules.resolve("metrics.csv"));
        Path marker = tmp.resolve("marker");
        Files.writeString(rules.resolve("99-hostile.drl"), drl.replace("MARKER", marker.toString()), StandardCharsets.UTF_8);
        Cli.run("rules", "check", "--trust-rules", "--rules", rules.toString());
        assertThat(marker).as(what).exists();
    }

    static Stream<Arguments> live() {
        return hostile().filter(a -> Set.of("new java.util.Formatter", "metadata evaluated when compiling", "from MVEL.eval")
                .contains((String) a.get()[0])).map(a -> Arguments.of(a.get()[0], a.get()[1]));
    }

    private Path copyOfTheShippedRules() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, rules.resolve(f.getFileName()));
        }
        return rules;
    }
}
