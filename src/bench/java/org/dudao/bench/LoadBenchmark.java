package org.dudao.bench;

import org.dudao.load.MetricDictionary;
import org.dudao.load.WorkbookLoader;
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
 * Reading one synthetic province workbook (scale 0.1: 9 counties, 621 schools, 12,420 classes,
 * about 14,500 rows): the bare parse floors against dudao's load. Figures, not tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadBenchmark {
    List<Path> files;
    WorkbookLoader loader;

    @Setup
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("dudao-jmh");
        NationalDataGenerator.Summary s = new NationalDataGenerator(7, 0.1, 2024).write(dir);
        files = List.of(s.files().get(0));
        loader = new WorkbookLoader(MetricDictionary.read(Path.of("rules/metrics.csv")));
    }

    @Benchmark
    public Object bareParseSax() throws Exception { return BareParse.sax(files); }

    @Benchmark
    public Object bareParseStreamingReader() throws Exception { return BareParse.streamingReader(files); }

    @Benchmark
    public Object dudaoLoad() { return loader.load(files); }
}
