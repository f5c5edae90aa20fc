package org.dudao.bench;

import org.dudao.engine.Evaluator;
import org.dudao.engine.Facts;
import org.dudao.engine.Partition;
import org.dudao.engine.RuleBase;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.synthetic.NationalDataGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluating one synthetic province (scale 0.1: 9 counties, 621 schools, 12,420 classes): FUND-01, FUND-02 and CLASS-01 by Drools against
 * the same by a hand-written loop; the balance coefficients (BAL-CV-1..7) both ways; one county partition on its own (what a Spark task would run);
 * and compiling the shipped rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {
    Dataset data;
    int year;
    Evaluator three;
    Evaluator all;
    Evaluator balance;
    Facts facts;
    Partition county;

    @Setup
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("dudao-jmh");
        NationalDataGenerator.Summary s = new NationalDataGenerator(7, 0.1, 2024).write(dir);
        RuleBase rules = RuleBase.compile(Path.of("rules"));
        data = new WorkbookLoader(rules.dictionary()).load(List.of(s.files().get(0))).dataset();
        year = Evaluator.latestYear(data);
        three = new Evaluator(RuleBase.compile(BenchRunner.threeRules(Path.of("rules"))), 1);
        all = new Evaluator(rules, 1);
        balance = new Evaluator(RuleBase.compile(BenchRunner.balanceRules(Path.of("rules"))), 1);
        facts = new Facts(data);
        county = Evaluator.partitions(data.entities()).counties().get(0);
    }

    @Benchmark
    public Object handLoop() { return HandLoop.verdicts(data, year); }

    @Benchmark
    public Object droolsThreeIndicators() { return three.evaluate(data, year); }

    @Benchmark
    public Object droolsAllIndicators() { return all.evaluate(data, year); }

    @Benchmark
    public Object droolsOneCountyPartition() { return all.evaluate(county, facts, year); }

    @Benchmark
    public Object handBalanceCv() { return HandLoop.balance(data, year); }

    @Benchmark
    public Object droolsBalanceCv() { return balance.evaluate(data, year); }

    @Benchmark
    @Warmup(iterations = 2, time = 2)
    public Object compileShippedRules() throws Exception { return RuleBase.compile(Path.of("rules")); }
}
