package org.dudao.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule files are code: what lies outside the rule language is refused with file and line, before compiling, unless the rules are trusted. */
class RuleGuardTest {
    @TempDir Path dir;

    private static final String HEADER = """
            package t;
            import org.dudao.model.Entity;
            import function org.dudao.engine.Patterns.*;
            """;

    private static final String RULE = """
            rule "X-01"
                @id("X-01") @name("示例") @level("县") @pattern("zero") @bound("= 0") @source("测试：System.exit 只是字符串")
            when
                $e : Entity(level == "县")
            then
                // 注释里提到 java.io.File 不算
                %s
                insert(zero(kcontext, $e, value("义务教育失学辍学人数")));
            end
            """;

    private Path write(String extraImport, String consequenceLine) throws IOException {
        Files.writeString(dir.resolve("x.drl"), HEADER + extraImport + "\n" + RULE.formatted(consequenceLine));
        return dir;
    }

    @Test
    void the_shipped_rules_pass_the_guard() throws Exception {
        RuleBase.compile(Path.of("rules"), false);
    }

    @Test
    void a_plain_rule_with_suspicious_words_only_in_strings_and_comments_passes() throws Exception {
        RuleBase rb = RuleBase.compile(write("", ""), false);
        assertThat(rb.catalogue()).hasSize(1);
    }

    @Test
    void importing_java_io_is_refused_with_file_line_and_column() throws IOException {
        write("import java.io.File;", "");
        assertThatThrownBy(() -> RuleBase.compile(dir, false)).isInstanceOfSatisfying(RuleCompileException.class, e -> {
            assertThat(e.messages()).singleElement().satisfies(m -> {
                assertThat(m.file()).endsWith("x.drl");
                assertThat(m.line()).isEqualTo(4);
                assertThat(m.column()).isEqualTo(1);
                assertThat(m.message()).contains("不允许导入 java.io.File");
            });
        });
    }

    @Test
    void a_call_outside_the_language_is_refused_at_its_line() throws IOException {
        write("", "System.exit(1);");
        assertThatThrownBy(() -> RuleBase.compile(dir, false)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).first().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(11);
                    assertThat(m.message()).contains("System.exit(1)").contains("--trust-rules");
                }));
    }

    @Test
    void a_file_that_does_not_parse_is_refused_with_the_compilers_explanation_and_never_compiled() throws IOException {
        Files.writeString(dir.resolve("x.drl"), HEADER + "rule \"half\"\nwhen\n    $e : Entity(level == )\nthen\nend\n");
        assertThatThrownBy(() -> RuleBase.compile(dir, false)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).first().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(6);
                    assertThat(m.message()).contains("语法错误").contains("原文：");
                }));
    }

    @Test
    void the_vocabulary_comes_from_the_helpers_the_model_and_the_known_metadata_keys() {
        assertThat(RuleGuard.vocabulary().patternFunctions()).contains("threshold", "rollUp", "shareOfChildren");
        assertThat(RuleGuard.vocabulary().valueFunctions()).contains("value", "share", "sum", "firstOf", "perPupil", "meets", "schools")
                .doesNotContain("threshold", "stages");
        assertThat(RuleGuard.vocabulary().sourceFunctions()).containsExactly("stages");
        assertThat(RuleGuard.vocabulary().chainMethods()).containsExactly("called", "times");
        assertThat(RuleGuard.vocabulary().metadataKeys()).containsExactlyInAnyOrderElementsOf(RuleLint.KNOWN_META);
        assertThat(RuleGuard.vocabulary().fields().get(org.dudao.model.Entity.class)).containsKeys("code", "level", "compulsory")
                .doesNotContainKey("class");
    }

    @Test
    void trusted_rules_are_not_checked() throws Exception {
        write("import java.io.File;", "System.getProperty(\"user.home\");");
        assertThat(RuleBase.compile(dir, true).catalogue()).hasSize(1);
    }
}
