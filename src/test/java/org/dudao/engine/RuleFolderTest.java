package org.dudao.engine;

import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The rule folder's files, hash and data are read without compiling (or even parsing) its DRL, each when asked. */
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

    @Test
    void theRulesAreParsedOnceAndGiveEachRulesLine(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.drl"), "package a;\n\n// 说明\nrule \"第一\"\nwhen\nthen\nend\n\n  rule '第二' when then end\n");
        RuleFolder f = RuleFolder.read(dir);
        assertThat(f.parsedYet()).isFalse();
        assertThat(f.ruleLines()).containsOnly(entry(RuleFolder.ruleKey("a.drl", "第一"), 4), entry(RuleFolder.ruleKey("a.drl", "第二"), 9));
        assertThat(f.parsed()).isSameAs(f.parsed());
        assertThat(f.source("a.drl")).startsWith("package a;");
        assertThat(f.source("b.drl")).isNull();
    }

    @Test
    void aRuleWithoutMetadataIsNamedAtTheLineTheParseGives(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.drl"), "package a;\n\nrule \"x\"\n  @id(\"X-1\")\nwhen\nthen\nend\n");
        assertThatThrownBy(() -> RuleBase.compile(dir, true)).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(3);
                    assertThat(m.message()).contains("缺少元数据");
                }));
    }

    @Test
    void thresholdsWaiversAndDocumentsAreReadFromTheFolderWhenAsked(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.drl"), "package a;");
        RuleFolder empty = RuleFolder.read(dir);
        assertThat(empty.thresholds()).isNull();
        assertThat(empty.documents().all()).isEmpty();
        assertThat(empty.waivers(List.of()).all()).isEmpty();

        Workbooks.create().sheet("界值").row("指标", "学段/层级", "界值").row("", "", ">= 1").save(dir.resolve(Thresholds.FILE_NAME));
        write(dir.resolve(SourceDocuments.FILE), "代号,文件名称,发文机关,文号,年份,说明\n002,《要点》,市教育局,,2022,\n");
        String waiver = "指标,单位代码,年度,理由,批准人,有效期至\nKG-01,3501,2024,新建,张三,2025-12-31\n";
        write(dir.resolve(Waivers.FILE_NAME), waiver);
        Path more = dir.resolve("more.csv");
        write(more, waiver.replace("3501", "3502"));
        RuleFolder f = RuleFolder.read(dir);

        assertThatThrownBy(f::thresholds).isInstanceOfSatisfying(RuleCompileException.class, e ->
                assertThat(e.messages()).singleElement().satisfies(m -> assertThat(m.cell()).isEqualTo("界值!A2")));
        assertThat(f.documents().all()).extracting(SourceDocuments.Document::code).containsExactly("002");
        assertThat(f.waivers(List.of()).all()).singleElement().satisfies(w -> assertThat(w.entity()).isEqualTo("3501"));
        assertThat(f.waivers(List.of(more)).all()).extracting(w -> w.entity()).containsExactly("3501", "3502");
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
