package org.dudao.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html in a real browser: Debian's chromium, headless, installed by
 * {@code src/test/browser/ensure-chromium.sh} where missing (skipped, saying why, where it cannot be).
 * The page must run its script (the filters are applied) with nothing on the console, and a
 * screenshot of the first screen at 1280×800 is left in target/ for a person to look at.
 */
class HtmlBrowserTest {
    private static String chromium;

    @TempDir Path tmp;

    @BeforeAll
    static void browser() throws Exception {
        Process p = new ProcessBuilder("sh", "src/test/browser/ensure-chromium.sh").start();
        // apt output goes to stderr; drain it while the install runs
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        drain.join(1000);
        String why = err.toString(StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(done && p.exitValue() == 0 && !out.isEmpty(),
                "chromium is not available, so report.html is not checked in a browser: " + lastLine(why));
        chromium = out.lines().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void the_sample_page_runs_its_filters_with_no_console_message_and_leaves_a_screenshot_of_its_first_screen() throws Exception {
        Path page = tmp.resolve("report.html");
        Report sample = Reports.golden();
        HtmlReport.write(sample, page);
        Run dom = chromium(page, "--dump-dom");
        assertThat(consoleMessages(dom.err)).isEmpty();
        assertThat(dom.out).contains("data-ready=\"filters\"");
        // the filter script ran over every verdict listed (all of them, up to the page's limit)
        int listed = Math.min(HtmlReport.DETAIL_LIMIT, sample.verdicts().size());
        assertThat(dom.out).contains("<b id=\"f-count\">" + listed + "</b>");

        // the first screen at a common laptop size, for a person to look at
        Path png = Path.of("target", "report-html-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Run shot = chromium(page, "--screenshot=" + png, "--window-size=1280,800", "--hide-scrollbars");
        assertThat(consoleMessages(shot.err)).isEmpty();
        assertThat(png).exists();
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith(0x89, 'P', 'N', 'G');
        assertThat(head.length).as("a page with figures and a coloured table, not a blank one").isGreaterThan(50_000);
    }

    @Test
    void hostile_names_show_as_text_and_run_nothing() throws Exception {
        Path page = tmp.resolve("hostile.html");
        HtmlReport.write(Reports.hostile(), page);
        Run dom = chromium(page, "--dump-dom");
        assertThat(consoleMessages(dom.err)).isEmpty();
        assertThat(dom.out).contains("data-ready=\"filters\"");
        assertThat(dom.out).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<img");
    }

    @Test
    void the_console_check_sees_a_script_error() throws Exception {
        // the check above would be worthless if chromium's console never reached it
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>noSuchFunction();</script></body></html>");
        assertThat(consoleMessages(chromium(page, "--dump-dom").err)).anyMatch(m -> m.contains("Uncaught ReferenceError"));
    }

    private record Run(String out, String err) {}

    private Run chromium(Path page, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"), "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 2 minutes");
        }
        drain.join(5000);
        return new Run(out, err.toString(StandardCharsets.UTF_8));
    }

    /** Console output, script errors and CSP refusals, as chromium logs them with --enable-logging. */
    static List<String> consoleMessages(String log) {
        return log.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("Refused to")
                || l.contains("Content Security Policy")).toList();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static String lastLine(String s) {
        return s.isEmpty() ? "(no message)" : s.lines().reduce((a, b) -> b).orElse(s);
    }
}
