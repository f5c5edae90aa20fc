package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.engine.RuleBase;
import org.dudao.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands' use of the rules lookup (the lookup itself: org.dudao.api.RulesLookupTest). */
class RulesLookupTest {
    @TempDir Path tmp;

    @Test
    void a_missing_rules_folder_ends_the_command_with_its_absolute_path() {
        Path none = tmp.resolve("没有的规则");
        Cli r = Cli.run("rules", "list", "--rules", none.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).startsWith("找不到规则目录 " + none.toAbsolutePath()).doesNotContain(":0:0");
        Cli check = Cli.run("rules", "check", "--rules", none.toString());
        assertThat(check.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(check.err()).startsWith("找不到规则目录 " + none.toAbsolutePath());
    }

    @Test
    void a_run_from_another_folder_uses_the_built_in_rules_and_says_which_rules_with_their_hash() throws Exception {
        String shipped = RuleBase.compile(Path.of("rules")).hash();
        Forked r = Forked.run(tmp, Map.of(), List.of(), "rules", "list");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("FUND-01").containsPattern("共 \\d+ 项指标；规则：内置规则 dudao \\S+（程序内置规则，只读")
                .contains("SHA-256 " + shipped.substring(0, 12));
        Cli here = Cli.run("rules", "list");
        assertThat(here.out()).contains("规则：" + Path.of("rules").toAbsolutePath() + "（当前目录下的 rules）；SHA-256 " + shipped.substring(0, 12));
    }

    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Sha256.of(f));
            }
        }
        return files;
    }
}
