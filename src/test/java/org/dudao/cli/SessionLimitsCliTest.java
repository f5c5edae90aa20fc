package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that halts its session, inserts without end, loops through the agenda or never returns from
 * its consequence ends the run with exit 3 and its name, never a run that hangs or a report with
 * verdicts missing. Trusted rules can do all four; rules within the sandbox's language can still insert
 * without end (a rule matching the verdicts it inserts), so the limits hold with or without --trust-rules.
 */
class SessionLimitsCliTest {
    @TempDir Path tmp;

    private static final String HEAD = "package limits;\nimport org.dudao.model.*;\nimport function org.dudao.engine.Patterns.*;\n\n";
    private static final String GOOD = """
            rule "G-01 测试"
                @id("G-01") @name("g") @level("县") @pattern("zero") @bound("= 0") @source("测试")
            when
                $e : Entity(level == "县")
            then
                insert(zero(kcontext, $e, value("义务教育失学辍学人数")));
            end
            """;

    private Cli evaluate(String rules, String... options) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.copy(Path.of("rules/metrics.csv"), dir.resolve("metrics.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("limits.drl"), HEAD + GOOD + rules, StandardCharsets.UTF_8);
        String[] args = new String[options.length + 6];
        args[0] = "evaluate";
        args[1] = "--rules";
        args[2] = dir.toString();
        args[3] = "--out";
        args[4] = tmp.resolve("out").toString();
        System.arraycopy(options, 0, args, 5, options.length);
        args[args.length - 1] = "sample-data/sample-2024.xlsx";
        return Cli.run(args);
    }

    @Test
    void a_rule_that_halts_the_session_is_named_and_the_run_ends_with_3() throws IOException {
        Cli r = evaluate("""
                rule "HALT 中止"
                    salience 10
                when
                    $e : Entity(level == "县")
                then
                    drools.halt();
                end
                """, "--trust-rules");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("规则“HALT 中止”（limits.drl）").contains("中止了评估").doesNotContain("\tat ");
        assertThat(tmp.resolve("out/report.json")).doesNotExist();
    }

    @Test
    void a_rule_inserting_without_end_is_stopped_at_the_fact_limit() throws IOException {
        Cli r = evaluate("""
                rule "SEED"
                when
                    $e : Entity(level == "县")
                then
                    insert("x");
                end

                rule "GROW 无止境"
                when
                    $s : String()
                then
                    insert($s + "x");
                end
                """, "--trust-rules", "--fact-limit", "1000");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("规则“GROW 无止境”").contains("插入了超过 1000 个事实").contains("--fact-limit");
    }

    @Test
    void a_rule_within_the_language_can_insert_without_end_and_is_stopped_too() throws IOException {
        Cli r = evaluate("""
                rule "ECHO 自我匹配"
                    @id("ECHO") @name("e") @level("县") @pattern("zero") @bound("= 0") @source("测试")
                when
                    $e : Entity(level == "县")
                    Verdict(entityCode == $e.code)
                then
                    insert(zero(kcontext, $e, value("义务教育失学辍学人数")));
                end
                """, "--fact-limit", "500");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("规则“ECHO 自我匹配”").contains("插入了超过 500 个事实");
    }

    @Test
    void a_rule_looping_through_the_agenda_is_stopped_at_the_time_limit() throws IOException {
        Cli r = evaluate("""
                rule "LOOP 循环"
                when
                    $e : Entity(level == "县")
                then
                    update($e);
                end
                """, "--trust-rules", "--time-limit", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("“LOOP 循环”").contains("运行超过 1 秒").contains("--time-limit");
    }

    @Test
    void a_consequence_that_never_returns_ends_the_run_at_the_time_limit() throws IOException {
        // sleeps rather than spins: the stuck thread is left behind (a daemon) and must not burn the build's CPU
        Cli r = evaluate("""
                rule "STUCK 不返回"
                when
                    $e : Entity(level == "县")
                then
                    while (true) { try { Thread.sleep(100); } catch (InterruptedException ignored) { } }
                end
                """, "--trust-rules", "--time-limit", "1", "--threads", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("规则“STUCK 不返回”").contains("运行超过 1 秒");
    }
}
