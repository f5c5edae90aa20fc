package org.dudao.serve;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.UriCompliance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The console's HTTP server: Javalin 7 on Jetty 12, bound to {@code --bind} (127.0.0.1 by default).
 * Here are what every response carries (a Content-Security-Policy with no inline script,
 * {@code X-Content-Type-Options: nosniff}, no caching of pages and data), the role every route
 * needs and the CSRF check of every change ({@link Auth}), the upload limit, the access log, and
 * errors as JSON for {@code /api/} and as a page elsewhere, without a stack trace.
 */
public final class ConsoleServer implements AutoCloseable {
    /** The pages' policy: scripts and styles from this server only (no inline script at all), nothing from elsewhere. */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String HANDLED = "dudao.handled";
    static final String USER = "dudao.user";

    private final Console console;
    private final Auth auth;
    private final Javalin app;

    public ConsoleServer(Console console) {
        this.console = console;
        this.auth = new Auth(console.users(), console.config().maxSession().toMillis());
        this.app = Javalin.create(this::configure);
    }

    public ConsoleServer start() {
        app.start();
        return this;
    }

    public int port() { return app.port(); }

    private void configure(JavalinConfig config) {
        ConsoleConfig cc = console.config();
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = cc.bind();
        config.jetty.port = cc.port();
        config.jetty.multipartConfig.maxFileSize(cc.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(cc.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, SizeUnit.BYTES);
        config.jetty.multipartConfig.cacheDirectory(cc.data().resolve("tmp").toString());
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT));
        config.jetty.modifyServletContextHandler(handler -> {
            SessionHandler sessions = handler.getSessionHandler();
            sessions.setSessionCookie("dudao_session");
            sessions.setHttpOnly(true);
            sessions.setSameSite(HttpCookie.SameSite.STRICT);
            sessions.setMaxInactiveInterval((int) cc.idleSession().toSeconds());
        });
        config.http.maxRequestSize = 64 * 1024; // JSON bodies (login); uploads are multipart, limited above
        config.jsonMapper(new JavalinJackson(console.json(), false));
        config.requestLogger.http((ctx, ms) -> {
            User u = ctx.attribute(USER);
            console.logs().access(ctx.ip(), u == null ? null : u.name(), ctx.req().getMethod(), ctx.path(), ctx.statusCode(), ms);
        });

        config.routes.before(this::headers);
        config.routes.beforeMatched(this::access);
        config.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (tooLarge(e)) {
                error(ctx, 413, tooLargeMessage());
                return;
            }
            e.printStackTrace(); // the server's log; the client gets no stack trace
            error(ctx, 500, "服务器内部错误：" + e.getClass().getSimpleName());
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null) error(ctx, 404, "没有这个页面：" + ctx.path());
        });
        config.routes.error(405, ctx -> {
            if (ctx.attribute(HANDLED) == null) error(ctx, 405, "不支持的请求方法：" + ctx.req().getMethod() + " " + ctx.path());
        });
        new Api(console, auth).routes(config.routes);
        new Site(console, auth).routes(config.routes);
    }

    private void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        if (Auth.changes(ctx) && ctx.isMultipart()) {
            long length = ctx.req().getContentLengthLong();
            if (length > console.config().maxUploadBytes()) throw new HttpError(413, tooLargeMessage());
        }
    }

    /** The role a route needs, and the CSRF check of a change; public routes check their own. */
    private void access(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) return;
        User user = auth.user(ctx);
        if (user == null) {
            if (ctx.path().startsWith("/api/")) throw new HttpError(401, "请先登录（POST /api/login）");
            String next = ctx.req().getMethod().equals("GET") ? ctx.path() : "/";
            ctx.attribute(HANDLED, true);
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(USER, user);
        Role needed = roles.stream().map(r -> (Role) r).min(Enum::compareTo).orElseThrow();
        if (!user.role().allows(needed)) {
            throw new HttpError(403, "你的角色（" + user.role().label() + "）不能做这件事：需要“" + needed.label() + "”角色");
        }
        if (Auth.changes(ctx)) auth.checkChange(ctx);
    }

    private void error(Context ctx, int status, String message) {
        ctx.attribute(HANDLED, true);
        drain(ctx);
        ctx.status(status);
        if (status == 429) ctx.header("Retry-After", "30");
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("status", status, "error", message));
        } else {
            User u = ctx.attribute(USER);
            Pages.send(ctx, "error", Map.of("page", new Page("出错了", "", u, u == null ? "" : auth.csrf(ctx), auth.enabled()),
                    "status", status, "message", message));
        }
    }

    /**
     * Reads what is left of a refused request's body (up to twice the upload limit): a connection closed
     * with unread bytes is reset, and a reset can take the answer with it before the client has read it.
     * A body larger still is not read: its sender may see the connection reset instead of the 413.
     */
    private void drain(Context ctx) {
        long most = 2 * console.config().maxUploadBytes();
        long length = ctx.req().getContentLengthLong();
        if (length == 0 || length > most) return;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            long left = most;
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) left -= n;
        } catch (IOException | IllegalStateException e) {
            // already read (a multipart form), or the client went away: nothing to drain
        }
    }

    private String tooLargeMessage() {
        return "上传过大：一次最多 " + (console.config().maxUploadBytes() / (1024 * 1024)) + " MB（--max-upload）";
    }

    /** Jetty's multipart parser signals a part or request over the limit with one of several exceptions, all saying "size". */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("max file size") || m.contains("max request size") || m.contains("exceeds") && m.contains("size")
                    || m.contains("max length") || m.contains("413")) return true;
        }
        return false;
    }

    @Override public void close() {
        app.stop();
    }
}
