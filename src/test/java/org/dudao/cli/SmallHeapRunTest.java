package org.dudao.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.dudao.api.ExitCodes;
import org.dudao.engine.VerdictStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national-shaped run whose verdicts do not fit the heap: the synthetic set at scale 0.01 (31
 * workbooks, about 36,000 verdicts with all the shipped indicators) evaluated workbook by workbook in
 * a forked JVM with an 80 MB heap, every block of verdicts sent to disk. Held in memory, the same
 * verdicts run out of that heap (measured when this test was written: 80 MB fails, 96 MB passes),
 * so this fails if verdicts start piling up in memory again.
 */
class SmallHeapRunTest {
    @TempDir Path tmp;

    @Test
    void thirty_thousand_verdicts_go_through_an_80_mb_heap_when_they_wait_on_disk() throws Exception {
        Cli g = Cli.run("generate", "--scale", "0.01", "--seed", "3", "--out", tmp.resolve("data").toString());
        assertThat(g.exit()).as(g.err()).isZero();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx80m",
                "-XX:+ExitOnOutOfMemoryError", "-D" + VerdictStore.HELD_PROPERTY + "=0", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "evaluate", "--by-workbook", "--threads", "2", "--format", "json", "--out", tmp.resolve("out").toString()));
        try (Stream<Path> files = Files.list(tmp.resolve("data"))) {
            files.sorted().forEach(f -> cmd.add(f.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(ExitCodes.FAILED);

        long declared = -1, listed = 0;
        try (JsonParser json = new JsonFactory().createParser(tmp.resolve("out/report.json").toFile())) {
            while (json.nextToken() != null) {
                if (json.currentToken() != JsonToken.FIELD_NAME) continue;
                if (json.currentName().equals("verdicts") && json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                    declared = json.getLongValue();
                } else if (json.currentName().equals("verdicts") && json.currentToken() == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        listed++;
                        json.skipChildren();
                    }
                }
            }
        }
        assertThat(listed).isGreaterThan(30_000).isEqualTo(declared);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("dudao-verdicts-"));
        }
    }
}
