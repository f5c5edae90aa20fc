package org.dudao.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in rules unpacked from a jar: the files under dudao-rules/ and nothing else, kept inside the target folder. */
class BuiltInRulesTest {
    @TempDir Path tmp;

    private Path jar(String... namesAndTexts) throws IOException {
        Path jar = tmp.resolve("dudao.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new JarEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void copies_the_rule_files_of_the_jar_with_their_folders_and_leaves_the_rest() throws IOException {
        Path jar = jar("org/dudao/Main.class", "x", "dudao-rules/", "", "dudao-rules/b.drl", "规则 b",
                "dudao-rules/a.drl", "规则 a", "dudao-rules/tests/t.csv", "t", "other/dudao-rules/c.drl", "c");
        Path target = tmp.resolve("out");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(BuiltInRules.copyEntries(file, target))
                    .containsExactly(Path.of("a.drl"), Path.of("b.drl"), Path.of("tests", "t.csv"));
        }
        assertThat(Files.readString(target.resolve("a.drl"))).isEqualTo("规则 a");
        assertThat(Files.readString(target.resolve("tests/t.csv"))).isEqualTo("t");
        assertThat(target.resolve("Main.class")).doesNotExist();
        assertThat(target.resolve("c.drl")).doesNotExist();
    }

    @Test
    void refuses_a_name_that_climbs_out_of_the_folder() throws IOException {
        Path jar = jar("dudao-rules/../escaped.drl", "x");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThatThrownBy(() -> BuiltInRules.copyEntries(file, tmp.resolve("out"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("dudao-rules/../escaped.drl");
        }
        assertThat(tmp.resolve("escaped.drl")).doesNotExist();
    }

    @Test
    void the_built_in_rules_are_found_where_this_build_keeps_them() throws IOException {
        Path target = tmp.resolve("init");
        assertThat(BuiltInRules.copyTo(target)).isNotEmpty();
        assertThat(target.resolve("thresholds.xlsx")).exists();
    }
}
