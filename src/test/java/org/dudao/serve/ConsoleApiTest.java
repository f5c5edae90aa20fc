package org.dudao.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.dudao.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the API on a console without users (the loopback default), error paths included. */
class ConsoleApiTest {
    @TempDir static Path data;
    static ServeCommand.Running console;
    static Http http;
    static long sampleRun;

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleFixture.start(ConsoleFixture.config(data, 1024 * 1024, 1, 3));
        http = new Http(console.port());
        HttpResponse<byte[]> r = http.upload("/api/runs", Http.sample(), Map.of(), http.token());
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(202);
        sampleRun = Http.json(r).path("id").asLong();
        assertThat(r.headers().firstValue("Location")).contains("/api/runs/" + sampleRun);
        assertThat(http.awaitRun(sampleRun).path("state").asText()).isEqualTo("done");
    }

    @AfterAll
    static void stop() {
        if (console != null) console.close();
    }

    @Test
    void a_run_reports_its_state_counts_and_the_exit_status_evaluate_gives() throws Exception {
        JsonNode r = http.getJson("/api/runs/" + sampleRun);
        assertThat(r.path("exitCode").asInt()).isEqualTo(2); // the sample is built to fail some indicators
        assertThat(r.path("counts").path("FAIL").asInt()).isPositive();
        assertThat(r.path("region").path("key").asText()).isEqualTo("000000");
        assertThat(r.path("inputs")).extracting(i -> i.path("name").asText()).containsExactly("sample-2023.xlsx", "sample-2024.xlsx");
        assertThat(r.path("inputs").get(0).path("years").get(0).asInt()).isEqualTo(2023);
        assertThat(r.path("inputs").get(1).path("stored").asText()).matches("inputs/[0-9a-f]{64}\\.xlsx");
        assertThat(r.path("progress")).extracting(p -> p.path("stage").asText()).contains("预检", "读取与评估", "写报告", "记入历史", "完成");
        assertThat(r.path("failing").get(0).path("count").asInt()).isPositive();
        assertThat(r.path("historyRunId").asLong()).isPositive();
        JsonNode list = http.getJson("/api/runs");
        assertThat(list.path("runs")).extracting(x -> x.path("id").asLong()).contains(sampleRun);
        assertThat(list.path("queue").path("jobs").asInt()).isEqualTo(1);
        // the run folder: inputs named by hash, the reports, the state file
        Path folder = data.resolve("runs").resolve(Long.toString(sampleRun));
        assertThat(folder.resolve("run.json")).exists();
        assertThat(folder.resolve("report.json")).exists();
        assertThat(folder.resolve("督导报告.docx")).exists();
        assertThat(Files.readString(data.resolve(Logs.AUDIT))).contains("\"event\":\"run\"", r.path("inputs").get(0).path("sha256").asText(),
                ConsoleFixture.rules().sha256());
        assertThat(Files.readString(data.resolve(Logs.ACCESS))).contains("\"path\":\"/api/runs\"");
    }

    @Test
    void the_sample_gives_the_verdicts_of_evaluate_byte_for_byte_except_the_run_fields() throws Exception {
        JsonNode r = http.getJson("/api/runs/" + sampleRun);
        Path folder = data.resolve("runs").resolve(Long.toString(sampleRun));
        List<String> args = new ArrayList<>(List.of("evaluate", "--rules", "rules", "--out", data.resolve("evaluate").toString(), "--format", "json"));
        // the same files under the same names the console gave the engine, so every evidence's file is the same text
        for (JsonNode in : r.path("inputs")) args.add(folder.resolve(in.path("stored").asText()).toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        assertThat(exit).isEqualTo(r.path("exitCode").asInt());
        String viaApi = Http.text(http.get("/api/runs/" + sampleRun + "/report.json"));
        String viaCli = Files.readString(data.resolve("evaluate").resolve("report.json"));
        assertThat(afterRun(viaApi)).isEqualTo(afterRun(viaCli));
        assertThat(viaApi.substring(0, viaApi.indexOf("\"run\""))).isEqualTo(viaCli.substring(0, viaCli.indexOf("\"run\"")));
    }

    /** report.json from the field after {@code run} to the end: summary, load, indicators, verdicts, problems, notes. */
    private static String afterRun(String json) {
        int at = json.indexOf("\n  \"summary\"");
        assertThat(at).isPositive();
        return json.substring(at);
    }

    @Test
    void reports_download_by_run_and_format_with_their_type_and_an_rfc5987_name() throws Exception {
        HttpResponse<byte[]> docx = http.get("/api/runs/" + sampleRun + "/report.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"dudao-" + sampleRun + "-____.docx\"; filename*=UTF-8''dudao-" + sampleRun
                        + "-%E7%9D%A3%E5%AF%BC%E6%8A%A5%E5%91%8A.docx");
        assertThat(new String(docx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(http.get("/api/runs/" + sampleRun + "/report.xlsx").statusCode()).isEqualTo(200);
        assertThat(Http.text(http.get("/api/runs/" + sampleRun + "/report.html"))).contains("<!DOCTYPE html>");
        JsonNode r = http.getJson("/api/runs/" + sampleRun);
        assertThat(r.path("regionReports").size()).isGreaterThan(1);
        HttpResponse<byte[]> region = http.get(r.path("regionReports").get(0).path("url").asText());
        assertThat(region.statusCode()).isEqualTo(200);
        assertThat(region.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''%E7%9D%A3");
        // the report in the run page's frame: its own script by hash, sandboxed, framed by this server only
        HttpResponse<byte[]> frame = http.get("/runs/" + sampleRun + "/report");
        assertThat(frame.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("sandbox allow-scripts", "frame-ancestors 'self'", "script-src '" + Site.REPORT_SCRIPT_HASH + "'")
                .doesNotContain("unsafe-inline' ; script", "script-src 'unsafe-inline'");
        assertThat(frame.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void an_unknown_run_or_file_is_404_and_no_path_from_the_request_reaches_the_disk() throws Exception {
        for (String path : List.of("/api/runs/99999", "/api/runs/abc", "/api/runs/" + sampleRun + "/report.pdf",
                "/api/runs/" + sampleRun + "/run.json", "/api/runs/" + sampleRun + "/..%2F..%2Fhistory.db",
                "/api/runs/" + sampleRun + "/regions/999", "/api/runs/" + sampleRun + "/regions/..%2Freport.json",
                "/api/runs/99999/report.json", "/runs/99999", "/no-such-page")) {
            HttpResponse<byte[]> r = http.get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            // Jetty itself refuses an encoded separator (400) before any route sees it; the console's own 404s say why in JSON
            if (path.startsWith("/api/") && r.statusCode() == 404) assertThat(Http.json(r).path("error").asText()).as(path).isNotBlank();
        }
        assertThat(Http.text(http.get("/runs/99999"))).contains("没有第 99999 次运行");
    }

    @Test
    void a_file_of_the_wrong_type_is_refused_by_its_content_whatever_its_name() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        HttpResponse<byte[]> r = http.upload("/api/runs", Map.of("统计.xlsx", png), Map.of(), http.token());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(Http.json(r).path("error").asText()).contains("统计.xlsx");
        r = http.upload("/api/runs", Map.of("报告.xlsx", zip("word/document.xml", "<w:document/>")), Map.of(), http.token());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(Http.json(r).path("error").asText()).contains("不是 Excel 工作簿");
        // CSV text under a workbook's name is taken as CSV: the content decides
        JsonNode looked = Http.json(http.upload("/api/inspect", Map.of("data.xlsx", "地区代码,地区名称\n".getBytes(StandardCharsets.UTF_8)),
                Map.of(), http.token()));
        assertThat(looked.path("inputs").get(0).path("type").asText()).isEqualTo("csv");
        assertThat(data.resolve("runs")).isDirectoryNotContaining(p -> p.getFileName().toString().equals("999"));
    }

    @Test
    void an_upload_over_the_limit_is_413() throws Exception {
        HttpResponse<byte[]> r = http.upload("/api/runs", Map.of("big.xlsx", new byte[1200 * 1024]), Map.of(), http.token());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Http.json(r).path("error").asText()).contains("上传过大");
    }

    @Test
    void a_change_without_the_csrf_token_or_from_another_site_is_403() throws Exception {
        HttpResponse<byte[]> r = http.upload("/api/runs", Http.sample(), Map.of(), Map.of());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Http.json(r).path("error").asText()).contains("CSRF");
        r = http.upload("/api/runs", Http.sample(), Map.of(), Map.of(Auth.CSRF_HEADER, "wrong"));
        assertThat(r.statusCode()).isEqualTo(403);
        r = http.upload("/api/runs", Http.sample(), Map.of(), Map.of(Auth.CSRF_HEADER, http.csrf(), "Origin", "http://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        // a client without the session cookie has no token to give
        Http stranger = new Http(console.port());
        assertThat(stranger.upload("/api/runs", Http.sample(), Map.of(), Map.of(Auth.CSRF_HEADER, http.csrf())).statusCode()).isEqualTo(403);
    }

    @Test
    void a_full_queue_answers_429_and_nothing_is_kept_of_the_refused_upload() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Runnable blocker = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        RunQueue q = console.console().queue();
        CountDownLatch running = new CountDownLatch(1);
        assertThat(q.submit(-1, () -> {
            running.countDown();
            blocker.run();
        })).isTrue();
        running.await();
        for (long id : List.of(-2L, -3L, -4L)) assertThat(q.submit(id, blocker)).isTrue(); // one running, three waiting: full
        try {
            long before = Files.list(data.resolve("runs")).count();
            HttpResponse<byte[]> r = http.upload("/api/runs", Http.sample(), Map.of(), http.token());
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(Http.json(r).path("error").asText()).contains("排队");
            assertThat(Files.list(data.resolve("runs")).count()).isEqualTo(before);
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_bad_year_or_no_workbook_is_400() throws Exception {
        HttpResponse<byte[]> r = http.upload("/api/runs", Http.sample(), Map.of("year", "去年"), http.token());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).path("error").asText()).contains("年度");
        r = http.upload("/api/runs", Map.of(), Map.of("year", "2024"), http.token());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).path("error").asText()).contains("workbooks");
    }

    @Test
    void a_hostile_workbook_fails_its_own_run_with_the_loaders_message() throws Exception {
        byte[] broken = zip("xl/workbook.xml", "<workbook><<<");
        HttpResponse<byte[]> r = http.upload("/api/runs", Map.of("坏.xlsx", broken), Map.of(), http.token());
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode run = http.awaitRun(Http.json(r).path("id").asLong());
        assertThat(run.path("state").asText()).isEqualTo("failed");
        assertThat(run.path("exitCode").asInt()).isEqualTo(3);
        assertThat(run.path("problems").toString()).contains("无法读取工作簿");
        assertThat(http.get("/api/runs/" + run.path("id").asLong() + "/report.json").statusCode()).isEqualTo(409);
        assertThat(http.getJson("/api/runs/" + sampleRun).path("state").asText()).isEqualTo("done");
    }

    @Test
    void the_preview_shows_each_workbooks_years_and_regions_and_keeps_nothing() throws Exception {
        JsonNode r = Http.json(http.upload("/api/inspect", Http.sample(), Map.of(), http.token()));
        JsonNode first = r.path("inputs").get(0);
        assertThat(first.path("years").get(0).asInt()).isEqualTo(2023);
        assertThat(first.path("regions").get(0).asText()).as("the name as typed, full-width brackets kept").isEqualTo("全国（示例）（000000）");
        assertThat(first.path("regionCount").asInt()).isEqualTo(12);
        assertThat(data.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void indicators_history_and_waivers() throws Exception {
        JsonNode ind = http.getJson("/api/indicators");
        assertThat(ind.path("rulesSha256").asText()).isEqualTo(ConsoleFixture.rules().sha256());
        assertThat(ind.path("indicators").size()).isEqualTo(ConsoleFixture.rules().catalogue().size());
        assertThat(ind.path("indicators").get(0).path("indicator").path("file").asText()).endsWith(".drl");
        JsonNode h = http.getJson("/api/history/000000");
        assertThat(h.path("runs")).extracting(x -> x.path("id").asLong()).contains(http.getJson("/api/runs/" + sampleRun).path("historyRunId").asLong());
        assertThat(h.path("changes").path("previousRunId").isNull()).isTrue();
        assertThat(http.get("/api/history/123456").statusCode()).isEqualTo(404);
        assertThat(http.getJson("/api/waivers").path("asOf").asText()).isNotBlank();
    }

    @Test
    void every_page_is_chinese_with_a_policy_that_allows_no_inline_script() throws Exception {
        long region = http.getJson("/api/runs/" + sampleRun).path("historyRunId").asLong();
        assertThat(region).isPositive();
        for (String path : List.of("/", "/runs", "/runs/" + sampleRun, "/history", "/history/000000", "/indicators", "/templates", "/waivers")) {
            HttpResponse<byte[]> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).matches("text/html; ?charset=utf-8");
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            String html = Http.text(r);
            assertThat(html).as(path).contains("<html lang=\"zh-CN\">").doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son\\w+=\"|style=\"");
        }
        assertThat(Http.text(http.get("/indicators"))).contains(ConsoleFixture.rules().sha256(), "FUND-01");
        HttpResponse<byte[]> t = http.get("/templates/county.xlsx");
        assertThat(t.statusCode()).isEqualTo(200);
        assertThat(t.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''%E5%A1%AB%E6%8A%A5");
        assertThat(http.get("/templates/planet.xlsx").statusCode()).isEqualTo(404);
        assertThat(http.get("/static/console.js").headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(http.get("/static/..%2Fconsole.css").statusCode()).isIn(400, 404);
    }

    @Test
    void a_waiver_added_on_its_page_is_checked_written_and_listed() throws Exception {
        String token = http.csrf();
        HttpResponse<byte[]> bad = http.postForm("/waivers", Map.of("_csrf", token, "indicator", "FUND-01", "entity", "990105", "year", "2024",
                "reason", "测试", "approver", "督导室", "expires", "明年"), Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.text(bad)).contains("豁免未添加", "有效期至");
        assertThat(data.resolve("waivers.csv")).doesNotExist();
        HttpResponse<byte[]> ok = http.postForm("/waivers", Map.of("_csrf", token, "indicator", "FUND-01", "entity", "990105", "year", "2024",
                "reason", "校舍改建，经费另列", "approver", "督导室", "expires", "2099-12-31"), Map.of());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(Files.readString(data.resolve("waivers.csv"))).contains("FUND-01,990105,2024,校舍改建，经费另列,督导室,2099-12-31");
        JsonNode w = http.getJson("/api/waivers");
        assertThat(w.path("waivers").get(0).path("state").asText()).isEqualTo("生效");
        assertThat(w.path("waivers").get(0).path("origin").asText()).endsWith("waivers.csv:2");
        assertThat(Http.text(http.get("/waivers"))).contains("校舍改建");
        assertThat(http.postForm("/waivers", Map.of("indicator", "X"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(Files.readString(data.resolve(Logs.AUDIT))).contains("waiver-added");
    }

    static byte[] zip(String entry, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
