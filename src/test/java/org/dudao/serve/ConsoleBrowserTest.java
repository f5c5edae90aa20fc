package org.dudao.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's chromium driven through Selenium 4 and Debian's
 * chromium-driver, both installed by {@code src/test/browser/ensure-chromium.sh --driver} where
 * missing (skipped, saying why, where they cannot be). Uploads the sample, follows the run, reads
 * the failing indicators on the result page, downloads the docx, logs in and out, and checks that a
 * 查看 user cannot start a run. Screenshots of each page (1280×800) are left in
 * target/console-screenshots/ for a person to look at. No page may log an error (a CSP violation is one).
 */
class ConsoleBrowserTest {
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static String chromium;
    private static String chromedriver;
    @TempDir static Path data;
    @TempDir static Path guarded;
    @TempDir Path profile;
    @TempDir Path downloads;
    static ServeCommand.Running open;
    static ServeCommand.Running withUsers;
    private WebDriver driver;

    @BeforeAll
    static void setUp() throws Exception {
        Process p = new ProcessBuilder("sh", "src/test/browser/ensure-chromium.sh", "--driver").start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines().toList();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        drain.join(1000);
        String why = err.toString(StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(done && p.exitValue() == 0 && out.size() >= 2,
                "chromium or chromium-driver is not available, so the console is not checked in a browser: " + why.lines().reduce((a, b) -> b).orElse(""));
        chromium = out.get(out.size() - 2);
        chromedriver = out.get(out.size() - 1);
        Files.createDirectories(SHOTS);
        open = ConsoleFixture.start(ConsoleFixture.config(data, 50L * 1024 * 1024, 1, 5));
        Users users = Users.read(guarded.resolve(Users.FILE_NAME));
        users.put("viewer", Role.VIEW, "viewer-password", null);
        users.put("analyst", Role.EVALUATE, "analyst-password", null);
        withUsers = ConsoleFixture.start(ConsoleFixture.config(guarded, 50L * 1024 * 1024, 1, 5));
    }

    @AfterAll
    static void tearDown() {
        if (open != null) open.close();
        if (withUsers != null) withUsers.close();
    }

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    private WebDriver browser() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=zh-CN");
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        return driver;
    }

