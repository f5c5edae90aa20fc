package org.dudao.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A console with users: logins, roles, sessions, CSRF on forms, and users limited to a region. */
class ConsoleAuthTest {
    @TempDir static Path data;
    static ServeCommand.Running console;

    @BeforeAll
    static void start() throws Exception {
        Users users = Users.read(data.resolve(Users.FILE_NAME));
        users.put("admin", Role.ADMIN, "admin-password", null);
        users.put("analyst", Role.EVALUATE, "analyst-password", null);
        users.put("viewer", Role.VIEW, "viewer-password", null);
        users.put("elsewhere", Role.EVALUATE, "elsewhere-password", "120000");
        console = ConsoleFixture.start(ConsoleFixture.config(data, 10 * 1024 * 1024, 1, 5));
    }

    @AfterAll
    static void stop() {
        if (console != null) console.close();
    }

    private static Http login(String user, String password) throws Exception {
        Http h = new Http(console.port());
        HttpResponse<byte[]> r = h.postJson("/api/login", Map.of("user", user, "password", password), Map.of());
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        return h;
    }

    private static Map<String, String> token(Http h) throws Exception {
        return Map.of(Auth.CSRF_HEADER, h.getJson("/api/session").path("csrf").asText());
    }

    @Test
    void without_a_login_the_api_is_401_and_pages_lead_to_the_login_form() throws Exception {
        Http h = new Http(console.port());
        assertThat(h.get("/api/runs").statusCode()).isEqualTo(401);
        assertThat(Http.json(h.get("/api/runs/1")).path("error").asText()).contains("登录");
        assertThat(h.upload("/api/runs", Http.sample(), Map.of(), Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> page = h.get("/history");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fhistory");
        assertThat(Http.text(h.get("/login"))).contains("用户名", "密码");
        assertThat(h.getJson("/api/session").path("authenticated").asBoolean()).isFalse();
    }

    @Test
    void a_wrong_password_is_401_and_a_login_must_be_json() throws Exception {
        Http h = new Http(console.port());
        assertThat(h.postJson("/api/login", Map.of("user", "viewer", "password", "nope-nope"), Map.of()).statusCode()).isEqualTo(401);
        assertThat(h.postJson("/api/login", Map.of("user", "nobody", "password", "nope-nope"), Map.of()).statusCode()).isEqualTo(401);
        assertThat(h.postForm("/api/login", Map.of("user", "viewer", "password", "viewer-password"), Map.of()).statusCode()).isEqualTo(415);
        assertThat(Files.readString(data.resolve(Logs.AUDIT))).contains("login-failed");
    }

    @Test
    void a_viewer_sees_runs_but_cannot_start_one() throws Exception {
        Http viewer = login("viewer", "viewer-password");
        assertThat(viewer.get("/api/runs").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = viewer.upload("/api/runs", Http.sample(), Map.of(), token(viewer));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Http.json(r).path("error").asText()).contains("查看", "评估");
        assertThat(Http.text(viewer.get("/"))).contains("id=\"no-evaluate\"").doesNotContain("id=\"upload-form\"");
        assertThat(viewer.get("/users").statusCode()).isEqualTo(403);
    }

    @Test
    void an_analyst_runs_with_the_token_and_a_logout_ends_the_session() throws Exception {
        Http analyst = login("analyst", "analyst-password");
        assertThat(analyst.upload("/api/runs", Http.sample(), Map.of(), Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> r = analyst.upload("/api/runs", Http.sample(), Map.of(), token(analyst));
        assertThat(r.statusCode()).isEqualTo(202);
        long id = Http.json(r).path("id").asLong();
        JsonNode run = analyst.awaitRun(id);
        assertThat(run.path("user").asText()).isEqualTo("analyst");
        // a user limited to another region neither lists nor opens it
        Http elsewhere = login("elsewhere", "elsewhere-password");
        assertThat(elsewhere.get("/api/runs/" + id).statusCode()).isEqualTo(404);
        assertThat(elsewhere.getJson("/api/runs").path("runs").size()).isZero();
        assertThat(elsewhere.get("/api/history/000000").statusCode()).isEqualTo(404);
        assertThat(Http.text(elsewhere.get("/history"))).doesNotContain("000000");
        // nor can they evaluate it: the run fails on the region, before any evaluation
        JsonNode theirs = elsewhere.awaitRun(Http.json(elsewhere.upload("/api/runs", Http.sample(), Map.of(), token(elsewhere))).path("id").asLong());
        assertThat(theirs.path("state").asText()).isEqualTo("failed");
        assertThat(theirs.path("message").asText()).contains("不在你的权限范围");

        assertThat(analyst.postJson("/api/logout", Map.of(), token(analyst)).statusCode()).isEqualTo(204);
        assertThat(analyst.get("/api/runs").statusCode()).isEqualTo(401);
    }

    @Test
    void the_login_form_needs_its_token_and_gives_a_new_session() throws Exception {
        Http h = new Http(console.port());
        String form = Http.text(h.get("/login?next=/indicators"));
        String token = field(form, "_csrf");
        String before = h.getJson("/api/session").toString();
        assertThat(h.postForm("/login", Map.of("user", "viewer", "password", "viewer-password"), Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> wrong = h.postForm("/login", Map.of("_csrf", token, "user", "viewer", "password", "x-x-x-x-x"), Map.of());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.text(wrong)).contains("用户名或密码不对");
        String cookieBefore = cookie(h);
        HttpResponse<byte[]> ok = h.postForm("/login", Map.of("_csrf", token, "user", "viewer", "password", "viewer-password",
                "next", "/indicators"), Map.of());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/indicators");
        assertThat(cookie(h)).isNotEqualTo(cookieBefore); // no session fixation
        assertThat(ok.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly", "SameSite=Strict");
        assertThat(h.get("/indicators").statusCode()).isEqualTo(200);
        assertThat(before).contains("\"authenticated\":false");
        // another site as the place to go next is not followed
        assertThat(Site.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(Site.safeNext("https://evil.example")).isEqualTo("/");
    }

    @Test
    void an_admin_adds_a_user_through_the_page_and_the_file_keeps_only_a_bcrypt_hash() throws Exception {
        Http admin = login("admin", "admin-password");
        String page = Http.text(admin.get("/users"));
        String token = field(page, "_csrf");
        HttpResponse<byte[]> r = admin.postForm("/users", Map.of("_csrf", token, "name", "新来的", "role", "查看", "password", "新来的的密码123"), Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        String file = Files.readString(data.resolve(Users.FILE_NAME));
        assertThat(file).contains("新来的,查看,$2a$12$").doesNotContain("新来的的密码123");
        assertThat(admin.postForm("/users", Map.of("_csrf", token, "name", "short", "role", "查看", "password", "123"), Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(admin.postForm("/users", Map.of("name", "x", "role", "查看", "password", "long-enough"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(login("新来的", "新来的的密码123").get("/api/runs").statusCode()).isEqualTo(200);
        assertThat(Files.readString(data.resolve(Logs.AUDIT))).contains("user-added");
    }

    @Test
    void binding_beyond_this_machine_needs_users() throws Exception {
        Path empty = data.resolve("no-users");
        Files.createDirectories(empty);
        ConsoleConfig c = ConsoleFixture.config(empty, 1024, 1, 1);
        ConsoleConfig open = new ConsoleConfig("0.0.0.0", 0, c.data(), c.rules(), false, c.historyUrl(), 1, 1, 1024, c.idleSession(),
                c.maxSession(), c.waiverFiles(), c.usersFile());
        StringWriter err = new StringWriter();
        assertThat(ServeCommand.start(open, ConsoleFixture.rules(), new PrintWriter(err, true))).isNull();
        assertThat(err.toString()).contains("serve adduser");
        assertThat(ServeCommand.loopback("127.0.0.1")).isTrue();
        assertThat(ServeCommand.loopback("0.0.0.0")).isFalse();
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String cookie(Http h) {
        return ((java.net.CookieManager) h.client.cookieHandler().orElseThrow()).getCookieStore().getCookies().toString();
    }
}
