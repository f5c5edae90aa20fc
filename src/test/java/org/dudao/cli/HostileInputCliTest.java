package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.api.ExitCodes;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Input that tries to take over the terminal, or to hang the run, end to end. */
class HostileInputCliTest {
    @TempDir Path tmp;

    private static final String ESCAPES = "\r\u001b[2J\u001b]0;pwned\u0007\u202e";

    @Test
    void controlCharactersFromAWorkbookNeverReachTheTerminalRawButStayInTheJsonEscaped() throws Exception {
        // A .csv carries them as typed; an .xlsx cannot hold most of them (XML 1.0 forbids them).
        Path wb = Files.writeString(tmp.resolve("a.csv"), "地区代码,地区名称,层级,年度,在校学生数(人)\n"
                + "330102,\"一县" + ESCAPES + "\",县,2023,\"四千" + ESCAPES + "\"\n");
        Path out = tmp.resolve("out");

        Cli r = Cli.run("evaluate", "--out", out.toString(), wb.toString());

        assertThat(r.out()).contains("四千\\r\\u001B[2J\\u001B]0;pwned\\u0007\\u202E");
        String printed = r.out() + r.err();
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
        assertThat(printed.replace(System.lineSeparator(), "\n")).doesNotContain("\r");
        byte[] json = Files.readAllBytes(out.resolve("report.json"));
        for (byte b : json) assertThat(b).as("raw control byte in report.json").isNotIn((byte) 0x1b, (byte) 0x07, (byte) '\r');
        JsonNode problems = new ObjectMapper().readTree(json).path("load").path("problems");
        assertThat(problems.toString()).contains("\\u001B[2J");
        boolean found = false;
        for (JsonNode p : problems) found |= p.path("message").asText().contains("四千" + ESCAPES);
        assertThat(found).as("the JSON gives the text back exactly: %s", problems).isTrue();
    }

    @Test
    void parentCodesInACircleAreReportedAndTheEvaluationStillEnds() {
        Path wb = Workbooks.create().sheet("表1")
                .row("地区代码", "地区名称", "上级代码", "层级", "年度", "在校学生数(人)")
                .row(330100, "一市", 330102, "市", 2023, 9000)
                .row(330102, "一县", 330103, "县", 2023, 4000)
                .row(330103, "二县", 330100, "县", 2023, 5000)
                .save(tmp.resolve("cycle.xlsx"));

        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> Cli.run("evaluate", "--out", tmp.resolve("out").toString(), wb.toString()));

        assertThat(r.out()).as(r.err()).contains("上级代码形成循环").contains("330100").contains("330102").contains("330103");
        assertThat(r.exit()).isIn(ExitCodes.FAILED, ExitCodes.WARNINGS);
        assertThat(tmp.resolve("out/report.json")).exists();
    }
}
