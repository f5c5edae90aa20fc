package org.dudao.api;

import org.dudao.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the rules come from: --rules, else ./rules, else the installation's rules/, else the rules built into the program. */
class RulesLookupTest {
    @TempDir Path tmp;

    private Path folder(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void the_option_wins_then_the_working_folder_then_the_installation_then_the_built_in_rules() throws Exception {
        Path option = folder("mine");
        Path work = folder("work");
        Path home = folder("dudao-1.0");
        Files.createDirectories(work.resolve("rules"));
        Files.createDirectories(home.resolve("rules"));

        assertThat(RulesLookup.find(option, work, home)).isEqualTo(new RulesLocation(option, RulesLocation.Source.OPTION));
        assertThat(RulesLookup.find(null, work, home)).isEqualTo(new RulesLocation(work.resolve("rules"), RulesLocation.Source.WORKING_FOLDER));
        Path elsewhere = folder("elsewhere");
        assertThat(RulesLookup.find(null, elsewhere, home)).isEqualTo(new RulesLocation(home.resolve("rules"), RulesLocation.Source.INSTALLATION));
        RulesLocation builtIn = RulesLookup.find(null, elsewhere, folder("no-rules-here"));
        assertThat(builtIn.source()).isEqualTo(RulesLocation.Source.BUILT_IN);
        assertThat(builtIn.describe()).startsWith("内置规则 dudao ").contains("只读").contains("dudao rules init");
        assertThat(builtIn.label()).startsWith("内置规则（dudao ");
        // the rules built in are the shipped ones, file for file
        assertThat(contents(builtIn.folder())).isEqualTo(contents(Path.of("rules")));
    }

    @Test
    void a_missing_rules_folder_says_so_with_its_absolute_path_and_the_way_out() throws IOException {
        Path none = tmp.resolve("没有的规则");
        assertThatThrownBy(() -> RulesLookup.find(none, tmp, null)).isInstanceOf(DudaoException.class)
                .hasMessageContaining("找不到规则目录 " + none.toAbsolutePath() + "（--rules 指定）").hasMessageContaining("dudao rules init");
        Path file = Files.writeString(tmp.resolve("rules.txt"), "");
        assertThatThrownBy(() -> RulesLookup.find(file, tmp, null)).hasMessageContaining(file.toAbsolutePath() + " 是一个文件");
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) files.put(dir.relativize(f).toString(), Sha256.of(f));
        }
        return files;
    }
}
