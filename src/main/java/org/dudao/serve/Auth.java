package org.dudao.serve;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Who a request comes from, and whether it may change anything. Sessions are Jetty's (a cookie that
 * is HttpOnly and SameSite=Strict, idle sessions expire); a login also ends after a fixed time, and
 * starts a new session so a session id seen before the login is worth nothing after it. Every
 * request that changes something must carry the session's CSRF token, in the header
 * {@value #CSRF_HEADER} or the form field {@value #CSRF_FIELD}, and must not come from another origin.
 * Without users (the loopback default) the one user is {@link User#LOCAL}, and the token is still asked for.
 */
final class Auth {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    private static final String USER = "dudao.user";
    private static final String SINCE = "dudao.since";
    private static final String CSRF = "dudao.csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Users users;
    private final long maxSessionMillis;
    private final SecureRandom random = new SecureRandom();

    Auth(Users users, long maxSessionMillis) {
        this.users = users;
        this.maxSessionMillis = maxSessionMillis;
    }

    boolean enabled() { return !users.isEmpty(); }

    /** The user of the request, or null when nobody is logged in (or the login has lasted too long). */
    User user(Context ctx) {
        if (!enabled()) return User.LOCAL;
        HttpSession s = ctx.req().getSession(false);
        if (s == null) return null;
        Object name = s.getAttribute(USER);
        Object since = s.getAttribute(SINCE);
        if (!(name instanceof String n) || !(since instanceof Long t)) return null;
        if (System.currentTimeMillis() - t > maxSessionMillis) {
            s.invalidate();
            return null;
        }
        return users.get(n).orElse(null); // a user removed since the login is logged out
    }

    /** The session's CSRF token, made (with the session) when there is none yet. */
    String csrf(Context ctx) {
        HttpSession s = ctx.req().getSession(true);
        Object t = s.getAttribute(CSRF);
        if (t instanceof String token) return token;
        String token = token();
        s.setAttribute(CSRF, token);
        return token;
    }

    /** Starts a new session for the user (the old one, and its id, are dropped). */
    String login(Context ctx, User user) {
        HttpSession old = ctx.req().getSession(false);
        if (old != null) old.invalidate();
        HttpSession s = ctx.req().getSession(true);
        s.setAttribute(USER, user.name());
        s.setAttribute(SINCE, System.currentTimeMillis());
        String token = token();
        s.setAttribute(CSRF, token);
        return token;
    }

    void logout(Context ctx) {
        HttpSession s = ctx.req().getSession(false);
        if (s != null) s.invalidate();
    }

    /** By the request line's own method: Javalin's {@code ctx.method()} would follow an X-HTTP-Method-Override header. */
    static boolean changes(Context ctx) { return !SAFE.contains(ctx.req().getMethod()); }

    /** Refuses a state-changing request from another origin, or without the session's token. */
    void checkChange(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !"null".equals(origin) && host != null && !origin.replaceFirst("^https?://", "").equals(host)) {
            throw new HttpError(403, "请求来自其他网站（" + origin + "），已拒绝");
        }
        HttpSession s = ctx.req().getSession(false);
        Object expected = s == null ? null : s.getAttribute(CSRF);
        String given = ctx.header(CSRF_HEADER);
        if (given == null && ctx.isMultipartFormData() || given == null && ctx.isFormUrlencoded()) given = ctx.formParam(CSRF_FIELD);
        if (!(expected instanceof String e) || given == null
                || !MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(403, "缺少或不符的 CSRF 令牌：请刷新页面后重试（API 调用请在 " + CSRF_HEADER + " 头中给出登录时得到的令牌）");
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
