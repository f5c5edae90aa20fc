package org.dudao.engine;

import org.dudao.model.EntityKind;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kinds of entity go into a session: those some rule's pattern can match, read from the compiled network. */
class MatchedKindsTest {
    @TempDir Path tmp;

    @Test
    void the_shipped_rules_match_every_kind_but_classes() {
        assertThat(MatchedKinds.of(Rules.shipped().kieBase())).isEqualTo(EnumSet.complementOf(EnumSet.of(EntityKind.CLASS)));
    }

    @Test
    void a_test_excludes_a_level_only_when_each_alternative_requires_another() {
        assertThat(MatchedKinds.excludes("level == \"县\"", "班级")).isTrue();
        assertThat(MatchedKinds.excludes("level == \"班级\"", "班级")).isFalse();
        assertThat(MatchedKinds.excludes("level == \"县\" || (level == \"学校\" && compulsory)", "班级")).isTrue();
        assertThat(MatchedKinds.excludes("level == \"县\" || (level == \"学校\" && compulsory)", "学校")).isFalse();
        assertThat(MatchedKinds.excludes("compulsory && (level == \"县\" || level == \"市\")", "班级")).isTrue();
        assertThat(MatchedKinds.excludes("level == \"县\" || compulsory", "班级")).as("an alternative without a level").isFalse();
        assertThat(MatchedKinds.excludes("name != null", "班级")).isFalse();
        assertThat(MatchedKinds.excludes("level != \"县\"", "班级")).isFalse();
        assertThat(MatchedKinds.excludes("name == \"level == \\\"县\\\"\"", "班级")).as("words inside a string are not a test").isFalse();
        assertThat(MatchedKinds.excludes("(level == \"县\") || (name == \"x\")", "班级")).isFalse();
        assertThat(MatchedKinds.excludes("((level == \"县\"))", "班级")).isTrue();
        assertThat(MatchedKinds.excludes("level == \"县\" || (", "班级")).as("unbalanced").isFalse();
    }

    @Test
    void a_rule_on_classes_gets_them_into_its_sessions() throws Exception {
        Files.copy(Path.of("rules/metrics.csv"), tmp.resolve("metrics.csv"));
        Files.writeString(tmp.resolve("c.drl"), """
                package c;
                import org.dudao.model.Entity;
                import function org.dudao.engine.Patterns.*;

                rule "C-01 班额"
                    @id("C-01") @name("班额不超过45人") @level("班级") @pattern("threshold") @bound("<= 45 人") @source("test")
                when
                    $e : Entity(level == "班级" || level == "县")
                then
                    insert(threshold(kcontext, $e, value("班额")));
                end

                rule "C-02 名称"
                    @id("C-02") @name("学校有名称") @level("学校") @pattern("threshold") @bound(">= 0") @source("test")
                when
                    $e : Entity(name != null, level == "学校")
                then
                    insert(threshold(kcontext, $e, value("在校学生数")));
                end
                """);
        RuleBase rules = RuleBase.compile(tmp);
        assertThat(MatchedKinds.of(rules.kieBase())).as("C-02 tests the name first: every kind").hasSize(EntityKind.values().length);
        Files.writeString(tmp.resolve("c.drl"), Files.readString(tmp.resolve("c.drl")).replace("name != null, level == \"学校\"", "level == \"学校\""));
        RuleBase classes = RuleBase.compile(tmp);
        assertThat(MatchedKinds.of(classes.kieBase())).containsExactlyInAnyOrder(EntityKind.CLASS, EntityKind.COUNTY, EntityKind.SCHOOL);
        var data = TestData.create().county("330102", "一县").present("330102", 2024).school("S", "一小", "330102", "小学").present("S", 2024)
                .schoolClass("S", "一班", 2024, 50).build();
        List<Verdict> verdicts = new Evaluator(classes, 1).evaluate(data, 2024).verdicts();
        assertThat(Rules.status(verdicts, "C-01", "S/一班")).isEqualTo(Status.FAIL);
    }
}
