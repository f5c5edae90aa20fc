package org.dudao.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMessage;
import org.dudao.engine.Waivers;
import org.dudao.history.HistoryException;
import org.dudao.history.StoredRun;
import org.dudao.report.AtomicFiles;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The console's pages (Chinese throughout), their forms, and the two static files they use. */
final class Site {
    private static final Map<String, String> STATIC = Map.of("console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");
    /** The report's own inline script, allowed by its hash in the report frame's policy (report.html carries the same in its meta tag). */
    static final String REPORT_SCRIPT_HASH = Sha256.cspSource(resource("/org/dudao/report/report.js"));

    private final Console console;
    private final Auth auth;
    private final Templates templates;

    Site(Console console, Auth auth) {
        this.console = console;
        this.auth = auth;
        this.templates = new Templates(console.rules());
    }

    void routes(RoutesConfig r) {
        r.get("/static/{file}", this::staticFile);
        r.get("/login", ctx -> login(ctx, null, ctx.queryParam("next")));
        r.post("/login", this::doLogin);
        r.post("/logout", this::logout, Role.VIEW);
        r.get("/", this::upload, Role.VIEW);
        r.post("/runs", this::startRun, Role.EVALUATE);
        r.get("/runs", this::runs, Role.VIEW);
        r.get("/runs/{id}", this::run, Role.VIEW);
        r.get("/runs/{id}/report", this::reportFrame, Role.VIEW);
        r.get("/history", this::regions, Role.VIEW);
        r.get("/history/{region}", this::region, Role.VIEW);
        r.get("/indicators", ctx -> render(ctx, "indicators", "指标目录", Map.of("catalogue", Catalogue.of(console.rules()))), Role.VIEW);
        r.get("/templates", ctx -> render(ctx, "templates", "填报模板", Map.of("levels", Templates.LEVELS)), Role.VIEW);
        r.get("/templates/{file}", this::template, Role.VIEW);
        r.get("/waivers", ctx -> waivers(ctx, null), Role.VIEW);
        r.post("/waivers", this::addWaiver, Role.ADMIN);
        r.get("/users", ctx -> users(ctx, null), Role.ADMIN);
        r.post("/users", this::addUser, Role.ADMIN);
        r.post("/users/delete", this::deleteUser, Role.ADMIN);
    }

    private Page page(Context ctx, String title, String active) {
        return new Page(title, active, ctx.attribute(ConsoleServer.USER), auth.csrf(ctx), auth.enabled());
    }