    private static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofMinutes(5)); // a guard against a hang, not a timing check
    }

    @Test
    void upload_the_sample_follow_the_run_read_the_failing_indicators_and_download_the_docx() throws Exception {
        WebDriver d = browser();
        String base = "http://127.0.0.1:" + open.port();
        d.get(base + "/");
        assertThat(d.getTitle()).contains("上传评估");
        WebElement input = d.findElement(By.id("workbooks"));
        input.sendKeys(ConsoleFixture.sample(2023).toAbsolutePath() + "\n" + ConsoleFixture.sample(2024).toAbsolutePath());
        // the years and regions of each workbook, before the run
        waitFor(d).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#preview-rows tr"), 2));
        List<WebElement> rows = d.findElements(By.cssSelector("#preview-rows tr"));
        assertThat(rows.get(0).getText()).contains("sample-2023.xlsx", "2023", "示例省（990000）");
        assertThat(rows.get(1).getText()).contains("sample-2024.xlsx", "2024");
        shot(d, "1-upload");
        d.findElement(By.id("start")).click();
        waitFor(d).until(ExpectedConditions.urlMatches("/runs/\\d+$"));
        long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/runs/", ""));
        waitFor(d).until(ExpectedConditions.textToBe(By.id("state"), "已完成"));
        assertThat(d.findElements(By.cssSelector("#progress li")).stream().map(WebElement::getText).collect(Collectors.joining("\n")))
                .contains("预检", "读取与评估", "写报告", "记入历史");

        // the failing indicators on the result page are the report's
        List<String> shown = d.findElements(By.cssSelector("#failing tr.failing td.ind")).stream().map(WebElement::getText).toList();
        JsonNode report = Http.JSON.readTree(open.console().runs().folder(id).resolve("report.json").toFile());
        List<String> failing = new java.util.ArrayList<>();
        for (JsonNode v : report.path("verdicts")) if (v.path("status").asText().equals("FAIL") && !failing.contains(v.path("indicator").asText())) {
            failing.add(v.path("indicator").asText());
        }
        assertThat(shown).isNotEmpty().containsExactlyInAnyOrderElementsOf(failing);
        assertThat(d.findElement(By.id("exit")).getText()).startsWith("2");
        shot(d, "2-run");
        scrollTo(d, "counts");
        shot(d, "2-result");

        // the report itself, in its frame, runs its own script under the console's policy
        d.switchTo().frame(d.findElement(By.id("report")));
        waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready=filters]")));
        assertThat(d.findElement(By.tagName("h1")).getText()).contains("教育督导评估报告");
        d.switchTo().defaultContent();
        scrollTo(d, "downloads");
        shot(d, "2-report");

        d.findElement(By.id("dl-docx")).click();
        Path docx = downloads.resolve("dudao-" + id + "-督导报告.docx");
        waitFor(d).until(x -> Files.isRegularFile(docx) && !Files.exists(downloads.resolve(docx.getFileName() + ".crdownload")));
        assertThat(Files.readAllBytes(docx)).startsWith('P', 'K');

        for (String[] page : List.of(new String[]{"/runs", "3-runs"}, new String[]{"/history", "4-history"},
                new String[]{"/history/000000", "5-region"}, new String[]{"/indicators", "6-indicators"},
                new String[]{"/templates", "7-templates"}, new String[]{"/waivers", "8-waivers"})) {
            d.get(base + page[0]);
            assertThat(d.findElement(By.tagName("h1")).getText()).isNotBlank();
            shot(d, page[1]);
        }
        assertThat(d.findElement(By.id("whoami")).getText()).contains("本机");
        assertThat(errors(d)).isEmpty();
    }

    @Test
    void a_viewer_logs_in_cannot_start_a_run_and_logs_out() throws Exception {
        WebDriver d = browser();
        String base = "http://127.0.0.1:" + withUsers.port();
        d.get(base + "/runs");
        assertThat(d.getCurrentUrl()).contains("/login");
        login(d, "viewer", "wrong-password");
        assertThat(d.findElement(By.id("problem")).getText()).contains("用户名或密码不对");
        login(d, "viewer", "viewer-password");
        waitFor(d).until(ExpectedConditions.urlContains("/runs"));
        assertThat(d.findElement(By.id("whoami")).getText()).isEqualTo("viewer（查看）");
        d.get(base + "/");
        assertThat(d.findElement(By.id("no-evaluate")).getText()).contains("不能发起评估");
        assertThat(d.findElements(By.id("upload-form"))).isEmpty();
        assertThat(d.findElements(By.id("workbooks"))).isEmpty();
        shot(d, "9-viewer");
        d.findElement(By.id("logout")).click();
        waitFor(d).until(ExpectedConditions.urlContains("/login"));
        d.get(base + "/runs");
        assertThat(d.getCurrentUrl()).contains("/login");
        shot(d, "0-login");

        login(d, "analyst", "analyst-password");
        waitFor(d).until(ExpectedConditions.urlContains("/runs"));
        d.get(base + "/");
        assertThat(d.findElements(By.id("upload-form"))).hasSize(1);
        d.findElement(By.id("logout")).click();
        waitFor(d).until(ExpectedConditions.urlContains("/login"));
        assertThat(errors(d)).isEmpty();
    }

    /** Scrolls an element to the top (WebDriver's script runs outside the page's policy, the page's own could not). */
    private static void scrollTo(WebDriver d, String id) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static void login(WebDriver d, String user, String password) {
        d.findElement(By.id("user")).clear();
        d.findElement(By.id("user")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("login")).click();
    }

    /** The page's errors on the browser's console: a CSP violation, a failed script, a failed request. */
    private static List<String> errors(WebDriver d) {
        return d.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("401 (Unauthorized)")) // the wrong password's answer, on purpose
                .toList();
    }

    private static void shot(WebDriver d, String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
