package org.dudao.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule folder's files, hash and data are read without compiling (or even parsing) its DRL. */
class RuleFolderTest {
    @Test
    void readsFilesHashAndParametersOfAFolderWhoseRulesDoNotCompile(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.drl"), "this is not DRL");
        write(dir.resolve(RuleFolder.PARAMS_FILE), "参数名称,参数值,说明\n比例,50,\n");
        RuleFolder f = RuleFolder.read(dir);
        assertThat(f.sources()).containsOnlyKeys(dir.resolve("a.drl"));
        assertThat(f.params()).containsOnlyKeys("比例");
        assertThat(f.dictionary().all()).isEmpty();
        assertThatThrownBy(() -> RuleBase.compile(dir)).isInstanceOf(RuleCompileException.class);
    }

    @Test
    void theHashFollowsTheRulesButNotTheTestFixtures(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.drl"), "package a;");
        String first = RuleFolder.read(dir).hash();
        write(dir.resolve("tests").resolve("a.xlsx"), "fixture");
        assertThat(RuleFolder.read(dir).hash()).isEqualTo(first);
        write(dir.resolve("a.drl"), "package b;");
        assertThat(RuleFolder.read(dir).hash()).isNotEqualTo(first);
    }

    @Test
    void aFolderWithoutRulesIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleFolder.read(dir.resolve("absent"))).isInstanceOf(RuleCompileException.class);
        assertThatThrownBy(() -> RuleFolder.read(dir)).isInstanceOf(RuleCompileException.class);
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