    private void render(Context ctx, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page(ctx, title, template));
        Pages.send(ctx, template, all);
    }

    private void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        String type = STATIC.get(file);
        if (type == null) throw HttpError.notFound("没有这个文件：" + file);
        ctx.contentType(type);
        ctx.header("Cache-Control", "no-cache");
        ctx.result(resource("/org/dudao/serve/static/" + file));
    }

    // ---- login --------------------------------------------------------------------------------

    private void login(Context ctx, String problem, String next) {
        if (!auth.enabled()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        if (problem != null) ctx.status(HttpStatus.UNAUTHORIZED);
        Pages.send(ctx, "login", Map.of("page", new Page("登录", "login", null, auth.csrf(ctx), true),
                "next", safeNext(next), "problem", problem == null ? "" : problem));
    }

    private void doLogin(Context ctx) {
        auth.checkChange(ctx);
        String name = ctx.formParam("user");
        User u = console.users().authenticate(name, ctx.formParam("password")).orElse(null);
        if (u == null) {
            console.logs().event("login-failed", name, Map.of("ip", ctx.ip()));
            login(ctx, "用户名或密码不对", ctx.formParam("next"));
            return;
        }
        auth.login(ctx, u);
        ctx.attribute(ConsoleServer.USER, u);
        console.logs().event("login", u.name(), Map.of("ip", ctx.ip()));
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        auth.logout(ctx);
        ctx.redirect(auth.enabled() ? "/login" : "/", HttpStatus.SEE_OTHER);
    }

    /** Only a path on this server: never another site, never "//host". */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\n") ? next : "/";
    }

    // ---- runs ---------------------------------------------------------------------------------

    private void upload(Context ctx) {
        User u = ctx.attribute(ConsoleServer.USER);
        List<RunState> recent = console.runs().all().stream().filter(r -> Runs.canSee(u, r)).limit(5).toList();
        render(ctx, "upload", "上传评估", Map.of("recent", recent, "queue", queue(), "maxMb", console.config().maxUploadBytes() / (1024 * 1024)));
    }

    private void startRun(Context ctx) throws IOException {
        RunState s = Runs.create(console, ctx, ctx.attribute(ConsoleServer.USER));
        ctx.redirect("/runs/" + s.id, HttpStatus.SEE_OTHER);
    }

    private void runs(Context ctx) {
        User u = ctx.attribute(ConsoleServer.USER);
        List<RunState> all = console.runs().all().stream().filter(r -> Runs.canSee(u, r)).toList();
        render(ctx, "runs", "运行记录", Map.of("runs", all, "queue", queue()));
    }

    private void run(Context ctx) {
        RunState r = Runs.visible(console, ctx, ctx.pathParam("id"));
        render(ctx, "run", "第 " + r.id + " 次运行", Map.of("run", r, "position", console.queue().position(r.id)));
    }

    /** The run's report.html, unchanged, in the run page's frame: its own origin (sandbox), its own script by hash. */
    private void reportFrame(Context ctx) throws IOException {
        ctx.header("Content-Security-Policy", Downloads.REPORT_CSP_BASE + "'" + REPORT_SCRIPT_HASH + "'");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        Downloads.report(console, ctx, "report.html", false);
    }

    private QueueView queue() {
        RunQueue q = console.queue();
        return new QueueView(q.jobs(), q.active(), q.waiting().size(), q.capacity());
    }

    // ---- history, templates -------------------------------------------------------------------

    private void regions(Context ctx) throws HistoryException {
        User u = ctx.attribute(ConsoleServer.USER);
        List<StoredRun> regions = console.history().latestRunOfEachRegion().stream().filter(r -> u.covers(r.regionKey())).toList();
        render(ctx, "history", "历史", Map.of("regions", regions));
    }

    private void region(Context ctx) throws HistoryException {
        RegionHistory h = RegionHistory.of(console, ctx, ctx.pathParam("region"));
        render(ctx, "region", "历史：" + h.name(), Map.of("h", h));
    }

    private void template(Context ctx) {
        String level = ctx.pathParam("file").replaceFirst("\\.xlsx$", "");
        byte[] bytes = templates.get(level);
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.header("Content-Disposition", Downloads.contentDisposition(Templates.fileName(level)));
        ctx.result(bytes);
    }

    // ---- waivers and users (管理) --------------------------------------------------------------

    private void waivers(Context ctx, String problem) {
        render(ctx, "waivers", "豁免", Map.of("list", WaiverList.of(console), "problem", problem == null ? "" : problem,
                "file", console.config().consoleWaivers().toString()));
    }

    /** Appends a waiver to the console's waivers file, when the file with it still reads without error. */
    private void addWaiver(Context ctx) throws IOException {
        List<String> row = new ArrayList<>();
        for (String f : List.of("indicator", "entity", "year", "reason", "approver", "expires")) {
            String v = ctx.formParam(f);
            row.add(v == null ? "" : v.strip());
        }
        Path file = console.config().consoleWaivers();
        String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "指标,单位代码,年度,理由,批准人,有效期至\n";
        StringBuilder text = new StringBuilder(existing);
        if (!existing.endsWith("\n")) text.append('\n');
        try (CSVPrinter p = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            p.printRecord(row);
        }
        Path candidate = Files.createTempFile(console.config().data().resolve("tmp"), "waivers-", ".csv");
        try {
            Files.writeString(candidate, text, StandardCharsets.UTF_8);
            List<Path> files = new ArrayList<>(console.waiverFiles());
            files.remove(file);
            files.add(candidate);
            try {
                Waivers.read(files);
            } catch (RuleCompileException e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                waivers(ctx, "豁免未添加：" + e.messages().stream().map(RuleMessage::message).reduce((a, b) -> a + "；" + b).orElse(""));
                return;
            }
            AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(candidate);
        }
        User u = ctx.attribute(ConsoleServer.USER);
        console.logs().event("waiver-added", u.name(), Map.of("waiver", String.join(",", row)));
        ctx.redirect("/waivers", HttpStatus.SEE_OTHER);
    }

    private void users(Context ctx, String problem) {
        render(ctx, "users", "用户", Map.of("users", console.users().all(), "problem", problem == null ? "" : problem,
                "file", console.config().usersFile().toString()));
    }

    private void addUser(Context ctx) throws IOException {
        User admin = ctx.attribute(ConsoleServer.USER);
        Role role = Role.parse(ctx.formParam("role"));
        String name = ctx.formParam("name");
        try {
            if (role == null) throw new IllegalArgumentException("角色应为 查看、评估 或 管理");
            console.users().put(name, role, ctx.formParam("password"), ctx.formParam("region"));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            users(ctx, "用户未添加：" + e.getMessage());
            return;
        }
        console.logs().event("user-added", admin.name(), Map.of("name", name, "role", role.label()));
        ctx.redirect("/users", HttpStatus.SEE_OTHER);
    }

    private void deleteUser(Context ctx) throws IOException {
        User admin = ctx.attribute(ConsoleServer.USER);
        String name = ctx.formParam("name");
        if (admin.name().equals(name)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            users(ctx, "不能删除自己");
            return;
        }
        if (console.users().remove(name)) console.logs().event("user-removed", admin.name(), Map.of("name", name));
        ctx.redirect("/users", HttpStatus.SEE_OTHER);
    }

    // ---- resources ----------------------------------------------------------------------------

    static byte[] resource(String name) {
        try (InputStream in = Site.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
