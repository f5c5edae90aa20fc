package org.dudao.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule files are code: dangerous constructs are refused with file and line unless the rules are trusted. */
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
                assertThat(m.column()).isEqualTo(8);
                assertThat(m.message()).contains("不允许导入 java.io.File");
            });
        });
    }

    @Test
    void calls_to_system_exit_runtime_and_reflection_are_refused_line_by_line() throws IOException {
        write("", "System.exit(1); Runtime.getRuntime().exec(\"rm\"); $e.getClass().getDeclaredFields();");
        assertThatThrownBy(() -> RuleBase.compile(dir, false)).isInstanceOfSatisfying(RuleCompileException.class, e -> {
            assertThat(e.messages()).allSatisfy(m -> assertThat(m.line()).isEqualTo(11));
            assertThat(e.messages()).extracting(RuleMessage::message).anyMatch(s -> s.contains("System"))
                    .anyMatch(s -> s.contains("启动外部程序")).anyMatch(s -> s.contains("反射")).anyMatch(s -> s.contains("类加载"));
        });
    }

    @Test
    void fully_qualified_names_cannot_sneak_past_the_import_check() throws IOException {
        write("", "new java.io.FileOutputStream(\"/tmp/x\");");
        assertThatThrownBy(() -> RuleBase.compile(dir, false)).isInstanceOf(RuleCompileException.class);
    }

    @Test
    void trusted_rules_are_not_checked() throws Exception {
        write("import java.io.File;", "System.getProperty(\"user.home\");");
        assertThat(RuleBase.compile(dir, true).catalogue()).hasSize(1);
    }
}
