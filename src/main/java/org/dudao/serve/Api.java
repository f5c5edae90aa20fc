package org.dudao.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.dudao.api.DudaoException;
import org.dudao.api.WorkbookContents;
import org.dudao.history.HistoryException;
import org.dudao.model.Entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The JSON API under {@code /api/}, documented in docs/api.md. */
final class Api {
    private final Console console;
    private final Auth auth;
    /** Quick looks into uploads before a run: as many at once as runs, so previews cannot starve the runs of memory. */
    private final Semaphore inspecting;

    Api(Console console, Auth auth) {
        this.console = console;
        this.auth = auth;
        this.inspecting = new Semaphore(console.queue().jobs());
    }

    void routes(RoutesConfig r) {
        r.get("/api/session", this::session);
        r.post("/api/login", this::login);
        r.post("/api/logout", this::logout, Role.VIEW);
        r.get("/api/runs", this::runs, Role.VIEW);
        r.post("/api/runs", this::create, Role.EVALUATE);
        r.post("/api/inspect", this::inspect, Role.EVALUATE);
        r.get("/api/runs/{id}", this::run, Role.VIEW);
        r.get("/api/runs/{id}/regions/{n}", ctx -> Downloads.regionReport(console, ctx, false), Role.VIEW);
        r.get("/api/runs/{id}/{file}", ctx -> Downloads.report(console, ctx, ctx.pathParam("file"), true), Role.VIEW);
        r.get("/api/indicators", ctx -> ctx.json(Catalogue.of(console.rules())), Role.VIEW);
        r.get("/api/history/{region}", this::history, Role.VIEW);
        r.get("/api/waivers", ctx -> ctx.json(WaiverList.of(console)), Role.VIEW);
    }

    private void session(Context ctx) {
        User u = auth.user(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("authenticated", u != null);
        out.put("loginRequired", auth.enabled());
        if (u != null) {
            out.put("user", u.name());
            out.put("role", u.role().label());
            out.put("csrf", auth.csrf(ctx));
        }
        ctx.json(out);
    }

    /** JSON only: a form on another site cannot send it without the browser asking first, and nothing here answers yes. */
    private void login(Context ctx) {
        if (!ctx.isJson()) throw new HttpError(415, "登录请求应为 JSON：{\"user\": …, \"password\": …}");
        if (!auth.enabled()) throw new HttpError(400, "本控制台未配置用户，无需登录（GET /api/session 取得 CSRF 令牌）");
        Map<?, ?> body;
        try {
            body = console.json().readValue(ctx.bodyAsBytes(), Map.class);
        } catch (IOException e) {
            throw new HttpError(400, "登录请求不是有效的 JSON");
        }
        String name = body.get("user") instanceof String s ? s : null;
        String password = body.get("password") instanceof String s ? s : null;
        User u = console.users().authenticate(name, password).orElse(null);
        if (u == null) {
            console.logs().event("login-failed", name, Map.of("ip", ctx.ip()));
            throw new HttpError(401, "用户名或密码不对");
        }
        String token = auth.login(ctx, u);
        ctx.attribute(ConsoleServer.USER, u);
        console.logs().event("login", u.name(), Map.of("ip", ctx.ip()));
        ctx.json(Map.of("user", u.name(), "role", u.role().label(), "csrf", token));
    }

    private void logout(Context ctx) {
        auth.logout(ctx);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void runs(Context ctx) {
        User u = ctx.attribute(ConsoleServer.USER);
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunState r : console.runs().all()) if (Runs.canSee(u, r)) out.add(view(r, false));
        ctx.json(Map.of("runs", out, "queue", queue()));
    }

    private void create(Context ctx) throws IOException {
        RunState s = Runs.create(console, ctx, ctx.attribute(ConsoleServer.USER));
        ctx.status(HttpStatus.ACCEPTED);
        ctx.header("Location", "/api/runs/" + s.id);
        ctx.json(Map.of("id", s.id, "state", "queued", "position", console.queue().position(s.id), "url", "/runs/" + s.id));
    }

    private void run(Context ctx) {
        ctx.json(view(Runs.visible(console, ctx, ctx.pathParam("id")), true));
    }

    /** A run as the API shows it: its state (lower case), its place in the queue, links to its reports once done. */
    Map<String, Object> view(RunState r, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("state", r.state.name().toLowerCase());
        m.put("stateLabel", r.state.label());
        m.put("position", console.queue().position(r.id));
        m.put("stage", r.stage);
        m.put("user", r.user);
        m.put("createdAt", r.createdAt);
        m.put("startedAt", r.startedAt);
        m.put("finishedAt", r.finishedAt);
        m.put("region", r.regionKey == null ? null : Map.of("key", r.regionKey, "name", r.regionName));
        m.put("year", r.evaluatedYear);
        m.put("counts", r.counts);
        m.put("exitCode", r.exitCode);
        m.put("message", r.message);
        m.put("inputs", r.inputs);
        if (!full) return m;
        m.put("yearAsked", r.year);
        m.put("progress", r.progress);
        m.put("problems", r.problems);
        m.put("failing", r.failing);
        m.put("rulesSha256", r.rulesSha256);
        m.put("historyRunId", r.historyRunId);
        Map<String, String> reports = new LinkedHashMap<>();
        if (r.state == RunState.State.DONE) for (String f : Downloads.FILES.keySet()) reports.put(Downloads.FILES.get(f).id(), "/api/runs/" + r.id + "/" + f);
        m.put("reports", reports);
        List<Map<String, String>> regional = new ArrayList<>();
        for (int i = 0; i < r.regionReports.size(); i++) {
            regional.add(Map.of("name", r.regionReports.get(i), "url", "/api/runs/" + r.id + "/regions/" + (i + 1)));
        }
        m.put("regionReports", regional);
        return m;
    }

    Map<String, Object> queue() {
        return Map.of("jobs", console.queue().jobs(), "running", console.queue().active(), "waiting", console.queue().waiting().size(),
                "capacity", console.queue().capacity());
    }

    /** The years and regions in each uploaded workbook, before a run: nothing is kept. */
    private void inspect(Context ctx) throws IOException, InterruptedException {
        if (!inspecting.tryAcquire(10, TimeUnit.SECONDS)) throw new HttpError(429, "正在预检的上传过多，请稍后再试");
        Path dir = Files.createTempDirectory(console.config().data().resolve("tmp"), "inspect-");
        try {
            List<RunState.Input> inputs = Uploads.store(ctx.uploadedFiles("workbooks"), dir.resolve("inputs"));
            for (RunState.Input in : inputs) {
                try {
                    WorkbookContents r = console.rules().probe(dir.resolve(in.stored));
                    List<Entity> regions = RunJob.regions(r);
                    in.years = List.copyOf(r.years());
                    in.regionCount = regions.size();
                    in.regions = regions.stream().limit(12).map(e -> e.displayName() + "（" + e.getCode() + "）").toList();
                } catch (DudaoException e) {
                    in.problem = e.getMessage();
                }
                in.stored = null;
            }
            ctx.json(Map.of("inputs", inputs));
        } catch (Uploads.Refused e) {
            throw new HttpError(e.status, e.getMessage());
        } finally {
            inspecting.release();
            RunStore.deleteTree(dir);
        }
    }

    private void history(Context ctx) throws HistoryException {
        ctx.json(RegionHistory.of(console, ctx, ctx.pathParam("region")));
    }
}
